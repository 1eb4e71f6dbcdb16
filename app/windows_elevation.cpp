#include "windows_elevation.h"

#include <QtGlobal>

#ifdef Q_OS_WIN
#include <windows.h>

#include <shellapi.h>
#endif

namespace wslatlas {

// Untested: written without access to Windows (the project is built and tested on Linux).
bool isProcessElevated()
{
#ifdef Q_OS_WIN
    HANDLE token = nullptr;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
        return false;
    TOKEN_ELEVATION elevation{};
    DWORD size = 0;
    const bool ok = GetTokenInformation(token, TokenElevation, &elevation, sizeof(elevation), &size) != 0;
    CloseHandle(token);
    return ok && elevation.TokenIsElevated != 0;
#else
    return false;
#endif
}

std::wstring windowsCommandLine(const std::vector<std::wstring> &arguments)
{
    std::wstring line;
    for (const std::wstring &arg : arguments) {
        if (!line.empty())
            line += L' ';
        if (!arg.empty() && arg.find_first_of(L" \t\n\v\"") == std::wstring::npos) {
            line += arg;
            continue;
        }
        // Backslashes are literal except before a quote: double those, and escape the quote.
        line += L'"';
        std::size_t backslashes = 0;
        for (wchar_t c : arg) {
            if (c == L'\\') {
                ++backslashes;
                continue;
            }
            line.append(c == L'"' ? backslashes * 2 + 1 : backslashes, L'\\');
            backslashes = 0;
            line += c;
        }
        line.append(backslashes * 2, L'\\'); // before the closing quote
        line += L'"';
    }
    return line;
}

// Untested: written without access to Windows.
ElevatedRun runElevated(const std::wstring &program, const std::vector<std::wstring> &arguments,
                        unsigned long timeoutMs)
{
    ElevatedRun run;
#ifdef Q_OS_WIN
    const std::wstring parameters = windowsCommandLine(arguments);
    SHELLEXECUTEINFOW info{};
    info.cbSize = sizeof(info);
    info.fMask = SEE_MASK_NOCLOSEPROCESS | SEE_MASK_NO_CONSOLE;
    info.lpVerb = L"runas";
    info.lpFile = program.c_str();
    info.lpParameters = parameters.c_str();
    info.nShow = SW_HIDE;
    if (!ShellExecuteExW(&info) || !info.hProcess) {
        if (GetLastError() == ERROR_CANCELLED)
            run.declined = true;
        else
            run.error =
                "the elevated helper could not be started (error " + std::to_string(GetLastError()) + ")";
        return run;
    }
    run.started = true;
    if (WaitForSingleObject(info.hProcess, timeoutMs) != WAIT_OBJECT_0) {
        TerminateProcess(info.hProcess, 1);
        run.error = "the elevated helper did not finish in time and was stopped";
    } else {
        DWORD code = 0;
        GetExitCodeProcess(info.hProcess, &code);
        run.exitCode = static_cast<int>(code);
    }
    CloseHandle(info.hProcess);
#else
    Q_UNUSED(program);
    Q_UNUSED(arguments);
    Q_UNUSED(timeoutMs);
    run.error = "elevation is a Windows feature";
#endif
    return run;
}

} // namespace wslatlas
