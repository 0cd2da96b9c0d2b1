#include <ui/calllistmodel.h>
#include <ui/callpanel.h>
#include <ui/consolewindow.h>

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace enlace {

ConsoleWindow::ConsoleWindow(CallListModel *calls, QSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_calls(calls)
    , m_settings(settings)
{
    setObjectName(u"consoleWindow"_s);
    setWindowTitle(tr("Enlace — agent console"));

    QMenu *callMenu = menuBar()->addMenu(tr("&Call"));
    m_openCrm = addAction(callMenu, u"actionOpenCrm"_s, tr("&Open CRM"), QKeySequence(u"Ctrl+Shift+O"_s));
    m_qualify = addAction(callMenu, u"actionQualify"_s, tr("&Qualify…"), QKeySequence(u"Ctrl+Shift+Q"_s));
    m_dial = addAction(callMenu, u"actionDial"_s, tr("&Place a call…"), QKeySequence(u"Ctrl+D"_s));
    QMenu *sessionMenu = menuBar()->addMenu(tr("&Session"));
    m_logout = addAction(sessionMenu, u"actionLogout"_s, tr("Sign &out"), QKeySequence());
    sessionMenu->addSeparator();
    m_quit = addAction(sessionMenu, u"actionQuit"_s, tr("&Quit"), QKeySequence::Quit);
    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    QMenu *themeMenu = viewMenu->addMenu(tr("&Theme"));
    themeMenu->setObjectName(u"themeMenu"_s);
    auto *themes = new QActionGroup(this);
    for (const auto &[key, text] : { std::pair { u"system"_s, tr("As the &desktop") },
                                     std::pair { u"light"_s, tr("&Light") }, std::pair { u"dark"_s, tr("&Dark") } }) {
        QAction *a = addAction(themeMenu, u"actionTheme_"_s + key, text, QKeySequence());
        a->setCheckable(true);
        a->setData(key);
        themes->addAction(a);
        connect(a, &QAction::triggered, this, [this, key] { Q_EMIT themeChosen(key); });
    }
    m_openCrm->setEnabled(false);
    m_qualify->setEnabled(false);
    connect(m_openCrm, &QAction::triggered, this, &ConsoleWindow::openCrmRequested);
    connect(m_qualify, &QAction::triggered, this, &ConsoleWindow::qualifyRequested);
    connect(m_dial, &QAction::triggered, this, &ConsoleWindow::dialRequested);
    connect(m_logout, &QAction::triggered, this, &ConsoleWindow::logoutRequested);
    connect(m_quit, &QAction::triggered, this, &ConsoleWindow::quitRequested);

    auto *toolbar = addToolBar(tr("Call"));
    toolbar->setObjectName(u"callToolBar"_s);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(m_dial);
    toolbar->addAction(m_openCrm);
    toolbar->addAction(m_qualify);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    m_banner = new QLabel(central);
    m_banner->setObjectName(u"offlineBannerLabel"_s);
    m_banner->setAccessibleName(tr("Connection banner"));
    m_banner->setWordWrap(true);
    m_banner->setMargin(8);
    m_banner->setStyleSheet(u"background:#f9a825;color:black;font-weight:bold;"_s);
    m_banner->hide();
    layout->addWidget(m_banner);

    m_splitter = new QSplitter(Qt::Horizontal, central);
    m_splitter->setObjectName(u"consoleSplitter"_s);
    auto *left = new QSplitter(Qt::Vertical, m_splitter);
    left->setObjectName(u"callSplitter"_s);
    m_panel = new CallPanel(left);
    m_callList = new QTableView(left);
    m_callList->setObjectName(u"callListTableView"_s);
    m_callList->setAccessibleName(tr("Today's calls"));
    m_callList->setModel(calls);
    m_callList->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_callList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_callList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_callList->verticalHeader()->hide();
    m_callList->horizontalHeader()->setStretchLastSection(true);
    // Columns fit what arrives (a new call, the list read again) and stay where the agent drags them.
    m_callList->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    auto fitColumns
        = [this] { QMetaObject::invokeMethod(m_callList, &QTableView::resizeColumnsToContents, Qt::QueuedConnection); };
    connect(calls, &QAbstractItemModel::rowsInserted, this, fitColumns);
    connect(calls, &QAbstractItemModel::modelReset, this, fitColumns);
    // A value that grows (Ringing → Connected, a disposition) widens its column; none shrinks.
    connect(calls, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        for (int column = from.column(); column <= to.column() && column < m_calls->columnCount() - 1; ++column)
            if (const int needed = static_cast<QAbstractItemView *>(m_callList)->sizeHintForColumn(column);
                needed > m_callList->columnWidth(column))
                m_callList->setColumnWidth(column, needed);
    });
    m_callList->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *requalify = new QAction(tr("Qualify again…"), m_callList);
    requalify->setObjectName(u"actionRequalify"_s);
    m_callList->addAction(requalify);
    connect(requalify, &QAction::triggered, this, [this] {
        const QModelIndex i = m_callList->currentIndex();
        if (i.isValid())
            Q_EMIT requalifyRequested(i.data(CallListModel::CallIdRole).toString());
    });
    connect(m_callList, &QTableView::activated, this,
            [this](const QModelIndex &i) { Q_EMIT requalifyRequested(i.data(CallListModel::CallIdRole).toString()); });
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);

    auto *placeholder = new QLabel(tr("The customer's CRM opens here when a call connects."), m_splitter);
    placeholder->setObjectName(u"crmPlaceholderLabel"_s);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    placeholder->setEnabled(false);
    m_crmPlaceholder = placeholder;
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setSizes({ 520, 760 });   // the CRM gets the larger share until the agent moves it
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(u"connectionLabel"_s);
    m_connectionLabel->setAccessibleName(tr("Connection state"));
    m_agentLabel = new QLabel(this);
    m_agentLabel->setObjectName(u"agentLabel"_s);
    statusBar()->addPermanentWidget(m_agentLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);
    setConnection(Connection::SignedOut);

    connect(m_panel, &CallPanel::openCrmClicked, this, &ConsoleWindow::openCrmRequested);
    connect(m_panel, &CallPanel::qualifyClicked, this, &ConsoleWindow::qualifyRequested);

    resize(1280, 800);
    if (m_settings) {
        restoreGeometry(m_settings->value(u"console/geometry"_s).toByteArray());
        restoreState(m_settings->value(u"console/state"_s).toByteArray());
        m_splitter->restoreState(m_settings->value(u"console/splitter"_s).toByteArray());
        left->restoreState(m_settings->value(u"console/callSplitter"_s).toByteArray());
    }
}

ConsoleWindow::~ConsoleWindow() = default;

QAction *ConsoleWindow::addAction(QMenu *menu, const QString &name, const QString &text, const QKeySequence &shortcut)
{
    auto *action = menu->addAction(text);
    action->setObjectName(name);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    return action;
}

void ConsoleWindow::setCrmArea(QWidget *area)
{
    if (!area || area == m_crmPlaceholder)
        return;
    const int index = m_splitter->indexOf(m_crmPlaceholder);
    m_splitter->replaceWidget(index, area);
    m_crmPlaceholder->deleteLater();
    m_crmPlaceholder = area;
    m_splitter->setSizes({ 520, 760 });
    if (m_settings && m_settings->contains(u"console/splitter"_s))
        m_splitter->restoreState(m_settings->value(u"console/splitter"_s).toByteArray());
}

void ConsoleWindow::setAgent(const QString &name, const QString &server)
{
    m_agentLabel->setText(name.isEmpty() ? QString() : tr("%1 on %2").arg(name, server));
}

void ConsoleWindow::setConnection(Connection state, const QString &detail)
{
    m_connection = state;
    switch (state) {
    case Connection::SignedOut:
        m_connectionLabel->setText(tr("Signed out"));
        m_banner->hide();
        break;
    case Connection::Connecting:
        m_connectionLabel->setText(tr("Connecting…"));
        break;
    case Connection::Online:
        m_connectionLabel->setText(tr("● Online"));
        m_connectionLabel->setStyleSheet(u"color:#2e7d32;font-weight:bold;"_s);
        m_banner->hide();
        return;
    case Connection::Offline:
        m_connectionLabel->setText(tr("● Offline"));
        m_banner->setText(detail.isEmpty()
                              ? tr("The connection to the server was lost. Reconnecting… Your call stays on screen.")
                              : tr("The connection to the server was lost (%1). Reconnecting… Your call stays on "
                                   "screen.")
                                    .arg(detail));
        m_banner->show();
        break;
    }
    m_connectionLabel->setStyleSheet(state == Connection::Offline ? u"color:#c62828;font-weight:bold;"_s : QString());
}

void ConsoleWindow::setThemeChoice(const QString &key)
{
    if (auto *a = findChild<QAction *>(u"actionTheme_"_s + key))
        a->setChecked(true);
}

void ConsoleWindow::showNote(const QString &text, int timeoutMs)
{
    statusBar()->showMessage(text, timeoutMs);
}

void ConsoleWindow::saveLayout()
{
    if (!m_settings)
        return;
    m_settings->setValue(u"console/geometry"_s, saveGeometry());
    m_settings->setValue(u"console/state"_s, saveState());
    m_settings->setValue(u"console/splitter"_s, m_splitter->saveState());
    if (auto *left = qobject_cast<QSplitter *>(m_splitter->widget(0)))
        m_settings->setValue(u"console/callSplitter"_s, left->saveState());
}

void ConsoleWindow::closeEvent(QCloseEvent *event)
{
    if (m_closeGuard && !m_closeGuard()) {
        event->ignore();
        return;
    }
    saveLayout();
    event->accept();
    Q_EMIT quitRequested();
}

}   // namespace enlace
