#pragma once
// Installs the program's translations: the English plural forms always ("1 process", "2 processes"), then
// Qt's own and WSL Atlas's for the system language when there are any (Korean ships). Both programs call it
// once, after creating their application object.
class QCoreApplication;

namespace wslatlas {

void installTranslations(QCoreApplication &app);

} // namespace wslatlas
