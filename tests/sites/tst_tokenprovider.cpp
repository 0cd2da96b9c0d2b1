#include <core/model/messagecatalog.h>
#include <core/sites/siteauthenticationrepository.h>
#include <core/sites/tokenprovider.h>
#include <tests/sites/support/deliverycrmserver.h>
#include <tests/sites/support/deliveryfixtures.h>
#include <tests/support/fakeclock.h>
#include <tests/support/scratchdatabase.h>

#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;
using Crm = enlace::test::DeliveryCrmServer;

namespace {

SiteAuthentication authFor(const QUrl &url, int duration = 300, const QString &durationField = {})
{
    SiteAuthentication a;
    a.name = u"auth"_s;
    a.url = url.toString();
    a.username = u"enlace-user"_s;
    a.password = u"pw-Secret-42"_s;
    a.tokenField = u"token"_s;
    a.duration = duration;
    a.durationField = durationField;
    return a;
}

struct Got
{
    int calls = 0;
    std::optional<Result<QString>> last;
};

TokenProvider::TokenCallback recorder(Got &got)
{
    return [&got](Result<QString> r) {
        ++got.calls;
        got.last = r;
    };
}

}   // namespace

class TestTokenProvider final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void token_noCache_postsCredentialsAndCachesSealedToken_data() { test::addBackendRows(); }
    void token_noCache_postsCredentialsAndCachesSealedToken()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        crm.script(u"/token"_s, { Crm::json(200, R"({"token":"abc-123","other":1})") });
        const SecretBox box = test::deliveryTestBox();
        SiteAuthenticationRepository repo(scratch.db(), box);
        const qint64 id = repo.create(authFor(crm.url(u"/token"_s), 300)).value();
        test::FakeClock clock;
        QNetworkAccessManager nam;
        TokenProvider tokens(scratch.db(), box, &nam, clock);
        Got got;
        tokens.token(id, recorder(got));
        QTRY_COMPARE(got.calls, 1);
        QVERIFY(got.last->ok());
        QCOMPARE(got.last->value(), u"abc-123"_s);

        const auto requests = crm.received(u"/token"_s);
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.at(0).method, QByteArray("POST"));
        QVERIFY(requests.at(0).header("Content-Type").startsWith("application/json"));
        const QJsonObject body = QJsonDocument::fromJson(requests.at(0).body).object();
        QCOMPARE(body.value(u"username"_s).toString(), u"enlace-user"_s);
        QCOMPARE(body.value(u"password"_s).toString(), u"pw-Secret-42"_s);

        auto cached = repo.cachedToken(id).value();
        QVERIFY(cached.has_value());
        QCOMPARE(cached->token, u"abc-123"_s);
        QCOMPARE(cached->expiresAtMs, clock.nowMs() + 300'000);
        QVERIFY(
            !scratch.db()->scalar(u"SELECT token_enc FROM site_authentications"_s)->toByteArray().contains("abc-123"));
    }

    void token_cachedAndUnexpired_isReusedWithoutRequest_thenRefreshedAfterExpiry_data() { test::addBackendRows(); }
    void token_cachedAndUnexpired_isReusedWithoutRequest_thenRefreshedAfterExpiry()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        crm.script(u"/token"_s, { Crm::json(200, R"({"token":"first"})"), Crm::json(200, R"({"token":"second"})") });
        const SecretBox box = test::deliveryTestBox();
        SiteAuthenticationRepository repo(scratch.db(), box);
        const qint64 id = repo.create(authFor(crm.url(u"/token"_s), 60)).value();
        test::FakeClock clock;
        QNetworkAccessManager nam;
        TokenProvider tokens(scratch.db(), box, &nam, clock);
        Got a;
        tokens.token(id, recorder(a));
        QTRY_COMPARE(a.calls, 1);
        QCOMPARE(a.last->value(), u"first"_s);

        clock.advance(59'999);
        Got b;
        tokens.token(id, recorder(b));
        QCOMPARE(b.calls, 1);   // answered from the cache, at once
        QCOMPARE(b.last->value(), u"first"_s);
        QCOMPARE(crm.count(u"/token"_s), 1);

        clock.advance(1);
        Got c;
        tokens.token(id, recorder(c));
        QTRY_COMPARE(c.calls, 1);
        QCOMPARE(c.last->value(), u"second"_s);
        QCOMPARE(crm.count(u"/token"_s), 2);
    }

    void token_isSharedByAnotherServerInstance_data() { test::addBackendRows(); }
    void token_isSharedByAnotherServerInstance()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        crm.script(u"/token"_s, { Crm::json(200, R"({"token":"shared"})") });
        const SecretBox box = test::deliveryTestBox();
        const qint64 id
            = SiteAuthenticationRepository(scratch.db(), box).create(authFor(crm.url(u"/token"_s), 600)).value();
        test::FakeClock clock;
        QNetworkAccessManager nam;
        TokenProvider first(scratch.db(), box, &nam, clock);
        Got a;
        first.token(id, recorder(a));
        QTRY_COMPARE(a.calls, 1);

        auto otherDb = Database::open(scratch.url());
        QVERIFY(otherDb.ok());
        TokenProvider second(otherDb.value(), box, &nam, clock);
        Got b;
        second.token(id, recorder(b));
        QCOMPARE(b.calls, 1);
        QCOMPARE(b.last->value(), u"shared"_s);
        QCOMPARE(crm.count(u"/token"_s), 1);
    }

    void token_lifetime_data()
    {
        test::addBackendColumn();
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<qint64>("lifetimeMs");
        const QList<std::tuple<const char *, QByteArray, qint64>> cases {
            { "text float truncated", R"({"token":"t","ttl":"120.7"})", 120'000 },
            { "number float truncated", R"({"token":"t","ttl":90.99})", 90'000 },
            { "integer", R"({"token":"t","ttl":3600})", 3'600'000 },
            { "unreadable text", R"({"token":"t","ttl":"soon"})", 1'000 },
            { "missing", R"({"token":"t"})", 1'000 },
            { "zero", R"({"token":"t","ttl":0})", 1'000 },
            { "negative", R"({"token":"t","ttl":-5})", 1'000 },
        };
        for (const auto &backend : { "sqlite", "postgresql" })
            for (const auto &[name, answer, ms] : cases)
                QTest::addRow("%s %s", name, backend) << QString::fromLatin1(backend) << answer << ms;
    }
    void token_lifetime()
    {
        QFETCH(QString, backend);
        QFETCH(QByteArray, answer);
        QFETCH(qint64, lifetimeMs);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        crm.script(u"/token"_s, { Crm::json(200, answer) });
        const SecretBox box = test::deliveryTestBox();
        SiteAuthenticationRepository repo(scratch.db(), box);
        const qint64 id = repo.create(authFor(crm.url(u"/token"_s), 0, u"ttl"_s)).value();
        test::FakeClock clock;
        QNetworkAccessManager nam;
        TokenProvider tokens(scratch.db(), box, &nam, clock);
        Got got;
        tokens.token(id, recorder(got));
        QTRY_COMPARE(got.calls, 1);
        QVERIFY(got.last->ok());
        QCOMPARE(repo.cachedToken(id).value()->expiresAtMs, clock.nowMs() + lifetimeMs);
    }

    void token_concurrentCallers_shareOneRefresh_data() { test::addBackendRows(); }
    void token_concurrentCallers_shareOneRefresh()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        crm.script(u"/token"_s, { Crm::json(200, R"({"token":"one"})"), Crm::json(200, R"({"token":"two"})") });
        const SecretBox box = test::deliveryTestBox();
        const qint64 id
            = SiteAuthenticationRepository(scratch.db(), box).create(authFor(crm.url(u"/token"_s), 60)).value();
        test::FakeClock clock;
        QNetworkAccessManager nam;
        TokenProvider tokens(scratch.db(), box, &nam, clock);
        std::vector<Got> got(5);
        for (auto &g : got)
            tokens.token(id, recorder(g));
        for (auto &g : got) {
            QTRY_COMPARE(g.calls, 1);
            QCOMPARE(g.last->value(), u"one"_s);
        }
        QCOMPARE(crm.count(u"/token"_s), 1);
    }

    void token_failures_carryOmniLeadsReasons_data()
    {
        test::addBackendColumn();
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("spanishPart");
        QTest::addColumn<QString>("englishPart");
        const QList<std::tuple<const char *, const char *, const char *, const char *>> cases {
            { "status401", "token.status", "Status Code invalido: 401", "invalid status code: 401" },
            { "html", "token.content_type", "Content-Type inválido", "invalid Content-Type" },
            { "noTokenField", "token.missing", "No se pudo obtener el token", "could not obtain the token" },
            { "notJsonBody", "token.missing", "No se pudo obtener el token", "could not obtain the token" },
            { "refused", "token.network", "Error al actualizar token", "Error updating the site authentication token" },
            { "slow", "token.network", "timeout", "timeout" },
        };
        for (const auto &backend : { "sqlite", "postgresql" })
            for (const auto &[kind, code, es, en] : cases)
                QTest::addRow("%s %s", kind, backend)
                    << QString::fromLatin1(backend) << QString::fromLatin1(kind) << QString::fromLatin1(code)
                    << QString::fromUtf8(es) << QString::fromUtf8(en);
    }
    void token_failures_carryOmniLeadsReasons()
    {
        QFETCH(QString, backend);
        QFETCH(QString, kind);
        QFETCH(QString, code);
        QFETCH(QString, spanishPart);
        QFETCH(QString, englishPart);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        QUrl url = crm.url(u"/token"_s);
        if (kind == u"status401"_s)
            crm.script(u"/token"_s, { Crm::status(401) });
        else if (kind == u"html"_s)
            crm.script(u"/token"_s, { Crm::Reply { 200, "<html>login</html>", "text/html", {}, false } });
        else if (kind == u"noTokenField"_s)
            crm.script(u"/token"_s, { Crm::json(200, R"({"access":"x"})") });
        else if (kind == u"notJsonBody"_s)
            crm.script(u"/token"_s, { Crm::json(200, "token=abc") });
        else if (kind == u"refused"_s)
            url = QUrl(u"http://127.0.0.1:%1/token"_s.arg(test::deliveryClosedPort()));
        else if (kind == u"slow"_s)
            crm.script(u"/token"_s, { Crm::hang() });
        const SecretBox box = test::deliveryTestBox();
        SiteAuthenticationRepository repo(scratch.db(), box);
        const qint64 id = repo.create(authFor(url, 60)).value();
        test::DeliveryLogCapture logs;
        test::FakeClock clock;
        QNetworkAccessManager nam;
        TokenProvider tokens(scratch.db(), box, &nam, clock);
        tokens.setTimeoutMs(300);
        Got got;
        tokens.token(id, recorder(got));
        QTRY_COMPARE(got.calls, 1);
        QVERIFY(!got.last->ok());
        const Error &e = got.last->error();
        QCOMPARE(e.code, code);
        QVERIFY2(e.text().contains(englishPart), qPrintable(e.text()));
        if (kind != u"slow"_s) {
            MessageCatalog catalog;
            const QString es = e.text(&catalog, u"es"_s);
            QVERIFY2(es.startsWith(u"Error al actualizar token de AutenticacionSitioExterno: "_s), qPrintable(es));
            QVERIFY2(es.contains(spanishPart), qPrintable(es));
        }
        QVERIFY(!e.text().contains(u"pw-Secret-42"_s));
        QVERIFY(!logs.contains(u"pw-Secret-42"_s));
        QVERIFY(!repo.cachedToken(id).value().has_value());
    }

    void invalidate_dropsTheCache_nextCallRefreshes_data() { test::addBackendRows(); }
    void invalidate_dropsTheCache_nextCallRefreshes()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        crm.script(u"/token"_s, { Crm::json(200, R"({"token":"old"})"), Crm::json(200, R"({"token":"new"})") });
        const SecretBox box = test::deliveryTestBox();
        const qint64 id
            = SiteAuthenticationRepository(scratch.db(), box).create(authFor(crm.url(u"/token"_s), 3600)).value();
        test::FakeClock clock;
        QNetworkAccessManager nam;
        TokenProvider tokens(scratch.db(), box, &nam, clock);
        Got a;
        tokens.token(id, recorder(a));
        QTRY_COMPARE(a.calls, 1);
        QCOMPARE(a.last->value(), u"old"_s);
        tokens.invalidate(id, u"old"_s);
        Got b;
        tokens.token(id, recorder(b));
        QTRY_COMPARE(b.calls, 1);
        QCOMPARE(b.last->value(), u"new"_s);
        QCOMPARE(crm.count(u"/token"_s), 2);
    }

    void token_tls_verifiedUnlessSslStrictIsFalse_data()
    {
        test::addBackendColumn();
        QTest::addColumn<bool>("sslStrict");
        for (const auto &backend : { "sqlite", "postgresql" }) {
            QTest::addRow("strict %s", backend) << QString::fromLatin1(backend) << true;
            QTest::addRow("not strict %s", backend) << QString::fromLatin1(backend) << false;
        }
    }
    void token_tls_verifiedUnlessSslStrictIsFalse()
    {
        QFETCH(QString, backend);
        QFETCH(bool, sslStrict);
        ENLACE_SCRATCH_DB(scratch, backend);
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
        if (openssl.isEmpty())
            QSKIP("openssl not installed");
        // A CRM with a self-signed certificate: only ssl_estricto = false may accept it.
        QTemporaryDir dir;
        QProcess gen;
        gen.start(openssl,
                  { u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s, u"1"_s, u"-subj"_s,
                    u"/CN=127.0.0.1"_s, u"-keyout"_s, dir.filePath(u"key.pem"_s), u"-out"_s,
                    dir.filePath(u"cert.pem"_s) });
        QVERIFY(gen.waitForFinished(60000));
        QCOMPARE(gen.exitCode(), 0);
        QFile certFile(dir.filePath(u"cert.pem"_s)), keyFile(dir.filePath(u"key.pem"_s));
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QHttpServer server;
        server.sslSetup(QSslCertificate(&certFile, QSsl::Pem), QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem));
        int served = 0;
        server.setMissingHandler([&served](const QHttpServerRequest &, QHttpServerResponder &&responder) {
            ++served;
            responder.write(QByteArray(R"({"token":"tls-token"})"), "application/json");
        });
        const quint16 port = server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);

        const SecretBox box = test::deliveryTestBox();
        SiteAuthentication a = authFor(QUrl(u"https://127.0.0.1:%1/token"_s.arg(port)), 60);
        a.sslStrict = sslStrict;
        const qint64 id = SiteAuthenticationRepository(scratch.db(), box).create(a).value();
        test::FakeClock clock;
        QNetworkAccessManager nam;
        TokenProvider tokens(scratch.db(), box, &nam, clock);
        QCOMPARE(tokens.sslStrict(id), sslStrict);
        Got got;
        tokens.token(id, recorder(got));
        QTRY_COMPARE_WITH_TIMEOUT(got.calls, 1, 15000);
        if (sslStrict) {
            QVERIFY(!got.last->ok());
            QCOMPARE(got.last->error().code, u"token.network"_s);
            QCOMPARE(served, 0);
        } else {
            QVERIFY2(got.last->ok(), qPrintable(got.last->ok() ? QString() : got.last->error().text()));
            QCOMPARE(got.last->value(), u"tls-token"_s);
            QCOMPARE(served, 1);
        }
    }

    void token_unknownAuthentication_isNotFound_data() { test::addBackendRows(); }
    void token_unknownAuthentication_isNotFound()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        QNetworkAccessManager nam;
        TokenProvider tokens(scratch.db(), test::deliveryTestBox(), &nam, clock);
        Got got;
        tokens.token(999, recorder(got));
        QTRY_COMPARE(got.calls, 1);
        QCOMPARE(got.last->error().kind, Error::Kind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestTokenProvider)
#include "tst_tokenprovider.moc"
