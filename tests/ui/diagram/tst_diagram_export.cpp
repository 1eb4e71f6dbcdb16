#include "diagram_export.h"
#include "diagram_samples.h"
#include "diagram_scene.h"
#include "diagram_view.h"

#include <QFile>
#include <QPainter>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace wslatlas;

namespace {

int countPixels(const QImage &image, const QRect &area, const QColor &colour)
{
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            n += image.pixelColor(x, y).rgb() == colour.rgb();
    return n;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestDiagramExport : public QObject
{
    Q_OBJECT

private slots:
    void pngSizeFollowsTheScale()
    {
        DiagramScene scene;
        QVERIFY(scene.setDiagram(test::sampleDiagram()));
        const QImage one = DiagramExport::renderImage(scene, 1.0);
        const QImage two = DiagramExport::renderImage(scene, 2.0);
        QCOMPARE(one.size(), QSize(static_cast<int>(std::ceil(scene.sceneRect().width())),
                                   static_cast<int>(std::ceil(scene.sceneRect().height()))));
        QVERIFY(std::abs(two.width() - 2 * one.width()) <= 1);
        QVERIFY(std::abs(two.height() - 2 * one.height()) <= 1);
        QCOMPARE(one.devicePixelRatio(), 1.0);
        QCOMPARE(two.devicePixelRatio(), 1.0);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("two.png"));
        QString error;
        QVERIFY2(DiagramExport::writePng(scene, path, 2.0, &error), qPrintable(error));
        QImage read(path);
        QCOMPARE(read.size(), two.size());
    }

    void pngShowsTheDiagram_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void pngShowsTheDiagram()
    {
        QFETCH(bool, dark);
        DiagramScene scene;
        QVERIFY(scene.setDiagram(test::sampleDiagram()));
        scene.setDark(dark);
        const QImage image = DiagramExport::renderImage(scene, 1.0);
        // The background is the scene's: the corner, in the margin.
        QCOMPARE(image.pixelColor(1, 1).rgb(), scene.backgroundColor().rgb());
        QCOMPARE(scene.backgroundColor().lightnessF() < 0.5, dark);

        // Inside each node, mostly its tone's fill.
        for (const QString &id : scene.nodeIds()) {
            const QRect box = scene.nodeRect(id).translated(-scene.sceneRect().topLeft()).toAlignedRect();
            const DiagramNodeItem *item = scene.nodeItem(id);
            const int fill = countPixels(image, box.adjusted(3, 3, -3, -3), item->fillColor());
            QVERIFY2(fill > box.width() * box.height() / 4, qPrintable(id));
        }
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 100, qPrintable(QString::number(colours.size())));
    }

    void selectionAndHighlightAreNotExported()
    {
        DiagramScene scene;
        QVERIFY(scene.setDiagram(test::sampleDiagram()));
        const QImage plain = DiagramExport::renderImage(scene, 1.0);
        const QColor accent = scene.palette().color(QPalette::Highlight);
        QCOMPARE(countPixels(plain, plain.rect(), accent), 0);

        scene.setSelectedNode(QStringLiteral("pid:[4]"));
        scene.setHighlightedPath({QStringLiteral("pid:[1]"), QStringLiteral("pid:[3]")});
        const QImage exported = DiagramExport::renderImage(scene, 1.0);
        QCOMPARE(exported, plain);
        // Restored afterwards, and drawn on screen (the same render without the export's clearing).
        QCOMPARE(scene.selectedNode(), QStringLiteral("pid:[4]"));
        QCOMPARE(scene.highlightedPath(),
                 QStringList({QStringLiteral("pid:[1]"), QStringLiteral("pid:[3]")}));
        QImage onScreen(plain.size(), QImage::Format_ARGB32_Premultiplied);
        onScreen.fill(scene.backgroundColor());
        {
            QPainter painter(&onScreen);
            painter.setRenderHint(QPainter::Antialiasing);
            scene.render(&painter, QRectF(onScreen.rect()), scene.sceneRect());
        }
        QVERIFY(countPixels(onScreen, onScreen.rect(), accent) > 50);
    }

    void svgIsValidAndHasTheTexts()
    {
        DiagramScene scene;
        Diagram diagram = test::sampleDiagram();
        diagram.nodes[4].title = "<Debian & co>";
        QVERIFY(scene.setDiagram(diagram));
        const QString title = QStringLiteral("Pid namespaces <seen> & drawn");
        const QByteArray svg = DiagramExport::svgData(scene, title);
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        const QRectF viewBox = renderer.viewBoxF();
        const QRectF sceneRect = scene.sceneRect();
        QVERIFY(std::abs(viewBox.left() - sceneRect.left()) < 0.01 &&
                std::abs(viewBox.top() - sceneRect.top()) < 0.01);
        QVERIFY(std::abs(viewBox.width() - sceneRect.width()) < 0.01 &&
                std::abs(viewBox.height() - sceneRect.height()) < 0.01);
        for (const char *text : {"Mariner VM", "WSLg system distro", "Isolation", "Ubuntu-20.04", "WSLg side",
                                 "inferred", "One parent link is inferred"})
            QVERIFY2(svg.contains(text), text);
        QVERIFY(svg.contains("&lt;Debian &amp; co&gt;"));
        QVERIFY(!svg.contains("<Debian"));
        QVERIFY(svg.contains("Pid namespaces &lt;seen&gt; &amp; drawn"));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.svg"));
        QString error;
        QVERIFY2(DiagramExport::writeSvg(scene, path, title, &error), qPrintable(error));
        QCOMPARE(readAll(path), svg);
    }

    void failedWritesKeepTheGoodFile()
    {
        DiagramScene scene;
        QVERIFY(scene.setDiagram(test::sampleDiagram()));
        QTemporaryDir dir;
        QString error;

        const QString missing = dir.filePath(QStringLiteral("no/such/folder/d.png"));
        QVERIFY(!DiagramExport::writePng(scene, missing, 1.0, &error));
        QVERIFY2(error.contains(missing) && error.contains(QLatin1String("does not exist")),
                 qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
        error.clear();
        QVERIFY(!DiagramExport::writeSvg(scene, missing, {}, &error));
        QVERIFY2(error.contains(missing), qPrintable(error));

        // A picture too large to render fails before the file is touched.
        const QString good = dir.filePath(QStringLiteral("good.png"));
        QVERIFY(DiagramExport::writePng(scene, good, 1.0, &error));
        const QByteArray goodBytes = readAll(good);
        QVERIFY(goodBytes.startsWith("\x89PNG"));
        error.clear();
        QVERIFY(!DiagramExport::writePng(scene, good, 1000.0, &error));
        QVERIFY2(error.contains(good), qPrintable(error));
        QCOMPARE(readAll(good), goodBytes);
    }

    void failedWriteToAReadOnlyFolderKeepsTheGoodFile()
    {
        DiagramScene scene;
        QVERIFY(scene.setDiagram(test::sampleDiagram()));
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("ro"));
        QVERIFY(QDir().mkpath(folder));
        const QString good = folder + QStringLiteral("/d.png");
        QString error;
        QVERIFY2(DiagramExport::writePng(scene, good, 1.0, &error), qPrintable(error));
        const QByteArray goodBytes = readAll(good);

        // Read-only: a mode for anyone but root; for root, the immutable attribute when chattr can set it.
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
        auto restore = qScopeGuard([&] {
            QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), folder});
            QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        });
        const auto writable = [&] {
            QFile probe(folder + QStringLiteral("/probe"));
            const bool ok = probe.open(QIODevice::WriteOnly);
            if (ok)
                probe.remove();
            return ok;
        };
        if (writable() &&
            (QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), folder}) != 0 || writable()))
            QSKIP("cannot make a folder read-only here (root without chattr)");

        scene.setDark(true); // a different picture: it must not arrive
        QVERIFY(!DiagramExport::writePng(scene, good, 1.0, &error));
        QVERIFY2(error.contains(good), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
        QVERIFY(!DiagramExport::writeSvg(scene, good, {}, &error));
        QCOMPARE(readAll(good), goodBytes);
    }

    // Not a check: WSLATLAS_DIAGRAM_SAMPLE=/some/file.png writes the sample at 2x, light and dark
    // (-dark.png), to look at.
    void writeSampleWhenAsked()
    {
        const QString path = qEnvironmentVariable("WSLATLAS_DIAGRAM_SAMPLE");
        if (path.isEmpty())
            QSKIP("WSLATLAS_DIAGRAM_SAMPLE not set");
        DiagramScene scene;
        QVERIFY(scene.setDiagram(test::sampleDiagram(
            qEnvironmentVariable("WSLATLAS_DIAGRAM_RANKDIR", QStringLiteral("TB")).toStdString())));
        QString error;
        QVERIFY2(DiagramExport::writePng(scene, path, 2.0, &error), qPrintable(error));
        scene.setDark(true);
        QString darkPath = path;
        darkPath.replace(QLatin1String(".png"), QLatin1String("-dark.png"));
        QVERIFY2(DiagramExport::writePng(scene, darkPath, 2.0, &error), qPrintable(error));
        // As on screen: Isolation selected, the path to Debian highlighted (not what an export shows).
        scene.setSelectedNode(QStringLiteral("pid:[3]"));
        scene.setHighlightedPath(
            {QStringLiteral("pid:[1]"), QStringLiteral("pid:[3]"), QStringLiteral("pid:[5]")});
        QImage onScreen((scene.sceneRect().size() * 2).toSize(), QImage::Format_ARGB32_Premultiplied);
        onScreen.fill(scene.backgroundColor());
        {
            QPainter painter(&onScreen);
            painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
            scene.render(&painter, QRectF(onScreen.rect()), scene.sceneRect());
        }
        QVERIFY(onScreen.save(QString(path).replace(QLatin1String(".png"), QLatin1String("-screen.png"))));
        scene.setDark(false);
        DiagramView view(&scene);
        view.resize(700, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.fitAll();
        QVERIFY(view.grab().save(QString(path).replace(QLatin1String(".png"), QLatin1String("-view.png"))));
        QVERIFY2(DiagramExport::writeSvg(scene,
                                         QString(path).replace(QLatin1String(".png"), QLatin1String(".svg")),
                                         QStringLiteral("Sample"), &error),
                 qPrintable(error));
        DiagramScene longTexts;
        QVERIFY(longTexts.setDiagram(test::longTextDiagram()));
        const QString longPath = QString(path).replace(QLatin1String(".png"), QLatin1String("-long.png"));
        QVERIFY2(DiagramExport::writePng(longTexts, longPath, 1.0, &error), qPrintable(error));
    }
};

QTEST_MAIN(TestDiagramExport)
#include "tst_diagram_export.moc"
