#pragma once
// A Diagram (diagram.h) as Graphviz DOT text: what "Export as DOT" writes, so that the DOT shows the same
// picture as the GUI, with the same tones. Plain text; no Graphviz library is needed to write it.
#include "diagram.h"

#include <string>

namespace wslatlas {

// Node names are the diagram's ids, quoted; labels are HTML-like (title bold, then lines and badges), with
// every text escaped and invalid UTF-8 replaced, so that any snapshot gives a file dot accepts. Clusters
// become "cluster_N" subgraphs in the diagram's order; notes go under the title in the graph label.
// Tooltips are left out: Graphviz 2.4x interprets backslashes in them differently with HTML labels.
std::string diagramToDot(const Diagram &diagram, bool dark = false);

} // namespace wslatlas
