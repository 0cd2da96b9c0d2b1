#include <core/requests/requestbuilder.h>
#include <core/server/demoseeder.h>
#include <core/server/serverinstance.h>
#include <tests/support/scratchdatabase.h>
#include <tests/support/server/serverconfigs.h>
#include <tests/support/server/tcpproxy.h>
#include <tests/ui/support/recordingcrmhost.h>
#include <tests/ui/support/scriptedprompts.h>
#include <ui/calllistmodel.h>
#include <ui/callpanel.h>
#include <ui/consolesession.h>
#include <ui/consoletray.h>
#include <ui/consolewindow.h>
#include <ui/dialdialog.h>
#include <ui/dispositiondialog.h>
#include <ui/logindialog.h>
#include <ui/secretstore.h>

#include <QAction>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

// The real enlace-server (simulated PBX, demo data: the inbound campaign opens its CRM
// automatically, the manual one on the agent's button) on a scratch store.
struct DemoServer
{
    DemoServer(const QString &url, const QTemporaryDir &dir)
    {
        ServerConfig c = test::localServerConfig(url, dir);
        c.demo = true;
        c.simulatedTimeScale = 0.05;
        server = std::make_unique<ServerInstance>(c);
    }
    QString password(const QString &user) const
    {
        for (const auto &[name, password] : server->demoSummary()->logins)
            if (name == user)
                return password;
        return {};
    }
    // The demo campaigns, in the seeder's order: inbound (automatic), manual (agent), preview
    // (server), dialer (disposition).
    qint64 campaign(int i) const { return server->demoSummary()->campaignIds.at(i); }
    std::unique_ptr<ServerInstance> server;
};

// One console, as the program composes it, with a recording CRM host.
struct Console
{
    explicit Console(const QTemporaryDir &dir, SecretStore *secrets, const QString &name = u"console"_s)
        : settings(dir.filePath(name + u".ini"_s), QSettings::IniFormat)
        , session({ &crm, secrets, &prompts, &settings })
    { }
    void signIn(const DemoServer &demo, const QString &user = u"agente1"_s)
    {
        ConsoleSession::Start start;
        start.server = demo.server->baseUrl();
        start.user = user;
        start.password = demo.password(user);
        start.language = u"en"_s;
        session.start(start);
    }
    int loadsFor(const QString &callId) const
    {
        int n = 0;
        for (const CrmPageRequest &p : crm.loads)
            n += p.callId == callId ? 1 : 0;
        return n;
    }

    test::RecordingCrmHost crm;
    test::ScriptedPrompts prompts;
    QSettings settings;
    ConsoleSession session;
};

// The call the console placed to this number, once the list has it.
const ConsoleCall *placed(const Console &console, const QString &phone)
{
    for (int i = 0; i < console.session.calls()->rowCount(); ++i)
        if (console.session.calls()->at(i).phone == phone)
            return &console.session.calls()->at(i);
    return nullptr;
}

// Places the call as the agent does; the demo's inbound traffic may keep the agent busy for a
// while, so a refused call ("agent busy") is placed again until the PBX takes it.
bool dialWhenFree(Console &console, qint64 campaignId, const QString &phone, const QString &contactId = {})
{
    for (int attempt = 0; attempt < 60; ++attempt) {
        std::optional<Result<void>> dialled;
        console.session.dial(campaignId, phone, contactId, [&](Result<void> r) { dialled = r; });
        if (!QTest::qWaitFor([&] { return dialled.has_value(); }, 20000))
            return false;
        if (dialled->ok())
            return true;
        qWarning().noquote() << "dial refused:" << dialled->error().code << dialled->error().text();
        (void)QTest::qWaitFor(
            [&] { return !console.session.currentCall() || !console.session.currentCall()->inProgress(); }, 5000);
    }
    return false;
}

// The resource of an admin detail answer (ApiClient::get gives it unwrapped; the route's envelope
// is {status, <name>Detail: {...}}).
QJsonObject detailOf(const QJsonObject &answer)
{
    if (answer.contains(u"id"_s))
        return answer;
    for (auto it = answer.begin(); it != answer.end(); ++it)
        if (it.value().isObject())
            return it.value().toObject();
    return {};
}

CallState stateOf(const Console &console, const QString &phone)
{
    const ConsoleCall *c = placed(console, phone);
    return c ? c->state : CallState::Offered;
}

}   // namespace

class TestConsoleSession final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void automaticSite_popsOnceWhenTheCallConnects_withTheBuiltRequest_data() { test::addBackendRows(); }
    void automaticSite_popsOnceWhenTheCallConnects_withTheBuiltRequest()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        DemoServer demo(scratch.url(), dir);
        QVERIFY(demo.server->start().ok());
        MemorySecretStore secrets;
        Console console(dir, &secrets);
        console.signIn(demo);
        QTRY_COMPARE_WITH_TIMEOUT(console.session.state(), ConsoleSession::State::Online, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(console.session.channel()->state(), EventChannelClient::State::Ready, 20000);
        QVERIFY(console.session.agentId().has_value());

        QVERIFY(dialWhenFree(console, demo.campaign(0), u"1155557001"_s));
        QTRY_VERIFY_WITH_TIMEOUT(placed(console, u"1155557001"_s), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(console, u"1155557001"_s) == CallState::Connected
                                     || stateOf(console, u"1155557001"_s) == CallState::Ended,
                                 20000);
        const QString callId = placed(console, u"1155557001"_s)->callId;
        QTRY_COMPARE_WITH_TIMEOUT(console.loadsFor(callId), 1, 10000);
        CrmPageRequest page;
        for (const CrmPageRequest &p : console.crm.loads)
            if (p.callId == callId)
                page = p;
        const ConsoleCall *call = placed(console, u"1155557001"_s);
        QVERIFY(call->interaction.has_value());
        // Exactly what RequestBuilder makes of the interaction, which is what the server said to load.
        const HttpRequest built = RequestBuilder::build(call->interaction->interaction);
        QCOMPARE(page.request.method, built.method);
        QCOMPARE(page.request.url, built.url);
        QCOMPARE(page.request.body, built.body);
        QCOMPARE(page.request.headers, built.headers);
        QVERIFY(call->interaction->request.has_value());
        QCOMPARE(page.request.url.toEncoded(), call->interaction->request->url.toUtf8());
        QVERIFY(page.request.url.toEncoded().contains(callId.toUtf8()));
        QCOMPARE(page.target, SiteTarget::Embedded);
        QVERIFY(page.title.contains(u"1155557001"_s));
        // The CRM page's `enlace` object knows the call.
        QCOMPARE(console.crm.facts.value(callId).value(u"call"_s).toObject().value(u"call_id"_s).toString(), callId);

        QTRY_COMPARE_WITH_TIMEOUT(stateOf(console, u"1155557001"_s), CallState::Ended, 20000);
        QCOMPARE(console.loadsFor(callId), 1);   // the end pops nothing
        QCOMPARE(console.crm.facts.value(callId).value(u"state"_s).toString(), u"ended"_s);
    }

    void agentSite_opensOnlyWhenAsked_andOnce_data() { test::addBackendRows(); }
    void agentSite_opensOnlyWhenAsked_andOnce()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        DemoServer demo(scratch.url(), dir);
        QVERIFY(demo.server->start().ok());
        MemorySecretStore secrets;
        Console console(dir, &secrets);
        console.signIn(demo, u"agente2"_s);
        QTRY_COMPARE_WITH_TIMEOUT(console.session.channel()->state(), EventChannelClient::State::Ready, 20000);
        QVERIFY(dialWhenFree(console, demo.campaign(1), u"1155557002"_s));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(console, u"1155557002"_s), CallState::Connected, 20000);
        const QString callId = placed(console, u"1155557002"_s)->callId;
        QCOMPARE(console.loadsFor(callId), 0);
        ConsoleWindow *window = console.session.window();
        QTRY_VERIFY(window->openCrmAction()->isEnabled());
        QVERIFY(window->callPanel()->openCrmButton()->isEnabled());
        QCOMPARE(window->callPanel()->call()->callId, callId);
        QTest::mouseClick(window->callPanel()->openCrmButton(), Qt::LeftButton);
        QCOMPARE(console.loadsFor(callId), 1);
        window->openCrmAction()->trigger();   // again: the page is brought forward, not loaded again
        QCOMPARE(console.loadsFor(callId), 1);
        QCOMPARE(console.crm.opened.size(), 2);
    }

    void qualify_storesTheDisposition_andShowsItInTheList_data() { test::addBackendRows(); }
    void qualify_storesTheDisposition_andShowsItInTheList()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        DemoServer demo(scratch.url(), dir);
        QVERIFY(demo.server->start().ok());
        MemorySecretStore secrets;
        Console console(dir, &secrets);
        console.signIn(demo, u"agente3"_s);
        QTRY_COMPARE_WITH_TIMEOUT(console.session.channel()->state(), EventChannelClient::State::Ready, 20000);

        QNetworkAccessManager nam;
        ApiClient api(&nam, demo.server->baseUrl());
        std::optional<Result<QJsonObject>> contacts;
        api.setToken(console.session.api()->token());
        api.searchContacts(demo.campaign(1), {}, 0, 1, [&](Result<QJsonObject> r) { contacts = r; });
        QTRY_VERIFY(contacts.has_value());
        QVERIFY(contacts->ok());
        const QString contactId = QString::number(
            contacts->value().value(u"data"_s).toArray().first().toObject().value(u"id"_s).toInteger());
        QVERIFY(dialWhenFree(console, demo.campaign(1), u"1155557003"_s, contactId));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(console, u"1155557003"_s), CallState::Ended, 30000);
        const ConsoleCall call = *placed(console, u"1155557003"_s);
        QCOMPARE(call.contactId, std::optional<qint64>(contactId.toLongLong()));
        QVERIFY(!call.contact.isEmpty());

        std::optional<Result<QList<DispositionChoice>>> options;
        api.dispositionOptions(QString::number(demo.campaign(1)), [&](auto r) { options = r; });
        QTRY_VERIFY(options.has_value());
        QVERIFY(options->ok() && !options->value().isEmpty());
        const DispositionChoice option = options->value().first();

        // Through the dialog, as the agent does.
        console.session.showQualify(call.callId);
        QTRY_VERIFY(console.session.dispositionDialog());
        QSignalSpy saved(&console.session, &ConsoleSession::dispositionSaved);
        auto *combo = console.session.dispositionDialog()->findChild<QComboBox *>(u"dispositionOptionComboBox"_s);
        QVERIFY(combo);
        combo->setCurrentIndex(0);
        auto *comments = console.session.dispositionDialog()->findChild<QPlainTextEdit *>(u"dispositionCommentsEdit"_s);
        QTest::keyClicks(comments, u"Quiere la oferta "_s);
        comments->insertPlainText(u"«premium» & más"_s);   // QTest types ASCII only
        console.session.dispositionDialog()->accept();
        QVERIFY(saved.wait(20000));
        QCOMPARE(saved.first().at(0).toString(), call.callId);
        const ConsoleCall *after = placed(console, u"1155557003"_s);
        QCOMPARE(after->dispositionOptionId, std::optional<qint64>(option.id));
        QCOMPARE(after->dispositionComments, u"Quiere la oferta «premium» & más"_s);
        const int row = console.session.calls()->rowOf(call.callId);
        QCOMPARE(console.session.calls()->index(row, CallListModel::Disposition).data().toString(), option.name);
        QTRY_VERIFY(!console.session.dispositionDialog());   // closed on success

        // The server has it.
        std::optional<Result<AgentCalls>> listed;
        api.agentCalls([&](Result<AgentCalls> r) { listed = r; });
        QTRY_VERIFY(listed.has_value());
        QVERIFY(listed->ok());
        bool found = false;
        for (const wire::AgentCall &c : listed->value().calls)
            if (c.connected.call.callId == call.callId)
                found = c.disposition && c.disposition->comments == u"Quiere la oferta «premium» & más"_s;
        QVERIFY(found);
    }

    void restartDuringACall_showsTheCall_withOpenCrm_andDoesNotPop_data() { test::addBackendRows(); }
    void restartDuringACall_showsTheCall_withOpenCrm_andDoesNotPop()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        ServerConfig c = test::localServerConfig(scratch.url(), dir);
        c.demo = true;
        c.simulatedTimeScale = 0.1;   // the call (4.5 s) outlasts a restart of the console
        DemoServer demo(scratch.url(), dir);
        demo.server = std::make_unique<ServerInstance>(c);
        QVERIFY(demo.server->start().ok());
        MemorySecretStore secrets;   // shared: the second start finds the first one's token
        auto first = std::make_unique<Console>(dir, &secrets, u"first"_s);
        first->signIn(demo, u"agente4"_s);
        QTRY_COMPARE_WITH_TIMEOUT(first->session.channel()->state(), EventChannelClient::State::Ready, 20000);
        QVERIFY(dialWhenFree(*first, demo.campaign(0), u"1155557004"_s));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*first, u"1155557004"_s), CallState::Connected, 30000);
        const QString callId = placed(*first, u"1155557004"_s)->callId;
        QCOMPARE(first->loadsFor(callId), 1);
        first.reset();   // the console quits during the call

        Console second(dir, &secrets, u"first"_s);   // same settings: server and user remembered
        second.session.start({});
        QTRY_COMPARE_WITH_TIMEOUT(second.session.state(), ConsoleSession::State::Online, 20000);
        QVERIFY(!second.session.loginDialog());   // the stored token was enough
        QTRY_VERIFY_WITH_TIMEOUT(placed(second, u"1155557004"_s), 20000);
        const ConsoleCall *call = placed(second, u"1155557004"_s);
        if (call->state == CallState::Connected) {
            QVERIFY(call->canOpenCrm());
            QVERIFY(second.session.window()->openCrmAction()->isEnabled());
        }
        QCOMPARE(second.loadsFor(callId), 0);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(second, u"1155557004"_s), CallState::Ended, 60000);
        QCOMPARE(second.loadsFor(callId), 0);
    }

    void revokedToken_bringsTheLoginBack_withTheCallsKept_data() { test::addBackendRows(); }
    void revokedToken_bringsTheLoginBack_withTheCallsKept()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        DemoServer demo(scratch.url(), dir);
        QVERIFY(demo.server->start().ok());
        MemorySecretStore secrets;
        Console console(dir, &secrets);
        console.signIn(demo, u"agente1"_s);
        QTRY_COMPARE_WITH_TIMEOUT(console.session.channel()->state(), EventChannelClient::State::Ready, 20000);
        QVERIFY(dialWhenFree(console, demo.campaign(1), u"1155557005"_s));
        QTRY_VERIFY_WITH_TIMEOUT(placed(console, u"1155557005"_s), 20000);

        // Someone signs this token out elsewhere (or it expires): the server closes the channel.
        QNetworkAccessManager nam;
        ApiClient other(&nam, demo.server->baseUrl());
        other.setToken(console.session.api()->token());
        std::optional<Result<void>> out;
        other.logout([&](Result<void> r) { out = r; });
        QTRY_VERIFY(out.has_value());
        QTRY_COMPARE_WITH_TIMEOUT(console.session.state(), ConsoleSession::State::SignedOut, 20000);
        QTRY_VERIFY(console.session.loginDialog());
        QVERIFY(console.session.loginDialog()->isVisible());
        QVERIFY(placed(console, u"1155557005"_s));   // what the agent was doing is still there

        // Signing in again carries on with the same list.
        console.session.signIn(demo.server->baseUrl(), u"agente1"_s, demo.password(u"agente1"_s), false);
        QTRY_COMPARE_WITH_TIMEOUT(console.session.state(), ConsoleSession::State::Online, 20000);
        QVERIFY(placed(console, u"1155557005"_s));
    }

    void closingDuringACall_asksFirst_data() { test::addBackendRows(); }
    void closingDuringACall_asksFirst()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        DemoServer demo(scratch.url(), dir);
        QVERIFY(demo.server->start().ok());
        MemorySecretStore secrets;
        Console console(dir, &secrets);
        console.signIn(demo, u"agente2"_s);
        QTRY_COMPARE_WITH_TIMEOUT(console.session.channel()->state(), EventChannelClient::State::Ready, 20000);
        QVERIFY(dialWhenFree(console, demo.campaign(1), u"1155557006"_s));
        QTRY_VERIFY_WITH_TIMEOUT(placed(console, u"1155557006"_s) && placed(console, u"1155557006"_s)->inProgress(),
                                 20000);
        console.prompts.answer = false;
        QVERIFY(!console.session.window()->close());
        QCOMPARE(console.prompts.asked.size(), 1);
        QVERIFY(console.session.window()->isVisible());
        console.prompts.answer = true;
        QSignalSpy quit(&console.session, &ConsoleSession::quitRequested);
        QVERIFY(console.session.window()->close());
        QCOMPARE(quit.size(), 1);
    }
    // The network between the console and the server goes (the server keeps running, and the call
    // ends meanwhile) and comes back: the banner shows, the call stays on screen, the end missed
    // while offline arrives from the channel's resume, and the CRM does not pop a second time.
    void networkDrop_keepsTheCall_showsTheBanner_andResumesWithoutASecondPop_data() { test::addBackendRows(); }
    void networkDrop_keepsTheCall_showsTheBanner_andResumesWithoutASecondPop()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        DemoServer demo(scratch.url(), dir);
        demo.server = std::make_unique<ServerInstance>([&] {
            ServerConfig c = test::localServerConfig(scratch.url(), dir);
            c.demo = true;
            c.simulatedTimeScale = 0.15;   // talking lasts about 7 s: the outage fits in the call
            return c;
        }());
        QVERIFY(demo.server->start().ok());
        test::TcpProxy proxy(QHostAddress::LocalHost, demo.server->baseUrl().port());
        QVERIFY(proxy.listen());
        MemorySecretStore secrets;
        Console console(dir, &secrets);
        ConsoleSession::Start start;
        start.server = QUrl(u"http://127.0.0.1:%1"_s.arg(proxy.port()));
        start.user = u"agente3"_s;
        start.password = demo.password(u"agente3"_s);
        start.language = u"en"_s;
        console.session.start(start);
        QTRY_COMPARE_WITH_TIMEOUT(console.session.channel()->state(), EventChannelClient::State::Ready, 20000);
        QVERIFY(dialWhenFree(console, demo.campaign(0), u"1155557007"_s));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(console, u"1155557007"_s), CallState::Connected, 20000);
        const QString callId = placed(console, u"1155557007"_s)->callId;
        QTRY_COMPARE_WITH_TIMEOUT(console.loadsFor(callId), 1, 10000);

        proxy.cut();
        ConsoleWindow *window = console.session.window();
        QTRY_COMPARE_WITH_TIMEOUT(console.session.state(), ConsoleSession::State::Offline, 20000);
        QCOMPARE(window->connection(), ConsoleWindow::Connection::Offline);
        auto *banner = window->findChild<QLabel *>(u"offlineBannerLabel"_s);
        QVERIFY(banner && banner->isVisible());
        QVERIFY(console.session.tray()->toolTip().contains(u"Offline"_s));
        QCOMPARE(window->callPanel()->call()->callId, callId);   // the call stays on screen

        // The call ends on the server while the console cannot hear it.
        QNetworkAccessManager nam;
        ApiClient direct(&nam, demo.server->baseUrl());
        direct.setToken(console.session.api()->token());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                std::optional<Result<AgentCalls>> listed;
                direct.agentCalls([&](Result<AgentCalls> r) { listed = r; });
                if (!QTest::qWaitFor([&] { return listed.has_value(); }, 5000) || !listed->ok())
                    return false;
                for (const wire::AgentCall &c : listed->value().calls)
                    if (c.connected.call.callId == callId)
                        return c.state == CallState::Ended;
                return false;
            }(),
            30000);
        QCOMPARE(stateOf(console, u"1155557007"_s), CallState::Connected);   // not heard yet

        proxy.restore();
        QTRY_COMPARE_WITH_TIMEOUT(console.session.state(), ConsoleSession::State::Online, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(console, u"1155557007"_s), CallState::Ended, 20000);
        QVERIFY(!banner->isVisible());
        QCOMPARE(window->connection(), ConsoleWindow::Connection::Online);
        QCOMPARE(console.loadsFor(callId), 1);   // no second pop
        QVERIFY(proxy.relayed() > 2);   // it reconnected through the proxy
    }

    // A server-trigger site whose CRM cannot be reached: the console shows the sticky "CRM not
    // connected" with the reason and the attempts, and the tray notifies it.
    void serverSite_notReached_showsCrmNotConnected_andNotifies_data() { test::addBackendRows(); }
    void serverSite_notReached_showsCrmNotConnected_andNotifies()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        DemoServer demo(scratch.url(), dir);
        QVERIFY(demo.server->start().ok());

        // The preview campaign's server site points at a port nobody listens on.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 deadPort = closed.serverPort();
        closed.close();
        QNetworkAccessManager nam;
        ApiClient admin(&nam, demo.server->baseUrl());
        std::optional<Result<LoginAnswer>> in;
        admin.login(u"admin"_s, demo.password(u"admin"_s), [&](auto r) { in = r; });
        QTRY_VERIFY(in.has_value() && in->ok());
        std::optional<Result<QJsonObject>> campaign;
        admin.get(AdminResource::Campaigns, demo.campaign(2), [&](auto r) { campaign = r; });
        QTRY_VERIFY(campaign.has_value());
        QVERIFY(campaign->ok());
        const QJsonObject campaignData = detailOf(campaign->value());
        const qint64 siteId
            = campaignData.value(u"sitio_externo"_s).toInteger(campaignData.value(u"external_site"_s).toInteger());
        QVERIFY2(siteId > 0, QJsonDocument(campaignData).toJson().constData());
        std::optional<Result<QJsonObject>> site;
        admin.get(AdminResource::ExternalSites, siteId, [&](auto r) { site = r; });
        QTRY_VERIFY(site.has_value() && site->ok());
        QJsonObject changed = detailOf(site->value());
        changed.insert(u"url"_s, u"http://127.0.0.1:%1/crm/{1}"_s.arg(deadPort));
        changed.insert(u"max_attempts"_s, 2);
        std::optional<Result<QJsonObject>> updated;
        admin.update(AdminResource::ExternalSites, siteId, changed, [&](auto r) { updated = r; });
        QTRY_VERIFY(updated.has_value());
        QVERIFY2(updated->ok(), qPrintable(updated->ok() ? QString() : updated->error().text()));

        MemorySecretStore secrets;
        Console console(dir, &secrets);
        console.signIn(demo, u"agente4"_s);
        QTRY_COMPARE_WITH_TIMEOUT(console.session.channel()->state(), EventChannelClient::State::Ready, 20000);
        QSignalSpy notified(console.session.tray(), &ConsoleTray::notified);
        QVERIFY(dialWhenFree(console, demo.campaign(2), u"1155557008"_s));
        QTRY_VERIFY_WITH_TIMEOUT(placed(console, u"1155557008"_s)
                                     && placed(console, u"1155557008"_s)->crmOutcome == ConsoleCall::CrmOutcome::Failed,
                                 60000);
        const ConsoleCall *call = placed(console, u"1155557008"_s);
        QCOMPARE(call->crmAttempts, 2);
        QVERIFY2(call->crmError.contains(u"2 attempt"_s), qPrintable(call->crmError));
        QTRY_VERIFY(!notified.isEmpty());
        bool crmNotice = false;
        for (const QList<QVariant> &n : std::as_const(notified))
            if (n.at(0).value<ConsoleTray::Notice>() == ConsoleTray::Notice::CrmNotConnected) {
                crmNotice = true;
                QVERIFY(n.at(2).toString().contains(u"1155557008"_s));
            }
        QVERIFY(crmNotice);
        if (console.session.currentCall() && console.session.currentCall()->callId == call->callId) {
            auto *status = console.session.window()->callPanel()->findChild<QLabel *>(u"crmStatusLabel"_s);
            QVERIFY(status);
            QVERIFY(status->text().startsWith(u"CRM not connected"_s));
        }
    }
};

QTEST_MAIN(TestConsoleSession)
#include "tst_consolesession.moc"
