// wslatlas: the desktop program. `wslatlas [FILE]` opens a snapshot; without one it collects from WSL when
// wsl.exe is reachable and shows the bundled sample otherwise.
#include "main_window.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>
#include <iterator>

namespace {

// A dark palette for --dark (screenshots, and desktops whose style has no dark mode).
QPalette darkPalette()
{
    QPalette palette;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe7, 0xea);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd8));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x7f, 0xb2, 0xf0));
    palette.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8d, 0x93));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, QColor(0x7a, 0x7d, 0x83));
    return palette;
}

// Renders the main window once per tab into DIR (the README's screenshots), then quits.
void takeScreenshots(wslatlas::MainWindow &window, const QString &dir)
{
    QDir().mkpath(dir);
    const char *names[] = {"namespaces", "network", "processes", "charts", "memory"};
    for (int tab = 0; tab < window.tabs()->count() && tab < static_cast<int>(std::size(names)); ++tab) {
        window.tabs()->setCurrentIndex(tab);
        QCoreApplication::processEvents();
        const QString path = QDir(dir).filePath(QStringLiteral("main-%1.png").arg(QLatin1String(names[tab])));
        if (!window.grab().save(path))
            std::fprintf(stderr, "wslatlas: cannot write %s\n", qPrintable(QDir::toNativeSeparators(path)));
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("WSL Atlas"));
    QApplication::setApplicationName(QStringLiteral("wslatlas"));
    QApplication::setApplicationDisplayName(QStringLiteral("WSL Atlas"));
    QApplication::setApplicationVersion(QStringLiteral(WSLATLAS_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/wslatlas.svg")));

    wslatlas::installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "WSL Atlas: the pid namespaces, NSpid chains and network of WSL 2, drawn."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QApplication::translate("main", "A snapshot to open (wslatlas-cli snapshot writes one)."),
        QStringLiteral("[FILE]"));
    const QCommandLineOption sample(
        QStringLiteral("sample"),
        QApplication::translate("main", "Open the bundled sample instead of collecting."));
    const QCommandLineOption dark(QStringLiteral("dark"),
                                  QApplication::translate("main", "Use a dark palette."));
    const QCommandLineOption screenshots(
        QStringLiteral("screenshots"),
        QApplication::translate("main", "Save a picture of each tab into DIR and quit."),
        QStringLiteral("DIR"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QApplication::translate("main", "Window size for --screenshots (WxH)."),
                                  QStringLiteral("WxH"), QStringLiteral("1440x900"));
    parser.addOptions({sample, dark, screenshots, size});
    parser.process(app);

    if (parser.isSet(dark)) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    }

    wslatlas::MainWindow window;
    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty())
        window.openFile(files.constFirst());
    else if (parser.isSet(sample) || parser.isSet(screenshots))
        window.openSample();
    else
        window.startDefault();

    if (parser.isSet(screenshots)) {
        const QStringList parts = parser.value(size).split(QLatin1Char('x'));
        if (parts.size() == 2)
            window.resize(parts[0].toInt(), parts[1].toInt());
        window.show();
        const auto shoot = [&window, &parser, &screenshots] {
            takeScreenshots(window, parser.value(screenshots));
            QCoreApplication::quit();
        };
        // A file is read off the GUI thread: the pictures wait until it is shown (or refused).
        if (!files.isEmpty())
            QObject::connect(&window, &wslatlas::MainWindow::fileOpened, &window, shoot);
        else
            QTimer::singleShot(0, &window, shoot);
        return QApplication::exec();
    }
    window.show();
    return QApplication::exec();
}
