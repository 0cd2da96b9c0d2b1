#include <core/api/dispositionroutes.h>
#include <core/calls/callflow.h>
#include <core/calls/eventlog.h>
#include <tests/support/server/apiserver.h>
#include <tests/support/server/world.h>

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

class TestDispositionRoutes final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dispositionOptions_listsAllOptionsFlaggingHidden_data() { test::addBackendRows(); }
    void dispositionOptions_listsAllOptionsFlaggingHidden()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const auto w = test::seedWorld(f.database(), f.clock());
        const QString token = f.tokenFor(w.ana.userId);
        for (const QString &path : { w.substitute(u"/api/v1/campaign/{camp}/dispositionOptions/"_s),
                                     w.substitute(u"/api/v1/campaign/C-1/dispositionOptions/{s1}/"_s),
                                     w.substitute(u"/api/v1/campaign/{camp}/dispositionOptions"_s) }) {
            const auto r = f.send("GET", path, {}, token);
            QCOMPARE(r.status, 200);
            const QJsonArray options = r.array();
            QCOMPARE(options.size(), 2);
            QCOMPARE(options.at(0).toObject(),
                     (QJsonObject { { u"id"_s, w.venta }, { u"name"_s, u"Venta"_s }, { u"hidden"_s, false } }));
            QCOMPARE(options.at(1).toObject(),
                     (QJsonObject { { u"id"_s, w.baja }, { u"name"_s, u"Baja"_s }, { u"hidden"_s, true } }));
        }
    }

    void dispositionOptions_unknownOrMalformedIds_are404_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("path");
        for (const char *backend : { "sqlite", "postgresql" }) {
            const QString b = QString::fromLatin1(backend);
            QTest::addRow("campaign not a number %s", backend) << b << u"/api/v1/campaign/abc/dispositionOptions/"_s;
            QTest::addRow("unknown campaign %s", backend) << b << u"/api/v1/campaign/999999/dispositionOptions/"_s;
            QTest::addRow("system not a number %s", backend) << b << u"/api/v1/campaign/C-1/dispositionOptions/abc/"_s;
            QTest::addRow("unknown system %s", backend) << b << u"/api/v1/campaign/C-1/dispositionOptions/999999/"_s;
            QTest::addRow("unknown external campaign %s", backend)
                << b << u"/api/v1/campaign/c1/dispositionOptions/{s1}/"_s;
            QTest::addRow("campaign of another system %s", backend)
                << b << u"/api/v1/campaign/C-1/dispositionOptions/{s2}/"_s;
        }
    }
    void dispositionOptions_unknownOrMalformedIds_are404()
    {
        QFETCH(QString, backend);
        QFETCH(QString, path);
        ENLACE_API_SERVER(f, backend);
        const auto w = test::seedWorld(f.database(), f.clock());
        const auto r = f.send("GET", w.substitute(path), {}, f.tokenFor(w.ana.userId));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json().value(u"status"_s).toString(), u"ERROR"_s);
    }

    void dispositionOptions_access_data() { test::addBackendRows(); }
    void dispositionOptions_access()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const auto w = test::seedWorld(f.database(), f.clock());
        const QString path = w.substitute(u"/api/v1/campaign/{camp}/dispositionOptions/"_s);
        QCOMPARE(f.send("GET", path).status, 401);
        QCOMPARE(f.send("GET", path, {}, f.tokenFor(w.sup)).status, 403);
        QCOMPARE(f.send("GET", path, {}, f.tokenFor(w.admin)).status, 403);
        QCOMPARE(f.send("GET", path, {}, f.integrationKeyFor(w.s1)).status, 200);
        QCOMPARE(f.send("GET", path, {}, f.integrationKeyFor(w.s2)).status, 403);
    }

    void create_withEnlaceIds_stores201WithFiveKeys_data() { test::addBackendRows(); }
    void create_withEnlaceIds_stores201WithFiveKeys()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const auto w = test::seedWorld(f.database(), f.clock());
        const auto r
            = f.send("POST", u"/api/v1/disposition/"_s,
                     w.body(uR"({"idContact":{c1},"idDispositionOption":{venta},"comments":"x","idAgent":{beto}})"_s),
                     f.tokenFor(w.ana.userId));
        QCOMPARE(r.status, 201);
        const QJsonObject json = r.json();
        QCOMPARE(json.keys(),
                 (QStringList { u"callid"_s, u"comments"_s, u"id"_s, u"idContact"_s, u"idDispositionOption"_s }));
        QCOMPARE(json.value(u"idContact"_s).toInteger(), w.c1);
        QCOMPARE(json.value(u"idDispositionOption"_s).toInteger(), w.venta);
        QVERIFY(json.value(u"callid"_s).isNull());
        QCOMPARE(json.value(u"comments"_s).toString(), u"x"_s);
        // The agent is the caller; idAgent in the body is ignored (OMniLeads).
        auto agent = f.database()->scalar(u"SELECT agent_id FROM dispositions WHERE id = ?"_s,
                                          { json.value(u"id"_s).toInteger() });
        QCOMPARE(agent->toLongLong(), w.ana.id);
    }

    void create_secondForSameContact_isRefused_data() { test::addBackendRows(); }
    void create_secondForSameContact_isRefused()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const auto w = test::seedWorld(f.database(), f.clock());
        const QJsonObject body = w.body(uR"({"idContact":{c1},"idDispositionOption":{venta}})"_s);
        QCOMPARE(f.send("POST", u"/api/v1/disposition/"_s, body, f.tokenFor(w.ana.userId)).status, 201);
        const auto r = f.send("POST", u"/api/v1/disposition/"_s, body, f.tokenFor(w.beto.userId));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json(),
                 (QJsonObject { { u"status"_s, u"ERROR"_s },
                                { u"msg"_s, u"There is another disposition for this contact on this campaign"_s } }));
        QCOMPARE(test::count(f.database(), u"dispositions"_s), 1);
    }

    void create_rules_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        const QList<std::tuple<const char *, QString, int, QString, QString>> rows {
            { "external contact id",
              uR"({"idExternalSystem":{s1},"idContact":"EXT-2","idDispositionOption":{venta}})"_s,
              201,
              {},
              {} },
            { "external flag with any value",
              uR"({"idExternalSystem":"whatever","idContact":"EXT-2","idDispositionOption":{venta}})"_s,
              201,
              {},
              {} },
            { "unknown external contact",
              uR"({"idExternalSystem":{s1},"idContact":"NOPE","idDispositionOption":{venta}})"_s, 400, u"idContact"_s,
              u"Contact id not found"_s },
            { "unknown contact", uR"({"idContact":999999,"idDispositionOption":{venta}})"_s, 400, u"idContact"_s,
              u"Contact id not found"_s },
            { "contact of another database", uR"({"idContact":{c3},"idDispositionOption":{venta}})"_s, 400,
              u"idContact"_s, u"Contact id not found"_s },
            { "hidden option", uR"({"idContact":{c1},"idDispositionOption":{baja}})"_s, 400, u"idDispositionOption"_s,
              u"Disposition option id not found"_s },
            { "unknown option", uR"({"idContact":{c1},"idDispositionOption":999999})"_s, 400, u"idDispositionOption"_s,
              u"Disposition option id not found"_s },
            { "option missing", uR"({"idContact":{c1}})"_s, 400, u"idDispositionOption"_s,
              u"This field is required."_s },
            { "option wrong type", uR"({"idContact":{c1},"idDispositionOption":{"a":1}})"_s, 400,
              u"idDispositionOption"_s, u"A valid integer is required."_s },
            { "callid too long",
              uR"({"idContact":{c1},"idDispositionOption":{venta},"callid":"123456789012345678901234567890123"})"_s,
              400, u"callid"_s, u"Ensure this field has no more than 32 characters."_s },
            { "contact missing", uR"({"idDispositionOption":{venta}})"_s, 400, u"idContact"_s,
              u"This field is required."_s },
        };
        for (const auto &[name, body, status, field, message] : rows)
            for (const char *backend : { "sqlite", "postgresql" })
                QTest::addRow("%s %s", name, backend)
                    << QString::fromLatin1(backend) << body << status << field << message;
    }
    void create_rules()
    {
        QFETCH(QString, backend);
        QFETCH(QString, body);
        QFETCH(int, httpStatus);
        QFETCH(QString, field);
        QFETCH(QString, message);
        ENLACE_API_SERVER(f, backend);
        const auto w = test::seedWorld(f.database(), f.clock());
        const auto r = f.send("POST", u"/api/v1/disposition/"_s, w.body(body), f.tokenFor(w.ana.userId));
        QVERIFY2(r.status == httpStatus, r.body.constData());
        if (httpStatus == 201) {
            QCOMPARE(test::count(f.database(), u"dispositions"_s), 1);
            auto contact = f.database()->scalar(u"SELECT contact_id FROM dispositions"_s);
            QCOMPARE(contact->toLongLong(), w.c2);
            QCOMPARE(r.json().value(u"idContact"_s).toString(), u"EXT-2"_s);
        } else {
            QCOMPARE(r.json(), (QJsonObject { { u"status"_s, u"ERROR"_s }, { field, message } }));
            QCOMPARE(test::count(f.database(), u"dispositions"_s), 0);
        }
    }

    void getAndList_showOnlyTheCallersDispositions_data() { test::addBackendRows(); }
    void getAndList_showOnlyTheCallersDispositions()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const auto w = test::seedWorld(f.database(), f.clock());
        const QString ana = f.tokenFor(w.ana.userId);
        const QString beto = f.tokenFor(w.beto.userId);
        const auto mine = f.send("POST", u"/api/v1/disposition/"_s,
                                 w.body(uR"({"idContact":{c1},"idDispositionOption":{venta},"callid":"c-9"})"_s), ana);
        const auto theirs = f.send("POST", u"/api/v1/disposition/"_s,
                                   w.body(uR"({"idContact":{c2},"idDispositionOption":{venta}})"_s), beto);
        QCOMPARE(mine.status, 201);
        QCOMPARE(theirs.status, 201);
        const auto list = f.send("GET", u"/api/v1/disposition/"_s, {}, ana);
        QCOMPARE(list.status, 200);
        QCOMPARE(list.array().size(), 1);
        QCOMPARE(list.array().first().toObject().value(u"callid"_s).toString(), u"c-9"_s);
        const qint64 mineId = mine.json().value(u"id"_s).toInteger();
        const qint64 theirsId = theirs.json().value(u"id"_s).toInteger();
        const auto got = f.send("GET", u"/api/v1/disposition/%1/"_s.arg(mineId), {}, ana);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.json().value(u"idContact"_s).toInteger(), w.c1);
        QCOMPARE(f.send("GET", u"/api/v1/disposition/%1/"_s.arg(theirsId), {}, ana).status, 404);
        QCOMPARE(f.send("GET", u"/api/v1/disposition/999999/"_s, {}, ana).status, 404);
        QCOMPARE(f.send("GET", u"/api/v1/disposition/abc/"_s, {}, ana).status, 404);
        QCOMPARE(f.send("DELETE", u"/api/v1/disposition/%1/"_s.arg(mineId), {}, ana).status, 405);
        QCOMPARE(f.send("PATCH", u"/api/v1/disposition/%1/"_s.arg(mineId), {}, ana).status, 405);
    }

    void update_rules_data() { test::addBackendRows(); }
    void update_rules()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const auto w = test::seedWorld(f.database(), f.clock());
        const QString ana = f.tokenFor(w.ana.userId);
        const auto first = f.send("POST", u"/api/v1/disposition/"_s,
                                  w.body(uR"({"idContact":{c1},"idDispositionOption":{venta},"callid":"c-1"})"_s), ana);
        const auto second = f.send("POST", u"/api/v1/disposition/"_s,
                                   w.body(uR"({"idContact":{c2},"idDispositionOption":{venta}})"_s), ana);
        QCOMPARE(first.status, 201);
        QCOMPARE(second.status, 201);
        const qint64 id = first.json().value(u"id"_s).toInteger();
        const QString path = u"/api/v1/disposition/%1/"_s.arg(id);
        // Moving onto a contact that already has one on this campaign.
        auto r = f.send("PUT", path, w.body(uR"({"idContact":{c2},"idDispositionOption":{venta}})"_s), ana);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(u"msg"_s).toString(),
                 u"There is another disposition for this contact on this campaign"_s);
        // Switching to a hidden option.
        r = f.send("PUT", path, w.body(uR"({"idContact":{c1},"idDispositionOption":{baja}})"_s), ana);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(u"idDispositionOption"_s).toString(), u"Disposition option id not found"_s);
        // The option becomes hidden later: keeping it is accepted; callid absent becomes null.
        QVERIFY(f.database()->exec(u"UPDATE disposition_options SET hidden = 1 WHERE id = ?"_s, { w.venta }).ok());
        r = f.send("PUT", path, w.body(uR"({"idContact":{c1},"idDispositionOption":{venta},"comments":"edit"})"_s),
                   ana);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json(),
                 (QJsonObject { { u"id"_s, id },
                                { u"idContact"_s, w.c1 },
                                { u"callid"_s, QJsonValue::Null },
                                { u"idDispositionOption"_s, w.venta },
                                { u"comments"_s, u"edit"_s } }));
        // Another agent's disposition is not found.
        QCOMPARE(f.send("PUT", path, w.body(uR"({"idContact":{c1},"idDispositionOption":{venta}})"_s),
                        f.tokenFor(w.beto.userId))
                     .status,
                 404);
    }

    void create_access_data() { test::addBackendRows(); }
    void create_access()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const auto w = test::seedWorld(f.database(), f.clock());
        const QJsonObject body = w.body(uR"({"idContact":{c1},"idDispositionOption":{venta}})"_s);
        QCOMPARE(f.send("POST", u"/api/v1/disposition/"_s, body).status, 401);
        QCOMPARE(f.send("POST", u"/api/v1/disposition/"_s, body, f.tokenFor(w.sup)).status, 403);
        // An integration key acts for an agent of its own system, named by external id.
        const QJsonObject forOther = w.body(
            uR"({"idExternalSystem":{s1},"idContact":"EXT-1","idDispositionOption":{venta},"idAgent":"A-BETO"})"_s);
        QCOMPARE(f.send("POST", u"/api/v1/disposition/"_s, forOther, f.integrationKeyFor(w.s2)).status, 403);
        const QJsonObject noAgent = w.body(
            uR"({"idExternalSystem":{s1},"idContact":"EXT-1","idDispositionOption":{venta},"idAgent":"X-CARLA"})"_s);
        const auto bad = f.send("POST", u"/api/v1/disposition/"_s, noAgent, f.integrationKeyFor(w.s1));
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.json().value(u"idAgent"_s).toString(), u"Agent id not found"_s);
        QCOMPARE(test::count(f.database(), u"dispositions"_s), 0);
        const auto ok = f.send("POST", u"/api/v1/disposition/"_s, forOther, f.integrationKeyFor(w.s1));
        QCOMPARE(ok.status, 201);
        auto agent = f.database()->scalar(u"SELECT agent_id FROM dispositions"_s);
        QCOMPARE(agent->toLongLong(), w.beto.id);
        const auto list = f.send("GET", u"/api/v1/disposition/"_s, {}, f.integrationKeyFor(w.s1));
        QCOMPARE(list.array().size(), 1);
        QCOMPARE(f.send("GET", u"/api/v1/disposition/"_s, {}, f.integrationKeyFor(w.s2)).array().size(), 0);
    }

    // Beyond OMniLeads (reference §7 item 49): a disposition made through the API fires the
    // campaign's "call disposition" site, like one made in the console.
    void create_firesCallDispositionInteraction_data() { test::addBackendRows(); }
    void create_firesCallDispositionInteraction()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const auto w = test::seedWorld(f.database(), f.clock());
        auto site
            = f.database()->insert(u"INSERT INTO external_sites (name, url, trigger_type, method, format, target) "
                                   "VALUES ('crm', 'https://crm.example/disposition', 4, 1, 1, 1)"_s);
        QVERIFY(site.ok());
        QVERIFY(f.database()
                    ->exec(u"UPDATE campaigns SET site_id = ?, interaction_type = 2 WHERE id = ?"_s,
                           { site.value(), w.camp })
                    .ok());
        QVERIFY(
            f.database()->exec(u"UPDATE disposition_options SET crm_interaction = 1 WHERE id = ?"_s, { w.venta }).ok());
        const qint64 plain = test::addOption(f.database(), w.camp, u"Sin CRM"_s);
        const QString ana = f.tokenFor(w.ana.userId);
        const auto interactions = [&] {
            int n = 0;
            // Keep the list alive: iterating value() of a temporary Result would dangle.
            const QList<AgentEvent> events = f.server().events()->since(w.ana.id, 0).value();
            for (const AgentEvent &e : events)
                n += e.type == QLatin1StringView(CallFlow::DispositionInteractionEvent);
            return n;
        };
        QCOMPARE(f.send("POST", u"/api/v1/disposition/"_s,
                        w.body(uR"({"idContact":{c1},"idDispositionOption":{venta}})"_s), ana)
                     .status,
                 201);
        QCOMPARE(interactions(), 1);
        // An option without CRM interaction fires nothing.
        QCOMPARE(f.send("POST", u"/api/v1/disposition/"_s,
                        w.body(uR"({"idContact":{c2},"idDispositionOption":)"_s + QString::number(plain) + u"}"_s), ana)
                     .status,
                 201);
        QCOMPARE(interactions(), 1);
        // new_contact/disposition fires it too.
        QCOMPARE(f.send("POST", u"/api/v1/new_contact/disposition/"_s,
                        w.body(uR"({"phone":"999","idDispositionOption":{venta}})"_s), ana)
                     .status,
                 201);
        QCOMPARE(interactions(), 2);
    }

    void newContactDisposition_createsContactThenDisposition_data() { test::addBackendRows(); }
    void newContactDisposition_createsContactThenDisposition()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const auto w = test::seedWorld(f.database(), f.clock());
        const QString ana = f.tokenFor(w.ana.userId);
        const qint64 contactsBefore = test::count(f.database(), u"contacts"_s);
        auto r = f.send(
            "POST", u"/api/v1/new_contact/disposition/"_s,
            w.body(
                uR"({"phone":"5550001","idExternalContact":"EXT-NEW","idDispositionOption":{venta},"comments":"nuevo","callid":"k-1","nombre":"Nueva"})"_s),
            ana);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().keys(), (QStringList { u"callid"_s, u"comments"_s, u"id"_s, u"idDispositionOption"_s }));
        QCOMPARE(test::count(f.database(), u"contacts"_s), contactsBefore + 1);
        QCOMPARE(test::count(f.database(), u"dispositions"_s), 1);
        auto stored = f.database()->scalar(u"SELECT values_json FROM contacts WHERE external_id = 'EXT-NEW'"_s);
        QVERIFY(stored->toString().contains(u"Nueva"_s));
        QVERIFY(stored->toString().contains(u"5550001"_s));
        // Duplicate external id: refused, nothing written.
        r = f.send("POST", u"/api/v1/new_contact/disposition/"_s,
                   w.body(uR"({"phone":"5550002","idExternalContact":"EXT-1","idDispositionOption":{venta}})"_s), ana);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json(),
                 (QJsonObject { { u"status"_s, u"ERROR"_s },
                                { u"idExternalContact"_s,
                                  u"There is another contact with this external id on this database"_s } }));
        // Hidden option: refused before anything is written.
        r = f.send("POST", u"/api/v1/new_contact/disposition/"_s,
                   w.body(uR"({"phone":"5550003","idDispositionOption":{baja}})"_s), ana);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(u"idDispositionOption"_s).toString(), u"Disposition option id not found"_s);
        // Missing phone.
        r = f.send("POST", u"/api/v1/new_contact/disposition/"_s, w.body(uR"({"idDispositionOption":{venta}})"_s), ana);
        QCOMPARE(r.status, 400);
        QCOMPARE(test::count(f.database(), u"contacts"_s), contactsBefore + 1);
        QCOMPARE(test::count(f.database(), u"dispositions"_s), 1);
    }
};

QTEST_GUILESS_MAIN(TestDispositionRoutes)
#include "tst_dispositionroutes.moc"
