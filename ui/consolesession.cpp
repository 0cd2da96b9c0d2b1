#include <core/requests/requestbuilder.h>
#include <ui/calllistmodel.h>
#include <ui/callpanel.h>
#include <ui/consolesession.h>
#include <ui/consoletray.h>
#include <ui/consolewindow.h>
#include <ui/crmhost.h>
#include <ui/dialdialog.h>
#include <ui/dispositiondialog.h>
#include <ui/dispositionoptionmodel.h>
#include <ui/logindialog.h>
#include <ui/prompts.h>
#include <ui/secretstore.h>
#include <ui/theme.h>

#include <QAction>
#include <QApplication>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSettings>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcConsole, "enlace.console")

namespace enlace {

namespace {

QString popKey(const QString &callId, qint64 siteId)
{
    return callId + u'|' + QString::number(siteId);
}

ConsoleCall fromListed(const wire::AgentCall &listed)
{
    ConsoleCall c = ConsoleCall::fromEvent(listed.connected.call);
    c.state = listed.state;
    c.offeredAt = listed.offeredAt;
    c.connectedAt = listed.connectedAt;
    c.endedAt = listed.endedAt;
    c.interaction = listed.connected.interaction;
    c.interactionError = listed.connected.interactionError.value_or(QString());
    if (listed.disposition) {
        c.dispositionId = listed.disposition->id;
        c.dispositionOptionId = listed.disposition->optionId;
        c.dispositionComments = listed.disposition->comments;
    }
    return c;
}

}   // namespace

ConsoleSession::ConsoleSession(const Services &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_network(std::make_unique<QNetworkAccessManager>())
{
    Q_ASSERT(services.crm && services.secrets && services.prompts && services.settings);
    m_calls = new CallListModel(this);
    m_options = new DispositionOptionModel(this);
    m_window = std::make_unique<ConsoleWindow>(m_calls, services.settings);
    m_window->setCrmArea(services.crm->tabArea());
    m_window->setCloseGuard([this] { return confirmClose(); });
    m_tray = new ConsoleTray(m_window.get(), this);
    m_tray->setActions(
        { m_window->dialAction(), m_window->openCrmAction(), m_window->logoutAction(), m_window->quitAction() });
    const QString theme = services.settings->value(u"view/theme"_s, u"system"_s).toString();
    m_window->setThemeChoice(Theme::choiceKey(Theme::choiceFromKey(theme)));
    if (services.theme)
        services.theme->setChoice(Theme::choiceFromKey(theme));
    connect(m_window.get(), &ConsoleWindow::themeChosen, this, [this](const QString &key) {
        m_services.settings->setValue(u"view/theme"_s, key);
        if (m_services.theme)
            m_services.theme->setChoice(Theme::choiceFromKey(key));
    });
    services.crm->setMaxPages(services.settings->value(u"crm/maxPages"_s, 5).toInt());

    connect(m_window.get(), &ConsoleWindow::openCrmRequested, this, &ConsoleSession::openCrm);
    connect(m_window.get(), &ConsoleWindow::qualifyRequested, this, [this] { showQualify(); });
    connect(m_window.get(), &ConsoleWindow::requalifyRequested, this, [this](const QString &id) { showQualify(id); });
    connect(m_window.get(), &ConsoleWindow::dialRequested, this, [this] { showDial(); });
    connect(m_window.get(), &ConsoleWindow::logoutRequested, this, &ConsoleSession::logout);
    connect(m_window.get(), &ConsoleWindow::quitRequested, this, &ConsoleSession::quitRequested);
    connect(m_window->quitAction(), &QAction::triggered, m_window.get(), &QWidget::close, Qt::QueuedConnection);

    connect(services.crm, &CrmHost::pageLoaded, this,
            [this](const QString &callId, qint64, bool ok, const QString &errorText) {
                if (!ok)
                    m_window->showNote(tr("The CRM page of call %1 did not load: %2").arg(callId, errorText));
            });
    connect(services.crm, &CrmHost::pageRefused, this,
            [this](const QString &, qint64, const QString &reason) { m_window->showNote(reason, 15000); });
    connect(services.crm, &CrmHost::qualifyRequested, this,
            [this](const QString &callId, qint64 optionId, const QString &comments) {
                qualify(callId, optionId, comments, [this](Result<void> r) {
                    m_window->showNote(r ? tr("Call qualified from the CRM.") : errorText(r.error()));
                });
            });
    connect(services.crm, &CrmHost::dialRequested, this, [this](const QString &phone, const QString &contactId) {
        const std::optional<ConsoleCall> current = currentCall();
        if (current && current->campaignId && !current->inProgress()) {
            dial(*current->campaignId, phone, contactId,
                 [this](Result<void> r) { m_window->showNote(r ? tr("Calling…") : errorText(r.error())); });
            return;
        }
        showDial(phone);
    });
}

ConsoleSession::~ConsoleSession()
{
    if (m_channel)
        m_channel->close();
    m_services.crm->closeAll();
    delete m_login;
    delete m_disposition;
    delete m_dialDialog;
}

LoginDialog *ConsoleSession::loginDialog() const
{
    return m_login;
}

DispositionDialog *ConsoleSession::dispositionDialog() const
{
    return m_disposition;
}

DialDialog *ConsoleSession::dialDialog() const
{
    return m_dialDialog;
}

void ConsoleSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    switch (state) {
    case State::SignedOut:
        m_window->setConnection(ConsoleWindow::Connection::SignedOut);
        m_tray->setStatus(tr("Not signed in"));
        break;
    case State::SigningIn:
        m_window->setConnection(ConsoleWindow::Connection::Connecting);
        m_tray->setStatus(tr("Connecting…"));
        break;
    case State::Online:
        m_window->setConnection(ConsoleWindow::Connection::Online);
        m_tray->setStatus(tr("Online"));
        break;
    case State::Offline:
        m_tray->setStatus(tr("Offline, reconnecting"));
        break;   // the channel's reason is shown where it goes offline
    }
    Q_EMIT stateChanged(state);
}

void ConsoleSession::start(const Start &start)
{
    m_language = start.language;
    m_pendingDial = start.dial;
    m_window->show();
    const QUrl server
        = !start.server.isEmpty() ? start.server : QUrl(m_services.settings->value(u"login/server"_s).toString());
    const QString user = !start.user.isEmpty() ? start.user : m_services.settings->value(u"login/user"_s).toString();
    if (start.password && !server.isEmpty() && !user.isEmpty()) {
        signIn(server, user, *start.password, false);
        return;
    }
    if (!server.isEmpty() && !user.isEmpty()) {
        resumeWithStoredToken(server, user);
        return;
    }
    showLogin();
}

void ConsoleSession::showLogin(const QString &error)
{
    if (!m_login) {
        m_login = new LoginDialog(m_services.settings, m_window.get());
        m_login->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_login, &LoginDialog::loginRequested, this, &ConsoleSession::signIn);
        connect(m_login, &QDialog::rejected, this, [this] {
            if (m_state == State::SignedOut)
                m_window->showNote(tr("Not signed in. Use Session → Sign in to start."), 0);
        });
        if (!m_services.secrets->persistent())
            m_login->setKeychainNotice(KeychainSecretStore::memoryOnlyNotice());
    }
    if (!m_server.isEmpty() && !m_user.isEmpty())
        m_services.secrets->read(SecretStore::key(m_server, m_user, SecretStore::SecretKind::Password),
                                 [login = m_login](Result<QString> password) {
                                     if (login && password)
                                         login->setPassword(password.value());
                                 });
    m_login->open();
    if (!error.isEmpty())
        m_login->showError(error);
}

void ConsoleSession::makeClients(const QUrl &server)
{
    if (m_api && m_api->baseUrl() == server)
        return;
    if (m_channel)
        m_channel->close();
    m_server = server;
    m_api = std::make_unique<ApiClient>(m_network.get(), server);
    m_api->setLanguage(m_language);
    connect(m_api.get(), &ApiClient::sessionExpired, this, &ConsoleSession::handleSessionExpired);
    m_channel = std::make_unique<EventChannelClient>(server);
    m_channel->setLanguage(m_language);
    EventChannelClient *channel = m_channel.get();
    connect(channel, &EventChannelClient::ready, this, [this](qint64 agentId) {
        m_agentId = agentId;
        setState(State::Online);
        if (m_loadingCalls)
            return;
        // After a drop the list is read again: what changed while offline (a disposition made in
        // the CRM, an end the channel replays anyway) shows, and nothing pops.
        loadCalls(false);
    });
    connect(channel, &EventChannelClient::offline, this,
            [this](EventChannelClient::OfflineReason reason, const QString &detail) {
                if (reason == EventChannelClient::OfflineReason::SessionExpired)
                    return;
                setState(State::Offline);
                m_window->setConnection(ConsoleWindow::Connection::Offline, detail);
            });
    connect(channel, &EventChannelClient::sessionExpired, this, &ConsoleSession::handleSessionExpired);
    connect(channel, &EventChannelClient::notAnAgent, this, [this] {
        m_channel->close();
        setState(State::SignedOut);
        showLogin(tr("This user is not an agent: the console is for agents."));
    });
    connect(channel, &EventChannelClient::callOffered, this,
            [this](const wire::CallEvent &call) { handleCallEvent(call, CallState::Offered); });
    connect(channel, &EventChannelClient::callConnected, this, &ConsoleSession::handleConnected);
    connect(channel, &EventChannelClient::callEnded, this, &ConsoleSession::handleEnded);
    connect(channel, &EventChannelClient::externalSiteInteraction, this, &ConsoleSession::handleSiteInteraction);
    connect(channel, &EventChannelClient::dispositionInteraction, this, &ConsoleSession::handleDispositionInteraction);
}

void ConsoleSession::resumeWithStoredToken(const QUrl &server, const QString &user)
{
    makeClients(server);
    m_user = user;
    setState(State::SigningIn);
    m_services.secrets->read(SecretStore::key(server, user, SecretStore::SecretKind::Token),
                             [this, server, user](Result<QString> token) {
                                 if (!token || token->isEmpty()) {
                                     setState(State::SignedOut);
                                     showLogin();
                                     return;
                                 }
                                 m_api->setToken(token.value());
                                 afterSignIn(token.value(), user);
                             });
}

void ConsoleSession::signIn(const QUrl &server, const QString &user, const QString &password, bool rememberPassword)
{
    makeClients(server);
    m_user = user;
    setState(State::SigningIn);
    m_api->login(user, password, [this, server, user, password, rememberPassword](Result<LoginAnswer> answer) {
        if (!answer) {
            setState(State::SignedOut);
            if (m_login)
                m_login->showError(errorText(answer.error()));
            else
                showLogin(errorText(answer.error()));
            return;
        }
        if (!answer->agentId) {
            m_api->logout([](Result<void>) {});
            setState(State::SignedOut);
            const QString text = tr("This user is not an agent: the console is for agents.");
            if (m_login)
                m_login->showError(text);
            else
                showLogin(text);
            return;
        }
        m_agentId = answer->agentId;
        m_services.settings->setValue(u"login/server"_s, server.toString());
        m_services.settings->setValue(u"login/user"_s, user);
        SecretStore *secrets = m_services.secrets;
        secrets->write(SecretStore::key(server, user, SecretStore::SecretKind::Token), answer->token,
                       [this](Result<void> r) {
                           if (!r)
                               m_window->showNote(r.error().text(), 15000);
                       });
        const QString passwordKey = SecretStore::key(server, user, SecretStore::SecretKind::Password);
        if (rememberPassword)
            secrets->write(passwordKey, password, [](Result<void>) {});
        else
            secrets->remove(passwordKey, [](Result<void>) {});
        if (m_login)
            m_login->finish();
        const QString name = QStringList { answer->firstName, answer->lastName }.join(u' ').trimmed();
        afterSignIn(answer->token, name.isEmpty() ? user : name);
    });
}

void ConsoleSession::afterSignIn(const QString &token, const QString &displayName)
{
    Q_UNUSED(token)
    m_window->setAgent(displayName, m_server.host());
    loadCalls(true);
}

void ConsoleSession::loadCalls(bool openChannelAfter)
{
    m_loadingCalls = true;
    m_api->agentCalls([this, openChannelAfter](Result<AgentCalls> answer) {
        m_loadingCalls = false;
        if (!answer) {
            if (answer.error().kind == Error::Kind::Unauthenticated)
                return;   // sessionExpired shows the login
            if (answer.error().kind == Error::Kind::Forbidden) {
                setState(State::SignedOut);
                showLogin(tr("This user is not an agent: the console is for agents."));
                return;
            }
            // The server or the network is down: say so and try again, the channel's backoff decides when.
            setState(State::Offline);
            m_window->setConnection(ConsoleWindow::Connection::Offline, errorText(answer.error()));
            if (openChannelAfter && !m_signedInOnce) {
                QTimer::singleShot(3000, this, [this] {
                    if (m_state == State::Offline && m_api && m_api->hasToken())
                        loadCalls(true);
                });
                return;
            }
            if (openChannelAfter)
                m_channel->open(m_api->token());
            return;
        }
        const bool first = !m_signedInOnce;
        m_signedInOnce = true;
        m_campaigns = answer->campaigns;
        QList<ConsoleCall> listed;
        for (const wire::AgentCall &c : answer->calls) {
            ConsoleCall call = fromListed(c);
            if (c.connected.call.agentId)
                m_agentId = c.connected.call.agentId;
            listed.append(call);
        }
        m_calls->reset(listed);
        for (const ConsoleCall &c : std::as_const(listed))
            if (c.dispositionOptionId && c.campaignId)
                withOptions(*c.campaignId, [this, id = c.callId](Result<QList<DispositionChoice>>) {
                    if (const ConsoleCall *known = m_calls->find(id))
                        upsert(*known);
                });
        refreshPanel();
        if (openChannelAfter) {
            m_channel->open(m_api->token(), answer->lastEventId);
            setState(State::Online);
            Q_EMIT signedIn();
            if (first && !m_pendingDial.isEmpty()) {
                showDial(m_pendingDial);
                m_pendingDial.clear();
            }
        }
    });
}

void ConsoleSession::handleSessionExpired()
{
    if (m_state == State::SignedOut)
        return;
    // The calls and the CRM pages stay: the agent signs in again and carries on.
    m_channel->close();
    m_services.secrets->remove(SecretStore::key(m_server, m_user, SecretStore::SecretKind::Token), [](Result<void>) {});
    setState(State::SignedOut);
    m_window->setConnection(ConsoleWindow::Connection::SignedOut);
    showLogin(tr("Your session expired. Sign in again to carry on: your calls stay as they were."));
}

void ConsoleSession::logout()
{
    if (m_channel)
        m_channel->close();
    if (m_api && m_api->hasToken())
        m_api->logout([](Result<void>) {});
    if (!m_server.isEmpty())
        m_services.secrets->remove(SecretStore::key(m_server, m_user, SecretStore::SecretKind::Token),
                                   [](Result<void>) {});
    m_services.crm->closeAll();
    m_calls->clear();
    m_popped.clear();
    m_agentId.reset();
    m_signedInOnce = false;
    refreshPanel();
    setState(State::SignedOut);
    m_window->setAgent({}, {});
    Q_EMIT signedOut();
    showLogin();
}

std::optional<ConsoleCall> ConsoleSession::currentCall() const
{
    if (const auto row = m_calls->activeRow())
        return m_calls->at(*row);
    if (m_calls->rowCount() > 0)
        return m_calls->at(0);
    return std::nullopt;
}

void ConsoleSession::upsert(const ConsoleCall &call)
{
    ConsoleCall named = call;
    if (named.dispositionOptionId && named.campaignId && named.dispositionName.isEmpty())
        for (const DispositionChoice &o : m_optionCache.value(*named.campaignId))
            if (o.id == *named.dispositionOptionId)
                named.dispositionName = o.name;
    m_calls->upsert(named);
    if (const ConsoleCall *known = m_calls->find(call.callId))
        publishFacts(*known);
    refreshPanel();
    Q_EMIT callChanged(call.callId);
}

void ConsoleSession::refreshPanel()
{
    const std::optional<ConsoleCall> current = currentCall();
    m_window->callPanel()->showCall(current);
    m_window->openCrmAction()->setEnabled(current && current->canOpenCrm());
    m_window->qualifyAction()->setEnabled(current && current->state != CallState::Offered && current->campaignId);
}

void ConsoleSession::handleCallEvent(const wire::CallEvent &event, CallState state)
{
    ConsoleCall c = ConsoleCall::fromEvent(event);
    c.state = state;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (state == CallState::Offered)
        c.offeredAt = now;
    if (state == CallState::Connected)
        c.connectedAt = now;
    if (!m_agentId && event.agentId)
        m_agentId = event.agentId;
    const bool isNew = !m_calls->find(c.callId);
    upsert(c);
    if (state == CallState::Offered && isNew)
        m_tray->notify(ConsoleTray::Notice::NewCall, tr("New call"),
                       c.campaignName.isEmpty() ? c.phone : tr("%1 — %2").arg(c.phone, c.campaignName));
}

void ConsoleSession::handleConnected(const wire::CallConnected &event)
{
    ConsoleCall c = ConsoleCall::fromEvent(event.call);
    c.state = CallState::Connected;
    c.connectedAt = QDateTime::currentDateTimeUtc();
    c.offeredAt = c.connectedAt;
    c.interaction = event.interaction;
    c.interactionError = event.interactionError.value_or(QString());
    if (event.interaction && event.interaction->deliveryKey)
        c.crmOutcome = ConsoleCall::CrmOutcome::Pending;
    upsert(c);
    // Live: an automatic site opens now (a replay never reaches here twice: the channel drops
    // what it delivered, and m_popped keeps one pop per call and site).
    if (event.interaction && event.interaction->request
        && event.interaction->interaction.trigger == SiteTrigger::Automatic)
        if (const ConsoleCall *known = m_calls->find(c.callId))
            openPage(*known, *event.interaction);
}

void ConsoleSession::handleEnded(const wire::CallEnded &event)
{
    ConsoleCall c = ConsoleCall::fromEvent(event.call);
    c.state = event.state;
    c.endedAt = QDateTime::currentDateTimeUtc();
    if (event.durationSeconds) {
        const ConsoleCall *known = m_calls->find(c.callId);
        if (!known || !known->connectedAt.isValid())
            c.connectedAt = c.endedAt.addSecs(-*event.durationSeconds);
    }
    upsert(c);
    m_services.crm->markCallEnded(c.callId);
}

void ConsoleSession::handleSiteInteraction(const wire::ExternalSiteInteraction &event)
{
    const ConsoleCall *known = m_calls->find(event.callId);
    ConsoleCall c = known ? *known : ConsoleCall();
    c.callId = event.callId;
    c.crmOutcome = event.delivered ? ConsoleCall::CrmOutcome::Delivered : ConsoleCall::CrmOutcome::Failed;
    c.crmAttempts = event.attempts;
    c.crmError = event.delivered
        ? QString()
        : tr("%1 (%n attempt(s))", nullptr, event.attempts)
              .arg(event.errorMessage.value_or(event.status ? u"HTTP %1"_s.arg(*event.status) : QString()));
    upsert(c);
    const std::optional<ConsoleCall> current = currentCall();
    if (current && current->callId == event.callId)
        m_window->callPanel()->showCrmStatus(event.delivered, c.crmError);
    if (!event.delivered)
        m_tray->notify(ConsoleTray::Notice::CrmNotConnected, tr("CRM not connected"),
                       tr("Call %1: %2").arg(c.phone.isEmpty() ? c.callId : c.phone, c.crmError));
}

void ConsoleSession::handleDispositionInteraction(const wire::DispositionInteraction &event)
{
    const ConsoleCall *known = m_calls->find(event.callId);
    if (!known || !event.interaction.request)
        return;
    openPage(*known, event.interaction);
}

void ConsoleSession::openPage(const ConsoleCall &call, const wire::CallInteraction &interaction)
{
    const QString key = popKey(call.callId, interaction.interaction.siteId);
    if (m_services.crm->hasPage(call.callId, interaction.interaction.siteId)) {
        m_popped.insert(key);
    }
    CrmPageRequest page;
    page.callId = call.callId;
    page.siteId = interaction.interaction.siteId;
    page.target = interaction.interaction.target.value_or(SiteTarget::Embedded);
    page.reuse = m_services.settings->value(u"crm/onePerCall"_s, false).toBool() ? CrmPageRequest::Reuse::OnePerCall
                                                                                 : CrmPageRequest::Reuse::ReuseOne;
    // The request the console loads is the one RequestBuilder makes of the interaction: the same
    // function the server and the admin preview use.
    page.request = RequestBuilder::build(interaction.interaction);
    page.title = call.phone.isEmpty() ? tr("CRM") : tr("CRM · %1").arg(call.phone);
    m_popped.insert(key);
    publishFacts(call);
    m_services.crm->open(page);
    Q_EMIT crmOpened(call.callId, page.siteId);
}

void ConsoleSession::openCrm()
{
    const std::optional<ConsoleCall> current = currentCall();
    if (!current || !current->canOpenCrm()) {
        m_window->showNote(tr("This call has no CRM page to open."));
        return;
    }
    openPage(*current, *current->interaction);
}

void ConsoleSession::publishFacts(const ConsoleCall &call)
{
    QJsonObject facts;
    wire::CallEvent e;
    e.callId = call.callId;
    e.campaignId = call.campaignId;
    e.campaignName = call.campaignName;
    e.contactId = call.contactId;
    e.agentId = m_agentId;
    e.phone = call.phone;
    e.contact = call.contact;
    facts.insert(u"call"_s, e.toJson());
    facts.insert(u"state"_s,
                 call.state == CallState::Offered         ? u"ringing"_s
                     : call.state == CallState::Connected ? u"connected"_s
                                                          : u"ended"_s);
    QJsonArray options;
    if (call.campaignId)
        for (const DispositionChoice &o : m_optionCache.value(*call.campaignId))
            if (!o.hidden)
                options.append(QJsonObject { { u"id"_s, o.id }, { u"name"_s, o.name } });
    facts.insert(u"disposition_options"_s, options);
    if (call.dispositionId)
        facts.insert(u"disposition"_s,
                     QJsonObject { { u"id"_s, *call.dispositionId },
                                   { u"option_id"_s, call.dispositionOptionId.value_or(0) },
                                   { u"comments"_s, call.dispositionComments } });
    m_services.crm->setCallFacts(call.callId, facts);
    if (call.campaignId && !m_optionCache.contains(*call.campaignId) && m_api)
        withOptions(*call.campaignId, [this, id = call.callId](Result<QList<DispositionChoice>> r) {
            if (r)
                if (const ConsoleCall *known = m_calls->find(id))
                    publishFacts(*known);
        });
}

void ConsoleSession::withOptions(qint64 campaignId, std::function<void(Result<QList<DispositionChoice>>)> done)
{
    if (auto it = m_optionCache.constFind(campaignId); it != m_optionCache.cend())
        return done(it.value());
    m_api->dispositionOptions(QString::number(campaignId),
                              [this, campaignId, done = std::move(done)](Result<QList<DispositionChoice>> r) {
                                  if (r)
                                      m_optionCache.insert(campaignId, r.value());
                                  done(std::move(r));
                              });
}

void ConsoleSession::showQualify(const QString &callId)
{
    const std::optional<ConsoleCall> current = currentCall();
    const ConsoleCall *known = callId.isEmpty() ? nullptr : m_calls->find(callId);
    const std::optional<ConsoleCall> call = known ? std::optional<ConsoleCall>(*known) : current;
    if (!call || !call->campaignId) {
        m_window->showNote(tr("There is no call to qualify."));
        return;
    }
    withOptions(*call->campaignId, [this, call = *call](Result<QList<DispositionChoice>> options) {
        if (!options) {
            m_window->showNote(errorText(options.error()));
            return;
        }
        m_options->setOptions(options.value());
        delete m_disposition;
        const QString summary = tr("Call %1 · %2 · %3").arg(call.phone, call.campaignName, call.callId);
        m_disposition = new DispositionDialog(m_options, summary, m_window.get());
        m_disposition->setAttribute(Qt::WA_DeleteOnClose);
        if (call.dispositionOptionId)
            m_disposition->preset(*call.dispositionOptionId, call.dispositionComments);
        connect(m_disposition, &DispositionDialog::dispositionChosen, this,
                [this, id = call.callId](qint64 optionId, const QString &comments) {
                    qualify(id, optionId, comments, [this](Result<void> r) {
                        if (!m_disposition)
                            return;
                        if (r)
                            m_disposition->finish();
                        else
                            m_disposition->showError(errorText(r.error()));
                    });
                });
        m_disposition->open();
    });
}

void ConsoleSession::qualify(const QString &callId, qint64 optionId, const QString &comments,
                             std::function<void(Result<void>)> done)
{
    const ConsoleCall *known = m_calls->find(callId);
    if (!known || !m_api) {
        if (done)
            done(Error { Error::Kind::NotFound,
                         u"console.no_call"_s,
                         Message::fromText(tr("That call is not in the list.")),
                         {},
                         {} });
        return;
    }
    DispositionOrder order;
    order.optionId = optionId;
    order.callId = callId;
    order.contactId = known->contactId;
    order.comments = comments;
    auto handle = [this, callId, optionId, comments, done](Result<QJsonObject> answer) {
        if (!answer) {
            if (done)
                done(answer.error());
            return;
        }
        const ConsoleCall *call = m_calls->find(callId);
        if (!call)
            return;
        ConsoleCall c = *call;
        c.dispositionId = answer->value(u"id"_s).toInteger();
        if (*c.dispositionId == 0 && call->dispositionId)
            c.dispositionId = call->dispositionId;
        c.dispositionOptionId = optionId;
        c.dispositionComments = comments;
        c.dispositionName.clear();
        upsert(c);
        Q_EMIT dispositionSaved(callId, c.dispositionId.value_or(0));
        if (done)
            done(Result<void>());
    };
    if (known->dispositionId)
        m_api->updateDisposition(*known->dispositionId, order, std::move(handle));
    else
        m_api->dispose(order, std::move(handle));
}

void ConsoleSession::showDial(const QString &phone)
{
    if (m_state == State::SignedOut || !m_api) {
        m_pendingDial = phone;
        m_window->showNote(tr("Sign in to place the call."));
        return;
    }
    delete m_dialDialog;
    m_dialDialog = new DialDialog(m_campaigns, m_window.get());
    m_dialDialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!phone.isEmpty())
        m_dialDialog->setPhone(phone);
    connect(m_dialDialog, &DialDialog::searchRequested, this, [this](qint64 campaignId, const QString &text) {
        m_api->searchContacts(campaignId, text, 0, 20, [dialog = m_dialDialog, this](Result<QJsonObject> page) {
            if (!dialog)
                return;
            if (page)
                dialog->showContacts(page.value());
            else
                dialog->showError(errorText(page.error()));
        });
    });
    connect(m_dialDialog, &DialDialog::dialRequested, this,
            [this](qint64 campaignId, const QString &number, const QString &contactId) {
                dial(campaignId, number, contactId, [this](Result<void> r) {
                    if (!m_dialDialog)
                        return;
                    if (r)
                        m_dialDialog->finish();
                    else
                        m_dialDialog->showError(errorText(r.error()));
                });
            });
    m_dialDialog->open();
}

void ConsoleSession::dial(qint64 campaignId, const QString &phone, const QString &contactId,
                          std::function<void(Result<void>)> done)
{
    if (!m_api || !m_agentId) {
        done(Error { Error::Kind::Unavailable,
                     u"console.signed_out"_s,
                     Message::fromText(tr("Sign in to place the call.")),
                     {},
                     {} });
        return;
    }
    CallOrder order;
    order.campaign = QString::number(campaignId);
    order.agent = QString::number(*m_agentId);
    order.phone = phone;
    order.contact = contactId;
    m_api->makeCall(order, std::move(done));
}

void ConsoleSession::handleInstanceMessage(const QStringList &arguments)
{
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    for (const QString &argument : arguments)
        if (!argument.isEmpty() && !argument.startsWith(u'-'))
            showDial(argument);
}

bool ConsoleSession::confirmClose()
{
    const std::optional<ConsoleCall> current = currentCall();
    if (!current || !current->inProgress())
        return true;
    return m_services.prompts->confirm(m_window.get(), tr("Close the console?"),
                                       tr("A call is in progress (%1). Close the console anyway?").arg(current->phone));
}

QString ConsoleSession::errorText(const Error &error) const
{
    QString text = error.text();
    if (text.isEmpty())
        text = error.code;
    return text;
}

}   // namespace enlace
