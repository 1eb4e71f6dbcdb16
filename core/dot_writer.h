#pragma once
// The pid-namespace view as Graphviz DOT text (no Graphviz library needed to write it).
#include "snapshot.h"

#include <string>

namespace wslatlas {

std::string pidTreeToDot(const Snapshot &snapshot);

} // namespace wslatlas
