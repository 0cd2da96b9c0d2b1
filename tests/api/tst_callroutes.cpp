#include <core/api/callroutes.h>
#include <core/calls/callflow.h>
#include <core/calls/eventlog.h>
#include <core/store/database.h>
#include <tests/support/server/apifixture.h>

#include <QJsonArray>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace enlace;

class TestCallRoutes final : public QObject
{
    Q_OBJECT

private:
    static void addRow(const char *name, const QString &body, const QString &status, const QString &field,
                       const QString &message)
    {
        for (const char *backend : { "sqlite", "postgresql" })
            QTest::addRow("%s %s", name, backend) << QString::fromLatin1(backend) << body << status << field << message;
    }

private Q_SLOTS:
    // Every rule and message of OMniLeads' click2call form (reference §5.2a, §5.3), in order.
    void makeCall_followsOmniLeadsRules_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        const QString invalidChoice = u"Select a valid choice. That choice is not one of the available choices."_s;
        addRow("oml ids valid", uR"({"idCampaign":{camp},"idAgent":{ana},"idContact":{c1},"phone":"5551"})"_s, u"OK"_s,
               {}, {});
        addRow("oml ids as text", uR"({"idCampaign":"{camp}","idAgent":"{ana}","phone":"5551"})"_s, u"OK"_s, {}, {});
        addRow("oml ids without contact", uR"({"idCampaign":{camp},"idAgent":{ana},"phone":"5551"})"_s, u"OK"_s, {},
               {});
        addRow("oml unknown campaign", uR"({"idCampaign":999999,"idAgent":{ana},"phone":"5551"})"_s, u"ERROR"_s,
               u"idCampaign"_s, invalidChoice);
        addRow("oml inactive campaign", uR"({"idCampaign":{inactive},"idAgent":{ana},"phone":"5551"})"_s, u"ERROR"_s,
               u"idCampaign"_s, invalidChoice);
        addRow("oml campaign not a number", uR"({"idCampaign":"abc","idAgent":{ana},"phone":"5551"})"_s, u"ERROR"_s,
               u"idCampaign"_s, invalidChoice);
        addRow("oml campaign wrong type", uR"({"idCampaign":[1],"idAgent":{ana},"phone":"5551"})"_s, u"ERROR"_s,
               u"idCampaign"_s, invalidChoice);
        addRow("oml unknown agent", uR"({"idCampaign":{camp},"idAgent":999999,"phone":"5551"})"_s, u"ERROR"_s,
               u"idAgent"_s, invalidChoice);
        addRow("oml unknown contact", uR"({"idCampaign":{camp},"idAgent":{ana},"idContact":999999,"phone":"5551"})"_s,
               u"ERROR"_s, u"idContact"_s, invalidChoice);
        addRow("oml agent not in campaign", uR"({"idCampaign":{camp},"idAgent":{carla},"phone":"5551"})"_s, u"ERROR"_s,
               u"idAgent"_s, u"The agent is not related to campaign."_s);
        addRow("oml contact of another database",
               uR"({"idCampaign":{camp},"idAgent":{ana},"idContact":{c3},"phone":"5551"})"_s, u"ERROR"_s,
               u"idContact"_s, u"The contact is not related to campaign."_s);
        addRow("oml phone missing", uR"({"idCampaign":{camp},"idAgent":{ana}})"_s, u"ERROR"_s, u"phone"_s,
               u"This field is required."_s);
        addRow("oml phone too long",
               uR"({"idCampaign":{camp},"idAgent":{ana},"phone":")"_s + QString(129, u'9') + uR"("})"_s, u"ERROR"_s,
               u"phone"_s, u"Ensure this field has no more than 128 characters."_s);
        addRow(
            "ext ids valid",
            uR"({"idExternalSystem":{s1},"idCampaign":"C-1","idAgent":"A-ANA","idContact":"EXT-1","phone":"5551"})"_s,
            u"OK"_s, {}, {});
        addRow("ext ids without contact",
               uR"({"idExternalSystem":"{s1}","idCampaign":"C-1","idAgent":"A-ANA","phone":"5551"})"_s, u"OK"_s, {},
               {});
        addRow("ext unknown contact is ignored",
               uR"({"idExternalSystem":{s1},"idCampaign":"C-1","idAgent":"A-ANA","idContact":"NOPE","phone":"5551"})"_s,
               u"OK"_s, {}, {});
        addRow("ext inactive campaign is accepted",
               uR"({"idExternalSystem":{s1},"idCampaign":"C-OFF","idAgent":"A-ANA","phone":"5551"})"_s, u"OK"_s, {},
               {});
        addRow("ext unknown system",
               uR"({"idExternalSystem":999999,"idCampaign":"C-1","idAgent":"A-ANA","phone":"5551"})"_s, u"ERROR"_s,
               u"idExternalSystem"_s, u"Unknown external system."_s);
        addRow("ext system not a number",
               uR"({"idExternalSystem":"x","idCampaign":"C-1","idAgent":"A-ANA","phone":"5551"})"_s, u"ERROR"_s,
               u"idExternalSystem"_s, u"Unknown external system."_s);
        addRow("ext unknown campaign",
               uR"({"idExternalSystem":{s1},"idCampaign":"NOPE","idAgent":"A-ANA","phone":"5551"})"_s, u"ERROR"_s,
               u"idCampaign"_s, invalidChoice);
        addRow("ext campaign of another system",
               uR"({"idExternalSystem":{s2},"idCampaign":"C-1","idAgent":"A-ANA","phone":"5551"})"_s, u"ERROR"_s,
               u"idCampaign"_s, invalidChoice);
        addRow("ext unknown agent",
               uR"({"idExternalSystem":{s1},"idCampaign":"C-1","idAgent":"NOPE","phone":"5551"})"_s, u"ERROR"_s,
               u"idAgent"_s, u"The agent is not related to external system."_s);
        addRow("ext agent of another system",
               uR"({"idExternalSystem":{s1},"idCampaign":"C-1","idAgent":"X-CARLA","phone":"5551"})"_s, u"ERROR"_s,
               u"idAgent"_s, u"The agent is not related to external system."_s);
        addRow("ext agent not in campaign",
               uR"({"idExternalSystem":{s1},"idCampaign":"C-1","idAgent":"A-CARLA","phone":"5551"})"_s, u"ERROR"_s,
               u"idAgent"_s, u"The agent is not related to campaign."_s);
    }
    void makeCall_followsOmniLeadsRules()
    {
        QFETCH(QString, backend);
        QFETCH(QString, body);
        QFETCH(QString, status);
        QFETCH(QString, field);
        QFETCH(QString, message);
        ENLACE_API_FIXTURE(f, backend);
        const auto w = f.seedWorld();
        // A valid call is placed by the agent it names; error rows are checked before identity.
        const auto reply = f.send("POST", u"/api/v1/makeCall/"_s, w.body(body), f.tokenFor(w.ana.userId));
        QCOMPARE(reply.status, 200);   // always 200, as OMniLeads
        const QJsonObject json = reply.json();
        QCOMPARE(json.value(u"status"_s).toString(), status);
        if (status == u"OK"_s) {
            QCOMPARE(f.pbx().originated().size(), 1);
            QCOMPARE(f.pbx().originated().first().agentId, w.ana.id);
            QCOMPARE(f.pbx().originated().first().agentExtension, u"1001"_s);
            QCOMPARE(f.pbx().originated().first().phone, u"5551"_s);
        } else {
            QCOMPARE(json.value(u"message"_s).toString(), u"There were errors on received data"_s);
            const QJsonArray messages = json.value(u"errors"_s).toObject().value(field).toArray();
            QVERIFY2(!messages.isEmpty(), reply.body.constData());
            QCOMPARE(messages.first().toString(), message);
            QCOMPARE(f.pbx().originated().size(), 0);
        }
    }

    void makeCall_resolvesContactAndCampaign_data() { test::addBackendRows(); }
    void makeCall_resolvesContactAndCampaign()
    {
        QFETCH(QString, backend);
        ENLACE_API_FIXTURE(f, backend);
        const auto w = f.seedWorld();
        const QString token = f.tokenFor(w.ana.userId);
        auto r = f.send(
            "POST", u"/api/v1/makeCall/"_s,
            w.body(
                uR"({"idExternalSystem":{s1},"idCampaign":"C-1","idAgent":"A-ANA","idContact":"EXT-2","phone":"77"})"_s),
            token);
        QCOMPARE(r.json().value(u"status"_s).toString(), u"OK"_s);
        r = f.send(
            "POST", u"/api/v1/makeCall/"_s,
            w.body(
                uR"({"idExternalSystem":{s1},"idCampaign":"C-1","idAgent":"A-ANA","idContact":"NOPE","phone":"78"})"_s),
            token);
        QCOMPARE(r.json().value(u"status"_s).toString(), u"OK"_s);
        QCOMPARE(f.pbx().originated().size(), 2);
        const OriginateRequest first = f.pbx().originated().at(0);
        QCOMPARE(first.campaignId, w.camp);
        QCOMPARE(first.campaignType, CampaignType::Manual);
        QCOMPARE(first.contactId, std::optional<qint64>(w.c2));
        QCOMPARE(f.pbx().originated().at(1).contactId, std::optional<qint64>());
    }

    void makeCall_originateFailure_isErrorInBody_data() { test::addBackendRows(); }
    void makeCall_originateFailure_isErrorInBody()
    {
        QFETCH(QString, backend);
        ENLACE_API_FIXTURE(f, backend);
        const auto w = f.seedWorld();
        f.pbx().failNextWith(u"channel unavailable"_s);
        const auto r
            = f.send("POST", u"/api/v1/makeCall/"_s,
                     w.body(uR"({"idCampaign":{camp},"idAgent":{ana},"phone":"5551"})"_s), f.tokenFor(w.ana.userId));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"status"_s).toString(), u"ERROR"_s);
        QCOMPARE(r.json().value(u"message"_s).toString(), u"Error when executing the call"_s);
        const QString detail = r.json().value(u"errors"_s).toArray().first().toString();
        QCOMPARE(detail, u"Originate failed by channel unavailable - contacto: 5551"_s);   // worded once
    }

    // While the server is behind recording PBX events, makeCall waits; with no room left to wait
    // (here: none at all) it answers the error envelope with Retry-After, and the PBX is not asked.
    void makeCall_recordingBehind_isBusyWithRetryAfter_data() { test::addBackendRows(); }
    void makeCall_recordingBehind_isBusyWithRetryAfter()
    {
        QFETCH(QString, backend);
        ENLACE_API_FIXTURE(f, backend);
        const auto w = f.seedWorld();
        CallFlow recording(f.db(), f.clock(), f.services().catalog, &f.pbx(), nullptr, &f.events(),
                           f.services().secrets);
        recording.setRecordingThread(true);
        recording.setBackpressure(CallFlow::Backpressure { 0, 0, 1000 });
        recording.start();
        CallFlow *const previous = std::exchange(f.services().calls, &recording);
        const auto restore = qScopeGuard([&] { f.services().calls = previous; });

        // The recording thread is kept from writing (SQLite: this thread holds the write
        // transaction; PostgreSQL: the agent rows a call row's foreign key check needs).
        std::optional<Database::Transaction> blocker(std::in_place, *f.db());
        if (backend == u"postgresql"_s) {
            auto locked = f.db()->exec(u"SELECT id FROM agents FOR UPDATE"_s);
            QVERIFY(locked.ok());
            while (locked->next()) { }
        }
        PbxCallEvent event;
        event.agentId = w.ana.id;
        event.agentExtension = w.ana.sipExtension;
        event.campaignId = w.camp;
        event.phone = u"5550"_s;
        // The first is taken and its batch waits for the store; those after it wait to be taken
        // (they are queued behind that batch's flush, so they do not join it).
        event.callId = u"inbound-1"_s;
        Q_EMIT f.pbx().callOffered(event);
        QTRY_COMPARE_WITH_TIMEOUT(recording.recordingBacklog(), 0, 5000);   // taken
        for (const QString &callId : { u"inbound-2"_s, u"inbound-3"_s }) {
            event.callId = callId;
            Q_EMIT f.pbx().callOffered(event);
        }
        QTRY_VERIFY_WITH_TIMEOUT(recording.recordingBacklog() >= 1, 5000);

        const auto r
            = f.send("POST", u"/api/v1/makeCall/"_s,
                     w.body(uR"({"idCampaign":{camp},"idAgent":{ana},"phone":"5551"})"_s), f.tokenFor(w.ana.userId));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"status"_s).toString(), u"ERROR"_s);
        QCOMPARE(r.json().value(u"errors"_s).toArray().first().toString(),
                 u"Originate failed by The server is busy recording calls; try again in a moment. - contacto: 5551"_s);
        QCOMPARE(r.headers.value("retry-after"), QByteArray("1"));
        QVERIFY(f.pbx().originated().isEmpty());

        QSignalSpy recorded(&recording, &CallFlow::callRecorded);
        blocker.reset();   // caught up: calls go through again
        QTRY_COMPARE_WITH_TIMEOUT(recorded.count(), 3, 5000);
        const auto again
            = f.send("POST", u"/api/v1/makeCall/"_s,
                     w.body(uR"({"idCampaign":{camp},"idAgent":{ana},"phone":"5551"})"_s), f.tokenFor(w.ana.userId));
        QCOMPARE(again.json().value(u"status"_s).toString(), u"OK"_s);
        QCOMPARE(f.pbx().originated().size(), 1);
    }

    void makeCall_spanish_usesOmniLeadsTexts_data() { test::addBackendRows(); }
    void makeCall_spanish_usesOmniLeadsTexts()
    {
        QFETCH(QString, backend);
        ENLACE_API_FIXTURE(f, backend);
        const auto w = f.seedWorld();
        const QByteArray body
            = w.substitute(uR"({"idCampaign":{camp},"idAgent":{carla},"idContact":{c3},"phone":"1"})"_s).toUtf8();
        const auto r = f.sendRaw("POST", u"/api/v1/makeCall/"_s, body, "application/json", f.tokenFor(w.ana.userId),
                                 { { "Accept-Language", "es" } });
        const QJsonObject json = r.json();
        QCOMPARE(json.value(u"message"_s).toString(), u"Hubo errores en los datos recibidos"_s);
        const QJsonObject errors = json.value(u"errors"_s).toObject();
        QCOMPARE(errors.value(u"idAgent"_s).toArray().first().toString(), u"El agente no participa en la campaña."_s);
        QCOMPARE(errors.value(u"idContact"_s).toArray().first().toString(),
                 u"El contacto no corresponde a la campaña."_s);
    }

    // Who may call makeCall: agents (as themselves) and integration keys of the campaign's system.
    void makeCall_access_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("who");
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("httpStatus");
        const QString oml = uR"({"idCampaign":{camp},"idAgent":{ana},"phone":"5551"})"_s;
        const QString ext = uR"({"idExternalSystem":{s1},"idCampaign":"C-1","idAgent":"A-ANA","phone":"5551"})"_s;
        const QList<std::tuple<const char *, QString, QString, int>> rows {
            { "anonymous", u"none"_s, oml, 401 },
            { "bad token", u"bogus"_s, oml, 401 },
            { "supervisor", u"sup"_s, oml, 403 },
            { "admin", u"admin"_s, oml, 403 },
            { "other agent", u"beto"_s, oml, 403 },
            { "same agent", u"ana"_s, oml, 200 },
            { "integration of the system", u"key-s1"_s, ext, 200 },
            { "integration of another system", u"key-s2"_s, ext, 403 },
            { "integration with Enlace ids", u"key-s1"_s, oml, 403 },
        };
        for (const auto &[name, who, body, status] : rows)
            for (const char *backend : { "sqlite", "postgresql" })
                QTest::addRow("%s %s", name, backend) << QString::fromLatin1(backend) << who << body << status;
    }
    void makeCall_access()
    {
        QFETCH(QString, backend);
        QFETCH(QString, who);
        QFETCH(QString, body);
        QFETCH(int, httpStatus);
        ENLACE_API_FIXTURE(f, backend);
        const auto w = f.seedWorld();
        QString token;
        if (who == u"bogus"_s)
            token = u"not-a-token"_s;
        else if (who == u"sup"_s)
            token = f.tokenFor(w.sup);
        else if (who == u"admin"_s)
            token = f.tokenFor(w.admin);
        else if (who == u"beto"_s)
            token = f.tokenFor(w.beto.userId);
        else if (who == u"ana"_s)
            token = f.tokenFor(w.ana.userId);
        else if (who == u"key-s1"_s)
            token = f.integrationKeyFor(w.s1);
        else if (who == u"key-s2"_s)
            token = f.integrationKeyFor(w.s2);
        const auto r = f.send("POST", u"/api/v1/makeCall/"_s, w.body(body), token);
        QCOMPARE(r.status, httpStatus);
        QVERIFY(r.isJson());
        if (httpStatus != 200)
            QCOMPARE(r.json().value(u"status"_s).toString(), u"ERROR"_s);
        QCOMPARE(f.pbx().originated().size(), httpStatus == 200 ? 1 : 0);
    }

    void makeCall_malformedBody_is400Json_data() { test::addBackendRows(); }
    void makeCall_malformedBody_is400Json()
    {
        QFETCH(QString, backend);
        ENLACE_API_FIXTURE(f, backend);
        const auto w = f.seedWorld();
        for (const QByteArray &bad : { QByteArray("{\"idCampaign\": "), QByteArray("[1,2]"), QByteArray("\"text\"") }) {
            const auto r = f.sendRaw("POST", u"/api/v1/makeCall/"_s, bad, "application/json", f.tokenFor(w.ana.userId));
            QCOMPARE(r.status, 400);
            QCOMPARE(r.json().value(u"status"_s).toString(), u"ERROR"_s);
        }
        const auto get = f.send("GET", u"/api/v1/makeCall/"_s, {}, f.tokenFor(w.ana.userId));
        QCOMPARE(get.status, 405);
        QCOMPARE(f.pbx().originated().size(), 0);
    }

    void makeCall_formEncodedBody_isAccepted_data() { test::addBackendRows(); }
    void makeCall_formEncodedBody_isAccepted()
    {
        QFETCH(QString, backend);
        ENLACE_API_FIXTURE(f, backend);
        const auto w = f.seedWorld();
        const QByteArray form = w.substitute(u"idCampaign={camp}&idAgent={ana}&phone=5551"_s).toUtf8();
        const auto r = f.sendRaw("POST", u"/api/v1/makeCall/"_s, form, "application/x-www-form-urlencoded",
                                 f.tokenFor(w.ana.userId));
        QCOMPARE(r.json().value(u"status"_s).toString(), u"OK"_s);
        QCOMPARE(f.pbx().originated().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCallRoutes)
#include "tst_callroutes.moc"
