#pragma once
// A capture folder: saved command outputs, one file each, turned into what a live run would have
// collected (wslatlas-cli import; the README documents the names).
//   <kind>.txt or <kind>.<label>.txt   a host capture (wsl-list.txt, lxss-registry.hkcu.txt, ...)
//   vantage-vm.txt                     the collector through wsl --debug-shell (the VM root)
//   vantage-host.txt                   the collector on a plain Linux host
//   vantage-system-<distro>.txt        the collector in <distro>'s WSLg system distro
//   vantage-<distro>.txt               the collector in <distro>
#include "collect.h"

#include <string>
#include <vector>

namespace wslatlas {

struct FolderFile
{
    std::string name; // file name only, no directory
    std::string bytes;
};

// Files whose names fit no pattern are listed in `ignored` (with why) and otherwise left alone.
Collection collectionFromFolder(const std::vector<FolderFile> &files, std::vector<std::string> &ignored);

} // namespace wslatlas
