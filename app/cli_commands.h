#pragma once
// The wslatlas-cli commands (DESIGN.md, "Command line (contract)"). Each takes the arguments after
// its name and returns the process exit code; errors go to stderr as exactly one line.
#include <QString>
#include <QStringList>

#include <string_view>

namespace wslatlas::cli {

enum ExitCode : int
{
    ExitOk = 0,      // done
    ExitPartial = 1, // the snapshot was written but some vantage failed (failed captures do not count)
    ExitFailure = 2, // bad usage, unreadable input, or nothing could be written
};

inline QString programName()
{
    return QStringLiteral("wslatlas-cli");
}

// Prints "wslatlas-cli: MESSAGE" as one line on stderr and returns ExitFailure.
int fail(const QString &message);
// Writes text (help, version) to stdout.
void printText(const QString &text);
// Writes bytes (JSON, DOT, the tree) to stdout as they are; false when that failed.
bool writeStdout(std::string_view data);

int runPlan(const QStringList &arguments);
int runSnapshot(const QStringList &arguments);
int runTree(const QStringList &arguments);
int runExport(const QStringList &arguments);
int runParse(const QStringList &arguments);
int runImport(const QStringList &arguments);

} // namespace wslatlas::cli
