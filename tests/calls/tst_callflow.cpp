#include <core/calls/callflow.h>
#include <core/calls/eventlog.h>
#include <core/model/clock.h>
#include <core/model/messagecatalog.h>
#include <core/sites/secretbox.h>
#include <core/sites/sitedelivery.h>
#include <core/sites/tokenprovider.h>
#include <core/telephony/simulatedpbx.h>
#include <tests/support/postgresoutage.h>
#include <tests/support/scratchdatabase.h>
#include <tests/support/server/fakecrm.h>
#include <tests/support/server/seed.h>
#include <tests/support/settle.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace enlace;
using namespace enlace::test;

namespace {

const QStringList kColumns { u"telefono"_s, u"nombre"_s, u"id_ext"_s };

// The configuration of one campaign with its site, CRM parameters and a contact.
struct Setup
{
    SeededAgent agent;
    qint64 siteId = 0;
    qint64 campaignId = 0;
    qint64 contactId = 0;
    qint64 contactDb = 0;
};

Setup seedCampaignWithSite(const Database &db, const QString &url, SiteTrigger trigger, SiteMethod method,
                           std::optional<SiteFormat> format, std::optional<SiteTarget> target)
{
    Setup s;
    s.agent = seedAgent(db, u"ana"_s, u"1001"_s);
    s.siteId = seedSite(db, u"CRM"_s, url, trigger, method, format, target);
    s.contactDb = seedContactDatabase(db, u"Clientes"_s, kColumns, u"id_ext"_s);
    s.contactId = seedContact(
        db, s.contactDb, kColumns,
        { { u"telefono"_s, u"+541155550000"_s }, { u"nombre"_s, u"Zoë & Co <b>"_s }, { u"id_ext"_s, u"C-77"_s } },
        u"C-77"_s);
    s.campaignId = seedCampaign(db, u"Ventas"_s, CampaignType::Manual, s.siteId, s.contactDb, { s.agent.agentId });
    seedCrmParameter(db, s.campaignId, 1, u"call"_s, u"call_id"_s, CrmParameterType::Call);
    seedCrmParameter(db, s.campaignId, 2, u"cliente"_s, u"nombre"_s, CrmParameterType::Contact);
    seedCrmParameter(db, s.campaignId, 3, u"campana"_s, u"nombre"_s, CrmParameterType::Campaign);
    seedCrmParameter(db, s.campaignId, 4, u"origen"_s, u"enlace"_s, CrmParameterType::Fixed);
    seedCrmParameter(db, s.campaignId, 5, u"agente"_s, u"agent_id"_s, CrmParameterType::Call);
    return s;
}

// EventLog + SimulatedPbx + SiteDelivery + CallFlow, as the server composes them.
struct Flow
{
    // recordingThread: as the server runs it (PBX events recorded on a thread of their own).
    explicit Flow(std::shared_ptr<Database> db, bool recordingThread = false, int deliveryPollMs = 100,
                  std::optional<CallFlow::Backpressure> backpressure = std::nullopt)
        : box(SecretBox::fromKey(QByteArray(32, 'k')).value())
        , events(db, clock)
        , pbx(clock, SimulatedPbx::Options { 20, 60, 1.0, 1, 50, {} })
        , tokens(db, box, &nam, clock)
        , delivery(db, &nam, &tokens, clock, box, deliveryOptions(deliveryPollMs))
        , flow(db, clock, &catalog, &pbx, &delivery, &events, &box)
    {
        flow.setRecordingThread(recordingThread);
        if (backpressure)
            flow.setBackpressure(*backpressure);
        flow.start();
        delivery.start();
        pbx.start();
    }
    static SiteDeliveryOptions deliveryOptions(int pollMs)
    {
        SiteDeliveryOptions o;
        o.backoffScale = 0.001;
        o.pollIntervalMs = pollMs;
        return o;
    }
    OriginateRequest call(const Setup &s) const
    {
        OriginateRequest r;
        r.agentId = s.agent.agentId;
        r.agentExtension = s.agent.extension;
        r.campaignId = s.campaignId;
        r.contactId = s.contactId;
        r.phone = u"+541155550000"_s;
        return r;
    }
    QList<AgentEvent> eventsOf(qint64 agentId) const { return events.since(agentId, 0).value(); }
    AgentEvent firstOf(qint64 agentId, const QString &type) const
    {
        for (const AgentEvent &e : eventsOf(agentId))
            if (e.type == type)
                return e;
        return {};
    }

    SystemClock clock;
    MessageCatalog catalog;
    QNetworkAccessManager nam;
    SecretBox box;
    EventLog events;
    SimulatedPbx pbx;
    TokenProvider tokens;
    SiteDelivery delivery;
    CallFlow flow;
};

QHash<QString, QString> parameterMap(const QJsonObject &interaction)
{
    QHash<QString, QString> out;
    for (const QJsonValue p : interaction.value(u"parameters"_s).toArray())
        out.insert(p.toObject().value(u"name"_s).toString(), p.toObject().value(u"value"_s).toString());
    return out;
}

// A negative check made deterministic: one request of the test's own through the flow's delivery,
// then the delivery idle (the outbox empty, nothing in flight). Whatever the flow had queued for the
// CRM before it has been sent and answered by then; the marker is left out of what this returns.
QList<FakeCrm::Received> receivedOnceDeliveryIsIdle(Flow &f, const FakeCrm &crm, const Database &db)
{
    OutboxItem marker;
    marker.request.method = "POST";
    marker.request.url = QUrl(crm.url(u"/crm/marker"_s));
    marker.request.headers = { { "Content-Type", "application/json" } };
    marker.request.body = "{}";
    if (!f.delivery.enqueue(marker).ok())
        return { FakeCrm::Received { "ENQUEUE", u"/crm/marker could not be queued"_s, {}, {}, {} } };
    const auto markerArrived = [&] {
        for (const auto &r : crm.received())
            if (r.path == u"/crm/marker"_s)
                return true;
        return false;
    };
    const bool idle = QTest::qWaitFor(
        [&] {
            return markerArrived() && f.delivery.inFlightCount() == 0
                && db.scalar(u"SELECT COUNT(*) FROM outbox"_s)->toLongLong() == 0;
        },
        10000);
    if (!idle)
        return { FakeCrm::Received { "TIMEOUT", u"/crm/marker never arrived"_s, {}, {}, {} } };
    QList<FakeCrm::Received> out;
    for (const auto &r : crm.received())
        if (r.path != u"/crm/marker"_s)
            out.append(r);
    return out;
}

}   // namespace

class TestCallFlow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void browserTrigger_connectedEventCarriesTheInteraction_data()
    {
        addBackendColumn();
        QTest::addColumn<int>("trigger");
        QTest::addColumn<int>("method");
        QTest::addColumn<int>("format");   // 0 = none
        QTest::addColumn<int>("target");
        for (const QString &b : { u"sqlite"_s, u"postgresql"_s }) {
            QTest::newRow(qPrintable(b + u" agent GET embedded"_s)) << b << 1 << 1 << 0 << 1;
            QTest::newRow(qPrintable(b + u" automatic POST form new window"_s)) << b << 2 << 2 << 2 << 2;
            QTest::newRow(qPrintable(b + u" automatic POST multipart embedded"_s)) << b << 2 << 2 << 1 << 1;
        }
    }
    void browserTrigger_connectedEventCarriesTheInteraction()
    {
        QFETCH(QString, backend);
        QFETCH(int, trigger);
        QFETCH(int, method);
        QFETCH(int, format);
        QFETCH(int, target);
        ENLACE_SCRATCH_DB(scratch, backend);
        const Setup s = seedCampaignWithSite(
            *scratch.db(), u"https://crm.example.com/ficha"_s, SiteTrigger(trigger), SiteMethod(method),
            format ? std::optional<SiteFormat>(SiteFormat(format)) : std::nullopt, SiteTarget(target));
        Flow f(scratch.db());
        QSignalSpy recorded(&f.flow, &CallFlow::callRecorded);
        QString callId;
        f.flow.originate(f.call(s), [&](Result<QString> id) { callId = id.ok() ? id.value() : u"failed"_s; });
        QTRY_VERIFY(!callId.isEmpty());
        QVERIFY(callId != u"failed"_s);
        QTRY_COMPARE(recorded.count(), 3);

        QStringList types;
        for (const AgentEvent &e : f.eventsOf(s.agent.agentId))
            types.append(e.type);
        QCOMPARE(types, (QStringList { u"call.offered"_s, u"call.connected"_s, u"call.ended"_s }));

        const QJsonObject connected = f.firstOf(s.agent.agentId, u"call.connected"_s).data;
        QCOMPARE(connected.value(u"call_id"_s).toString(), callId);
        QCOMPARE(connected.value(u"campaign_id"_s).toInteger(), s.campaignId);
        QCOMPARE(connected.value(u"contact_id"_s).toInteger(), s.contactId);
        QCOMPARE(connected.value(u"contact"_s).toObject().value(u"nombre"_s).toString(), u"Zoë & Co <b>"_s);
        const QJsonObject interaction = connected.value(u"interaction"_s).toObject();
        QCOMPARE(interaction.value(u"url"_s).toString(), u"https://crm.example.com/ficha"_s);
        QCOMPARE(interaction.value(u"method"_s).toString(), method == 1 ? u"GET"_s : u"POST"_s);
        QCOMPARE(interaction.value(u"trigger"_s).toInt(), trigger);
        QCOMPARE(interaction.value(u"target"_s).toInt(), target);
        const auto params = parameterMap(interaction);
        QCOMPARE(params.value(u"call"_s), callId);
        QCOMPARE(params.value(u"cliente"_s), u"Zoë & Co <b>"_s);
        QCOMPARE(params.value(u"campana"_s), u"Ventas"_s);
        QCOMPARE(params.value(u"origen"_s), u"enlace"_s);
        QCOMPARE(params.value(u"agente"_s), QString::number(s.agent.agentId));

        const QJsonObject request = interaction.value(u"request"_s).toObject();
        QCOMPARE(request.value(u"method"_s).toString(), interaction.value(u"method"_s).toString());
        if (method == 1) {
            const QUrl url(request.value(u"url"_s).toString());
            QCOMPARE(QUrlQuery(url).queryItemValue(u"cliente"_s, QUrl::FullyDecoded).replace(u'+', u' '),
                     u"Zoë & Co <b>"_s);
            QVERIFY(request.value(u"body"_s).toString().isEmpty());
        } else if (format == 2) {
            QCOMPARE(request.value(u"content_type"_s).toString(), u"application/x-www-form-urlencoded"_s);
            QVERIFY(request.value(u"body"_s).toString().contains(u"cliente=Zo%C3%AB+%26+Co+%3Cb%3E"_s));
        } else {
            QVERIFY(request.value(u"content_type"_s).toString().startsWith(u"multipart/form-data; boundary="_s));
            QVERIFY(request.value(u"body"_s).toString().contains(u"Zoë & Co <b>"_s));
        }
        const QJsonObject ended = f.firstOf(s.agent.agentId, u"call.ended"_s).data;
        QCOMPARE(ended.value(u"call_id"_s).toString(), callId);
        QCOMPARE(f.flow.calls().find(callId)->state, CallState::Ended);
    }

    void serverTrigger_isDeliveredAndReported_data()
    {
        addBackendColumn();
        QTest::addColumn<int>("crmStatus");
        QTest::addColumn<bool>("delivered");
        for (const QString &b : { u"sqlite"_s, u"postgresql"_s }) {
            QTest::newRow(qPrintable(b + u" CRM answers 200"_s)) << b << 200 << true;
            QTest::newRow(qPrintable(b + u" CRM answers 404"_s)) << b << 404 << false;
        }
    }
    void serverTrigger_isDeliveredAndReported()
    {
        QFETCH(QString, backend);
        QFETCH(int, crmStatus);
        QFETCH(bool, delivered);
        ENLACE_SCRATCH_DB(scratch, backend);
        FakeCrm crm;
        crm.setStatus(crmStatus);
        const Setup s = seedCampaignWithSite(*scratch.db(), crm.url(u"/crm/llamada"_s), SiteTrigger::Server,
                                             SiteMethod::Post, SiteFormat::Json, std::nullopt);
        Flow f(scratch.db());
        QSignalSpy queued(&f.flow, &CallFlow::interactionQueued);
        QString callId;
        f.flow.originate(f.call(s), [&](Result<QString> id) { callId = id.ok() ? id.value() : u"failed"_s; });
        QTRY_COMPARE(queued.count(), 1);
        QTRY_VERIFY(f.firstOf(s.agent.agentId, u"external_site_interaction"_s).id != 0);

        QCOMPARE(crm.received().size(), 1);
        const auto &req = crm.received().first();
        QCOMPARE(req.method, "POST");
        QCOMPARE(req.headers.value("content-type"), "application/json");
        const QJsonObject body = QJsonDocument::fromJson(req.body).object();
        QCOMPARE(body.value(u"call"_s).toString(), callId);
        QCOMPARE(body.value(u"cliente"_s).toString(), u"Zoë & Co <b>"_s);

        const QJsonObject connected = f.firstOf(s.agent.agentId, u"call.connected"_s).data;
        const QString key = connected.value(u"interaction"_s).toObject().value(u"delivery_key"_s).toString();
        QCOMPARE(key, queued.first().at(1).toString());
        QVERIFY(!connected.value(u"interaction"_s).toObject().contains(u"request"_s));

        const QJsonObject outcome = f.firstOf(s.agent.agentId, u"external_site_interaction"_s).data;
        QCOMPARE(outcome.value(u"delivered"_s).toBool(), delivered);
        QCOMPARE(outcome.value(u"error_msg"_s).isNull(), delivered);
        QCOMPARE(outcome.value(u"status"_s).toInt(), crmStatus);
        QCOMPARE(outcome.value(u"attempts"_s).toInt(), 1);
        QCOMPARE(outcome.value(u"site_id"_s).toInteger(), s.siteId);
        QCOMPARE(outcome.value(u"call_id"_s).toString(), callId);
        QCOMPARE(outcome.value(u"key"_s).toString(), key);
    }

    void dispositionSite_firesServerSideOrForTheConsole_data()
    {
        addBackendColumn();
        QTest::addColumn<bool>("withTarget");
        QTest::addColumn<bool>("optionHasInteraction");
        QTest::addColumn<int>("mode");
        for (const QString &b : { u"sqlite"_s, u"postgresql"_s }) {
            QTest::newRow(qPrintable(b + u" server side"_s))
                << b << false << true << int(DispositionInteraction::Mode::Server);
            QTest::newRow(qPrintable(b + u" console"_s))
                << b << true << true << int(DispositionInteraction::Mode::Console);
            QTest::newRow(qPrintable(b + u" option without interaction"_s))
                << b << false << false << int(DispositionInteraction::Mode::None);
        }
    }
    void dispositionSite_firesServerSideOrForTheConsole()
    {
        QFETCH(QString, backend);
        QFETCH(bool, withTarget);
        QFETCH(bool, optionHasInteraction);
        QFETCH(int, mode);
        ENLACE_SCRATCH_DB(scratch, backend);
        FakeCrm crm;
        const Setup s = seedCampaignWithSite(
            *scratch.db(), crm.url(u"/crm/calificacion"_s), SiteTrigger::Disposition, SiteMethod::Post,
            SiteFormat::FormUrlEncoded, withTarget ? std::optional<SiteTarget>(SiteTarget::NewWindow) : std::nullopt);
        seedCrmParameter(*scratch.db(), s.campaignId, 6, u"opcion"_s, u"name"_s, CrmParameterType::Disposition);
        const qint64 option = seedDispositionOption(*scratch.db(), s.campaignId, u"Venta"_s, optionHasInteraction);
        const qint64 disposition
            = seedDisposition(*scratch.db(), s.campaignId, s.contactId, option, s.agent.agentId, u"call-9"_s);
        Flow f(scratch.db());
        auto fired = f.flow.fireDispositionInteraction(disposition);
        QVERIFY2(fired.ok(), qPrintable(fired.ok() ? QString() : fired.error().text()));
        QCOMPARE(int(fired->mode), mode);
        if (fired->mode == DispositionInteraction::Mode::None) {
            QVERIFY(!fired->interaction);
            QCOMPARE(receivedOnceDeliveryIsIdle(f, crm, *scratch.db()).size(), 0);
            return;
        }
        QCOMPARE(fired->interaction->trigger, SiteTrigger::Disposition);
        if (fired->mode == DispositionInteraction::Mode::Server) {
            QTRY_COMPARE(crm.received().size(), 1);
            const QUrlQuery form(QString::fromUtf8(crm.received().first().body));
            QCOMPARE(form.queryItemValue(u"opcion"_s), u"Venta"_s);
            QCOMPARE(form.queryItemValue(u"call"_s), u"call-9"_s);
            QTRY_VERIFY(f.firstOf(s.agent.agentId, u"external_site_interaction"_s).id != 0);
            QCOMPARE(f.firstOf(s.agent.agentId, u"external_site_interaction"_s).data.value(u"key"_s).toString(),
                     fired->deliveryKey);
        } else {
            const AgentEvent e = f.firstOf(s.agent.agentId, QString::fromLatin1(CallFlow::DispositionInteractionEvent));
            QCOMPARE(e.id, fired->eventId);
            QCOMPARE(e.data.value(u"disposition_id"_s).toInteger(), disposition);
            const QJsonObject interaction = e.data.value(u"interaction"_s).toObject();
            QCOMPARE(parameterMap(interaction).value(u"opcion"_s), u"Venta"_s);
            QCOMPARE(interaction.value(u"request"_s).toObject().value(u"content_type"_s).toString(),
                     u"application/x-www-form-urlencoded"_s);
            QCOMPARE(receivedOnceDeliveryIsIdle(f, crm, *scratch.db()).size(), 0);
        }
    }

    // The server's mode: events recorded on the recording thread, announced on the main thread,
    // the server-side request delivered. The periodic pollers are slowed to a minute, so everything
    // must arrive through wake-ups. (Without CallFlow::announceCommitted a wake-up that runs before
    // the commit is lost; that race is rarely hit here, so this test shows the mode works rather
    // than proving that guard.)
    void recordingThread_recordsAnnouncesAndDelivers_data() { addBackendRows(); }
    void recordingThread_recordsAnnouncesAndDelivers()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        FakeCrm crm;
        const Setup s = seedCampaignWithSite(*scratch.db(), crm.url(u"/crm/llamada"_s), SiteTrigger::Server,
                                             SiteMethod::Post, SiteFormat::Json, std::nullopt);
        Flow f(scratch.db(), true, 60000);
        f.events.start(60000);
        QStringList announced;
        QObject::connect(&f.events, &EventLog::eventsAvailable, &f.events, [&](qint64 agent) {
            QCOMPARE(QThread::currentThread(), qApp->thread());
            announced.clear();
            for (const AgentEvent &e : f.events.since(agent, 0).value())
                announced.append(e.type);
        });
        QString callId;
        for (int i = 0; i < 3; ++i) {   // three calls in a row: several batches on the thread
            callId.clear();
            f.flow.originate(f.call(s), [&](Result<QString> id) { callId = id.ok() ? id.value() : u"failed"_s; });
            QTRY_VERIFY(!callId.isEmpty());
            QVERIFY(callId != u"failed"_s);
            QTRY_COMPARE_WITH_TIMEOUT(announced.count(u"external_site_interaction"_s), i + 1, 5000);
            QTRY_COMPARE_WITH_TIMEOUT(announced.count(u"call.ended"_s), i + 1, 5000);
        }
        QCOMPARE(announced.count(u"call.offered"_s), 3);
        QCOMPARE(announced.count(u"call.connected"_s), 3);
        QCOMPARE(crm.received().size(), 3);
        auto call = f.flow.calls().find(callId);
        QVERIFY(call.ok());
        QCOMPARE(call->state, CallState::Ended);
    }

    // PostgreSQL goes away while a call rings, talks and ends (its sessions cut, no new one
    // allowed): the PBX's events are kept in order and recorded once the store answers again, so
    // the call still ends, its consoles still hear call.ended, and the CRM still gets its request.
    void storeOutage_pbxEventsAreRecordedOnceTheStoreAnswers()
    {
        if (!test::postgresAvailable()) {
            if (test::postgresRequired())
                QFAIL("ENLACE_REQUIRE_PG=1 but ENLACE_TEST_PG_URL is not set");
            QSKIP("ENLACE_TEST_PG_URL is not set");
        }
        test::PostgresOutage outage;
        QVERIFY2(outage.ok(), qPrintable(outage.error()));
        auto opened = Database::open(outage.url());
        QVERIFY(opened.ok());
        const std::shared_ptr<Database> db = opened.value();
        FakeCrm crm;
        const Setup s = seedCampaignWithSite(*db, crm.url(u"/crm/llamada"_s), SiteTrigger::Server, SiteMethod::Post,
                                             SiteFormat::Json, std::nullopt);
        Flow f(db, true, 100);
        f.events.start(100);
        QSignalSpy ended(&f.pbx, &Pbx::callEnded);

        QVERIFY(outage.cutOff());
        QString callId;
        f.flow.originate(f.call(s), [&](Result<QString> id) { callId = id.ok() ? id.value() : u"failed"_s; });
        QTRY_VERIFY(!callId.isEmpty());
        QVERIFY(callId != u"failed"_s);
        // The whole call happened while the store was away.
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 5000);
        QVERIFY(outage.restore());

        QTRY_VERIFY_WITH_TIMEOUT(
            f.flow.calls().find(callId).ok() && f.flow.calls().find(callId).value().state == CallState::Ended, 20000);
        QStringList types;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                types.clear();
                auto all = f.events.since(s.agent.agentId, 0);
                if (all.ok())
                    for (const AgentEvent &e : all.value())
                        types.append(e.type);
                return types.contains(u"call.ended"_s);
            }(),
            20000);
        // In the order they happened.
        QVERIFY2(types.indexOf(u"call.offered"_s) < types.indexOf(u"call.connected"_s)
                     && types.indexOf(u"call.connected"_s) < types.indexOf(u"call.ended"_s),
                 qPrintable(types.join(u',')));
        QCOMPARE(types.count(u"call.ended"_s), 1);
        QTRY_COMPARE_WITH_TIMEOUT(crm.received().size(), 1, 20000);
        db->releaseThisThread();
    }

    // The recording thread is kept from writing (this thread holds a write transaction, and on
    // PostgreSQL a lock on the calls table) while a call goes on: past the backlog limit makeCall
    // waits instead of piling up events; one that waits too long is answered busy; once the store
    // catches up the waiting call goes through and is recorded.
    void backpressure_makeCallWaitsForTheRecorder_data() { addBackendRows(); }
    void backpressure_makeCallWaitsForTheRecorder()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Setup s = seedCampaignWithSite(*scratch.db(), u"https://crm.example.com/"_s, SiteTrigger::Agent,
                                       SiteMethod::Get, std::nullopt, SiteTarget::Embedded);
        const SeededAgent second = seedAgent(*scratch.db(), u"beto"_s, u"1002"_s);
        const SeededAgent third = seedAgent(*scratch.db(), u"caro"_s, u"1003"_s);
        Flow f(scratch.db(), true, 100, CallFlow::Backpressure { 1, 1, 300 });
        QSignalSpy recorded(&f.flow, &CallFlow::callRecorded);

        auto blocker = std::make_unique<Database::Transaction>(*scratch.db());
        QVERIFY(blocker->active());
        if (scratch.db()->dialect() == SqlDialect::Postgres) {
            // A call row's foreign key check waits for these row locks.
            auto locked = scratch.db()->exec(u"SELECT id FROM agents FOR UPDATE"_s);
            QVERIFY(locked.ok());
            while (locked->next()) { }
        }

        QString first;
        f.flow.originate(f.call(s), [&](Result<QString> id) { first = id.ok() ? id.value() : u"failed"_s; });
        QTRY_VERIFY(!first.isEmpty());
        QVERIFY(first != u"failed"_s);
        // Rung, answered and hung up: the first event is being recorded, two wait.
        QTRY_COMPARE_WITH_TIMEOUT(f.flow.recordingBacklog(), 2, 5000);
        QCOMPARE(recorded.count(), 0);

        const auto callFor = [&](const SeededAgent &a) {
            OriginateRequest r = f.call(s);
            r.agentId = a.agentId;
            r.agentExtension = a.extension;
            return r;
        };
        std::optional<Result<QString>> waited, refused, expired;
        f.flow.originate(callFor(second), [&](Result<QString> id) { waited = id; });
        f.flow.originate(callFor(third), [&](Result<QString> id) { refused = id; });   // one may wait (maxHeld 1)
        QTRY_VERIFY(refused.has_value());
        QVERIFY(!refused->ok());
        QCOMPARE(refused->error().code, u"api.calls_behind"_s);
        QVERIFY(!waited.has_value());
        QTRY_VERIFY_WITH_TIMEOUT(waited.has_value(), 2000);   // held past holdMs (300): busy
        QVERIFY(!waited->ok());
        QCOMPARE(waited->error().code, u"api.calls_behind"_s);
        QCOMPARE(waited->error().text(&f.catalog, u"en"_s),
                 u"The server is busy recording calls; try again in a moment."_s);
        QCOMPARE(waited->error().text(&f.catalog, u"es"_s),
                 u"El servidor está ocupado registrando llamadas; intente de nuevo en un momento."_s);

        f.flow.originate(callFor(third), [&](Result<QString> id) { expired = id; });
        // One more is refused because the third waits (maxHeld 1): it is held, not answered.
        std::optional<Result<QString>> behindIt;
        f.flow.originate(callFor(second), [&](Result<QString> id) { behindIt = id; });
        QTRY_VERIFY(behindIt.has_value());
        QVERIFY(!behindIt->ok());
        QCOMPARE(behindIt->error().code, u"api.calls_behind"_s);
        QVERIFY(!expired.has_value());
        blocker.reset();   // rolled back: the recorder catches up, the held call goes through
        QTRY_VERIFY_WITH_TIMEOUT(expired.has_value(), 5000);
        QVERIFY2(expired->ok(), qPrintable(expired->ok() ? QString() : expired->error().detail));
        QTRY_COMPARE_WITH_TIMEOUT(recorded.count(), 6, 5000);   // both calls, three transitions each
        auto call = f.flow.calls().find(expired->value());
        QVERIFY(call.ok());
        QCOMPARE(call->state, CallState::Ended);
        QCOMPARE(call->agentId, std::optional<qint64>(third.agentId));
    }

    // Events that arrive together are recorded in one batch. One that cannot be recorded (no call
    // id; on PostgreSQL also a phone with a NUL, which the server rejects and which aborts the
    // whole transaction) does not take the others of its batch with it.
    void batch_aFailingEventLosesNoOther_data() { addBackendRows(); }
    void batch_aFailingEventLosesNoOther()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const Setup s = seedCampaignWithSite(*scratch.db(), u"https://crm.example.com/"_s, SiteTrigger::Agent,
                                             SiteMethod::Get, std::nullopt, SiteTarget::Embedded);
        Flow f(scratch.db(), true);
        QSignalSpy recorded(&f.flow, &CallFlow::callRecorded);
        const auto event = [&](const QString &callId, const QString &phone) {
            PbxCallEvent e;
            e.callId = callId;
            e.agentId = s.agent.agentId;
            e.agentExtension = s.agent.extension;
            e.campaignId = s.campaignId;
            e.contactId = s.contactId;
            e.phone = phone;
            e.at = QDateTime::currentDateTimeUtc();
            return e;
        };
        Q_EMIT f.pbx.callOffered(event(u"good-1"_s, u"+541155550000"_s));
        Q_EMIT f.pbx.callOffered(event(QString(), u"+541155550001"_s));
        Q_EMIT f.pbx.callOffered(event(u"nul-1"_s, u"+54115555"_s + QChar(0)));
        Q_EMIT f.pbx.callConnected(event(u"good-1"_s, u"+541155550000"_s));
        Q_EMIT f.pbx.callOffered(event(u"good-2"_s, u"+541155550002"_s));
        const int expected = backend == u"postgresql"_s ? 3 : 4;
        QTRY_COMPARE_WITH_TIMEOUT(recorded.count(), expected, 5000);
        // A later event is recorded after them: nothing more of the batch comes after it.
        Q_EMIT f.pbx.callOffered(event(u"marker-1"_s, u"+541155550003"_s));
        QTRY_COMPARE_WITH_TIMEOUT(recorded.count(), expected + 1, 5000);
        QCOMPARE(recorded.count(), expected + 1);
        QVERIFY(f.flow.calls().find(u"marker-1"_s).ok());
        auto first = f.flow.calls().find(u"good-1"_s);
        QVERIFY(first.ok());
        QCOMPARE(first->state, CallState::Connected);
        auto second = f.flow.calls().find(u"good-2"_s);
        QVERIFY(second.ok());
        QCOMPARE(second->state, CallState::Offered);
        QStringList types;
        for (const AgentEvent &e : f.eventsOf(s.agent.agentId))
            types.append(e.type);
        QCOMPARE(types.count(u"call.offered"_s), expected - 1 + 1);   // and the marker's
        QCOMPARE(types.count(u"call.connected"_s), 1);
    }

    void samePbxEventsOnTwoInstances_areAnnouncedOnce_data() { addBackendRows(); }
    void samePbxEventsOnTwoInstances_areAnnouncedOnce()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const Setup s = seedCampaignWithSite(*scratch.db(), u"https://crm.example.com/"_s, SiteTrigger::Agent,
                                             SiteMethod::Get, std::nullopt, SiteTarget::Embedded);
        Flow f(scratch.db());
        auto otherDb = Database::open(scratch.url());
        QVERIFY(otherDb.ok());
        EventLog otherEvents(otherDb.value(), f.clock);
        CallFlow other(otherDb.value(), f.clock, &f.catalog, &f.pbx, nullptr, &otherEvents, &f.box);
        other.start();
        QSignalSpy here(&f.flow, &CallFlow::callRecorded);
        QSignalSpy there(&other, &CallFlow::callRecorded);
        f.flow.originate(f.call(s), [](Result<QString>) {});
        QTRY_COMPARE(here.count() + there.count(), 3);
        // Each instance records what it wins of the PBX's events; the loser records nothing and
        // emits nothing, so no later event shows that it has handled them all.
        test::settleFor(50, "the instance that lost an event to the other records it no later");
        QCOMPARE(here.count() + there.count(), 3);
        QCOMPARE(f.eventsOf(s.agent.agentId).size(), 3);
    }

    void contactSaved_linksTheContactAndTellsTheConsole()
    {
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        const Setup s = seedCampaignWithSite(*scratch.db(), u"https://crm.example.com/"_s, SiteTrigger::Agent,
                                             SiteMethod::Get, std::nullopt, SiteTarget::Embedded);
        Flow f(scratch.db());
        OriginateRequest r = f.call(s);
        r.contactId.reset();
        QString callId;
        f.flow.originate(r, [&](Result<QString> id) { callId = id.value(); });
        QTRY_VERIFY(!callId.isEmpty());
        QTRY_VERIFY(f.flow.calls().find(callId).ok());
        auto event = f.flow.contactSaved(callId, s.contactId);
        QVERIFY(event.ok());
        QCOMPARE(f.flow.calls().find(callId)->contactId, std::optional<qint64>(s.contactId));
        const AgentEvent e = f.firstOf(s.agent.agentId, u"contact_saved"_s);
        QCOMPARE(e.id, event.value());
        QCOMPARE(e.data.value(u"id"_s).toString(), callId);
        QCOMPARE(e.data.value(u"contact_id"_s).toInteger(), s.contactId);
        QCOMPARE(f.flow.contactSaved(u"nope"_s, s.contactId).error().kind, Error::Kind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestCallFlow)
#include "tst_callflow.moc"
