#pragma once

#include <core/client/apiclient.h>
#include <core/client/eventchannelclient.h>
#include <ui/consolecall.h>

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QSettings;

namespace enlace {

class CallListModel;
class ConsoleTray;
class ConsoleWindow;
class CrmHost;
class DialDialog;
class DispositionDialog;
class DispositionOptionModel;
class LoginDialog;
class Prompts;
class SecretStore;
class Theme;
struct CrmPageRequest;

// The agent console, composed: the network, the API client and the event channel, the models, the
// main window and the dialogs, and the CRM pages' host (injected: ui/web's WebCrmHost in the
// program, a recording fake in the widget tests). Tests start this object as the program does.
//
// What it decides:
// - signing in: with the token kept in the keychain when there is one, else the login dialog (or
//   the command line's credentials); the token, and the password when the agent asks, go to the
//   SecretStore, never to the settings file;
// - staying connected: the agent's calls are read (GET /api/v1/agent/calls/), then the event
//   channel opens from the position they were read at, so nothing between is missed; the channel
//   reconnects by itself and resumes from the last event; an expired token brings the login
//   dialog back with the calls kept;
// - the CRM: an automatic site opens when its call.connected arrives live; an agent site when the
//   agent asks (Open CRM); a call disposition site after the qualification; at most one pop per
//   call and site, and never for a call learnt from the list at start-up or reconnection;
// - qualifying, dialling, signing out.
class ConsoleSession final : public QObject
{
    Q_OBJECT

public:
    struct Services
    {
        CrmHost *crm = nullptr;   // required; outlives the session
        SecretStore *secrets = nullptr;   // required
        Prompts *prompts = nullptr;   // required
        QSettings *settings = nullptr;   // required: server, user, layout, CRM preferences
        Theme *theme = nullptr;   // optional: View → Theme applies through it
    };
    struct Start
    {
        QUrl server;   // empty: the one remembered, else the dialog asks
        QString user;
        std::optional<QString> password;   // given (command line, --password-stdin): no dialog
        QString language = QStringLiteral("es");   // of the server's messages
        QString dial;   // a number to call once signed in (tel:)
    };
    enum class State { SignedOut, SigningIn, Online, Offline };
    Q_ENUM(State)

    explicit ConsoleSession(const Services &services, QObject *parent = nullptr);
    ~ConsoleSession() override;

    // Shows the window and signs in (or asks how).
    void start(const Start &start);

    State state() const { return m_state; }
    ConsoleWindow *window() const { return m_window.get(); }
    ConsoleTray *tray() const { return m_tray; }
    LoginDialog *loginDialog() const;
    DispositionDialog *dispositionDialog() const;
    DialDialog *dialDialog() const;
    CallListModel *calls() const { return m_calls; }
    DispositionOptionModel *dispositionOptions() const { return m_options; }
    ApiClient *api() const { return m_api.get(); }
    EventChannelClient *channel() const { return m_channel.get(); }
    std::optional<qint64> agentId() const { return m_agentId; }
    // The call the panel shows: the newest in progress, else the last one.
    std::optional<ConsoleCall> currentCall() const;
    // CRM pages opened (call id + site), once each.
    int crmPops() const { return m_popped.size(); }

    void signIn(const QUrl &server, const QString &user, const QString &password, bool rememberPassword);
    void logout();
    // Open CRM for the current call (the button, Ctrl+Shift+O).
    void openCrm();
    // Opens the qualify dialog for the current call, or for callId.
    void showQualify(const QString &callId = {});
    // Qualifies (or re-qualifies) the call; done gets the server's answer.
    void qualify(const QString &callId, qint64 optionId, const QString &comments,
                 std::function<void(Result<void>)> done = {});
    // Opens the dial dialog (phone filled in when given).
    void showDial(const QString &phone = {});
    void dial(qint64 campaignId, const QString &phone, const QString &contactId,
              std::function<void(Result<void>)> done);
    // What a second start of the console sent: tel:/callto: numbers, or nothing (raise the window).
    void handleInstanceMessage(const QStringList &arguments);

Q_SIGNALS:
    void stateChanged(enlace::ConsoleSession::State state);
    void signedIn();
    void signedOut();
    void callChanged(const QString &callId);
    void crmOpened(const QString &callId, qint64 siteId);
    void dispositionSaved(const QString &callId, qint64 dispositionId);
    void quitRequested();

private:
    void setState(State state);
    void showLogin(const QString &error = {});
    void resumeWithStoredToken(const QUrl &server, const QString &user);
    void makeClients(const QUrl &server);
    void afterSignIn(const QString &token, const QString &displayName);
    void loadCalls(bool openChannelAfter);
    void handleSessionExpired();
    void handleConnected(const wire::CallConnected &event);
    void handleCallEvent(const wire::CallEvent &event, CallState state);
    void handleEnded(const wire::CallEnded &event);
    void handleSiteInteraction(const wire::ExternalSiteInteraction &event);
    void handleDispositionInteraction(const wire::DispositionInteraction &event);
    void upsert(const ConsoleCall &call);
    void refreshPanel();
    void openPage(const ConsoleCall &call, const wire::CallInteraction &interaction);
    void publishFacts(const ConsoleCall &call);
    void withOptions(qint64 campaignId, std::function<void(Result<QList<DispositionChoice>>)> done);
    bool confirmClose();
    QString errorText(const Error &error) const;

    Services m_services;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<EventChannelClient> m_channel;
    CallListModel *m_calls = nullptr;
    DispositionOptionModel *m_options = nullptr;
    std::unique_ptr<ConsoleWindow> m_window;
    ConsoleTray *m_tray = nullptr;
    QPointer<LoginDialog> m_login;
    QPointer<DispositionDialog> m_disposition;
    QPointer<DialDialog> m_dialDialog;
    State m_state = State::SignedOut;
    QUrl m_server;
    QString m_user;
    QString m_language = QStringLiteral("es");
    QString m_pendingDial;
    std::optional<qint64> m_agentId;
    QList<AgentCalls::Campaign> m_campaigns;
    QHash<qint64, QList<DispositionChoice>> m_optionCache;   // by campaign
    QSet<QString> m_popped;   // "<call id>|<site id>"
    bool m_loadingCalls = false;
    bool m_signedInOnce = false;   // the calls were read once since signing in
};

}   // namespace enlace
