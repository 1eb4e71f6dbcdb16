#pragma once
// Differences between the Graphviz builds we meet (2.42 on Debian 12, 12-14 from vcpkg), in one place. Only
// what graph_layout.cpp uses. Decided by what CMakeLists.txt found, not by version macros:
//
// - WSLATLAS_GRAPHVIZ_DLL (set by CMakeLists.txt on Windows unless Graphviz is a static build): the plugin's
//   library record is data exported from a DLL, which MSVC reaches only through dllimport (Graphviz's own
//   headers assume the same for Agdirected).
//
// Handled without a check because one spelling compiles against every version:
// - String parameters are `char *` in 2.42 (agopen, agnode, agattr, agxset, agsubg), partly `const char *`
//   later: gvStr hands out `char *`, which converts to either. Graphviz copies them, never writes them.
// - bezier::size and splines::size are `int` in 2.42 and `size_t` later; sflag/eflag `int` or `uint32_t`:
//   gvCount turns any of them into a size_t.
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

#include <cstddef>
#include <string>

#if defined(_WIN32) && defined(WSLATLAS_GRAPHVIZ_DLL)
#define WSLATLAS_GVPLUGIN_IMPORT __declspec(dllimport)
#else
#define WSLATLAS_GVPLUGIN_IMPORT
#endif

namespace wslatlas::layout::gv {

inline char *gvStr(const std::string &text)
{
    return const_cast<char *>(text.c_str());
}

inline char *gvStr(const char *text)
{
    return const_cast<char *>(text);
}

template <typename Count> std::size_t gvCount(Count count)
{
    return count > 0 ? static_cast<std::size_t>(count) : 0;
}

} // namespace wslatlas::layout::gv
