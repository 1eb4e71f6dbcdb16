#include "windows_console.h"

#include <QtGlobal>

#ifdef Q_OS_WIN
#include <windows.h>

#include <atomic>
#include <cstdlib>
#endif

namespace wslatlas {

// Untested: written without access to Windows (the project is built and tested on Linux).
#ifdef Q_OS_WIN
namespace {

struct SavedConsole
{
    std::atomic<bool> saved{false};
    DWORD inputMode = 0;
    DWORD outputMode = 0;
    bool hasInputMode = false;
    bool hasOutputMode = false;
    UINT inputCodePage = 0;
    UINT outputCodePage = 0;
};

SavedConsole &saved()
{
    static SavedConsole state;
    return state;
}

void restoreConsole()
{
    SavedConsole &s = saved();
    if (!s.saved.load())
        return;
    if (s.inputCodePage != 0)
        SetConsoleCP(s.inputCodePage);
    if (s.outputCodePage != 0)
        SetConsoleOutputCP(s.outputCodePage);
    if (s.hasInputMode)
        SetConsoleMode(GetStdHandle(STD_INPUT_HANDLE), s.inputMode);
    if (s.hasOutputMode)
        SetConsoleMode(GetStdHandle(STD_OUTPUT_HANDLE), s.outputMode);
}

BOOL WINAPI onConsoleEvent(DWORD)
{
    restoreConsole();
    return FALSE; // the default handler still ends the process
}

} // namespace

ConsoleGuard::ConsoleGuard()
{
    SavedConsole &s = saved();
    s.hasInputMode = GetConsoleMode(GetStdHandle(STD_INPUT_HANDLE), &s.inputMode) != 0;
    s.hasOutputMode = GetConsoleMode(GetStdHandle(STD_OUTPUT_HANDLE), &s.outputMode) != 0;
    s.inputCodePage = GetConsoleCP();
    s.outputCodePage = GetConsoleOutputCP();
    s.saved.store(true);
    SetConsoleCtrlHandler(onConsoleEvent, TRUE);
    std::atexit(restoreConsole);
}

ConsoleGuard::~ConsoleGuard()
{
    restoreConsole();
}

bool writeToConsole(bool toStderr, std::u16string_view text)
{
    const HANDLE handle = GetStdHandle(toStderr ? STD_ERROR_HANDLE : STD_OUTPUT_HANDLE);
    DWORD mode = 0;
    if (handle == INVALID_HANDLE_VALUE || !GetConsoleMode(handle, &mode))
        return false;
    DWORD written = 0;
    return WriteConsoleW(handle, text.data(), static_cast<DWORD>(text.size()), &written, nullptr) != 0;
}
#else
ConsoleGuard::ConsoleGuard() = default;
ConsoleGuard::~ConsoleGuard() = default;

bool writeToConsole(bool, std::u16string_view)
{
    return false;
}
#endif

} // namespace wslatlas
