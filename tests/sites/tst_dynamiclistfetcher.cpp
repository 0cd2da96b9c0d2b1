#include <core/model/messagecatalog.h>
#include <core/sites/dynamiclistfetcher.h>
#include <core/sites/siteauthenticationrepository.h>
#include <core/sites/tokenprovider.h>
#include <tests/sites/support/deliverycrmserver.h>
#include <tests/sites/support/deliveryfixtures.h>
#include <tests/support/scratchdatabase.h>

#include <QNetworkAccessManager>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;
using Crm = enlace::test::DeliveryCrmServer;

namespace {

ExternalSite listSite(const QUrl &url)
{
    ExternalSite s;
    s.id = 5;
    s.name = u"Productos"_s;
    s.url = url.toString();
    s.trigger = SiteTrigger::DynamicList;
    s.method = SiteMethod::Get;
    return s;
}

}   // namespace

class TestDynamicListFetcher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fetch_jsonArray_givesOneOptionPerElement_data() { test::addBackendRows(); }
    void fetch_jsonArray_givesOneOptionPerElement()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        crm.script(u"/list"_s, { Crm::json(200, R"(["a","b","Señor",7,2.5])") });
        QNetworkAccessManager nam;
        DynamicListFetcher fetcher(scratch.db(), &nam, nullptr);
        std::optional<QStringList> options;
        fetcher.fetch(listSite(crm.url(u"/list"_s)), u"es"_s, [&](QStringList o) { options = o; });
        QTRY_VERIFY(options.has_value());
        QCOMPARE(*options, (QStringList { u"a"_s, u"b"_s, u"Señor"_s, u"7"_s, u"2.5"_s }));
        const auto req = crm.received(u"/list"_s);
        QCOMPARE(req.size(), 1);
        QCOMPARE(req.at(0).method, QByteArray("GET"));
        QVERIFY(req.at(0).query.isEmpty());
        QVERIFY(req.at(0).header("Authorization").isEmpty());
    }

    void fetch_bySiteId_withAuthentication_sendsBearer_data() { test::addBackendRows(); }
    void fetch_bySiteId_withAuthentication_sendsBearer()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        crm.script(u"/token"_s, { Crm::json(200, R"({"token":"list-token"})") });
        crm.script(u"/list"_s, { Crm::json(200, R"(["x"])") });
        const SecretBox box = test::deliveryTestBox();
        SiteAuthentication a;
        a.name = u"auth"_s;
        a.url = crm.url(u"/token"_s).toString();
        a.username = u"u"_s;
        a.password = u"p"_s;
        a.duration = 60;
        const qint64 authId = SiteAuthenticationRepository(scratch.db(), box).create(a).value();
        auto siteId = scratch.db()->insert(
            u"INSERT INTO external_sites (name, url, trigger_type, method, format, authentication_id) VALUES (?, ?, 5, 1, 1, ?)"_s,
            { u"Lista"_s, crm.url(u"/list"_s).toString(), authId });
        QVERIFY(siteId.ok());
        SystemClock clock;
        QNetworkAccessManager nam;
        TokenProvider tokens(scratch.db(), box, &nam, clock);
        DynamicListFetcher fetcher(scratch.db(), &nam, &tokens);
        std::optional<QStringList> options;
        fetcher.fetch(siteId.value(), u"es"_s, [&](QStringList o) { options = o; });
        QTRY_VERIFY(options.has_value());
        QCOMPARE(*options, QStringList { u"x"_s });
        QCOMPARE(crm.received(u"/list"_s).at(0).header("Authorization"), QByteArray("Bearer list-token"));
    }

    void fetch_anyFailure_givesTheSingleErrorOption_data()
    {
        test::addBackendColumn();
        QTest::addColumn<QString>("kind");
        for (const auto &backend : { "sqlite", "postgresql" })
            for (const char *kind : { "notJson", "object", "status500", "status404", "refused", "hang", "postSite",
                                      "tokenFails", "unknownSite" })
                QTest::addRow("%s %s", kind, backend) << QString::fromLatin1(backend) << QString::fromLatin1(kind);
    }
    void fetch_anyFailure_givesTheSingleErrorOption()
    {
        QFETCH(QString, backend);
        QFETCH(QString, kind);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        ExternalSite site = listSite(crm.url(u"/list"_s));
        const SecretBox box = test::deliveryTestBox();
        if (kind == u"notJson"_s)
            crm.script(u"/list"_s, { Crm::Reply { 200, "<html>a,b</html>", "text/html", {}, false } });
        else if (kind == u"object"_s)
            crm.script(u"/list"_s, { Crm::json(200, R"({"items":["a"]})") });
        else if (kind == u"status500"_s)
            crm.script(u"/list"_s, { Crm::json(500, R"(["a"])") });
        else if (kind == u"status404"_s)
            crm.script(u"/list"_s, { Crm::json(404, R"(["a"])") });
        else if (kind == u"refused"_s)
            site.url = u"http://127.0.0.1:%1/list"_s.arg(test::deliveryClosedPort());
        else if (kind == u"hang"_s)
            crm.script(u"/list"_s, { Crm::hang() });
        else if (kind == u"postSite"_s)
            site.method = SiteMethod::Post;
        else if (kind == u"tokenFails"_s) {
            crm.script(u"/token"_s, { Crm::status(403) });
            SiteAuthentication a;
            a.name = u"auth"_s;
            a.url = crm.url(u"/token"_s).toString();
            a.username = u"u"_s;
            a.password = u"p"_s;
            a.duration = 60;
            site.authenticationId = SiteAuthenticationRepository(scratch.db(), box).create(a).value();
        }
        SystemClock clock;
        QNetworkAccessManager nam;
        TokenProvider tokens(scratch.db(), box, &nam, clock);
        MessageCatalog catalog;
        DynamicListFetcher fetcher(scratch.db(), &nam, &tokens, &catalog);
        fetcher.setTimeoutMs(300);
        std::optional<QStringList> en, es;
        if (kind == u"unknownSite"_s) {
            fetcher.fetch(4242, u"en"_s, [&](QStringList o) { en = o; });
            QTRY_VERIFY(en.has_value());
            QCOMPARE(*en, QStringList { u"ERROR: Service 4242 not available"_s });
            return;
        }
        fetcher.fetch(site, u"en"_s, [&](QStringList o) { en = o; });
        QTRY_VERIFY(en.has_value());
        QCOMPARE(*en, QStringList { u"ERROR: Service Productos not available"_s });
        fetcher.fetch(site, u"es"_s, [&](QStringList o) { es = o; });
        QTRY_VERIFY(es.has_value());
        QCOMPARE(*es, QStringList { u"ERROR: Servicio Productos no disponible"_s });
        if (kind == u"postSite"_s)
            QCOMPARE(crm.total(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDynamicListFetcher)
#include "tst_dynamiclistfetcher.moc"
