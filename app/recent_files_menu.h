#pragma once
// File > Open Recent: the snapshots opened or saved last (AppSettings::recentFiles), numbered, and a way to
// clear the list. Rebuilt from the settings whenever a file is added, so that every window agrees.
#include <QMenu>

namespace wslatlas {

class RecentFilesMenu : public QMenu
{
    Q_OBJECT

public:
    RecentFilesMenu(const QString &title, QWidget *parent = nullptr);
    ~RecentFilesMenu() override;

    void addFile(const QString &path); // remembers it first in the list
    void rebuild();

Q_SIGNALS:
    void fileChosen(const QString &path);
};

} // namespace wslatlas
