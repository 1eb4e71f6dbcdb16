#include "message_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace wslatlas {

MessageBar::MessageBar(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("MessageBar"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    m_label = new QLabel(this);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setTextFormat(Qt::PlainText);
    auto *close = new QToolButton(this);
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setToolTip(tr("Dismiss"));
    connect(close, &QToolButton::clicked, this, &MessageBar::hideMessage);
    layout->addWidget(m_label, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    hide();
}

MessageBar::~MessageBar() = default;

void MessageBar::showMessage(const QString &text, bool error)
{
    m_label->setText(text);
    m_error = error;
    applyColors();
    show();
}

void MessageBar::hideMessage()
{
    m_label->clear();
    hide();
}

QString MessageBar::text() const
{
    return isHidden() ? QString() : m_label->text();
}

void MessageBar::setDark(bool dark)
{
    m_dark = dark;
    applyColors();
}

void MessageBar::applyColors()
{
    const QColor error = m_dark ? QColor(0x5c, 0x1a, 0x16) : QColor(0xfd, 0xe0, 0xdd);
    const QColor info = m_dark ? QColor(0x17, 0x30, 0x49) : QColor(0xe4, 0xf0, 0xfb);
    QPalette barPalette = palette();
    barPalette.setColor(QPalette::Window, m_error ? error : info);
    setPalette(barPalette);
    setAutoFillBackground(true);
}

} // namespace wslatlas
