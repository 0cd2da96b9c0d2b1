#include <ui/consoletray.h>

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace enlace {

ConsoleTray::ConsoleTray(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_menu(new QMenu())
{
    m_show = m_menu->addAction(tr("Show console"));
    m_show->setObjectName(u"trayShow"_s);
    connect(m_show, &QAction::triggered, this, &ConsoleTray::showWindow);
    m_icon = new QSystemTrayIcon(applicationIcon(), this);
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            showWindow();
    });
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, &ConsoleTray::showWindow);
    setStatus(tr("Not signed in"));
    if (QSystemTrayIcon::isSystemTrayAvailable())
        m_icon->show();
}

ConsoleTray::~ConsoleTray()
{
    delete m_menu;
}

QIcon ConsoleTray::applicationIcon()
{
    return QIcon(u":/icons/enlace.svg"_s);
}

void ConsoleTray::setActions(const QList<QAction *> &actions)
{
    const QList<QAction *> old = m_menu->actions();
    for (QAction *a : old)
        if (a != m_show)
            m_menu->removeAction(a);
    m_menu->addSeparator();
    for (QAction *a : actions)
        m_menu->addAction(a);
}

void ConsoleTray::setStatus(const QString &status)
{
    m_toolTip = tr("Enlace — %1").arg(status);
    m_icon->setToolTip(m_toolTip);
}

bool ConsoleTray::inTray() const
{
    return m_icon->isVisible();
}

void ConsoleTray::notify(Notice notice, const QString &title, const QString &text)
{
    const bool looking = m_window && m_window->isVisible() && m_window->isActiveWindow() && !m_window->isMinimized();
    if (notice == Notice::NewCall && looking)
        return;
    if (inTray() && QSystemTrayIcon::supportsMessages())
        m_icon->showMessage(title, text,
                            notice == Notice::CrmNotConnected ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information,
                            notice == Notice::CrmNotConnected ? 15000 : 8000);
    if (m_window && !looking)
        QApplication::alert(m_window, 0);
    Q_EMIT notified(notice, title, text);
}

void ConsoleTray::showWindow()
{
    if (!m_window)
        return;
    if (m_window->isMinimized())
        m_window->showNormal();
    else
        m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

}   // namespace enlace
