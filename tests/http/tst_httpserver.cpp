#include <core/http/apirouter.h>
#include <core/http/httpserver.h>
#include <core/model/messagecatalog.h>
#include <tests/support/server/rawhttpclient.h>
#include <tests/support/settle.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Qt::StringLiterals;
using namespace enlace;
using enlace::test::RawHttpClient;

namespace {

// Writes one piece of a request and lets the in-process server read it before the next is
// written: on loopback the bytes are in the server's socket once the write returns, so one pass
// of the event loop hands them to it, and every piece reaches the parser on its own.
void sendPiece(RawHttpClient &c, const QByteArray &piece)
{
    c.send(piece);
    QCoreApplication::processEvents();
}

}   // namespace

class TestHttpServer final : public QObject
{
    Q_OBJECT

private:
    MessageCatalog m_catalog;
    std::unique_ptr<ApiRouter> m_router;
    std::unique_ptr<HttpServer> m_server;
    int m_handled = 0;
    std::shared_ptr<QFile> m_uploaded;   // the last upload's body file, as the route got it
    QTemporaryDir m_scratch;

    void start() { start(HttpServerLimits()); }
    void start(const HttpServerLimits &limits)
    {
        m_router = std::make_unique<ApiRouter>();
        m_router->setCatalog(&m_catalog);
        m_handled = 0;
        m_router->add("GET", u"/hello/<arg>/"_s, Access::Public, [this](const ApiRequest &r, ApiResponder respond) {
            ++m_handled;
            respond(ApiResponse::json(QJsonObject { { u"name"_s, r.pathArgs.value(0) },
                                                    { u"q"_s, r.query.queryItemValue(u"q"_s, QUrl::FullyDecoded) } }));
        });
        m_router->add("POST", u"/echo"_s, Access::Public, [this](const ApiRequest &r, ApiResponder respond) {
            ++m_handled;
            auto body = r.jsonObject();
            if (!body.ok()) {
                respond(ApiResponse::fromError(body.error(), &m_catalog, r.language));
                return;
            }
            respond(ApiResponse::json(201, body.value()));
        });
        m_router->add("GET", u"/later"_s, Access::Public, [this](const ApiRequest &, ApiResponder respond) {
            ++m_handled;
            QTimer::singleShot(20, this, [respond] {
                respond(ApiResponse::json(QJsonObject { { u"late"_s, true } }));
                respond(ApiResponse::json(500, QJsonObject { { u"twice"_s, true } }));   // ignored
            });
        });
        // An upload route for admins: it answers with what it received.
        m_router->setCallerResolver([](const ApiRequest &r) -> Result<std::optional<Caller>> {
            const QByteArray auth = r.header("authorization");
            if (auth.isEmpty())
                return std::optional<Caller>();
            Caller caller;
            caller.userId = 1;
            caller.role = auth == "Bearer admin" ? Role::Admin : Role::Agent;
            caller.agentId = caller.role == Role::Agent ? std::optional<qint64>(7) : std::nullopt;
            return std::optional<Caller>(caller);
        });
        m_router->addUpload(
            "POST", u"/upload/<arg>/"_s, Access::Admin, [this](const ApiRequest &r, ApiResponder respond) {
                ++m_handled;
                m_uploaded = r.bodyFile;
                QByteArray content = r.body;
                if (r.bodyFile) {
                    r.bodyFile->seek(0);
                    content = r.bodyFile->readAll();
                }
                respond(ApiResponse::json(
                    200,
                    QJsonObject { { u"arg"_s, r.pathArgs.value(0) },
                                  { u"inFile"_s, r.bodyFile != nullptr },
                                  { u"size"_s, content.size() },
                                  { u"sha"_s,
                                    QString::fromLatin1(
                                        QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()) } }));
            });
        m_server = std::make_unique<HttpServer>(m_router.get(), &m_catalog);
        m_server->setLimits(limits);
        auto listening = m_server->listen(QHostAddress::LocalHost, 0);
        QVERIFY2(listening.ok(), qPrintable(listening.ok() ? QString() : listening.error().text()));
        QVERIFY(m_server->port() != 0);
    }

private Q_SLOTS:
    // The client behind trusted proxies: the right-most X-Forwarded-For hop that is not itself a
    // trusted proxy; from any other peer the header is ignored (a client could write anything).
    void clientAddress_believesOnlyTrustedProxies_data()
    {
        QTest::addColumn<QString>("peer");
        QTest::addColumn<QByteArray>("forwardedFor");
        QTest::addColumn<QString>("client");
        QTest::newRow("no header") << u"10.0.0.5"_s << QByteArray() << u"10.0.0.5"_s;
        QTest::newRow("trusted proxy") << u"10.0.0.5"_s << QByteArray("203.0.113.7") << u"203.0.113.7"_s;
        QTest::newRow("untrusted peer") << u"198.51.100.9"_s << QByteArray("203.0.113.7") << u"198.51.100.9"_s;
        QTest::newRow("spoofed hop before the real one")
            << u"10.0.0.5"_s << QByteArray("1.2.3.4, 203.0.113.7") << u"203.0.113.7"_s;
        QTest::newRow("two proxies") << u"10.0.0.5"_s << QByteArray("203.0.113.7, 10.0.0.6") << u"203.0.113.7"_s;
        QTest::newRow("garbage hop") << u"10.0.0.5"_s << QByteArray("203.0.113.7, unknown") << u"10.0.0.5"_s;
        QTest::newRow("ipv6 client") << u"10.0.0.5"_s << QByteArray("2001:db8::1") << u"2001:db8::1"_s;
    }
    void clientAddress_believesOnlyTrustedProxies()
    {
        QFETCH(QString, peer);
        QFETCH(QByteArray, forwardedFor);
        QFETCH(QString, client);
        HttpServerLimits limits;
        limits.trustedProxies = { QHostAddress::parseSubnet(u"10.0.0.0/29"_s) };
        QCOMPARE(limits.clientAddress(QHostAddress(peer), forwardedFor), client);
    }

    void cleanup()
    {
        m_server.reset();
        m_router.reset();
    }

    void route_withArgumentAndQuery_isServed()
    {
        start();
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send(RawHttpClient::request("GET", "/hello/J%C3%BAlia/?q=a+b%2Bc"));
        auto r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("content-type"), "application/json");
        QCOMPARE(r.json().value(u"name"_s).toString(), u"Júlia"_s);
        QCOMPARE(r.json().value(u"q"_s).toString(), u"a b+c"_s);
    }

    void unknownRoute_is404Json_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("unknown") << QByteArray("/nothing/here");
        QTest::newRow("missing arg") << QByteArray("/hello/");
        QTest::newRow("extra segment") << QByteArray("/hello/a/b/");
    }
    void unknownRoute_is404Json()
    {
        QFETCH(QByteArray, target);
        start();
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send(RawHttpClient::request("GET", target));
        auto r = c.read();
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json().value(u"status"_s).toString(), u"ERROR"_s);
        QVERIFY(!r.json().value(u"message"_s).toString().isEmpty());
        QCOMPARE(m_handled, 0);
    }

    void wrongMethod_is405WithAllow()
    {
        start();
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send(RawHttpClient::request("DELETE", "/echo"));
        auto r = c.read();
        QCOMPARE(r.status, 405);
        QCOMPARE(r.headers.value("allow"), "POST");
        QCOMPARE(r.json().value(u"status"_s).toString(), u"ERROR"_s);
    }

    void malformedJson_is400_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("truncated") << QByteArray("{\"a\": ");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("garbage") << QByteArray("\xff\xfe{");
    }
    void malformedJson_is400()
    {
        QFETCH(QByteArray, body);
        start();
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send(RawHttpClient::request("POST", "/echo", body,
                                      { { "Content-Type", "application/json" }, { "Accept-Language", "en" } }));
        auto r = c.read();
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(u"status"_s).toString(), u"ERROR"_s);
        QVERIFY(r.json().value(u"message"_s).toString().contains(u"JSON"_s));
    }

    void formBody_isReadAsObject()
    {
        start();
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send(RawHttpClient::request("POST", "/echo", "username=ana+maria&password=p%26ss",
                                      { { "Content-Type", "application/x-www-form-urlencoded" } }));
        auto r = c.read();
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(u"username"_s).toString(), u"ana maria"_s);
        QCOMPARE(r.json().value(u"password"_s).toString(), u"p&ss"_s);
    }

    void oversizedBody_is413BeforeTheBodyIsRead()
    {
        HttpServerLimits limits;
        limits.maxBodyBytes = 1000;
        start(limits);
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        // Only the headers are sent: the answer must not wait for the announced body.
        c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1001\r\n\r\n");
        auto r = c.read();
        QCOMPARE(r.status, 413);
        QCOMPARE(r.json().value(u"status"_s).toString(), u"ERROR"_s);
        QCOMPARE(r.headers.value("connection"), "close");
        QVERIFY(c.waitClosed());
        QCOMPARE(m_handled, 0);
    }

    // Lingering close: a client that writes its whole body before it reads (Python's http.client,
    // as Java's HttpURLConnection and Qt's QNetworkAccessManager do) gets the early 413, not a
    // connection reset; the server reads and drops the rest, then closes.
    void earlyAnswer_isSeenByAClientThatWritesTheWholeBodyFirst_data()
    {
        QTest::addColumn<int>("bodyBytes");
        QTest::newRow("2 MiB") << 2 * 1024 * 1024;
        QTest::newRow("16 MiB") << 16 * 1024 * 1024;
    }
    void earlyAnswer_isSeenByAClientThatWritesTheWholeBodyFirst()
    {
        QFETCH(int, bodyBytes);
        const QString python = QStandardPaths::findExecutable(u"python3"_s);
        if (python.isEmpty())
            QSKIP("python3 is not installed");
        HttpServerLimits limits;
        limits.maxBodyBytes = 1000;
        start(limits);
        const QString script = uR"(
import http.client, sys
c = http.client.HTTPConnection('127.0.0.1', int(sys.argv[1]), timeout=20)
try:
    c.request('POST', '/echo', body=b'x' * int(sys.argv[2]), headers={'Content-Type': 'application/json'})
    r = c.getresponse()
    print(r.status, r.getheader('Connection'), r.read().decode())
except Exception as e:
    print('failed', type(e).__name__, e)
)"_s;
        QProcess p;
        p.start(python, { u"-c"_s, script, QString::number(m_server->port()), QString::number(bodyBytes) });
        QVERIFY(p.waitForStarted());
        // The server runs on this thread: the event loop turns while the client writes.
        QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 60000);
        const QByteArray out = p.readAllStandardOutput();
        QVERIFY2(out.startsWith("413 close "), out.constData());
        QVERIFY2(out.contains("1000 bytes"), out.constData());
        QCOMPARE(m_handled, 0);
    }

    void lingeringClose_isBounded()
    {
        HttpServerLimits limits;
        limits.maxBodyBytes = 1000;
        limits.lingerTimeoutMs = 200;
        limits.lingerMaxBytes = 256 * 1024;
        start(limits);
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n");
        QCOMPARE(c.read().status, 413);
        // Quiet for longer than the linger timeout: closed.
        QVERIFY(c.waitClosed());
        // A client that goes on sending is closed once the bound is dropped.
        RawHttpClient flood;
        QVERIFY(flood.connectTo(m_server->port()));
        flood.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n");
        QCOMPARE(flood.read().status, 413);
        const QByteArray chunk(64 * 1024, 'x');
        bool closed = false;
        for (int i = 0; i < 64 && !closed; ++i) {
            flood.send(chunk);
            closed = flood.waitClosed(50);
        }
        QVERIFY(closed || flood.waitClosed());
    }

    static HttpServerLimits uploadLimits()
    {
        HttpServerLimits limits;
        limits.maxBodyBytes = 1000;
        limits.maxUploadBytes = 200 * 1000;
        return limits;
    }

    static QByteArray uploadBody(int size)
    {
        QByteArray body;
        body.reserve(size);
        for (int i = 0; body.size() < size; ++i)
            body += QByteArray::number(i) + ',';
        body.truncate(size);
        return body;
    }

    void upload_aboveTheBodyLimit_isStreamedToAFileWhole()
    {
        start(uploadLimits());
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        const QByteArray body = uploadBody(150 * 1000);
        c.send(RawHttpClient::request("POST", "/upload/x/", body,
                                      { { "Authorization", "Bearer admin" }, { "Content-Type", "text/csv" } }));
        auto r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"arg"_s).toString(), u"x"_s);
        QCOMPARE(r.json().value(u"inFile"_s).toBool(), true);
        QCOMPARE(r.json().value(u"size"_s).toInt(), body.size());
        QCOMPARE(r.json().value(u"sha"_s).toString(),
                 QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex()));
        // The connection goes on, and the file is gone once nobody holds it.
        QVERIFY(m_uploaded);
        const QString path = m_uploaded->fileName();
        QVERIFY(QFile::exists(path));
        m_uploaded.reset();
        QVERIFY(!QFile::exists(path));
        c.send(RawHttpClient::request("GET", "/hello/again/"));
        QCOMPARE(c.read().status, 200);
    }

    void upload_withinTheBodyLimit_staysInMemory()
    {
        start(uploadLimits());
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send(RawHttpClient::request("POST", "/upload/y/", uploadBody(900), { { "Authorization", "Bearer admin" } }));
        auto r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"inFile"_s).toBool(), false);
        QCOMPARE(r.json().value(u"size"_s).toInt(), 900);
    }

    void upload_arrivingSlowly_isAssembled()
    {
        HttpServerLimits limits = uploadLimits();
        limits.idleTimeoutMs = 400;   // longer than the whole upload takes would be too easy
        start(limits);
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        const QByteArray body = uploadBody(20 * 1000);
        const QByteArray raw
            = RawHttpClient::request("POST", "/upload/slow/", body, { { "Authorization", "Bearer admin" } });
        // Ten pieces, 150 ms apart: 1.5 s in all, each gap well within the idle timeout.
        const qsizetype piece = raw.size() / 10 + 1;
        for (qsizetype at = 0; at < raw.size(); at += piece) {
            c.send(raw.mid(at, piece));
            // A slow client is time passing: no event marks it. The connection must not be closed
            // while its pieces keep coming (each gap is within the idle timeout, all of them not).
            test::settleFor(150, "the idle timeout must not close a connection whose pieces keep coming");
        }
        auto r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"size"_s).toInt(), body.size());
    }

    void upload_ofAnUnauthorizedCaller_isRefusedBeforeTheBodyIsRead_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<int>("status");
        QTest::newRow("no credentials") << QByteArray() << 401;
        QTest::newRow("an agent") << QByteArray("Bearer agent") << 403;
    }

    void upload_ofAnUnauthorizedCaller_isRefusedBeforeTheBodyIsRead()
    {
        QFETCH(QByteArray, authorization);
        QFETCH(int, status);
        start(uploadLimits());
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        // Expect: 100-continue: the client waits for the go-ahead, which it must not get.
        QByteArray head = "POST /upload/x/ HTTP/1.1\r\nContent-Length: 150000\r\nExpect: 100-continue\r\n";
        if (!authorization.isEmpty())
            head += "Authorization: " + authorization + "\r\n";
        c.send(head + "\r\n");
        auto r = c.read();
        QCOMPARE(r.status, status);
        QVERIFY(!c.pending().contains("100 Continue"));
        QVERIFY(c.waitClosed());
        QCOMPARE(m_handled, 0);
    }

    void upload_withNowhereToStoreIt_is507InTheCallersLanguage()
    {
        HttpServerLimits limits = uploadLimits();
        limits.uploadDirectory = m_scratch.filePath(u"missing/dir"_s);
        start(limits);
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send(RawHttpClient::request("POST", "/upload/x/", uploadBody(5000), { { "Authorization", "Bearer admin" } }));
        auto r = c.read();
        QCOMPARE(r.status, 507);
        QCOMPARE(r.json().value(u"message"_s).toString(),
                 u"El servidor no tiene espacio para la carga en este momento."_s);
        QVERIFY(c.waitClosed());
        QCOMPARE(m_handled, 0);
    }

    void uploads_beyondTheConcurrentLimit_are503_andAnAbandonedOneLeavesNothing()
    {
        HttpServerLimits limits = uploadLimits();
        limits.maxConcurrentUploads = 1;
        QTemporaryDir spool;
        limits.uploadDirectory = spool.path();
        start(limits);
        const QByteArray body = uploadBody(50 * 1000);
        const QByteArray raw
            = RawHttpClient::request("POST", "/upload/first/", body, { { "Authorization", "Bearer admin" } });
        // The first upload stops half-way.
        auto first = std::make_unique<RawHttpClient>();
        QVERIFY(first->connectTo(m_server->port()));
        first->send(raw.left(raw.size() / 2));
        QTRY_COMPARE(m_server->uploadsReceiving(), 1);
        // A second one meanwhile is turned away, in the caller's language.
        RawHttpClient second;
        QVERIFY(second.connectTo(m_server->port()));
        second.send(RawHttpClient::request("POST", "/upload/second/", body,
                                           { { "Authorization", "Bearer admin" }, { "Accept-Language", "pt-BR" } }));
        auto r = second.read();
        QCOMPARE(r.status, 503);
        QCOMPARE(r.json().value(u"message"_s).toString(),
                 u"Envios demais ao mesmo tempo; tente novamente em instantes."_s);
        // The first client goes away: its slot and its file are freed (on Linux the file has no
        // name until a route asks for one, so nothing is left behind even after a crash).
        first.reset();
        QTRY_COMPARE(m_server->uploadsReceiving(), 0);
        QCOMPARE(QDir(spool.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
        RawHttpClient third;
        QVERIFY(third.connectTo(m_server->port()));
        third.send(RawHttpClient::request("POST", "/upload/third/", body, { { "Authorization", "Bearer admin" } }));
        r = third.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"size"_s).toInt(), body.size());
        QCOMPARE(m_server->uploadsReceiving(), 0);
        QCOMPARE(m_handled, 1);
        m_uploaded.reset();
        QCOMPARE(QDir(spool.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
    }

    // Past the body limit only the upload route takes a body, and only up to the upload limit:
    // either way the answer names the limit that applies, before the body is read.
    void listen_removesUploadsAnEarlierRunLeftBehind()
    {
        QTemporaryDir spool;
        const auto touch = [&](const QString &name, int ageSeconds) {
            QFile f(spool.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("x");
            QVERIFY(f.flush());   // else closing writes it, and moves the time to now
            QVERIFY(
                f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-ageSeconds), QFileDevice::FileModificationTime));
        };
        touch(u"enlace-upload-old123"_s, 2 * 3600);   // a killed server's
        touch(u"enlace-upload-new456"_s, 60);   // another server's, still importing
        touch(u"other-old789"_s, 2 * 3600);   // not an upload
        HttpServerLimits limits = uploadLimits();
        limits.uploadDirectory = spool.path();
        start(limits);
        QCOMPARE(QDir(spool.path()).entryList(QDir::Files, QDir::Name),
                 QStringList({ u"enlace-upload-new456"_s, u"other-old789"_s }));
    }

    void largeBody_is413NamingTheLimitThatApplies_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("length");
        QTest::addColumn<QString>("limit");
        QTest::newRow("ordinary route") << QByteArray("/echo") << 1001 << u"1000"_s;
        QTest::newRow("upload route") << QByteArray("/upload/x/") << 200001 << u"200000"_s;
    }

    void largeBody_is413NamingTheLimitThatApplies()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, length);
        QFETCH(QString, limit);
        start(uploadLimits());
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send("POST " + target
               + " HTTP/1.1\r\nAuthorization: Bearer admin\r\nContent-Type: application/json\r\nContent-Length: "
               + QByteArray::number(length) + "\r\n\r\n");
        auto r = c.read();
        QCOMPARE(r.status, 413);
        QVERIFY2(r.json().value(u"message"_s).toString().contains(u"como máximo %1 bytes"_s.arg(limit)),
                 r.body.constData());
        QVERIFY(c.waitClosed());
        QCOMPARE(m_handled, 0);
    }

    void bodyAtTheLimit_isAccepted()
    {
        HttpServerLimits limits;
        limits.maxBodyBytes = 1000;
        start(limits);
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        const QByteArray body = "{\"x\":\"" + QByteArray(1000 - 8, 'a') + "\"}";
        QCOMPARE(body.size(), 1000);
        c.send(RawHttpClient::request("POST", "/echo", body, { { "Content-Type", "application/json" } }));
        QCOMPARE(c.read().status, 201);
    }

    void oversizedHeaders_is431()
    {
        HttpServerLimits limits;
        limits.maxHeaderBytes = 512;
        start(limits);
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send("GET /hello/a/ HTTP/1.1\r\nX-Big: " + QByteArray(600, 'b') + "\r\n\r\n");
        QCOMPARE(c.read().status, 431);
        QVERIFY(c.waitClosed());
    }

    // RFC 9112 §7.1: chunked bodies (what curl -H 'Transfer-Encoding: chunked' and streaming
    // clients send), with extensions and trailers, in pieces, kept alive for the next request.
    void chunkedBody_isAssembledAndAnswered()
    {
        start();
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        const QByteArray raw
            = "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
              "5;name=value\r\n{\"a\":\r\n"
              "B\r\n\"chunked!\"}\r\n"
              "0\r\nX-Trailer: t\r\n\r\n";
        for (qsizetype i = 0; i < raw.size(); i += 7)
            sendPiece(c, raw.mid(i, 7));
        auto r = c.read();
        QVERIFY2(r.status == 201, r.body.constData());
        QCOMPARE(r.json().value(u"a"_s).toString(), u"chunked!"_s);
        c.send(RawHttpClient::request("GET", "/hello/b/"));
        QCOMPARE(c.read().status, 200);
        QCOMPARE(m_handled, 2);
    }

    void chunkedBody_errors_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("status");
        const QByteArray head = "POST /echo HTTP/1.1\r\nHost: x\r\n";
        QTest::newRow("with Content-Length too (smuggling)")
            << head + "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n2\r\n{}\r\n0\r\n\r\n"
            << 400;
        QTest::newRow("another coding") << head + "Transfer-Encoding: gzip, chunked\r\n\r\n" << 501;
        QTest::newRow("size not hex") << head + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n" << 400;
        QTest::newRow("no CRLF after the data") << head + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}XX0\r\n\r\n" << 400;
        QTest::newRow("over the body limit in sizes")
            << head + "Transfer-Encoding: chunked\r\n\r\n400\r\n" + QByteArray(1024, 'x') + "\r\n1\r\nx\r\n"
            << 413;
        QTest::newRow("a size line without end")
            << head + "Transfer-Encoding: chunked\r\n\r\n" + QByteArray(5000, '1') << 400;
    }
    void chunkedBody_errors()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, status);
        HttpServerLimits limits;
        limits.maxBodyBytes = 1024;
        start(limits);
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send(raw);
        auto r = c.read();
        QVERIFY2(r.status == status, r.body.constData());
        QVERIFY(c.waitClosed());
        QCOMPARE(m_handled, 0);
    }

    // Slowloris: headers sent a byte at a time, each within the idle timeout, are cut off when
    // the head deadline passes, while the same server answers everyone else.
    void slowHeaders_areCutOffAtTheHeadDeadline()
    {
        HttpServerLimits limits;
        limits.headTimeoutMs = 1000;
        start(limits);
        RawHttpClient slow;
        QVERIFY(slow.connectTo(m_server->port()));
        QTimer drip;
        QByteArray head = "GET /hello/a/ HTTP/1.1\r\nX-Slow: " + QByteArray(500, 's');
        qsizetype sent = 0;
        QObject::connect(&drip, &QTimer::timeout, &drip, [&] {
            if (sent < head.size() && slow.socket()->state() == QAbstractSocket::ConnectedState)
                slow.send(head.mid(sent++, 1));
        });
        // The client stops when the answer comes (as a browser would).
        QObject::connect(slow.socket(), &QTcpSocket::readyRead, &drip, &QTimer::stop);
        drip.start(20);
        RawHttpClient other;
        QVERIFY(other.connectTo(m_server->port()));
        other.send(RawHttpClient::request("GET", "/hello/b/"));
        QCOMPARE(other.read().status, 200);
        auto r = slow.read();
        QCOMPARE(r.status, 408);
        QVERIFY(slow.waitClosed());
        drip.stop();
        QVERIFY(sent < head.size());
    }

    // One address may hold only so many connections; the others (and it, once it closes some) go on.
    void connectionsFromOneAddress_areBounded()
    {
        HttpServerLimits limits;
        limits.maxConnectionsPerAddress = 3;
        start(limits);
        std::vector<std::unique_ptr<RawHttpClient>> held;
        for (int i = 0; i < 3; ++i) {
            held.push_back(std::make_unique<RawHttpClient>());
            QVERIFY(held.back()->connectTo(m_server->port()));
        }
        QTRY_COMPARE(m_server->openConnections(), 3);
        RawHttpClient extra;
        QVERIFY(extra.connectTo(m_server->port()));
        auto refused = extra.read();
        QCOMPARE(refused.status, 503);
        QVERIFY(refused.body.contains("from this address"));
        QVERIFY(extra.waitClosed());
        held.front()->send(RawHttpClient::request("GET", "/hello/a/"));
        QCOMPARE(held.front()->read().status, 200);
        held.pop_back();
        QTRY_COMPARE(m_server->openConnections(), 2);
        RawHttpClient again;
        QVERIFY(again.connectTo(m_server->port()));
        again.send(RawHttpClient::request("GET", "/hello/c/"));
        QCOMPARE(again.read().status, 200);
    }

    void malformedRequestLine_is400_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::newRow("no version") << QByteArray("GET /hello/a/\r\n\r\n");
        QTest::newRow("absolute form") << QByteArray("GET http://x/hello/a/ HTTP/1.1\r\n\r\n");
        QTest::newRow("lower-case method") << QByteArray("get /hello/a/ HTTP/1.1\r\n\r\n");
        QTest::newRow("space in header name") << QByteArray("GET /hello/a/ HTTP/1.1\r\nBad Header: x\r\n\r\n");
        QTest::newRow("bad content-length") << QByteArray("POST /echo HTTP/1.1\r\nContent-Length: -5\r\n\r\n");
        QTest::newRow("conflicting content-length")
            << QByteArray("POST /echo HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}");
    }
    void malformedRequestLine_is400()
    {
        QFETCH(QByteArray, raw);
        start();
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send(raw);
        auto r = c.read();
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(u"status"_s).toString(), u"ERROR"_s);
        QVERIFY(c.waitClosed());
    }

    void keepAlive_pipelinedRequestsAreAnsweredInOrder()
    {
        start();
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send(RawHttpClient::request("GET", "/later") + RawHttpClient::request("GET", "/hello/one/")
               + RawHttpClient::request("POST", "/echo", "{\"n\":3}", { { "Content-Type", "application/json" } }));
        auto a = c.read();
        auto b = c.read();
        auto d = c.read();
        QCOMPARE(a.status, 200);
        QCOMPARE(a.json().value(u"late"_s).toBool(), true);
        QCOMPARE(b.json().value(u"name"_s).toString(), u"one"_s);
        QCOMPARE(d.status, 201);
        QCOMPARE(d.json().value(u"n"_s).toInt(), 3);
        QCOMPARE(a.headers.value("connection"), "keep-alive");
        QVERIFY(c.socket()->state() == QAbstractSocket::ConnectedState);
        // The ignored second answer of /later was never written.
        QVERIFY(c.pending().isEmpty());
    }

    void connectionClose_isHonoured()
    {
        start();
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send(RawHttpClient::request("GET", "/hello/a/", {}, {}, true));
        auto r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("connection"), "close");
        QVERIFY(c.waitClosed());
    }

    void http10_closesUnlessKeepAliveIsAsked()
    {
        start();
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send("GET /hello/a/ HTTP/1.0\r\n\r\n");
        QCOMPARE(c.read().status, 200);
        QVERIFY(c.waitClosed());
    }

    void slowClient_requestArrivingByteByByteIsAssembled()
    {
        start();
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        const QByteArray raw
            = RawHttpClient::request("POST", "/echo", "{\"slow\":\"yes\"}", { { "Content-Type", "application/json" } });
        for (char byte : raw)
            sendPiece(c, QByteArray(1, byte));
        auto r = c.read();
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(u"slow"_s).toString(), u"yes"_s);
        QCOMPARE(m_handled, 1);
    }

    void stalledClient_getsA408AndIsDisconnected()
    {
        HttpServerLimits limits;
        limits.idleTimeoutMs = 150;
        start(limits);
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send("POST /echo HTTP/1.1\r\nContent-Length: 10\r\n\r\n{\"a\"");
        auto r = c.read();
        QCOMPARE(r.status, 408);
        QVERIFY(c.waitClosed());
        QCOMPARE(m_handled, 0);
    }

    void idleConnection_isClosedSilently()
    {
        HttpServerLimits limits;
        limits.idleTimeoutMs = 100;
        start(limits);
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        QVERIFY(c.waitClosed());
        QVERIFY(c.pending().isEmpty());
        QTRY_COMPARE(m_server->openConnections(), 0);
    }

    void head_hasNoBody()
    {
        start();
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send("HEAD /hello/a/ HTTP/1.1\r\n\r\nGET /hello/b/ HTTP/1.1\r\n\r\n");
        // The HEAD answer announces a length but carries no body: the next answer follows directly.
        QByteArray all;
        QTRY_VERIFY((all += c.socket()->readAll()).count("HTTP/1.1 200") == 2 && all.endsWith("}"));
        const qsizetype second = all.indexOf("HTTP/1.1 200", 1);
        QVERIFY(all.left(second).endsWith("\r\n\r\n"));
        QVERIFY(all.mid(second).contains("\"name\":\"b\""));
    }

    void expectContinue_getsInterimAnswer()
    {
        start();
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send("POST /echo HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\nExpect: "
               "100-continue\r\n\r\n");
        QTRY_VERIFY(c.socket()->peek(100).startsWith("HTTP/1.1 100 Continue\r\n\r\n"));
        c.send("{}");
        QCOMPARE(c.read().status, 201);
    }

    void errors_areInTheNegotiatedLanguage()
    {
        start();
        RawHttpClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send(RawHttpClient::request("GET", "/nothing", {}, { { "Accept-Language", "en-US,en;q=0.9" } }));
        const QString english = c.read().json().value(u"message"_s).toString();
        c.send(RawHttpClient::request("GET", "/nothing"));
        const QString spanish = c.read().json().value(u"message"_s).toString();
        QCOMPARE(english, u"Not found."_s);
        QCOMPARE(spanish, u"No encontrado."_s);
    }

    void webSocketUpgrade_isHandedToTheWebSocketServer()
    {
        start();
        QWebSocketServer ws(u"test"_s, QWebSocketServer::NonSecureMode);
        QList<QWebSocket *> accepted;
        connect(&ws, &QWebSocketServer::newConnection, this, [&] {
            while (ws.hasPendingConnections()) {
                QWebSocket *s = ws.nextPendingConnection();
                accepted.append(s);
                connect(s, &QWebSocket::textMessageReceived, s,
                        [s](const QString &m) { s->sendTextMessage(u"echo:"_s + m); });
            }
        });
        m_server->addWebSocketPath(u"/ws"_s, &ws);
        QWebSocket client;
        QString received;
        connect(&client, &QWebSocket::textMessageReceived, this, [&](const QString &m) { received = m; });
        client.open(QUrl(u"ws://127.0.0.1:%1/ws?token=abc"_s.arg(m_server->port())));
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
        QTRY_COMPARE(accepted.size(), 1);
        QCOMPARE(accepted.first()->requestUrl().query(), u"token=abc"_s);
        client.sendTextMessage(u"hi"_s);
        QTRY_COMPARE(received, u"echo:hi"_s);
        qDeleteAll(accepted);
    }

    void tls_servesHttpsWithTheGivenCertificate()
    {
        const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
        if (openssl.isEmpty())
            QSKIP("openssl command not available to make a test certificate");
        QTemporaryDir dir;
        const QString cert = dir.filePath(u"cert.pem"_s), key = dir.filePath(u"key.pem"_s);
        QProcess p;
        p.start(openssl,
                { u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, key, u"-out"_s, cert,
                  u"-days"_s, u"1"_s, u"-subj"_s, u"/CN=127.0.0.1"_s });
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);

        m_router = std::make_unique<ApiRouter>();
        m_router->add("GET", u"/secure"_s, Access::Public, [](const ApiRequest &, ApiResponder respond) {
            respond(ApiResponse::json(QJsonObject { { u"tls"_s, true } }));
        });
        m_server = std::make_unique<HttpServer>(m_router.get(), &m_catalog);
        QVERIFY(!m_server->setTlsFiles(dir.filePath(u"missing.pem"_s), key).ok());
        QVERIFY(m_server->setTlsFiles(cert, key).ok());
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0).ok());

        QNetworkAccessManager nam;
        QNetworkRequest req(QUrl(u"https://127.0.0.1:%1/secure"_s.arg(m_server->port())));
        QNetworkReply *reply = nam.get(req);
        connect(reply, &QNetworkReply::sslErrors, reply,
                [reply](const QList<QSslError> &) { reply->ignoreSslErrors(); });
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(QJsonDocument::fromJson(reply->readAll()).object().value(u"tls"_s).toBool(), true);
        reply->deleteLater();
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
