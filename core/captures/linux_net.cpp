#include "capture_parsers.h"
