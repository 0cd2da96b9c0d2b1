#include <core/model/messagecatalog.h>
#include <core/sites/authenticationtester.h>
#include <tests/sites/support/deliverycrmserver.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;
using Crm = enlace::test::DeliveryCrmServer;

class TestAuthenticationTester final : public QObject
{
    Q_OBJECT

private:
    static SiteAuthentication auth(const QUrl &url)
    {
        SiteAuthentication a;
        a.name = u"auth"_s;
        a.url = url.toString();
        a.username = u"admin"_s;
        a.password = u"pw-test-77"_s;
        a.tokenField = u"token"_s;
        a.duration = 60;
        return a;
    }

private Q_SLOTS:
    void test_tokenInAnswer_succeeds()
    {
        Crm crm;
        QVERIFY(crm.listen());
        crm.script(u"/token"_s, { Crm::json(200, R"({"token":"abc"})") });
        QNetworkAccessManager nam;
        AuthenticationTester tester(&nam);
        std::optional<Result<void>> result;
        tester.test(auth(crm.url(u"/token"_s)), [&](Result<void> r) { result = r; });
        QVERIFY(!result.has_value());   // never answered from inside test()
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->ok());
        const auto req = crm.received(u"/token"_s);
        QCOMPARE(req.size(), 1);
        QCOMPARE(req.at(0).method, QByteArray("POST"));
        const QJsonObject body = QJsonDocument::fromJson(req.at(0).body).object();
        QCOMPARE(body.value(u"username"_s).toString(), u"admin"_s);
        QCOMPARE(body.value(u"password"_s).toString(), u"pw-test-77"_s);
        MessageCatalog catalog;
        QCOMPARE(AuthenticationTester::successMessage().text(&catalog, u"es"_s),
                 u"Autenticación Satisfactoria a CRM"_s);
    }

    void test_failures_namePreciseReason_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("spanish");
        QTest::newRow("html 200") << u"html"_s << u"auth_test.not_json"_s
                                  << u"La respuesta es esperada en formato JSON"_s;
        QTest::newRow("json without token field")
            << u"noField"_s << u"auth_test.no_token"_s << u"La respuesta no contiene información en el campo_token"_s;
        QTest::newRow("empty token") << u"emptyToken"_s << u"auth_test.no_token"_s
                                     << u"La respuesta no contiene información en el campo_token"_s;
        QTest::newRow("401") << u"401"_s << u"auth_test.status"_s << u"Estado HTTP 401"_s;
        QTest::newRow("500") << u"500"_s << u"auth_test.status"_s << u"Estado HTTP 500"_s;
        QTest::newRow("connection refused") << u"refused"_s << u"auth_test.network"_s << u"Error de red: "_s;
        QTest::newRow("no answer") << u"hang"_s << u"auth_test.timeout"_s << u"Sin respuesta en 0.3 segundos"_s;
        QTest::newRow("not a url") << u"badUrl"_s << u"auth_test.url"_s << u"Introduzca una URL válida."_s;
    }
    void test_failures_namePreciseReason()
    {
        QFETCH(QString, kind);
        QFETCH(QString, code);
        QFETCH(QString, spanish);
        Crm crm;
        QVERIFY(crm.listen());
        QUrl url = crm.url(u"/token"_s);
        if (kind == u"html"_s)
            crm.script(u"/token"_s, { Crm::Reply { 200, "<html>ok</html>", "text/html", {}, false } });
        else if (kind == u"noField"_s)
            crm.script(u"/token"_s, { Crm::json(200, R"({"access_token":"abc"})") });
        else if (kind == u"emptyToken"_s)
            crm.script(u"/token"_s, { Crm::json(200, R"({"token":""})") });
        else if (kind == u"401"_s)
            crm.script(u"/token"_s, { Crm::status(401) });
        else if (kind == u"500"_s)
            crm.script(u"/token"_s, { Crm::status(500) });
        else if (kind == u"refused"_s)
            url = QUrl(u"http://127.0.0.1:%1/token"_s.arg(test::deliveryClosedPort()));
        else if (kind == u"hang"_s)
            crm.script(u"/token"_s, { Crm::hang() });
        else if (kind == u"badUrl"_s)
            url = QUrl(u"ftp://example.com/"_s);
        QNetworkAccessManager nam;
        AuthenticationTester tester(&nam);
        tester.setTimeoutMs(300);
        std::optional<Result<void>> result;
        tester.test(auth(url), [&](Result<void> r) { result = r; });
        QTRY_VERIFY(result.has_value());
        QVERIFY(!result->ok());
        QCOMPARE(result->error().code, code);
        MessageCatalog catalog;
        const QString es = result->error().text(&catalog, u"es"_s);
        QVERIFY2(es.startsWith(spanish), qPrintable(es));
        QVERIFY(!es.contains(u"pw-test-77"_s));
        const QString shown = AuthenticationTester::failureMessage(es).text(&catalog, u"es"_s);
        QCOMPARE(shown, u"Autenticación Fallida a CRM: <"_s + es + u">"_s);
    }
};

QTEST_GUILESS_MAIN(TestAuthenticationTester)
#include "tst_authenticationtester.moc"
