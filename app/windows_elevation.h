#pragma once
// Whether this process runs elevated (administrator): the VM root vantage (wsl --debug-shell) and
// hnsdiag need it. Windows only; false everywhere else. And running a program elevated (the UAC prompt).
#include <string>
#include <vector>

namespace wslatlas {

bool isProcessElevated();

struct ElevatedRun
{
    bool started = false;  // the prompt was accepted and the program ran
    bool declined = false; // the user declined the UAC prompt (ERROR_CANCELLED)
    int exitCode = -1;
    std::string error; // when neither started nor declined
};

// Runs program elevated (ShellExecuteExW with the verb "runas") with these arguments, hidden, and waits
// for it at most timeoutMs. Windows only: elsewhere it reports that it is not available.
ElevatedRun runElevated(const std::wstring &program, const std::vector<std::wstring> &arguments,
                        unsigned long timeoutMs);

// The command line CommandLineToArgvW (and the C runtime) splits back into exactly these arguments. Pure,
// on every platform, so that it is tested on Linux.
std::wstring windowsCommandLine(const std::vector<std::wstring> &arguments);

} // namespace wslatlas
