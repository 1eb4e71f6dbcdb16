// wslatlas-cli: dispatches on the command name, then each command parses its own options.
#include "cli_commands.h"
#include "translations.h"
#include "windows_console.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstdio>
#include <cstring>
#include <memory>

#ifdef Q_OS_WIN
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#endif

namespace {

using namespace wslatlas::cli;

QString commandList()
{
    return QStringLiteral("plan, snapshot, import, parse, tree, export");
}

void printUsage()
{
    printText(
        QStringLiteral(
            "Usage: %1 COMMAND [options]\n"
            "WSL Atlas: take a snapshot of how WSL 2 (or this Linux host) is put together, and draw it.\n"
            "\n"
            "Commands:\n"
            "  plan                 print the default vantage plan (JSON)\n"
            "  snapshot             run the collector through a plan and write SNAP.json\n"
            "  import CAPTURE_DIR   make SNAP.json from saved command outputs (a capture folder)\n"
            "  parse KIND FILE      run one capture parser on one saved output, print JSON\n"
            "  tree SNAP.json       print the pid-namespace tree as text\n"
            "  export SNAP.json     draw the pid or network view as PNG, SVG or DOT\n"
            "\n"
            "Options:\n"
            "  -h, --help           show this help and exit\n"
            "  --version            show the version and exit\n"
            "\n"
            "Run '%1 COMMAND --help' for a command's options. Exit status: 0 ok, 1 snapshot written but\n"
            "some vantage failed, 2 bad usage or unreadable input.\n")
            .arg(programName()));
}

int dispatch(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return fail(QStringLiteral("no command given; commands: %1 (see '%2 --help')")
                        .arg(commandList(), programName()));

    const QString &name = arguments.constFirst();
    const QStringList rest = arguments.mid(1);
    if (name == QLatin1String("-h") || name == QLatin1String("--help") || name == QLatin1String("-?") ||
        name == QLatin1String("help")) {
        // "help COMMAND" is the same as "COMMAND --help".
        if (name == QLatin1String("help") && !rest.isEmpty() &&
            !rest.constFirst().startsWith(QLatin1Char('-')))
            return dispatch({rest.constFirst(), QStringLiteral("--help")});
        printUsage();
        return ExitOk;
    }
    if (name == QLatin1String("--version") || name == QLatin1String("-v")) {
        printText(programName() + QLatin1Char(' ') + QCoreApplication::applicationVersion() +
                  QLatin1Char('\n'));
        return ExitOk;
    }
    if (name == QLatin1String("plan"))
        return runPlan(rest);
    if (name == QLatin1String("snapshot"))
        return runSnapshot(rest);
    if (name == QLatin1String("tree"))
        return runTree(rest);
    if (name == QLatin1String("export"))
        return runExport(rest);
    if (name == QLatin1String("import"))
        return runImport(rest);
    if (name == QLatin1String("parse"))
        return runParse(rest);
    if (name.startsWith(QLatin1Char('-')))
        return fail(QStringLiteral("unknown option '%1'; usage: %2 COMMAND [options] (commands: %3)")
                        .arg(name, programName(), commandList()));
    return fail(QStringLiteral("unknown command '%1'; usage: %2 COMMAND [options] (commands: %3)")
                    .arg(name, programName(), commandList()));
}

// Qt's own chatter on the offscreen platform (e.g. "QStandardPaths: XDG_RUNTIME_DIR not set" when run as
// root or from cron) is not ours to report; everything else Qt warns about keeps our one-line format.
void qtMessage(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtDebugMsg || type == QtInfoMsg || message.startsWith(QLatin1String("QStandardPaths:")))
        return;
    std::fprintf(stderr, "%s: %s\n", qPrintable(programName()), qPrintable(message));
}

} // namespace

int main(int argc, char *argv[])
{
    // Whatever a child does to the shared console, the user's terminal gets its modes and code pages back.
    const wslatlas::ConsoleGuard console;
#ifdef Q_OS_WIN
    // JSON and DOT go out byte for byte; text mode would turn \n into \r\n. `parse KIND -` reads
    // stdin as bytes too (UTF-16 output would be mangled by text mode).
    _setmode(_fileno(stdout), _O_BINARY);
    _setmode(_fileno(stdin), _O_BINARY);
#endif
    // Only `export` draws: it needs a QApplication, on the offscreen platform unless the user chose one, so
    // that it runs without a display and gives the picture the desktop program shows.
    std::unique_ptr<QCoreApplication> app;
    if (argc > 1 && std::strcmp(argv[1], "export") == 0) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        qInstallMessageHandler(qtMessage);
        app = std::make_unique<QApplication>(argc, argv);
        wslatlas::installTranslations(*app); // the diagrams' text, as the desktop program shows it
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(programName());
    QCoreApplication::setApplicationVersion(QStringLiteral(WSLATLAS_VERSION));
    return dispatch(QCoreApplication::arguments().mid(1));
}
