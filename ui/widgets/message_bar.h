#pragma once
// The bar above the tabs that shows a failure or a note without stopping the user (non-modal): one message
// at a time, selectable, closed by its button or by hideMessage(). Errors and notes have their own colour.
#include <QFrame>

QT_BEGIN_NAMESPACE
class QLabel;
QT_END_NAMESPACE

namespace wslatlas {

class MessageBar : public QFrame
{
    Q_OBJECT

public:
    explicit MessageBar(QWidget *parent = nullptr);
    ~MessageBar() override;

    void showMessage(const QString &text, bool error);
    void hideMessage();
    QString text() const; // empty when hidden
    void setDark(bool dark);

private:
    void applyColors();

    QLabel *m_label = nullptr;
    bool m_error = false;
    bool m_dark = false;
};

} // namespace wslatlas
