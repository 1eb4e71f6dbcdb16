#include "details_panel.h"

#include "diagram.h"
#include "diagram_scene.h"
#include "finding_text.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QLocale>
#include <QScrollArea>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace wslatlas {

namespace {

// Lays its items out left to right and wraps them like words, so that a long breadcrumb stays readable in
// a narrow panel. Items of one line are centred vertically on each other.
class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(int spacing)
    {
        setContentsMargins(0, 0, 0, 0);
        setSpacing(spacing);
    }
    ~FlowLayout() override
    {
        while (QLayoutItem *item = FlowLayout::takeAt(0))
            delete item;
    }

    void addItem(QLayoutItem *item) override { m_items.push_back(item); }
    int count() const override { return static_cast<int>(m_items.size()); }
    QLayoutItem *itemAt(int index) const override
    {
        return index >= 0 && index < m_items.size() ? m_items[index] : nullptr;
    }
    QLayoutItem *takeAt(int index) override
    {
        return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
    }
    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return arrange(QRect(0, 0, width, 0), false); }
    QSize sizeHint() const override { return minimumSize(); }
    QSize minimumSize() const override
    {
        QSize size;
        for (const QLayoutItem *item : m_items)
            size = size.expandedTo(item->minimumSize());
        const QMargins m = contentsMargins();
        return size + QSize(m.left() + m.right(), m.top() + m.bottom());
    }
    void setGeometry(const QRect &rect) override
    {
        QLayout::setGeometry(rect);
        arrange(rect, true);
    }

private:
    // Returns the height the items need in rect's width; places them when apply.
    int arrange(const QRect &rect, bool apply) const
    {
        const QRect area = rect.marginsRemoved(contentsMargins());
        const int gap = spacing();
        int y = area.y();
        QList<QPair<QLayoutItem *, QSize>> line;
        int lineWidth = 0;
        int lineHeight = 0;
        const auto flush = [&] {
            if (apply) {
                int x = area.x();
                for (const auto &[item, size] : line) {
                    item->setGeometry(QRect(QPoint(x, y + (lineHeight - size.height()) / 2), size));
                    x += size.width() + gap;
                }
            }
            if (!line.isEmpty())
                y += lineHeight + gap;
            line.clear();
            lineWidth = 0;
            lineHeight = 0;
        };
        for (QLayoutItem *item : m_items) {
            if (item->isEmpty())
                continue;
            QSize size = item->sizeHint();
            size.setWidth(std::min(size.width(), std::max(1, area.width())));
            if (!line.isEmpty() && lineWidth + gap + size.width() > area.width())
                flush();
            lineWidth += (line.isEmpty() ? 0 : gap) + size.width();
            lineHeight = std::max(lineHeight, size.height());
            line.push_back({item, size});
        }
        flush();
        return std::max(0, y - gap - rect.y()) + contentsMargins().bottom();
    }

    QList<QLayoutItem *> m_items;
};

// A value people may want to copy (an inode, a command line): selectable, wrapped.
QLabel *valueLabel(const QString &text)
{
    auto *label = new QLabel(text);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

// A page's title: the namespace's or the process's name, larger and bold.
QLabel *headingLabel(const QString &text)
{
    auto *heading = valueLabel(text);
    QFont font = heading->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.3);
    heading->setFont(font);
    heading->setObjectName(QStringLiteral("heading"));
    return heading;
}

QLabel *sectionLabel(const QString &text)
{
    auto *label = new QLabel(text);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(0, 10, 0, 2);
    return label;
}

QFormLayout *formLayout()
{
    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->setHorizontalSpacing(12);
    form->setVerticalSpacing(4);
    return form;
}

void addRow(QFormLayout *form, const QString &name, QWidget *field)
{
    auto *label = new QLabel(name);
    label->setTextFormat(Qt::PlainText);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    form->addRow(label, field);
}

void addRow(QFormLayout *form, const QString &name, const QString &value)
{
    addRow(form, name, valueLabel(value));
}

// A read-only table as tall as its rows: the panel scrolls, not the table.
QTableWidget *detailsTable(const QStringList &headers, int rows)
{
    auto *table = new QTableWidget(rows, static_cast<int>(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideMiddle);
    table->horizontalHeader()->setHighlightSections(false);
    return table;
}

void fitTable(QTableWidget *table, int stretchColumn)
{
    QHeaderView *header = table->horizontalHeader();
    int fixedWidth = 0;
    for (int c = 0; c < table->columnCount(); ++c) {
        if (c == stretchColumn) {
            header->setSectionResizeMode(c, QHeaderView::Stretch);
            continue;
        }
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
        table->resizeColumnToContents(c);
        fixedWidth += table->columnWidth(c);
    }
    table->resizeRowsToContents();
    const int frame = 2 * table->frameWidth();
    int height = header->sizeHint().height() + frame;
    for (int r = 0; r < table->rowCount(); ++r)
        height += table->rowHeight(r);
    table->setFixedHeight(height);
    // The stretched column gets at least room for a short label; narrower than that, the panel scrolls.
    const int stretchMinimum = stretchColumn >= 0 ? table->fontMetrics().averageCharWidth() * 12 : 0;
    table->setMinimumWidth(fixedWidth + stretchMinimum + frame);
}

QTableWidgetItem *cell(const QString &text, bool number = false)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

// How a parent is known, as a heading for the evidence's sentence.
QString evidenceKindText(EvidenceKind kind)
{
    switch (kind) {
    case EvidenceKind::VantageLevel:
        return DetailsPanel::tr("Seen from a vantage above");
    case EvidenceKind::PpidWalk:
        return DetailsPanel::tr("Parent-process walk");
    case EvidenceKind::Derived:
        return DetailsPanel::tr("Derived from known ancestors");
    case EvidenceKind::InitialNamespace:
        return DetailsPanel::tr("The kernel's initial namespace");
    case EvidenceKind::NoVantageAbove:
        return DetailsPanel::tr("No vantage above");
    case EvidenceKind::Placeholder:
        return DetailsPanel::tr("A level nobody saw");
    case EvidenceKind::Unknown:
        break;
    }
    return DetailsPanel::tr("Other");
}

QString inodeText(const std::optional<std::uint64_t> &inode)
{
    return inode ? QString::number(*inode) : QString();
}

} // namespace

DetailsPanel::DetailsPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    layout->addWidget(m_scroll);
    m_scroll->setWidget(buildHint());
}

DetailsPanel::~DetailsPanel() = default;

void DetailsPanel::setAnalysis(std::shared_ptr<const SnapshotAnalysis> analysis)
{
    m_analysis = std::move(analysis);
    m_texts = m_analysis ? NamespaceTexts(*m_analysis) : NamespaceTexts();
    m_roleTexts = RoleTexts();
    showItem(m_currentId);
}

void DetailsPanel::showItem(const QString &id)
{
    QWidget *page = nullptr;
    const ItemId item = m_analysis ? m_analysis->find(id.toStdString()) : ItemId{};
    if (item.isNamespace())
        page = buildNamespacePage(item.index);
    else if (item.isProcess())
        page = buildProcessPage(item.index);
    m_currentId = page ? id : QString();
    if (!page)
        page = buildHint();
    // The old page may hold the button whose click brought us here: delete it once that click is done.
    if (QWidget *old = m_scroll->takeWidget())
        old->deleteLater();
    m_scroll->setWidget(page);
}

bool DetailsPanel::darkPalette() const
{
    return palette().color(QPalette::Window).lightness() < 128;
}

QWidget *DetailsPanel::buildHint() const
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    auto *hint = new QLabel(tr("Select a namespace or process"));
    hint->setObjectName(QStringLiteral("hint"));
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    QPalette palette = hint->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    hint->setPalette(palette);
    layout->addWidget(hint);
    return page;
}

QWidget *DetailsPanel::namespaceButton(int ns, const QString &text, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    QString shown = text;
    button->setText(shown.replace(QLatin1Char('&'), QStringLiteral("&&"))); // not a mnemonic
    button->setAutoRaise(true);
    button->setCursor(Qt::PointingHandCursor);
    const QString id = m_texts.id(ns);
    button->setProperty(kNamespaceIdProperty, id);
    button->setToolTip(tr("Show %1 (%2)").arg(m_texts.label(ns), id));
    QPalette palette = button->palette();
    palette.setColor(QPalette::ButtonText, palette.color(QPalette::Link));
    button->setPalette(palette);
    connect(button, &QToolButton::clicked, this, [this, id] { emit namespaceActivated(id); });
    return button;
}

QLabel *DetailsPanel::namespaceLink(int ns)
{
    // A link rather than a button: it lines up with the other values of a form.
    const QString id = m_texts.id(ns);
    auto *label = new QLabel(
        QStringLiteral("<a href=\"%1\">%2</a>").arg(id.toHtmlEscaped(), m_texts.label(ns).toHtmlEscaped()));
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setProperty(kNamespaceIdProperty, id);
    label->setToolTip(tr("Show %1 (%2)").arg(m_texts.label(ns), id));
    label->setWordWrap(true);
    connect(label, &QLabel::linkActivated, this, [this, id] { emit namespaceActivated(id); });
    return label;
}

QWidget *DetailsPanel::buildNamespacePage(int nsIndex)
{
    const PidNamespace &ns = m_analysis->snapshot().pidNamespaces[static_cast<std::size_t>(nsIndex)];
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setSpacing(4);
    layout->addWidget(headingLabel(m_texts.label(nsIndex)));
    addRoleChip(layout, ns.role);
    layout->addWidget(breadcrumb(nsIndex));
    layout->addLayout(namespaceFacts(nsIndex));
    addEvidence(layout, nsIndex);
    addChildNamespaces(layout, page, nsIndex);
    layout->addStretch();
    return page;
}

// The role as a chip in the colours the diagram gives it.
void DetailsPanel::addRoleChip(QVBoxLayout *layout, NamespaceRole role) const
{
    const DiagramColors tone = diagramToneColors(toneForRole(role), darkPalette());
    auto *chip = new QLabel(m_roleTexts.name(role));
    chip->setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; border: 1px solid %3; "
                                       "border-radius: 3px; padding: 1px 6px; }")
                            .arg(tone.fill.name(), tone.text.name(), tone.stroke.name()));
    auto *chipRow = new QHBoxLayout;
    chipRow->addWidget(chip);
    chipRow->addStretch();
    layout->addLayout(chipRow);
}

// Breadcrumb: root first, this namespace last (bold), each a button to it.
QWidget *DetailsPanel::breadcrumb(int nsIndex)
{
    const std::vector<int> path = m_analysis->pathTo(nsIndex);
    auto *breadcrumb = new QWidget;
    breadcrumb->setObjectName(QStringLiteral("breadcrumb"));
    auto *flow = new FlowLayout(2);
    breadcrumb->setLayout(flow);
    for (std::size_t i = 0; i < path.size(); ++i) {
        // A separator travels with the crumb after it, so that no line ends in one.
        auto *crumb = new QWidget(breadcrumb);
        auto *row = new QHBoxLayout(crumb);
        row->setContentsMargins(0, 0, 0, 0);
        row->setSpacing(0);
        if (i > 0)
            row->addWidget(new QLabel(tr("›", "between the levels of a breadcrumb"), crumb));
        QWidget *button = namespaceButton(path[i], m_texts.label(path[i]), crumb);
        if (path[i] == nsIndex) {
            QFont font = button->font();
            font.setBold(true);
            button->setFont(font);
        }
        row->addWidget(button);
        flow->addWidget(crumb);
    }
    return breadcrumb;
}

QFormLayout *DetailsPanel::namespaceFacts(int nsIndex) const
{
    const PidNamespace &ns = m_analysis->snapshot().pidNamespaces[static_cast<std::size_t>(nsIndex)];
    QFormLayout *form = formLayout();
    addRow(form, tr("Id"), m_texts.id(nsIndex));
    addRow(form, tr("Inode"), ns.inode ? inodeText(ns.inode) : tr("none: nobody has seen this level"));
    addRow(form, tr("Role"), m_roleTexts.name(ns.role));
    QString depth;
    if (ns.depth < 0)
        depth = tr("unknown (level %1 of this tree)").arg(m_analysis->level(nsIndex));
    else if (ns.depth == 0)
        depth = tr("0: the initial pid namespace");
    else if (ns.depth == 1)
        depth = tr("1 level below the initial namespace");
    else
        depth = tr("%1 levels below the initial namespace").arg(ns.depth);
    addRow(form, tr("Depth"), depth);
    QStringList distros;
    for (const std::string &d : ns.distros)
        distros.push_back(toQString(d));
    addRow(form, tr("Distros"), distros.isEmpty() ? tr("none") : distros.join(QStringLiteral(", ")));
    addRow(form, tr("Processes"),
           tr("%1 own · %2 in its subtree")
               .arg(m_analysis->ownProcesses(nsIndex))
               .arg(m_analysis->subtreeProcesses(nsIndex)));
    if (const Usage &subtree = m_analysis->subtreeUsage(nsIndex); subtree.measured > 0) {
        const Usage &own = m_analysis->ownUsage(nsIndex);
        const QLocale locale;
        addRow(form, tr("Memory (RSS)"),
               tr("%1 own · %2 in its subtree")
                   .arg(locale.formattedDataSize(static_cast<qint64>(own.rssBytes)),
                        locale.formattedDataSize(static_cast<qint64>(subtree.rssBytes))));
        addRow(
            form, tr("CPU time"),
            tr("%1 s own · %2 s in its subtree")
                .arg(locale.toString(own.cpuSeconds, 'f', 1), locale.toString(subtree.cpuSeconds, 'f', 1)));
    }
    if (ns.name.container)
        addRow(
            form, tr("Container"),
            tr("%1, id %2")
                .arg(NamespaceNameText::containerText(ns.name.container), toQString(ns.name.container->id)));
    if (const int shim = m_analysis->containerShim(nsIndex); shim >= 0) {
        const Process &p = m_analysis->snapshot().processes[static_cast<std::size_t>(shim)];
        addRow(form, tr("Runs under"), tr("pid %1: %2").arg(innermostPid(p)).arg(toQString(p.cmdline)));
    }
    QStringList vantages;
    for (const std::string &v : ns.vantages)
        vantages.push_back(toQString(v));
    addRow(form, tr("Vantages"),
           vantages.isEmpty() ? tr("none landed here") : vantages.join(QStringLiteral(", ")));
    return form;
}

// Why the namespace has the parent it has, one block per piece of evidence.
void DetailsPanel::addEvidence(QVBoxLayout *layout, int nsIndex) const
{
    const PidNamespace &ns = m_analysis->snapshot().pidNamespaces[static_cast<std::size_t>(nsIndex)];
    const int parent = m_analysis->parent(nsIndex);
    layout->addWidget(sectionLabel(parent >= 0 ? tr("Why %1 is its parent").arg(m_texts.label(parent))
                                               : tr("Why it has no parent here")));
    if (ns.evidence.empty())
        layout->addWidget(valueLabel(tr("The snapshot gives no evidence.")));
    for (const Evidence &e : ns.evidence) {
        QFormLayout *evidence = formLayout();
        addRow(evidence, tr("Kind"), evidenceKindText(e.kind));
        if (!e.vantage.empty())
            addRow(evidence, tr("Vantage"), toQString(e.vantage));
        if (e.pid > 0)
            addRow(evidence, tr("Walk"), tr("pid %1 → ppid %2").arg(e.pid).arg(e.ppid));
        layout->addLayout(evidence);
        if (const QString text = EvidenceText::text(e); !text.isEmpty())
            layout->addWidget(valueLabel(text));
        layout->addSpacing(6);
    }
}

void DetailsPanel::addChildNamespaces(QVBoxLayout *layout, QWidget *page, int nsIndex)
{
    const std::vector<int> &children = m_analysis->children(nsIndex);
    layout->addWidget(sectionLabel(tr("Child namespaces (%1)").arg(children.size())));
    if (children.empty())
        layout->addWidget(valueLabel(tr("none")));
    for (int child : children) {
        // Plural by hand until the project ships translations (an English .qm would do %n).
        const int processes = m_analysis->subtreeProcesses(child);
        QWidget *button = namespaceButton(
            child,
            processes == 1 ? tr("%1 · 1 process", "a child namespace and the processes of its subtree")
                                 .arg(m_texts.label(child))
                           : tr("%1 · %2 processes", "a child namespace and the processes of its subtree")
                                 .arg(m_texts.label(child))
                                 .arg(processes),
            page);
        button->setObjectName(QStringLiteral("childNamespace"));
        layout->addWidget(button, 0, Qt::AlignLeft);
    }
}

QWidget *DetailsPanel::buildProcessPage(int processIndex)
{
    const Process &p = m_analysis->snapshot().processes[static_cast<std::size_t>(processIndex)];
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setSpacing(4);
    layout->addWidget(headingLabel(p.name.empty() ? processDisplayName(p) : toQString(p.name)));

    layout->addWidget(sectionLabel(tr("Command line")));
    auto *command =
        valueLabel(p.cmdline.empty() ? tr("none (a kernel thread, or its command line was not readable)")
                                     : toQString(p.cmdline));
    command->setObjectName(QStringLiteral("commandLine"));
    command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(command);
    layout->addSpacing(6);
    layout->addLayout(processFacts(processIndex));

    // The NSpid chain: the same process under a different pid at every level, outermost first.
    layout->addWidget(sectionLabel(tr("PID at each level")));
    if (p.chain.empty())
        layout->addWidget(valueLabel(tr("No NSpid chain was readable.")));
    else
        layout->addWidget(chainTable(p));

    layout->addWidget(sectionLabel(tr("Namespaces")));
    if (p.ns.empty())
        layout->addWidget(valueLabel(tr("No namespace links were readable.")));
    else
        layout->addWidget(namespaceLinksTable(p));
    layout->addStretch();
    return page;
}

QFormLayout *DetailsPanel::processFacts(int processIndex)
{
    const Process &p = m_analysis->snapshot().processes[static_cast<std::size_t>(processIndex)];
    const int own = m_analysis->namespaceOf(processIndex);
    const QString ownLabel = own >= 0 ? m_texts.label(own) : toQString(p.pidNs);
    const int pid = innermostPid(p);
    QFormLayout *form = formLayout();
    addRow(form, tr("PID"), pid >= 0 ? tr("%1 in %2").arg(pid).arg(ownLabel) : tr("unknown"));
    const QString outermost = p.chain.empty() ? QString() : [&] {
        const int ns = m_analysis->findNamespace(p.chain.front().ns);
        return ns >= 0 ? m_texts.label(ns) : toQString(p.chain.front().ns);
    }();
    addRow(form, tr("Parent PID"),
           p.ppid > 0 ? tr("%1 in %2").arg(p.ppid).arg(outermost) : tr("not visible"));
    addRow(form, tr("UID"), p.uid ? QString::number(*p.uid) : tr("unknown"));
    addRow(form, tr("Distro"), p.distro.empty() ? tr("none known") : toQString(p.distro));
    if (p.rssBytes)
        addRow(form, tr("Memory (RSS)"), QLocale().formattedDataSize(static_cast<qint64>(*p.rssBytes)));
    if (p.cpuSeconds)
        addRow(form, tr("CPU time"), tr("%1 s").arg(QLocale().toString(*p.cpuSeconds, 'f', 2)));
    if (p.container)
        addRow(form, tr("Container"), NamespaceNameText::containerText(p.container));
    if (own >= 0)
        addRow(form, tr("Pid namespace"), namespaceLink(own));
    else
        addRow(form, tr("Pid namespace"), tr("%1 (not listed in the snapshot)").arg(ownLabel));
    QStringList seenBy;
    for (const std::string &v : p.seenBy)
        seenBy.push_back(toQString(v));
    addRow(form, tr("Seen by"), seenBy.isEmpty() ? tr("unknown") : seenBy.join(QStringLiteral(", ")));
    return form;
}

QTableWidget *DetailsPanel::chainTable(const Process &p)
{
    const std::vector<SnapshotAnalysis::Link> links = m_analysis->resolve(p);
    const int rows = static_cast<int>(p.chain.size());
    QTableWidget *chain = detailsTable({tr("Level"), tr("Namespace"), tr("Inode"), tr("PID")}, rows);
    chain->setObjectName(QStringLiteral("chainTable"));
    const QColor link = palette().color(QPalette::Link);
    for (int r = 0; r < rows; ++r) {
        const ChainLink &chainLink = p.chain[static_cast<std::size_t>(r)];
        const int ns = links[static_cast<std::size_t>(r)].ns;
        chain->setItem(r, 0, cell(QString::number(links[static_cast<std::size_t>(r)].level), true));
        QTableWidgetItem *name = cell(ns >= 0 ? m_texts.label(ns) : toQString(chainLink.ns));
        name->setData(Qt::UserRole, toQString(chainLink.ns));
        if (ns >= 0) {
            // Looks like a link because a click on it shows that namespace.
            name->setForeground(link);
            QFont font = name->font();
            font.setUnderline(true);
            name->setFont(font);
            name->setToolTip(tr("Show %1 (%2)").arg(m_texts.label(ns), m_texts.id(ns)));
        }
        chain->setItem(r, 1, name);
        const std::optional<std::uint64_t> inode =
            ns >= 0 ? m_analysis->snapshot().pidNamespaces[static_cast<std::size_t>(ns)].inode : std::nullopt;
        chain->setItem(r, 2, cell(inode ? inodeText(inode) : tr("unknown"), inode.has_value()));
        chain->setItem(r, 3, cell(QString::number(chainLink.pid), true));
    }
    fitTable(chain, 1);
    connect(chain, &QTableWidget::cellClicked, this, [this, chain](int row, int column) {
        if (column != 1)
            return;
        const QString id = chain->item(row, column)->data(Qt::UserRole).toString();
        if (m_analysis->findNamespace(id.toStdString()) >= 0)
            emit namespaceActivated(id);
    });
    return chain;
}

QTableWidget *DetailsPanel::namespaceLinksTable(const Process &p)
{
    const int rows = static_cast<int>(p.ns.size());
    QTableWidget *links = detailsTable({tr("Type"), tr("Inode")}, rows);
    links->setObjectName(QStringLiteral("namespaceLinksTable"));
    int r = 0;
    for (const auto &[type, inode] : p.ns) {
        links->setItem(r, 0, cell(toQString(type)));
        links->setItem(r, 1, cell(QString::number(inode), true));
        ++r;
    }
    fitTable(links, 0);
    return links;
}

} // namespace wslatlas
