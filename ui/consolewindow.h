#pragma once

#include <QMainWindow>

#include <functional>

class QAction;
class QLabel;
class QSettings;
class QSplitter;
class QTableView;

namespace enlace {

class CallListModel;
class CallPanel;

// The agent console's main window: the call panel and today's calls on one side, the embedded CRM
// pages on the other, the connection state always in view. A view: it shows what the session
// gives it and forwards intents (its actions); the session decides.
class ConsoleWindow final : public QMainWindow
{
    Q_OBJECT

public:
    enum class Connection { SignedOut, Connecting, Online, Offline };
    // Asked before the window closes during a call; true closes it.
    using CloseGuard = std::function<bool()>;

    ConsoleWindow(CallListModel *calls, QSettings *settings, QWidget *parent = nullptr);
    ~ConsoleWindow() override;

    CallPanel *callPanel() const { return m_panel; }
    QTableView *callList() const { return m_callList; }
    // The CRM pages' area (the CrmHost's tabArea()), beside the call panel.
    void setCrmArea(QWidget *area);

    void setAgent(const QString &name, const QString &server);
    void setConnection(Connection state, const QString &detail = {});
    Connection connection() const { return m_connection; }
    // A transient note in the status bar (an error the agent should read, a confirmation).
    void showNote(const QString &text, int timeoutMs = 8000);
    // Checks the View → Theme entry of the key ("system", "light", "dark").
    void setThemeChoice(const QString &key);
    void setCloseGuard(CloseGuard guard) { m_closeGuard = std::move(guard); }

    QAction *openCrmAction() const { return m_openCrm; }
    QAction *qualifyAction() const { return m_qualify; }
    QAction *dialAction() const { return m_dial; }
    QAction *logoutAction() const { return m_logout; }
    QAction *quitAction() const { return m_quit; }

    void saveLayout();

Q_SIGNALS:
    void openCrmRequested();
    void qualifyRequested();
    // Re-qualify a call of the list.
    void requalifyRequested(const QString &callId);
    void dialRequested();
    void logoutRequested();
    void quitRequested();
    void themeChosen(const QString &key);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QAction *addAction(QMenu *menu, const QString &name, const QString &text, const QKeySequence &shortcut);

    CallListModel *m_calls;
    QSettings *m_settings;
    CallPanel *m_panel = nullptr;
    QTableView *m_callList = nullptr;
    QSplitter *m_splitter = nullptr;
    QWidget *m_crmPlaceholder = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_agentLabel = nullptr;
    QAction *m_openCrm = nullptr;
    QAction *m_qualify = nullptr;
    QAction *m_dial = nullptr;
    QAction *m_logout = nullptr;
    QAction *m_quit = nullptr;
    Connection m_connection = Connection::SignedOut;
    CloseGuard m_closeGuard;
};

}   // namespace enlace
