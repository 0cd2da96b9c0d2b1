#include <core/api/openapi.h>
#include <core/server/serverconfig.h>
#include <core/server/serverinstance.h>
#include <tests/support/server/apiserver.h>
#include <tests/support/testdata.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

// Every route of the running server (its own, and the endpoint files' as registerAllRoutes wires
// them) plus every route the endpoint files register, once each, in order.
QStringList allRoutes(const QStringList &server, const QStringList &endpoints)
{
    QStringList out = server;
    for (const QString &r : endpoints)
        if (!out.contains(r))
            out.append(r);
    return out;
}

QString docsPath()
{
    return QDir(test::testDataPath(u"."_s)).absoluteFilePath(u"../../docs/api/openapi.json"_s);
}

}   // namespace

class TestOpenApi final : public QObject
{
    Q_OBJECT

private:
    QStringList serverRoutes()
    {
        QTemporaryDir dir;
        ServerConfig config;
        config.databaseUrl = dir.filePath(u"enlace.db"_s);
        config.secretKeyFile = dir.filePath(u"secret.key"_s);
        config.listenPort = 0;
        config.demo = true;   // the demo CRM's routes too
        ServerInstance server(config);
        auto started = server.start();
        if (!started)
            qWarning("server did not start: %s", qPrintable(started.error().text()));
        const QStringList routes = server.router().routes();
        server.stop();
        return routes;
    }

private Q_SLOTS:
    void document_listsEveryRegisteredRouteWithItsDocumentation()
    {
        ENLACE_API_SERVER(f, u"sqlite"_s);
        const QStringList routes = f.server().router().routes();
        const auto r = f.send("GET", u"/api/v1/openapi.json"_s);
        QCOMPARE(r.status, 200);
        const QJsonObject doc = r.json();
        QCOMPARE(doc.value(u"openapi"_s).toString(), u"3.0.3"_s);
        const QJsonObject paths = doc.value(u"paths"_s).toObject();
        for (const QString &route : routes) {
            const QString method = route.section(u' ', 0, 0).toLower();
            const QString pattern = route.section(u' ', 1);
            const RouteDoc *d = OpenApi::find(method.toUpper().toLatin1(), pattern);
            QVERIFY2(d, qPrintable(u"no documentation for "_s + route));
            const QJsonObject op
                = paths.value(OpenApi::openApiPath(pattern, d->parameters)).toObject().value(method).toObject();
            QVERIFY2(!op.isEmpty(), qPrintable(u"missing from the document: "_s + route));
            QCOMPARE(op.value(u"summary"_s).toString(), d->summary);
            QVERIFY(!op.contains(u"x-undocumented"_s));
        }
    }

    // The documented access is the one the router enforces: without credentials, only public
    // routes answer something else than 401.
    void document_accessMatchesTheRouter()
    {
        ENLACE_API_SERVER(f, u"sqlite"_s);
        for (const QString &route : f.server().router().routes()) {
            const QByteArray method = route.section(u' ', 0, 0).toLatin1();
            const QString pattern = route.section(u' ', 1);
            const RouteDoc *d = OpenApi::find(method, pattern);
            QVERIFY(d);
            QString path = pattern;
            path.replace(u"<arg>"_s, u"1"_s);
            const auto reply = f.send(method, path);
            if (d->access == Access::Public)
                QVERIFY2(reply.status != 401, qPrintable(route));
            else
                QVERIFY2(reply.status == 401, qPrintable(route + u" answered "_s + QString::number(reply.status)));
        }
    }

    // Every route the real server holds is documented (its own too: login, health, demo CRM).
    void serverRoutes_areAllDocumented()
    {
        const QStringList routes = serverRoutes();
        QVERIFY(!routes.isEmpty());
        for (const QString &route : routes)
            QVERIFY2(OpenApi::find(route.section(u' ', 0, 0).toLatin1(), route.section(u' ', 1)),
                     qPrintable(u"no documentation for "_s + route));
    }

    // docs/api/openapi.json is the document of the server's routes; regenerate it with
    // ENLACE_WRITE_OPENAPI=1 after changing a route.
    void docsFile_isUpToDate()
    {
        ENLACE_API_SERVER(f, u"sqlite"_s);
        const QJsonObject doc = OpenApi::document(allRoutes(serverRoutes(), f.server().router().routes()));
        const QByteArray text = QJsonDocument(doc).toJson(QJsonDocument::Indented);
        QFile file(docsPath());
        if (qEnvironmentVariableIntValue("ENLACE_WRITE_OPENAPI") == 1) {
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(text);
            file.close();
        }
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QVERIFY2(QJsonDocument::fromJson(file.readAll()).object() == doc,
                 "docs/api/openapi.json is stale: run tst_openapi with ENLACE_WRITE_OPENAPI=1");
    }

    void openApiPath_namesTheArguments()
    {
        QCOMPARE(
            OpenApi::openApiPath(u"/api/v1/campaign/<arg>/dispositionOptions/<arg>/"_s, { u"campaign"_s, u"system"_s }),
            u"/api/v1/campaign/{campaign}/dispositionOptions/{system}/"_s);
        QCOMPARE(OpenApi::openApiPath(u"/api/v1/x/<arg>/"_s, {}), u"/api/v1/x/{arg1}/"_s);
    }
};

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
