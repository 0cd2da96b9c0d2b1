#include <core/requests/interaction.h>
#include <core/requests/requestbuilder.h>
#include <ui/web/crmrequestloader.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

class TestCrmRequestLoader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void get_keepsTheEncodedUrlAndHeaders()
    {
        HttpRequest r;
        r.method = "GET";
        r.url = QUrl::fromEncoded("https://crm.example/p%20q?a=1%2B2&b=%27&c=%C3%B1#f", QUrl::StrictMode);
        r.headers = { { "X-Enlace", "one" }, { "Authorization", "Bearer tok" } };
        const auto out = CrmRequestLoader::webEngineRequest(r);
        QVERIFY(out);
        QCOMPARE(out->method(), QWebEngineHttpRequest::Get);
        QCOMPARE(out->url().toEncoded(), QByteArray("https://crm.example/p%20q?a=1%2B2&b=%27&c=%C3%B1#f"));
        QCOMPARE(out->header("X-Enlace"), QByteArray("one"));
        QCOMPARE(out->header("Authorization"), QByteArray("Bearer tok"));
        QVERIFY(out->postData().isEmpty());
    }

    void post_carriesBodyAndContentTypeByteForByte_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("multipart") << int(SiteFormat::Multipart);
        QTest::newRow("urlencoded") << int(SiteFormat::FormUrlEncoded);
        QTest::newRow("text/plain") << int(SiteFormat::TextPlain);
        QTest::newRow("json") << int(SiteFormat::Json);
    }
    void post_carriesBodyAndContentTypeByteForByte()
    {
        QFETCH(int, format);
        Interaction i;
        i.siteId = 3;
        i.url = u"http://crm.example/in"_s;
        i.method = SiteMethod::Post;
        i.format = SiteFormat(format);
        i.parameters = { { u"name"_s, u"José \"O'Neil\" <b>&amp;\r\nש 😀"_s }, { u"x"_s, u"a=b&c"_s } };
        const HttpRequest r = RequestBuilder::build(i, "tok");
        const auto out = CrmRequestLoader::webEngineRequest(r);
        QVERIFY(out);
        QCOMPARE(out->method(), QWebEngineHttpRequest::Post);
        QCOMPARE(out->postData(), r.body);
        QCOMPARE(out->header("Content-Type"), r.header("Content-Type"));
        QCOMPARE(out->header("Authorization"), QByteArray("Bearer tok"));
    }

    void postWithoutContentType_getsOne()
    {
        HttpRequest r;
        r.method = "POST";
        r.url = QUrl(u"http://crm.example/"_s);
        r.body = "a=1";
        const auto out = CrmRequestLoader::webEngineRequest(r);
        QVERIFY(out);
        QVERIFY(!out->header("Content-Type").isEmpty());
    }

    void unloadable_isRefusedWithAReason_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QUrl>("url");
        QTest::newRow("invalid url") << QByteArray("GET") << QUrl();
        QTest::newRow("relative url") << QByteArray("GET") << QUrl(u"/relative"_s);
        QTest::newRow("put") << QByteArray("PUT") << QUrl(u"http://crm.example/"_s);
        QTest::newRow("post to file") << QByteArray("POST") << QUrl(u"file:///etc/passwd"_s);
    }
    void unloadable_isRefusedWithAReason()
    {
        QFETCH(QByteArray, method);
        QFETCH(QUrl, url);
        HttpRequest r;
        r.method = method;
        r.url = url;
        QString error;
        QVERIFY(!CrmRequestLoader::webEngineRequest(r, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCrmRequestLoader)
#include "tst_crmrequestloader.moc"
