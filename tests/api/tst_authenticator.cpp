#include <core/api/authenticator.h>
#include <core/api/loginthrottle.h>
#include <core/api/referencecache.h>
#include <core/api/tokenstore.h>
#include <core/client/apiclient.h>
#include <core/http/apirouter.h>
#include <core/http/httpserver.h>
#include <core/identity/agentrepository.h>
#include <core/identity/userrepository.h>
#include <core/model/messagecatalog.h>
#include <core/model/user.h>
#include <tests/support/fakeclock.h>
#include <tests/support/scratchdatabase.h>
#include <tests/support/server/rawhttpclient.h>

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <memory>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;
using namespace enlace;
using enlace::test::RawHttpClient;
using enlace::test::RawHttpResponse;

namespace {

// Router + Authenticator + HttpServer on a random port, plus routes that show who called.
struct AuthServer
{
    AuthServer(std::shared_ptr<Database> db, const Clock &clock, const MessageCatalog &catalog,
               AuthenticatorSettings settings)
        : auth(db, clock, &catalog, settings)
        , server(&router, &catalog)
    {
        router.setCatalog(&catalog);
        router.setCallerResolver([this](const ApiRequest &r) { return auth.resolve(r); });
        auth.registerRoutes(router);
        const auto who = [](const ApiRequest &r, ApiResponder respond) {
            QJsonObject o { { u"user_id"_s, r.caller->userId },
                            { u"username"_s, r.caller->username },
                            { u"integration"_s, r.caller->isIntegration() } };
            if (r.caller->agentId)
                o.insert(u"agent_id"_s, *r.caller->agentId);
            if (r.caller->integrationSystemId)
                o.insert(u"system_id"_s, *r.caller->integrationSystemId);
            respond(ApiResponse::json(o));
        };
        router.add("GET", u"/whoami"_s, Access::Authenticated, who);
        router.add("GET", u"/admin-only"_s, Access::Admin, who);
        router.add("GET", u"/agent-or-integration"_s, Access::AgentOrIntegration, who);
        router.add("GET", u"/ping"_s, Access::Public, [](const ApiRequest &, ApiResponder respond) {
            respond(ApiResponse::json(QJsonObject { { u"pong"_s, true } }));
        });
        ok = server.listen(QHostAddress::LocalHost, 0).ok();
    }
    QUrl base() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(server.port())); }

    ApiRouter router;
    Authenticator auth;
    HttpServer server;
    bool ok = false;
};

// The authentication server's HTTP as the tests read it: each request as bytes on a connection of
// its own (RawHttpClient: status, headers and body as sent); logins for a token through the real
// ApiClient.
class Http final
{
public:
    explicit Http(QUrl base)
        : m_base(std::move(base))
    { }
    QUrl url(const QString &path) const { return m_base.resolved(QUrl(path)); }
    RawHttpResponse call(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                         const QByteArray &contentType = "application/json", const QString &token = {},
                         const QList<QPair<QByteArray, QByteArray>> &headers = {}) const
    {
        QList<QPair<QByteArray, QByteArray>> all;
        if (!contentType.isEmpty() && (!body.isEmpty() || method == "POST" || method == "PUT"))
            all.append({ "Content-Type", contentType });
        if (!token.isEmpty())
            all.append({ "Authorization", "Bearer " + token.toLatin1() });
        all.append(headers);
        return RawHttpClient::exchange(quint16(m_base.port()),
                                       RawHttpClient::request(method, pathAndQuery.toUtf8(), body, all));
    }
    RawHttpResponse get(const QString &path, const QString &token = {}) const
    {
        return call("GET", path, {}, {}, token);
    }
    RawHttpResponse post(const QString &path, const QJsonObject &body, const QString &token = {}) const
    {
        return call("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", token);
    }
    // POST /api/v1/login with ApiClient; the token or an empty string.
    QString login(const QString &username, const QString &password) const
    {
        QNetworkAccessManager nam;
        ApiClient client(&nam, m_base);
        std::optional<Result<LoginAnswer>> answer;
        client.login(username, password, [&](Result<LoginAnswer> r) { answer.emplace(std::move(r)); });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 20000) || !answer->ok())
            return {};
        return answer->value().token;
    }

private:
    QUrl m_base;
};

AuthenticatorSettings fastSettings()
{
    AuthenticatorSettings s;
    s.throttle.baseDelayMs = 1;
    s.throttle.maxDelayMs = 4;
    s.throttle.maxFailures = 3;
    return s;
}

qint64 makeUser(const std::shared_ptr<Database> &db, const QString &username, Role role, const QString &password)
{
    UserRepository users(db, PasswordHasher(1000));
    User u;
    u.username = username;
    u.firstName = u"Ana"_s;
    u.lastName = u"Pérez"_s;
    u.email = username + u"@example.com"_s;
    u.role = role;
    auto id = users.create(u, password);
    return id.ok() ? id.value() : 0;
}

}   // namespace

class TestAuthenticator final : public QObject
{
    Q_OBJECT

private:
    MessageCatalog m_catalog;

private Q_SLOTS:
    void login_agent_returnsOmniLeadsShapeWithAgentId_data() { test::addBackendRows(); }
    void login_agent_returnsOmniLeadsShapeWithAgentId()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        AuthServer s(scratch.db(), clock, m_catalog, fastSettings());
        QVERIFY(s.ok);
        AgentRepository agents(scratch.db(), PasswordHasher(1000));
        auto agent = agents.createAgentUser(u"agent1"_s, u"s3cret!"_s, u"Ana"_s, u"Pérez"_s, u"1001"_s);
        QVERIFY2(agent.ok(), qPrintable(agent.ok() ? QString() : agent.error().text()));
        Http c(s.base());
        RawHttpResponse r = c.post(u"/api/v1/login"_s,
                                   QJsonObject { { u"username"_s, u"agent1"_s }, { u"password"_s, u"s3cret!"_s } });
        QCOMPARE(r.status, 200);
        const QJsonObject user = r.json().value(u"user"_s).toObject();
        QCOMPARE(user.value(u"first_name"_s).toString(), u"Ana"_s);
        QCOMPARE(user.value(u"last_name"_s).toString(), u"Pérez"_s);
        QVERIFY(user.contains(u"email"_s));
        QCOMPARE(user.value(u"agent_id"_s).toInteger(), agent->id);
        QCOMPARE(r.json().value(u"expires_in"_s).toString(), u"32400.0"_s);
        const QString token = r.json().value(u"token"_s).toString();
        QCOMPARE(token.size(), 64);

        RawHttpResponse who = c.get(u"/whoami"_s, token);
        QCOMPARE(who.status, 200);
        QCOMPARE(who.json().value(u"username"_s).toString(), u"agent1"_s);
        QCOMPARE(who.json().value(u"agent_id"_s).toInteger(), agent->id);
    }

    void login_admin_hasNoAgentId_andFormBodyIsAccepted_data() { test::addBackendRows(); }
    void login_admin_hasNoAgentId_andFormBodyIsAccepted()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        AuthServer s(scratch.db(), clock, m_catalog, fastSettings());
        QVERIFY(s.ok);
        QVERIFY(makeUser(scratch.db(), u"boss"_s, Role::Admin, u"pa ss&="_s) > 0);
        Http c(s.base());
        RawHttpResponse r = c.call("POST", u"/api/v1/login"_s, "username=boss&password=pa+ss%26%3D",
                                   "application/x-www-form-urlencoded");
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json().value(u"user"_s).toObject().contains(u"agent_id"_s));
        QVERIFY(!r.json().value(u"token"_s).toString().isEmpty());
    }

    // A form body of 100,000 fields (under the body limit) is refused whole, at once (its parse
    // once took minutes, holding every other client); a form within Django's 1,000 fields is read.
    void login_formWithTooManyFields_isRefusedWholeAtOnce_data() { test::addBackendRows(); }
    void login_formWithTooManyFields_isRefusedWholeAtOnce()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        AuthServer s(scratch.db(), clock, m_catalog, fastSettings());
        QVERIFY(s.ok);
        QVERIFY(makeUser(scratch.db(), u"boss"_s, Role::Admin, u"right"_s) > 0);
        Http c(s.base());
        QByteArray hostile = "username=boss&password=right";
        for (int i = 0; i < 100000; ++i)
            hostile += "&k" + QByteArray::number(i) + "=1";
        QVERIFY(hostile.size() < 1024 * 1024);
        QNetworkAccessManager nam;
        QNetworkRequest request(c.url(u"/api/v1/login"_s));
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
        request.setRawHeader("Accept-Language", "es");
        QNetworkReply *big = nam.post(request, hostile);
        QNetworkReply *ping = nam.get(QNetworkRequest(c.url(u"/ping"_s)));
        QTRY_VERIFY(big->isFinished() && ping->isFinished());
        QCOMPARE(ping->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(big->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
        const QByteArray answer = big->readAll();
        QVERIFY2(answer.contains("El formulario tiene m\xc3\xa1s de 1000 campos."), answer.constData());
        big->deleteLater();
        ping->deleteLater();
        QCOMPARE(scratch.db()->scalar(u"SELECT COUNT(*) FROM api_tokens"_s)->toInt(), 0);

        QByteArray within = "username=boss&password=right";
        for (int i = 0; i < 998; ++i)
            within += "&k" + QByteArray::number(i) + "=1";
        RawHttpResponse r = c.call("POST", u"/api/v1/login"_s, within, "application/x-www-form-urlencoded");
        QVERIFY2(r.status == 200, r.body.constData());
        // A repeated field is a list (and a list is not a valid username).
        r = c.call("POST", u"/api/v1/login"_s, "username=boss&username=eve&password=right",
                   "application/x-www-form-urlencoded");
        QCOMPARE(r.status, 400);
    }

    void login_missingFields_is400_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QStringList>("fields");
        QTest::newRow("empty object") << QByteArray("{}") << QStringList { u"username"_s, u"password"_s };
        QTest::newRow("no password") << QByteArray("{\"username\":\"boss\"}") << QStringList { u"password"_s };
        QTest::newRow("empty username") << QByteArray("{\"username\":\"\",\"password\":\"x\"}")
                                        << QStringList { u"username"_s };
        QTest::newRow("number as username")
            << QByteArray("{\"username\":5,\"password\":\"x\"}") << QStringList { u"username"_s };
    }
    void login_missingFields_is400()
    {
        QFETCH(QByteArray, body);
        QFETCH(QStringList, fields);
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        test::FakeClock clock;
        AuthServer s(scratch.db(), clock, m_catalog, fastSettings());
        QVERIFY(s.ok);
        Http c(s.base());
        RawHttpResponse r = c.call("POST", u"/api/v1/login"_s, body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(u"status"_s).toString(), u"ERROR"_s);
        QStringList got = r.json().value(u"errors"_s).toObject().keys();
        got.sort();
        QStringList expected = fields;
        expected.sort();
        QCOMPARE(got, expected);
        for (const QString &f : fields)
            QVERIFY(r.json().value(f).isArray());   // Django REST framework's shape too
    }

    void login_badCredentials_is404WithDetail_data()
    {
        test::addBackendColumn();
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("deactivate");
        for (const QString &b : { u"sqlite"_s, u"postgresql"_s }) {
            QTest::newRow(qPrintable(b + u" wrong password"_s)) << b << u"boss"_s << u"nope"_s << false;
            QTest::newRow(qPrintable(b + u" unknown user"_s)) << b << u"ghost"_s << u"right"_s << false;
            QTest::newRow(qPrintable(b + u" inactive"_s)) << b << u"boss"_s << u"right"_s << true;
        }
    }
    void login_badCredentials_is404WithDetail()
    {
        QFETCH(QString, backend);
        QFETCH(QString, username);
        QFETCH(QString, password);
        QFETCH(bool, deactivate);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        AuthServer s(scratch.db(), clock, m_catalog, fastSettings());
        QVERIFY(s.ok);
        const qint64 id = makeUser(scratch.db(), u"boss"_s, Role::Admin, u"right"_s);
        if (deactivate)
            QVERIFY(UserRepository(scratch.db()).setActive(id, false).ok());
        Http c(s.base());
        RawHttpResponse r
            = c.call("POST", u"/api/v1/login"_s,
                     QJsonDocument(QJsonObject { { u"username"_s, username }, { u"password"_s, password } }).toJson(),
                     "application/json", {}, { { "Accept-Language", "en" } });
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json().value(u"detail"_s).toString(), u"Invalid Credentials or activate account"_s);
        QVERIFY(!r.json().contains(u"token"_s));
    }

    void token_isStoredOnlyAsItsHash_data() { test::addBackendRows(); }
    void token_isStoredOnlyAsItsHash()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        AuthServer s(scratch.db(), clock, m_catalog, fastSettings());
        QVERIFY(s.ok);
        makeUser(scratch.db(), u"boss"_s, Role::Admin, u"right"_s);
        Http c(s.base());
        const QString token = c.login(u"boss"_s, u"right"_s);
        QVERIFY(!token.isEmpty());
        auto q = scratch.db()->exec(u"SELECT * FROM api_tokens"_s);
        QVERIFY(q.ok());
        int rows = 0;
        while (q->next()) {
            ++rows;
            for (int i = 0; i < q->record().count(); ++i)
                QVERIFY2(!q->value(i).toString().contains(token), "the plain token is in api_tokens");
            QCOMPARE(q->value(u"token_hash"_s).toString(),
                     QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex()));
        }
        QCOMPARE(rows, 1);
    }

    void credentials_missingOrWrong_are401WithChallenge_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<QString>("message");
        QTest::newRow("none") << QByteArray() << u"Authentication credentials were not provided."_s;
        QTest::newRow("unknown token") << QByteArray("Bearer 0123456789abcdef") << u"Invalid Token"_s;
        QTest::newRow("other scheme") << QByteArray("Basic Ym9zczpyaWdodA==") << u"Invalid Token"_s;
    }
    void credentials_missingOrWrong_are401WithChallenge()
    {
        QFETCH(QByteArray, authorization);
        QFETCH(QString, message);
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        test::FakeClock clock;
        AuthServer s(scratch.db(), clock, m_catalog, fastSettings());
        QVERIFY(s.ok);
        Http c(s.base());
        QList<QPair<QByteArray, QByteArray>> headers { { "Accept-Language", "en" } };
        if (!authorization.isEmpty())
            headers.append({ "Authorization", authorization });
        RawHttpResponse r = c.call("GET", u"/whoami"_s, {}, {}, {}, headers);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.headers.value("www-authenticate"), "Bearer");
        QCOMPARE(r.json().value(u"status"_s).toString(), u"ERROR"_s);
        QCOMPARE(r.json().value(u"detail"_s).toString(), message);
    }

    void token_expiresAfterItsLifetime_data() { test::addBackendRows(); }
    void token_expiresAfterItsLifetime()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        AuthenticatorSettings settings = fastSettings();
        settings.tokenLifetimeMs = 360'000;   // OMniLeads' develop setting
        AuthServer s(scratch.db(), clock, m_catalog, settings);
        QVERIFY(s.ok);
        makeUser(scratch.db(), u"boss"_s, Role::Admin, u"right"_s);
        Http c(s.base());
        RawHttpResponse login
            = c.post(u"/api/v1/login"_s, QJsonObject { { u"username"_s, u"boss"_s }, { u"password"_s, u"right"_s } });
        QCOMPARE(login.json().value(u"expires_in"_s).toString(), u"360.0"_s);
        const QString token = login.json().value(u"token"_s).toString();
        clock.advance(359'999);
        QCOMPARE(c.get(u"/whoami"_s, token).status, 200);
        clock.advance(1);
        RawHttpResponse r = c.call("GET", u"/whoami"_s, {}, {}, token, { { "Accept-Language", "en" } });
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value(u"detail"_s).toString(), u"The Token is expired"_s);
        QCOMPARE(scratch.db()->scalar(u"SELECT COUNT(*) FROM api_tokens"_s)->toInt(), 0);
        // A new login gives a new, working token.
        const QString fresh = c.login(u"boss"_s, u"right"_s);
        QVERIFY(!fresh.isEmpty() && fresh != token);
        QCOMPARE(c.get(u"/whoami"_s, fresh).status, 200);
    }

    void validCallerWithoutRole_is403()
    {
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        test::FakeClock clock;
        AuthServer s(scratch.db(), clock, m_catalog, fastSettings());
        QVERIFY(s.ok);
        AgentRepository agents(scratch.db(), PasswordHasher(1000));
        QVERIFY(agents.createAgentUser(u"agent1"_s, u"pw"_s, u"A"_s, u"B"_s, u"1001"_s).ok());
        makeUser(scratch.db(), u"sup"_s, Role::Supervisor, u"pw"_s);
        Http c(s.base());
        const QString agentToken = c.login(u"agent1"_s, u"pw"_s);
        const QString supervisorToken = c.login(u"sup"_s, u"pw"_s);
        QCOMPARE(c.get(u"/admin-only"_s, agentToken).status, 403);
        QCOMPARE(c.get(u"/admin-only"_s, supervisorToken).status, 200);
        QCOMPARE(c.get(u"/agent-or-integration"_s, agentToken).status, 200);
        RawHttpResponse r = c.get(u"/agent-or-integration"_s, supervisorToken);
        QCOMPARE(r.status, 403);
        QVERIFY(r.headers.value("www-authenticate").isEmpty());
    }

    void inactiveUser_tokenStopsWorking()
    {
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        test::FakeClock clock;
        AuthServer s(scratch.db(), clock, m_catalog, fastSettings());
        QVERIFY(s.ok);
        const qint64 id = makeUser(scratch.db(), u"boss"_s, Role::Admin, u"right"_s);
        Http c(s.base());
        const QString token = c.login(u"boss"_s, u"right"_s);
        QCOMPARE(c.get(u"/whoami"_s, token).status, 200);
        QVERIFY(UserRepository(scratch.db()).setActive(id, false).ok());
        RawHttpResponse r = c.call("GET", u"/whoami"_s, {}, {}, token, { { "Accept-Language", "en" } });
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value(u"detail"_s).toString(), u"User is not active"_s);
    }

    void integrationKey_resolvesToTheExternalSystem_data() { test::addBackendRows(); }
    void integrationKey_resolvesToTheExternalSystem()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        AuthServer s(scratch.db(), clock, m_catalog, fastSettings());
        QVERIFY(s.ok);
        const QString key = u"integration-key-of-the-crm"_s;
        auto system = scratch.db()->insert(u"INSERT INTO external_systems (name, integration_key_hash) VALUES (?, ?)"_s,
                                           { u"CRM"_s, TokenStore::hash(key) });
        QVERIFY(system.ok());
        Http c(s.base());
        RawHttpResponse viaHeader
            = c.call("GET", u"/agent-or-integration"_s, {}, {}, {}, { { "X-Enlace-Integration-Key", key.toLatin1() } });
        QCOMPARE(viaHeader.status, 200);
        QCOMPARE(viaHeader.json().value(u"system_id"_s).toInteger(), system.value());
        QCOMPARE(viaHeader.json().value(u"integration"_s).toBool(), true);
        RawHttpResponse viaBearer = c.get(u"/agent-or-integration"_s, key);
        QCOMPARE(viaBearer.status, 200);
        QCOMPARE(viaBearer.json().value(u"system_id"_s).toInteger(), system.value());
        QCOMPARE(c.get(u"/admin-only"_s, key).status, 403);
        QCOMPARE(c.call("GET", u"/whoami"_s, {}, {}, {}, { { "X-Enlace-Integration-Key", "wrong" } }).status, 401);
    }

    // With the reference cache (as the server runs it) a key that is replaced, by this process or
    // by another connection, stops working on the next request, and the new one works at once.
    void integrationKey_fromTheCache_followsARotationAtOnce_data() { test::addBackendRows(); }
    void integrationKey_fromTheCache_followsARotationAtOnce()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        AuthServer s(scratch.db(), clock, m_catalog, fastSettings());
        QVERIFY(s.ok);
        ReferenceCache cache(scratch.db());
        s.auth.setReferenceCache(&cache);
        const QString oldKey = u"first-key-of-the-crm"_s;
        auto system = scratch.db()->insert(u"INSERT INTO external_systems (name, integration_key_hash) VALUES (?, ?)"_s,
                                           { u"CRM"_s, TokenStore::hash(oldKey) });
        QVERIFY(system.ok());
        Http c(s.base());
        QCOMPARE(c.get(u"/agent-or-integration"_s, oldKey).status, 200);
        QCOMPARE(c.get(u"/agent-or-integration"_s, oldKey).status, 200);
        QVERIFY(cache.size() > 0);   // held in memory now

        auto other = Database::open(scratch.url());
        QVERIFY(other.ok());
        const QString newKey = u"second-key-of-the-crm"_s;
        QVERIFY(other.value()
                    ->exec(u"UPDATE external_systems SET integration_key_hash = ? WHERE id = ?"_s,
                           { TokenStore::hash(newKey), system.value() })
                    .ok());
        QCOMPARE(c.get(u"/agent-or-integration"_s, oldKey).status, 401);
        RawHttpResponse withNew = c.get(u"/agent-or-integration"_s, newKey);
        QCOMPARE(withNew.status, 200);
        QCOMPARE(withNew.json().value(u"system_id"_s).toInteger(), system.value());
    }

    void bruteForce_isThrottledThenBlockedWith429_data() { test::addBackendRows(); }
    void bruteForce_isThrottledThenBlockedWith429()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        AuthServer s(scratch.db(), clock, m_catalog, fastSettings());
        QVERIFY(s.ok);
        makeUser(scratch.db(), u"boss"_s, Role::Admin, u"right"_s);
        Http c(s.base());
        const QJsonObject wrong { { u"username"_s, u"boss"_s }, { u"password"_s, u"guess"_s } };
        for (int i = 0; i < 3; ++i)
            QCOMPARE(c.post(u"/api/v1/login"_s, wrong).status, 404);
        QCOMPARE(scratch.db()
                     ->scalar(u"SELECT attempts FROM login_attempts WHERE scope = ?"_s,
                              { LoginThrottle::pairScope(u"boss"_s, u"127.0.0.1"_s) })
                     ->toInt(),
                 3);
        // Blocked: even the right password is not checked.
        RawHttpResponse blocked
            = c.post(u"/api/v1/login"_s, QJsonObject { { u"username"_s, u"boss"_s }, { u"password"_s, u"right"_s } });
        QCOMPARE(blocked.status, 429);
        QVERIFY(blocked.headers.value("retry-after").toInt() > 0);
        QVERIFY(!blocked.json().contains(u"token"_s));

        // A second server instance on the same store sees the same count.
        AuthServer other(scratch.db(), clock, m_catalog, fastSettings());
        QVERIFY(other.ok);
        Http c2(other.base());
        QCOMPARE(
            c2.post(u"/api/v1/login"_s, QJsonObject { { u"username"_s, u"boss"_s }, { u"password"_s, u"right"_s } })
                .status,
            429);

        // Other usernames are not affected; after the window the right password works again.
        clock.advance(fastSettings().throttle.windowMs);
        RawHttpResponse ok
            = c.post(u"/api/v1/login"_s, QJsonObject { { u"username"_s, u"boss"_s }, { u"password"_s, u"right"_s } });
        QCOMPARE(ok.status, 200);
        QCOMPARE(
            scratch.db()
                ->scalar(u"SELECT COUNT(*) FROM login_attempts WHERE scope IN (?, ?)"_s,
                         { LoginThrottle::pairScope(u"boss"_s, u"127.0.0.1"_s), LoginThrottle::userScope(u"boss"_s) })
                ->toInt(),
            0);
    }

    // The probe sent 200 guesses at once: all were checked (the right one got in), because each
    // was counted only once its password had been checked. Attempts are counted as they arrive,
    // atomically in the store, so two instances on one database admit no more between them.
    void concurrentGuesses_areCountedBeforeAnyIsChecked_data() { test::addBackendRows(); }
    void concurrentGuesses_areCountedBeforeAnyIsChecked()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        AuthServer one(scratch.db(), clock, m_catalog, fastSettings());
        AuthServer two(scratch.db(), clock, m_catalog, fastSettings());
        QVERIFY(one.ok && two.ok);
        makeUser(scratch.db(), u"boss"_s, Role::Admin, u"right"_s);
        constexpr int kGuesses = 200;
        constexpr int kRight = 150;   // the attacker's right guess, late in the burst
        std::vector<std::unique_ptr<test::RawHttpClient>> clients;
        for (int i = 0; i < kGuesses; ++i) {
            clients.push_back(std::make_unique<test::RawHttpClient>());
            QVERIFY(clients.back()->connectTo(i % 2 ? two.server.port() : one.server.port()));
        }
        for (int i = 0; i < kGuesses; ++i) {
            const QByteArray password = i == kRight ? QByteArray("right") : QByteArray("guess" + QByteArray::number(i));
            clients[i]->send(test::RawHttpClient::request("POST", "/api/v1/login",
                                                          R"({"username":"boss","password":")" + password + R"("})",
                                                          { { "Content-Type", "application/json" } }));
        }
        int checked = 0;
        int throttled = 0;
        for (int i = 0; i < kGuesses; ++i) {
            const test::RawHttpResponse r = clients[i]->read(20'000);
            QVERIFY2(r.status == 404 || r.status == 429, qPrintable(u"guess %1 answered %2"_s.arg(i).arg(r.status)));
            QVERIFY2(!r.json().contains(u"token"_s), "a guess in the burst got a token");
            (r.status == 404 ? checked : throttled) += 1;
        }
        QCOMPARE(checked, fastSettings().throttle.maxFailures);
        QCOMPARE(throttled, kGuesses - fastSettings().throttle.maxFailures);
    }

    // The probe locked the administrator out for 900 s with 10 wrong passwords from anywhere.
    // The block is per username and client address: the owner, from a client that has not been
    // failing, still gets in. Behind a trusted proxy the address is the X-Forwarded-For client.
    void lockOut_holdsOnlyTheFailingClient_data() { test::addBackendRows(); }
    void lockOut_holdsOnlyTheFailingClient()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        AuthServer s(scratch.db(), clock, m_catalog, fastSettings());
        QVERIFY(s.ok);
        HttpServerLimits limits;
        limits.trustedProxies = { QHostAddress::parseSubnet(u"127.0.0.1/32"_s) };
        s.server.setLimits(limits);
        makeUser(scratch.db(), u"boss"_s, Role::Admin, u"right"_s);
        Http c(s.base());
        const auto login = [&](const QByteArray &from, const QByteArray &password) {
            return c.call("POST", u"/api/v1/login"_s, R"({"username":"boss","password":")" + password + R"("})",
                          "application/json", {}, { { "X-Forwarded-For", from } });
        };
        for (int i = 0; i < fastSettings().throttle.maxFailures; ++i)
            QCOMPARE(login("203.0.113.7", "guess").status, 404);
        QCOMPARE(login("203.0.113.7", "right").status, 429);
        // The proxy's own hop after the client does not change who the client is.
        QCOMPARE(login("203.0.113.7, 127.0.0.1", "right").status, 429);

        const RawHttpResponse owner = login("198.51.100.2", "right");
        QCOMPARE(owner.status, 200);
        QVERIFY(!owner.json().value(u"token"_s).toString().isEmpty());
        // Still blocked where the guessing came from.
        QCOMPARE(login("203.0.113.7", "right").status, 429);
    }

    // X-Forwarded-For from a peer that is not a trusted proxy is the client's own word: ignored,
    // so an attacker cannot give each guess a fresh address.
    void forwardedFor_fromAnUntrustedPeer_isIgnored()
    {
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        test::FakeClock clock;
        AuthServer s(scratch.db(), clock, m_catalog, fastSettings());
        QVERIFY(s.ok);
        makeUser(scratch.db(), u"boss"_s, Role::Admin, u"right"_s);
        Http c(s.base());
        for (int i = 0; i < fastSettings().throttle.maxFailures; ++i)
            QCOMPARE(c.call("POST", u"/api/v1/login"_s, R"({"username":"boss","password":"guess"})", "application/json",
                            {}, { { "X-Forwarded-For", "10.9.0." + QByteArray::number(i) } })
                         .status,
                     404);
        QCOMPARE(c.call("POST", u"/api/v1/login"_s, R"({"username":"boss","password":"right"})", "application/json", {},
                        { { "X-Forwarded-For", "10.9.9.9" } })
                     .status,
                 429);
    }

    // Password spraying: one address trying many usernames is bounded as a whole; another
    // address is not affected, and a success from the address gives its attempt back.
    void spraying_fromOneAddress_isBoundedThere_data() { test::addBackendRows(); }
    void spraying_fromOneAddress_isBoundedThere()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        AuthenticatorSettings settings = fastSettings();
        settings.throttle.maxAddressFailures = 5;
        AuthServer s(scratch.db(), clock, m_catalog, settings);
        QVERIFY(s.ok);
        HttpServerLimits limits;
        limits.trustedProxies = { QHostAddress::parseSubnet(u"127.0.0.0/8"_s) };
        s.server.setLimits(limits);
        makeUser(scratch.db(), u"boss"_s, Role::Admin, u"right"_s);
        Http c(s.base());
        const auto login = [&](const QByteArray &from, const QByteArray &user, const QByteArray &password) {
            return c.call("POST", u"/api/v1/login"_s,
                          R"({"username":")" + user + R"(","password":")" + password + R"("})", "application/json", {},
                          { { "X-Forwarded-For", from } });
        };
        QCOMPARE(login("192.0.2.1", "boss", "right").status, 200);   // given back: does not count
        for (int i = 0; i < 5; ++i)
            QCOMPARE(login("192.0.2.1", "user" + QByteArray::number(i), "guess").status, 404);
        const RawHttpResponse blocked = login("192.0.2.1", "boss", "right");
        QCOMPARE(blocked.status, 429);
        QVERIFY(blocked.headers.value("retry-after").toInt() > 0);
        QCOMPARE(login("192.0.2.2", "boss", "right").status, 200);
        // The blocked attempt did not count against boss from 192.0.2.1: after the window it
        // gets in at once.
        clock.advance(settings.throttle.windowMs);
        QCOMPARE(login("192.0.2.1", "boss", "right").status, 200);
    }

    void throttleDelay_doesNotBlockOtherRequests()
    {
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        test::FakeClock clock;
        AuthenticatorSettings settings = fastSettings();
        settings.throttle.baseDelayMs = 400;
        settings.throttle.maxDelayMs = 400;
        AuthServer s(scratch.db(), clock, m_catalog, settings);
        QVERIFY(s.ok);
        makeUser(scratch.db(), u"boss"_s, Role::Admin, u"right"_s);
        Http c(s.base());
        QCOMPARE(c.post(u"/api/v1/login"_s, QJsonObject { { u"username"_s, u"boss"_s }, { u"password"_s, u"guess"_s } })
                     .status,
                 404);

        // The next login is delayed; a request sent after it is answered first.
        QNetworkAccessManager nam;
        QNetworkRequest loginRequest(c.url(u"/api/v1/login"_s));
        loginRequest.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        QList<QString> order;
        QNetworkReply *login = nam.post(loginRequest, "{\"username\":\"boss\",\"password\":\"right\"}");
        connect(login, &QNetworkReply::finished, this, [&] { order.append(u"login"_s); });
        // Its attempt is counted when it arrives, before its delay starts: then the next request.
        const auto attemptsOfBoss = [&] {
            const auto n = scratch.db()->scalar(u"SELECT attempts FROM login_attempts WHERE scope = ?"_s,
                                                { LoginThrottle::userScope(u"boss"_s) });
            return n.ok() ? n->toInt() : -1;
        };
        QTRY_COMPARE(attemptsOfBoss(), 2);
        QNetworkReply *ping = nam.get(QNetworkRequest(c.url(u"/ping"_s)));
        connect(ping, &QNetworkReply::finished, this, [&] { order.append(u"ping"_s); });
        QTRY_COMPARE(order.size(), 2);
        QCOMPARE(order, (QList<QString> { u"ping"_s, u"login"_s }));
        QCOMPARE(login->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        login->deleteLater();
        ping->deleteLater();
    }

    void logout_revokesTheToken()
    {
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        test::FakeClock clock;
        AuthServer s(scratch.db(), clock, m_catalog, fastSettings());
        QVERIFY(s.ok);
        makeUser(scratch.db(), u"boss"_s, Role::Admin, u"right"_s);
        Http c(s.base());
        const QString first = c.login(u"boss"_s, u"right"_s);
        const QString second = c.login(u"boss"_s, u"right"_s);
        QVERIFY(first != second);
        QCOMPARE(c.call("POST", u"/api/v1/logout"_s, {}, "application/json", first).status, 200);
        QCOMPARE(c.get(u"/whoami"_s, first).status, 401);
        QCOMPARE(c.get(u"/whoami"_s, second).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestAuthenticator)
#include "tst_authenticator.moc"
