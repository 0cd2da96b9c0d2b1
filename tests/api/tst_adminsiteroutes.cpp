#include <core/api/adminsiteroutes.h>
#include <tests/support/server/apiserver.h>
#include <tests/support/server/world.h>

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

// A CRM token endpoint answering what the test sets.
class TokenEndpoint final
{
public:
    TokenEndpoint()
    {
        m_server.route(u"/token"_s, [this](const QHttpServerRequest &request) {
            ++m_requests;
            m_lastBody = request.body();
            return QHttpServerResponse(m_contentType, m_body, m_status);
        });
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
    }
    QString url() const { return u"http://127.0.0.1:%1/token"_s.arg(m_port); }
    void answer(QHttpServerResponder::StatusCode status, const QByteArray &contentType, const QByteArray &body)
    {
        m_status = status;
        m_contentType = contentType;
        m_body = body;
    }
    int requests() const { return m_requests; }
    QByteArray lastBody() const { return m_lastBody; }

private:
    QHttpServer m_server;
    quint16 m_port = 0;
    QHttpServerResponder::StatusCode m_status = QHttpServerResponder::StatusCode::Ok;
    QByteArray m_contentType = "application/json";
    QByteArray m_body = R"({"token":"abc"})";
    int m_requests = 0;
    QByteArray m_lastBody;
};

QJsonObject site(const QString &name, int trigger, int method, const QJsonValue &format, const QJsonValue &target)
{
    return QJsonObject { { u"nombre"_s, name },
                         { u"url"_s, u"https://x.io/"_s },
                         { u"disparador"_s, trigger },
                         { u"metodo"_s, method },
                         { u"formato"_s, format },
                         { u"objetivo"_s, target },
                         { u"autenticacion"_s, QJsonValue::Null } };
}

QJsonObject auth(const QString &name, const QString &url)
{
    return QJsonObject { { u"nombre"_s, name },
                         { u"url"_s, url },
                         { u"username"_s, u"crm-user"_s },
                         { u"password"_s, u"crm-secret-pw"_s },
                         { u"campo_token"_s, u"token"_s },
                         { u"duracion"_s, 0 },
                         { u"campo_duracion"_s, u"ttl"_s },
                         { u"ssl_estricto"_s, true } };
}

}   // namespace

class TestAdminSiteRoutes final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Reference §7, items 1-11.
    void createSite_rules_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        const QJsonValue null = QJsonValue::Null;
        QJsonObject badUrl = site(u"B"_s, 2, 1, null, 1);
        badUrl.insert(u"url"_s, u"not a url"_s);
        QJsonObject longUrl = site(u"B"_s, 2, 1, null, 1);
        longUrl.insert(u"url"_s, QString(u"https://x.io/"_s + QString(240, u'a')));
        QJsonObject noTarget = site(u"B"_s, 2, 1, null, 1);
        noTarget.remove(u"objetivo"_s);
        QJsonObject badTrigger = site(u"B"_s, 9, 1, null, 1);
        QJsonObject wrongType = site(u"B"_s, 2, 1, null, 1);
        wrongType.insert(u"metodo"_s, u"GET"_s);
        const QList<std::tuple<const char *, QJsonObject, int, QString, QString>> rows {
            { "1 automatic get embedded", site(u"B"_s, 2, 1, null, 1), 200, {}, {} },
            { "2 get with format", site(u"B"_s, 2, 1, 4, 1), 400, u"formato"_s,
              u"If the method is GET, no format must be given"_s },
            { "3 post without format", site(u"B"_s, 2, 2, null, 1), 400, u"formato"_s,
              u"If the method is POST you must select a format"_s },
            { "4 server with target", site(u"B"_s, 3, 1, null, 1), 400, u"objetivo"_s,
              u"If the trigger is the server there can be no target."_s },
            { "5 agent post json no target", site(u"B"_s, 1, 2, 4, null), 400, u"objetivo"_s,
              u"You must give a valid target."_s },
            { "6 agent post json target", site(u"B"_s, 1, 2, 4, 1), 400, u"objetivo"_s,
              u"With JSON format there can be no target."_s },
            { "7 disposition post json server side", site(u"B"_s, 4, 2, 4, null), 200, {}, {} },
            { "8 disposition get no target", site(u"B"_s, 4, 1, null, null), 400, u"objetivo"_s,
              u"You must give a valid target."_s },
            { "9 name taken", site(u"A"_s, 2, 1, null, 1), 400, u"nombre"_s,
              u"An external site with this name already exists."_s },
            { "10 bad url", badUrl, 400, u"url"_s, u"Enter a valid URL."_s },
            { "10 url too long", longUrl, 400, u"url"_s, {} },
            { "11 target key missing", noTarget, 400, u"objetivo"_s, u"You must give a valid target."_s },
            { "trigger out of range", badTrigger, 400, u"disparador"_s, u"\"9\" is not a valid choice."_s },
            { "method of wrong type", wrongType, 400, u"metodo"_s, u"A valid integer is required."_s },
        };
        for (const auto &[name, body, status, field, message] : rows)
            for (const char *backend : { "sqlite", "postgresql" })
                QTest::addRow("%s %s", name, backend)
                    << QString::fromLatin1(backend) << body << status << field << message;
    }
    void createSite_rules()
    {
        QFETCH(QString, backend);
        QFETCH(QJsonObject, body);
        QFETCH(int, httpStatus);
        QFETCH(QString, field);
        QFETCH(QString, message);
        ENLACE_API_SERVER(f, backend);
        const QString admin = f.tokenFor(test::addUser(f.database(), f.clock(), u"admin"_s, Role::Admin));
        QCOMPARE(f.send("POST", u"/api/v1/external_sites/create/"_s,
                        site(u"A"_s, 3, 1, QJsonValue::Null, QJsonValue::Null), admin)
                     .status,
                 200);
        const auto r = f.send("POST", u"/api/v1/external_sites/create/"_s, body, admin);
        QVERIFY2(r.status == httpStatus, r.body.constData());
        if (httpStatus == 200) {
            QCOMPARE(r.json().value(u"status"_s).toString(), u"SUCCESS"_s);
            QCOMPARE(test::count(f.database(), u"external_sites"_s), 2);
            const auto detail
                = f.send("GET", u"/api/v1/external_sites/%1/"_s.arg(r.json().value(u"id"_s).toInteger()), {}, admin);
            const QJsonObject stored = detail.json().value(u"externalSiteDetail"_s).toObject();
            QCOMPARE(stored.value(u"disparador"_s).toInt(), body.value(u"disparador"_s).toInt());
            // A GET site is stored with format 1 (multipart), as OMniLeads.
            QCOMPARE(stored.value(u"formato"_s).toInt(),
                     body.value(u"formato"_s).isNull() ? 1 : body.value(u"formato"_s).toInt());
        } else {
            QCOMPARE(r.json().value(u"status"_s).toString(), u"ERROR"_s);
            const QJsonArray messages = r.json().value(u"errors"_s).toObject().value(field).toArray();
            QVERIFY2(!messages.isEmpty(), r.body.constData());
            if (!message.isEmpty())
                QCOMPARE(messages.first().toString(), message);
            QVERIFY(r.json().value(u"message"_s).toString().contains(field));
            QCOMPARE(test::count(f.database(), u"external_sites"_s), 1);
        }
    }

    // Reference §7 items 12-14, and unknown ids answer 404 (OMniLeads: 500).
    void sites_listDetailHideShowDelete_data() { test::addBackendRows(); }
    void sites_listDetailHideShowDelete()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const QString admin = f.tokenFor(test::addUser(f.database(), f.clock(), u"admin"_s, Role::Admin));
        const qint64 used
            = f.send("POST", u"/api/v1/external_sites/create/"_s, site(u"Usado"_s, 2, 1, QJsonValue::Null, 1), admin)
                  .json()
                  .value(u"id"_s)
                  .toInteger();
        const qint64 unused
            = f.send("POST", u"/api/v1/external_sites/create/"_s, site(u"Libre"_s, 2, 1, QJsonValue::Null, 2), admin)
                  .json()
                  .value(u"id"_s)
                  .toInteger();
        QVERIFY(used > 0 && unused > 0);
        QVERIFY(f.database()
                    ->exec(u"INSERT INTO campaigns (name, type, site_id, interaction_type) VALUES ('c', 3, ?, 2)"_s,
                           { used })
                    .ok());
        auto list = f.send("GET", u"/api/v1/external_sites/"_s, {}, admin);
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json().value(u"status"_s).toString(), u"SUCCESS"_s);
        QCOMPARE(list.json().value(u"externalSites"_s).toArray().size(), 2);
        const QJsonObject detail = f.send("GET", u"/api/v1/external_sites/%1/"_s.arg(used), {}, admin)
                                       .json()
                                       .value(u"externalSiteDetail"_s)
                                       .toObject();
        for (const QString &key : { u"id"_s, u"nombre"_s, u"url"_s, u"oculto"_s, u"disparador"_s, u"metodo"_s,
                                    u"formato"_s, u"objetivo"_s, u"autenticacion"_s })
            QVERIFY2(detail.contains(key), qPrintable(key));
        QCOMPARE(f.send("PUT", u"/api/v1/external_sites/%1/hide/"_s.arg(used), {}, admin).status, 200);
        QCOMPARE(f.send("GET", u"/api/v1/external_sites/%1/"_s.arg(used), {}, admin)
                     .json()
                     .value(u"externalSiteDetail"_s)
                     .toObject()
                     .value(u"oculto"_s),
                 QJsonValue(true));
        QCOMPARE(
            f.send("GET", u"/api/v1/external_sites/"_s, {}, admin).json().value(u"externalSites"_s).toArray().size(),
            2);
        QCOMPARE(f.send("PUT", u"/api/v1/external_sites/%1/show/"_s.arg(used), {}, admin).status, 200);
        QCOMPARE(f.send("GET", u"/api/v1/external_sites/%1/"_s.arg(used), {}, admin)
                     .json()
                     .value(u"externalSiteDetail"_s)
                     .toObject()
                     .value(u"oculto"_s),
                 QJsonValue(false));
        const auto refused = f.send("DELETE", u"/api/v1/external_sites/%1/delete/"_s.arg(used), {}, admin);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.json().value(u"message"_s).toString(),
                 u"External sites assigned to campaigns can not be deleted"_s);
        QCOMPARE(f.send("DELETE", u"/api/v1/external_sites/%1/delete/"_s.arg(unused), {}, admin).status, 200);
        QCOMPARE(f.send("GET", u"/api/v1/external_sites/%1/"_s.arg(unused), {}, admin).status, 404);
        QCOMPARE(f.send("PUT", u"/api/v1/external_sites/%1/update/"_s.arg(unused),
                        site(u"X"_s, 3, 1, QJsonValue::Null, QJsonValue::Null), admin)
                     .status,
                 404);
        QCOMPARE(f.send("PUT", u"/api/v1/external_sites/999999/hide/"_s, {}, admin).status, 404);
        QCOMPARE(f.send("DELETE", u"/api/v1/external_sites/999999/delete/"_s, {}, admin).status, 404);
        QCOMPARE(test::count(f.database(), u"external_sites"_s), 1);
        // Update to server / GET / no target (OMniLeads' test).
        const auto updated = f.send("PUT", u"/api/v1/external_sites/%1/update/"_s.arg(used),
                                    site(u"Usado"_s, 3, 1, QJsonValue::Null, QJsonValue::Null), admin);
        QCOMPARE(updated.status, 200);
        QCOMPARE(f.send("GET", u"/api/v1/external_sites/%1/"_s.arg(used), {}, admin)
                     .json()
                     .value(u"externalSiteDetail"_s)
                     .toObject()
                     .value(u"disparador"_s)
                     .toInt(),
                 3);
    }

    // Reference §7 item 19 and the admin roles of §1.8.
    void sites_access_data() { test::addBackendRows(); }
    void sites_access()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const Agent agent = test::addAgent(f.database(), f.clock(), u"ana"_s, u"1001"_s);
        QCOMPARE(f.send("GET", u"/api/v1/external_sites/"_s).status, 401);
        QCOMPARE(f.send("GET", u"/api/v1/external_sites/"_s, {}, f.tokenFor(agent.userId)).status, 403);
        QCOMPARE(f.send("POST", u"/api/v1/external_sites/create/"_s,
                        site(u"A"_s, 3, 1, QJsonValue::Null, QJsonValue::Null), f.tokenFor(agent.userId))
                     .status,
                 403);
        QCOMPARE(f.send("GET", u"/api/v1/external_site_authentications/"_s, {}, f.tokenFor(agent.userId)).status, 403);
        QCOMPARE(
            f.send("GET", u"/api/v1/external_sites/"_s, {}, f.integrationKeyFor(test::addSystem(f.database(), u"S"_s)))
                .status,
            403);
        for (const Role role : { Role::Admin, Role::Manager, Role::Supervisor })
            QCOMPARE(f.send("GET", u"/api/v1/external_sites/"_s, {},
                            f.tokenFor(test::addUser(f.database(), f.clock(), u"u%1"_s.arg(int(role)), role)))
                         .status,
                     200);
        QCOMPARE(f.send("GET", u"/api/v1/external_sites/"_s, {},
                        f.tokenFor(test::addUser(f.database(), f.clock(), u"ref"_s, Role::Referent)))
                     .status,
                 403);
        QCOMPARE(test::count(f.database(), u"external_sites"_s), 0);
    }

    // Reference §7 item 15; passwords are write-only.
    void authentications_crudWithoutEverReturningThePassword_data() { test::addBackendRows(); }
    void authentications_crudWithoutEverReturningThePassword()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const QString admin = f.tokenFor(test::addUser(f.database(), f.clock(), u"admin"_s, Role::Admin));
        auto created = f.send("POST", u"/api/v1/external_site_authentications/create/"_s,
                              auth(u"Auth"_s, u"https://crm.example/token"_s), admin);
        QCOMPARE(created.status, 200);
        const qint64 id = created.json().value(u"id"_s).toInteger();
        const qint64 unusedId = f.send("POST", u"/api/v1/external_site_authentications/create/"_s,
                                       auth(u"Otra"_s, u"https://crm.example/t2"_s), admin)
                                    .json()
                                    .value(u"id"_s)
                                    .toInteger();
        auto dup = f.send("POST", u"/api/v1/external_site_authentications/create/"_s,
                          auth(u"Auth"_s, u"https://crm.example/token"_s), admin);
        QCOMPARE(dup.status, 400);
        QVERIFY(dup.json().value(u"errors"_s).toObject().contains(u"nombre"_s));
        QJsonObject withSite = site(u"S"_s, 3, 1, QJsonValue::Null, QJsonValue::Null);
        withSite.insert(u"autenticacion"_s, id);
        QCOMPARE(f.send("POST", u"/api/v1/external_sites/create/"_s, withSite, admin).status, 200);
        const auto detail = f.send("GET", u"/api/v1/external_site_authentications/%1/"_s.arg(id), {}, admin);
        QCOMPARE(detail.status, 200);
        const QJsonObject a = detail.json().value(u"externalSiteAuthentication"_s).toObject();
        QCOMPARE(a.value(u"username"_s).toString(), u"crm-user"_s);
        QCOMPARE(a.value(u"campo_duracion"_s).toString(), u"ttl"_s);
        QVERIFY(!a.contains(u"password"_s));
        QVERIFY(!a.contains(u"token"_s));
        const auto list = f.send("GET", u"/api/v1/external_site_authentications/"_s, {}, admin);
        QCOMPARE(list.json().value(u"externalSiteAuthentications"_s).toArray().size(), 2);
        QVERIFY(!list.body.contains("crm-secret-pw"));
        // Update without password keeps it; ssl_estricto false is stored.
        QJsonObject change = auth(u"Auth"_s, u"https://crm.example/token2"_s);
        change.remove(u"password"_s);
        change.insert(u"ssl_estricto"_s, false);
        QCOMPARE(f.send("PUT", u"/api/v1/external_site_authentications/%1/update/"_s.arg(id), change, admin).status,
                 200);
        const QJsonObject after = f.send("GET", u"/api/v1/external_site_authentications/%1/"_s.arg(id), {}, admin)
                                      .json()
                                      .value(u"externalSiteAuthentication"_s)
                                      .toObject();
        QCOMPARE(after.value(u"ssl_estricto"_s), QJsonValue(false));
        QCOMPARE(after.value(u"url"_s).toString(), u"https://crm.example/token2"_s);
        const auto inUse = f.send("DELETE", u"/api/v1/external_site_authentications/%1/delete/"_s.arg(id), {}, admin);
        QCOMPARE(inUse.status, 400);
        QCOMPARE(inUse.json().value(u"message"_s).toString(),
                 u"Authentications assigned to external sites can not be deleted"_s);
        QCOMPARE(
            f.send("DELETE", u"/api/v1/external_site_authentications/%1/delete/"_s.arg(unusedId), {}, admin).status,
            200);
        QCOMPARE(f.send("GET", u"/api/v1/external_site_authentications/%1/"_s.arg(unusedId), {}, admin).status, 404);
        QCOMPARE(test::count(f.database(), u"site_authentications"_s), 1);
    }

    // Reference §7 items 16-18: the test endpoint against a real local token server.
    void authenticationTest_reportsOutcomeAndStoresNothing_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QString>("expected");
        const QList<std::tuple<const char *, QByteArray, QByteArray, int, QString>> rows {
            { "token", "application/json", R"({"token":"abc","ttl":60})", 200,
              u"Successful Authentication with CRM"_s },
            { "html", "text/html", "<html>hi</html>", 400, u"Answer must be in JSON format"_s },
            { "no token field", "application/json", R"({"other":"x"})", 400, u"campo_token"_s },
        };
        for (const auto &[name, type, body, status, expected] : rows)
            for (const char *backend : { "sqlite", "postgresql" })
                QTest::addRow("%s %s", name, backend)
                    << QString::fromLatin1(backend) << type << body << status << expected;
    }
    void authenticationTest_reportsOutcomeAndStoresNothing()
    {
        QFETCH(QString, backend);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, answer);
        QFETCH(int, httpStatus);
        QFETCH(QString, expected);
        ENLACE_API_SERVER(f, backend);
        TokenEndpoint endpoint;
        endpoint.answer(QHttpServerResponder::StatusCode::Ok, contentType, answer);
        const QString admin = f.tokenFor(test::addUser(f.database(), f.clock(), u"admin"_s, Role::Admin));
        QJsonObject body = auth(u"ignored"_s, endpoint.url());
        body.remove(u"nombre"_s);
        const auto r = f.send("POST", u"/api/v1/external_site_authentications/test/"_s, body, admin);
        QVERIFY2(r.status == httpStatus, r.body.constData());
        QVERIFY2(r.json().value(u"message"_s).toString().contains(expected), r.body.constData());
        QCOMPARE(endpoint.requests(), 1);
        QVERIFY(endpoint.lastBody().contains("crm-secret-pw"));
        QVERIFY(!r.body.contains("crm-secret-pw"));
        QCOMPARE(test::count(f.database(), u"site_authentications"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestAdminSiteRoutes)
#include "tst_adminsiteroutes.moc"
