#include <core/api/adminsystemroutes.h>
#include <tests/support/server/apiserver.h>
#include <tests/support/server/world.h>

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

QJsonObject row(qint64 agent, const QString &externalId, qint64 id = 0)
{
    QJsonObject o { { u"agente"_s, agent }, { u"id_externo_agente"_s, externalId } };
    if (id)
        o.insert(u"id"_s, id);
    return o;
}

}   // namespace

class TestAdminSystemRoutes final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Reference §7 items 54-56 and OMniLeads' tests_api_external_systems.py.
    void systems_createListUpdate_data() { test::addBackendRows(); }
    void systems_createListUpdate()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const Agent a = test::addAgent(f.database(), f.clock(), u"ana"_s, u"1001"_s);
        const Agent b = test::addAgent(f.database(), f.clock(), u"beto"_s, u"1002"_s);
        const Agent c = test::addAgent(f.database(), f.clock(), u"carla"_s, u"1003"_s);
        const QString admin = f.tokenFor(test::addUser(f.database(), f.clock(), u"admin"_s, Role::Admin));
        auto created = f.send("POST", u"/api/v1/external_systems/create/"_s,
                              QJsonObject { { u"nombre"_s, u"S"_s },
                                            { u"agentes"_s, QJsonArray { row(a.id, u"X"_s), row(b.id, u"Y"_s) } } },
                              admin);
        QCOMPARE(created.status, 200);
        QCOMPARE(created.json().value(u"status"_s).toString(), u"SUCCESS"_s);
        const QJsonObject system = created.json().value(u"externalSystem"_s).toObject();
        const qint64 id = system.value(u"id"_s).toInteger();
        const QJsonArray rows = system.value(u"agentes"_s).toArray();
        QCOMPARE(rows.size(), 2);
        // Same external id in another system: allowed (item 55).
        QCOMPARE(f.send("POST", u"/api/v1/external_systems/create/"_s,
                        QJsonObject { { u"nombre"_s, u"T"_s }, { u"agentes"_s, QJsonArray { row(a.id, u"X"_s) } } },
                        admin)
                     .status,
                 200);
        const auto list = f.send("GET", u"/api/v1/external_systems/"_s, {}, admin);
        QCOMPARE(list.json().value(u"externalSystems"_s).toArray().size(), 2);
        const auto detail = f.send("GET", u"/api/v1/external_systems/%1/"_s.arg(id), {}, admin);
        QCOMPARE(detail.json().value(u"externalSystem"_s).toObject().value(u"nombre"_s).toString(), u"S"_s);
        // Item 56: first row edited, a new row added, the second row omitted (deleted).
        const qint64 firstRow = rows.at(0).toObject().value(u"id"_s).toInteger();
        auto updated
            = f.send("PUT", u"/api/v1/external_systems/%1/update/"_s.arg(id),
                     QJsonObject { { u"nombre"_s, u"S2"_s },
                                   { u"agentes"_s, QJsonArray { row(a.id, u"X2"_s, firstRow), row(c.id, u"Z"_s) } } },
                     admin);
        QCOMPARE(updated.status, 200);
        const QJsonArray after = f.send("GET", u"/api/v1/external_systems/%1/"_s.arg(id), {}, admin)
                                     .json()
                                     .value(u"externalSystem"_s)
                                     .toObject()
                                     .value(u"agentes"_s)
                                     .toArray();
        QCOMPARE(after.size(), 2);
        QCOMPARE(after.at(0).toObject().value(u"id"_s).toInteger(), firstRow);
        QCOMPARE(after.at(0).toObject().value(u"id_externo_agente"_s).toString(), u"X2"_s);
        QCOMPARE(after.at(1).toObject().value(u"agente"_s).toInteger(), c.id);
        QCOMPARE(f.send("GET", u"/api/v1/external_systems/999999/"_s, {}, admin).status, 404);
        QCOMPARE(
            f.send("PUT", u"/api/v1/external_systems/999999/update/"_s, QJsonObject { { u"nombre"_s, u"Q"_s } }, admin)
                .status,
            404);
        QCOMPARE(f.send("DELETE", u"/api/v1/external_systems/%1/"_s.arg(id), {}, admin).status, 405);
    }

    // Item 54: OMniLeads answers 500; Enlace 400 naming the rows, nothing stored.
    void systems_invalidRows_are400WithRowErrors_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("field");
        const QList<std::tuple<const char *, QString, QString>> rows {
            { "duplicate external id",
              uR"({"nombre":"S","agentes":[{"agente":{ana},"id_externo_agente":"X"},{"agente":{beto},"id_externo_agente":"X"}]})"_s,
              u"agentes[1].id_externo_agente"_s },
            { "agent twice",
              uR"({"nombre":"S","agentes":[{"agente":{ana},"id_externo_agente":"X"},{"agente":{ana},"id_externo_agente":"Y"}]})"_s,
              u"agentes[1].agente"_s },
            { "unknown agent", uR"({"nombre":"S","agentes":[{"agente":999999,"id_externo_agente":"X"}]})"_s,
              u"agentes[0].agente"_s },
            { "missing external id", uR"({"nombre":"S","agentes":[{"agente":{ana}}]})"_s,
              u"agentes[0].id_externo_agente"_s },
            { "agent of wrong type", uR"({"nombre":"S","agentes":[{"agente":"abc","id_externo_agente":"X"}]})"_s,
              u"agentes[0].agente"_s },
            { "row not an object", uR"({"nombre":"S","agentes":[7]})"_s, u"agentes[0]"_s },
            { "agents not a list", uR"({"nombre":"S","agentes":{"a":1}})"_s, u"agentes"_s },
            { "name missing", uR"({"agentes":[]})"_s, u"nombre"_s },
            { "name taken", uR"({"nombre":"S1","agentes":[]})"_s, u"nombre"_s },
        };
        for (const auto &[name, body, field] : rows)
            for (const char *backend : { "sqlite", "postgresql" })
                QTest::addRow("%s %s", name, backend) << QString::fromLatin1(backend) << body << field;
    }
    void systems_invalidRows_are400WithRowErrors()
    {
        QFETCH(QString, backend);
        QFETCH(QString, body);
        QFETCH(QString, field);
        ENLACE_API_SERVER(f, backend);
        const auto w = test::seedWorld(f.database(), f.clock());
        const qint64 systems = test::count(f.database(), u"external_systems"_s);
        const qint64 rows = test::count(f.database(), u"agent_external_ids"_s);
        const auto r = f.send("POST", u"/api/v1/external_systems/create/"_s, w.body(body), f.tokenFor(w.admin));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(u"status"_s).toString(), u"ERROR"_s);
        QVERIFY2(r.json().value(u"errors"_s).toObject().contains(field), r.body.constData());
        QCOMPARE(test::count(f.database(), u"external_systems"_s), systems);
        QCOMPARE(test::count(f.database(), u"agent_external_ids"_s), rows);
        // The same rows on update leave the stored system unchanged.
        const auto u = f.send("PUT", w.substitute(u"/api/v1/external_systems/{s2}/update/"_s), w.body(body),
                              f.tokenFor(w.admin));
        QCOMPARE(u.status, 400);
        QCOMPARE(test::count(f.database(), u"agent_external_ids"_s), rows);
    }

    void agents_listedForAdmins_data() { test::addBackendRows(); }
    void agents_listedForAdmins()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const auto w = test::seedWorld(f.database(), f.clock());
        const auto r = f.send("GET", u"/api/v1/agents_external_system/"_s, {}, f.tokenFor(w.sup));
        QCOMPARE(r.status, 200);
        const QJsonArray agents = r.json().value(u"agents"_s).toArray();
        QCOMPARE(agents.size(), 3);
        QCOMPARE(agents.at(0).toObject().value(u"id"_s).toInteger(), w.ana.id);
        QCOMPARE(agents.at(0).toObject().value(u"username"_s).toString(), u"ana"_s);
        QVERIFY(agents.at(0).toObject().contains(u"full_name"_s));
        QCOMPARE(f.send("GET", u"/api/v1/agent/list/"_s, {}, f.tokenFor(w.admin)).array().size(), 3);
        QCOMPARE(f.send("GET", u"/api/v1/agents_external_system/"_s, {}, f.tokenFor(w.ana.userId)).status, 403);
        QCOMPARE(f.send("GET", u"/api/v1/external_systems/"_s, {}, f.tokenFor(w.ana.userId)).status, 403);
        QCOMPARE(f.send("GET", u"/api/v1/external_systems/"_s).status, 401);
    }

    void integrationKey_isIssuedOnceToAdminsOnly_data() { test::addBackendRows(); }
    void integrationKey_isIssuedOnceToAdminsOnly()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const auto w = test::seedWorld(f.database(), f.clock());
        const QString path = w.substitute(u"/api/v1/external_systems/{s1}/integration_key/"_s);
        QCOMPARE(f.send("POST", path, {}, f.tokenFor(w.sup)).status, 403);
        const auto r = f.send("POST", path, {}, f.tokenFor(w.admin));
        QCOMPARE(r.status, 200);
        const QString key = r.json().value(u"integrationKey"_s).toString();
        QVERIFY(key.size() >= 32);
        QCOMPARE(r.headers.value("cache-control"), QByteArray("no-store"));
        // Never listed afterwards.
        QVERIFY(!f.send("GET", u"/api/v1/external_systems/"_s, {}, f.tokenFor(w.admin)).body.contains(key.toUtf8()));
        QCOMPARE(f.send("POST", u"/api/v1/external_systems/999999/integration_key/"_s, {}, f.tokenFor(w.admin)).status,
                 404);
    }
};

QTEST_GUILESS_MAIN(TestAdminSystemRoutes)
#include "tst_adminsystemroutes.moc"
