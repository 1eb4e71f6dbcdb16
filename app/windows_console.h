#pragma once
// The console this program shares with the user's cmd or Windows Terminal (Windows only; no-ops elsewhere).
//
// wsl.exe switches its console to raw VT input and code page 65001 (ConsoleState::SetInteractiveMode in
// microsoft/WSL) and a killed `wsl --debug-shell` never switches it back. The runner starts every child with
// a console of its own (CREATE_NO_WINDOW), and ConsoleGuard puts the modes and code pages back at exit in any
// case: normal return, exit(), Ctrl+C, Ctrl+Break, the window closed.
#include <string_view>

namespace wslatlas {

class ConsoleGuard
{
public:
    ConsoleGuard(); // saves the input and output modes and code pages, and installs the handlers
    // NOLINTNEXTLINE(performance-trivially-destructible): it has work to do on Windows only
    ~ConsoleGuard(); // restores them
    ConsoleGuard(const ConsoleGuard &) = delete;
    ConsoleGuard &operator=(const ConsoleGuard &) = delete;
};

// Writes text to stdout or stderr as UTF-16 when that is a console (so that any character shows, whatever
// the code page); false when it is not a console (a pipe or a file: the caller writes UTF-8 bytes).
bool writeToConsole(bool toStderr, std::u16string_view text);

} // namespace wslatlas
