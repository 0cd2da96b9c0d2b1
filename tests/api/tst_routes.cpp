#include <core/api/openapi.h>
#include <core/api/routes.h>
#include <core/api/tokenstore.h>
#include <core/http/apirouter.h>
#include <core/model/user.h>
#include <tests/support/server/apiserver.h>
#include <tests/support/server/world.h>

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

// Who may call what: every route of the endpoint files against every kind of caller, then the
// object-level rules (an agent only within its campaigns, an integration key only within its
// system) that the probe found broken.
class TestRoutes final : public QObject
{
    Q_OBJECT

private:
    struct Credential
    {
        QString name;
        QString token;
        std::optional<Caller> caller;   // none: no credential, or one that does not work
    };

private Q_SLOTS:
    void everyRoute_checksItsCallerBeforeAnythingElse_data() { test::addBackendRows(); }
    void everyRoute_checksItsCallerBeforeAnythingElse()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const auto w = test::seedWorld(f.database(), f.clock());
        const QString revoked = f.tokenFor(w.admin);
        QVERIFY(TokenStore(f.database(), f.clock()).revoke(revoked).ok());
        Caller agent;
        agent.role = Role::Agent;
        agent.agentId = w.ana.id;
        Caller supervisor;
        supervisor.role = Role::Supervisor;
        Caller admin;
        admin.role = Role::Admin;
        Caller integration;
        integration.integrationSystemId = w.s1;
        // Fresh credentials for each route: the real server's POST /api/v1/logout revokes the token it
        // is called with, POST /api/v1/external_systems/<arg>/integration_key/ replaces a key (the keys
        // are used before the admin's token).
        const auto credentialsFor = [&] {
            return QList<Credential> {
                { u"none"_s, QString(), std::nullopt },
                { u"bad"_s, u"not-a-token"_s, std::nullopt },
                { u"revoked"_s, revoked, std::nullopt },
                { u"integration of this system"_s, f.integrationKeyFor(w.s1), integration },
                { u"integration of another system"_s, f.integrationKeyFor(w.s2), integration },
                { u"agent"_s, f.tokenFor(w.ana.userId), agent },
                { u"supervisor"_s, f.tokenFor(w.sup), supervisor },
                { u"admin"_s, f.tokenFor(w.admin), admin },
            };
        };
        QHash<QString, Access> access;
        for (const RouteDoc &doc : OpenApi::catalogue())
            access.insert(QString::fromLatin1(doc.method) + u' ' + doc.pattern, doc.access);
        int checked = 0;
        for (const QString &route : f.server().router().routes()) {
            QVERIFY2(access.contains(route), qPrintable(route));
            const Access needed = access.value(route);
            if (needed == Access::Public)
                continue;
            const QByteArray method = route.section(u' ', 0, 0).toLatin1();
            // Ids of the world's objects in the path: the campaign, else the first contact.
            QString path = route.section(u' ', 1);
            path.replace(u"/campaign/<arg>/"_s, u"/campaign/%1/"_s.arg(w.camp));
            path.replace(u"<arg>"_s, QString::number(w.c1));
            const QList<Credential> credentials = credentialsFor();
            for (const Credential &c : credentials) {
                const bool hasBody = method == "POST" || method == "PUT" || method == "PATCH";
                const test::RawHttpResponse r
                    = f.send(method, path, hasBody ? QJsonValue(QJsonObject {}) : QJsonValue(), c.token);
                const QString what
                    = u"%1 as %2: %3 %4"_s.arg(route, c.name).arg(r.status).arg(QString::fromUtf8(r.body.left(200)));
                if (!c.caller) {
                    QVERIFY2(r.status == 401, qPrintable(what));
                } else if (!accessAllows(needed, *c.caller)) {
                    QVERIFY2(r.status == 403, qPrintable(what));
                } else {
                    QVERIFY2(r.status != 401 && r.status < 500, qPrintable(what));
                }
                ++checked;
            }
        }
        QVERIFY2(checked > 30 * int(credentialsFor().size()), qPrintable(QString::number(checked)));
    }

    // Found by the probe: agents qualified and read options of campaigns they do not work in,
    // and integration keys reached other systems' campaigns. Nothing refused is stored.
    void campaigns_areReachedOnlyByTheirAgentsAndTheirSystem_data() { test::addBackendRows(); }
    void campaigns_areReachedOnlyByTheirAgentsAndTheirSystem()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const auto w = test::seedWorld(f.database(), f.clock());
        const QString ana = f.tokenFor(w.ana.userId);   // in camp and other
        const QString beto = f.tokenFor(w.beto.userId);   // in camp only
        const QString carla = f.tokenFor(w.carla.userId);   // in no campaign
        const QString s1 = f.integrationKeyFor(w.s1);   // camp's system
        const QString s2 = f.integrationKeyFor(w.s2);
        struct Case
        {
            const char *name;
            QByteArray method;
            QString path;
            QString body;
            QString token;
            int status;
        };
        const QString options = u"/api/v1/campaign/{camp}/dispositionOptions/"_s;
        const QString optionsBySystem = u"/api/v1/campaign/C-1/dispositionOptions/{s1}/"_s;
        const QString qualify = uR"({"idContact":{c1},"idDispositionOption":{venta}})"_s;
        const QString qualifyNew = uR"({"phone":"5550001","idDispositionOption":{venta}})"_s;
        const QList<Case> cases {
            { "agent outside: options", "GET", options, {}, carla, 403 },
            { "agent outside: options by external id", "GET", optionsBySystem, {}, carla, 403 },
            { "agent outside: disposition", "POST", u"/api/v1/disposition/"_s, qualify, carla, 403 },
            { "agent outside: new contact's disposition", "POST", u"/api/v1/new_contact/disposition/"_s, qualifyNew,
              carla, 403 },
            { "agent of another campaign: disposition", "POST", u"/api/v1/disposition/"_s,
              uR"({"idContact":{c3},"idDispositionOption":{otra}})"_s, beto, 403 },
            { "other system: options", "GET", options, {}, s2, 403 },
            { "other system: options by external id", "GET", optionsBySystem, {}, s2, 403 },
            { "other system: disposition", "POST", u"/api/v1/disposition/"_s,
              uR"({"idContact":{c1},"idDispositionOption":{venta},"idAgent":"{ana}"})"_s, s2, 403 },
            { "own system, agent outside the campaign", "POST", u"/api/v1/disposition/"_s,
              uR"({"idContact":{c1},"idDispositionOption":{venta},"idAgent":"{carla}"})"_s, s1, 400 },
            { "agent inside: options", "GET", options, {}, beto, 200 },
            { "own system: options by external id", "GET", optionsBySystem, {}, s1, 200 },
            { "agent inside: disposition", "POST", u"/api/v1/disposition/"_s, qualify, ana, 201 },
        };
        for (const Case &c : cases) {
            const QString path = w.substitute(c.path);
            const test::RawHttpResponse r = c.body.isEmpty() ? f.send(c.method, path, {}, c.token)
                                                             : f.send(c.method, path, w.body(c.body), c.token);
            QVERIFY2(r.status == c.status,
                     qPrintable(
                         u"%1: %2 %3"_s.arg(QString::fromLatin1(c.name)).arg(r.status).arg(QString::fromUtf8(r.body))));
        }
        QCOMPARE(test::count(f.database(), u"dispositions"_s), 1);
        QCOMPARE(test::count(f.database(), u"contacts"_s), 3);
    }
};

QTEST_GUILESS_MAIN(TestRoutes)
#include "tst_routes.moc"
