#pragma once

#include <QIcon>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace enlace {

// The console in the desktop's tray: its state in the tooltip, a menu (show the console, dial,
// sign out, quit) and the notifications an agent must not miss while working in another window
// (a new call, a CRM that was not reached). Where the desktop has no tray (a kiosk session, the
// offscreen tests) the window asks for attention instead; notified() fires either way.
class ConsoleTray final : public QObject
{
    Q_OBJECT

public:
    enum class Notice { NewCall, CrmNotConnected };
    Q_ENUM(Notice)

    // window: the console's main window (shown, raised and flashed); it outlives the tray.
    explicit ConsoleTray(QWidget *window, QObject *parent = nullptr);
    ~ConsoleTray() override;

    static QIcon applicationIcon();

    // The tray's menu offers these under "Show console" (the window's own actions, not copies).
    void setActions(const QList<QAction *> &actions);
    void setStatus(const QString &status);
    QString toolTip() const { return m_toolTip; }
    bool inTray() const;

    // A new call only notifies when the agent is not looking at the console; a CRM that was not
    // reached always does.
    void notify(Notice notice, const QString &title, const QString &text);

    QSystemTrayIcon *trayIcon() const { return m_icon; }
    QMenu *menu() const { return m_menu; }

Q_SIGNALS:
    void notified(enlace::ConsoleTray::Notice notice, const QString &title, const QString &text);

private:
    void showWindow();

    QPointer<QWidget> m_window;
    QSystemTrayIcon *m_icon = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_show = nullptr;
    QString m_toolTip;
};

}   // namespace enlace
