#include <core/client/apiclient.h>
#include <core/identity/userrepository.h>
#include <core/model/user.h>
#include <core/server/serverinstance.h>
#include <core/store/database.h>
#include <tests/support/postgresoutage.h>
#include <tests/support/scratchdatabase.h>
#include <tests/support/server/rawhttpclient.h>
#include <tests/support/server/serverconfigs.h>
#include <tests/support/settle.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;
using enlace::test::RawHttpClient;
using enlace::test::RawHttpResponse;

namespace {

ServerConfig config(const QString &url, const QTemporaryDir &dir)
{
    return test::localServerConfig(url, dir);
}

bool makeAdmin(const std::shared_ptr<Database> &db)
{
    UserRepository users(db, PasswordHasher(1000));
    User u;
    u.username = u"boss"_s;
    u.role = Role::Admin;
    return users.create(u, u"right"_s).ok();
}

QList<QPair<QByteArray, QByteArray>> english()
{
    return { { "Accept-Language", "en" } };
}

// The server as its clients see it: the real ApiClient (in English) for what it has a call for,
// RawHttpClient where a test reads the status and the body itself (503s, /ready, /health).
struct Clients
{
    explicit Clients(const ServerInstance &server)
        : port(server.port())
        , api(&nam, server.baseUrl())
    {
        api.setLanguage(u"en"_s);
    }
    template <typename T, typename Call> Result<T> await(Call call)
    {
        std::optional<Result<T>> answer;
        call([&](Result<T> r) { answer.emplace(std::move(r)); });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 20000))
            return Error { Error::Kind::Unavailable, u"test.timeout"_s, Message::fromText(u"no answer"_s), {}, {} };
        return std::move(*answer);
    }
    // POST /api/v1/login as boss; the client keeps the token.
    Result<LoginAnswer> login()
    {
        return await<LoginAnswer>([&](auto done) { api.login(u"boss"_s, u"right"_s, done); });
    }
    Result<QJsonObject> createUser(const QString &name)
    {
        const QJsonObject user { { u"username"_s, name },
                                 { u"password"_s, u"Una-clave-larga-1"_s },
                                 { u"first_name"_s, u"Ana"_s },
                                 { u"last_name"_s, u"Pérez"_s },
                                 { u"role"_s, 3 } };
        return await<QJsonObject>([&](auto done) { api.create(AdminResource::Users, user, done); });
    }
    RawHttpResponse call(const QByteArray &method, const QByteArray &path, const QString &token = {},
                         QList<QPair<QByteArray, QByteArray>> headers = english()) const
    {
        if (!token.isEmpty())
            headers.append({ "Authorization", "Bearer " + token.toLatin1() });
        return RawHttpClient::exchange(port, RawHttpClient::request(method, path, {}, headers));
    }
    RawHttpResponse get(const QByteArray &path, const QString &token = {}) const { return call("GET", path, token); }

    quint16 port;
    QNetworkAccessManager nam;
    ApiClient api;
};

QString why(const Result<QJsonObject> &r)
{
    return r.ok() ? QString() : r.error().code + u": "_s + r.error().text();
}

// Warnings written while it lives (how many lines a failing store costs the journal).
struct LogCounter
{
    LogCounter()
    {
        s_lines = 0;
        previous = qInstallMessageHandler(&count);
    }
    ~LogCounter() { qInstallMessageHandler(previous); }
    // The access log's one line per request is not counted: only what loops and layers add.
    static void count(QtMsgType type, const QMessageLogContext &context, const QString &)
    {
        if ((type == QtWarningMsg || type == QtCriticalMsg) && qstrcmp(context.category, "enlace.http") != 0)
            ++s_lines;
    }
    static inline int s_lines = 0;
    QtMessageHandler previous;
};

}   // namespace

class TestServerInstance final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The probe: a read-only store answered a generic 500 and /api/v1/ready still said OK. Now
    // every write answers 503 naming the reason, ready reports it (the load balancer stops
    // sending traffic), liveness stays up, and all of it ends once the store takes writes again.
    // A store that cannot be read (PostgreSQL refusing every connection, its sessions cut; a
    // SQLite file gone bad under the server): every request answers 503 with the reason, never
    // 200 with an empty list and never 401 (a console would be sent back to its login screen).
    void storeOutage_answers503_neverAnEmptyListOr401_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgresql") << u"postgresql"_s;
    }
    void storeOutage_answers503_neverAnEmptyListOr401()
    {
        QFETCH(QString, backend);
        QTemporaryDir dir;
        QString url;
        std::unique_ptr<test::PostgresOutage> outage;
        if (backend == u"postgresql"_s) {
            if (!test::postgresAvailable()) {
                if (test::postgresRequired())
                    QFAIL("ENLACE_REQUIRE_PG=1 but ENLACE_TEST_PG_URL is not set");
                QSKIP("ENLACE_TEST_PG_URL is not set");
            }
            outage = std::make_unique<test::PostgresOutage>();
            QVERIFY2(outage->ok(), qPrintable(outage->error()));
            url = outage->url();
        } else {
            url = u"sqlite:"_s + dir.filePath(u"outage.db"_s);
        }
        {
            auto store = Database::open(url);
            QVERIFY(store.ok());
            QVERIFY(makeAdmin(store.value()));
        }
        ServerInstance server(config(url, dir));
        QVERIFY(server.start().ok());
        Clients c(server);
        const auto logged = c.login();
        QVERIFY(logged.ok());
        const QString token = logged->token;
        QVERIFY(!token.isEmpty());
        QCOMPARE(c.get("/api/v1/campaigns/", token).status, 200);

        if (outage) {
            QVERIFY(outage->cutOff());
        } else {
            // The file is overwritten under the open server: every page it reads is garbage.
            server.database()->releaseThisThread();
            QFile file(dir.filePath(u"outage.db"_s));
            QVERIFY(file.open(QIODevice::ReadWrite));
            const qint64 size = file.size();
            QVERIFY(file.write(QByteArray(size, '\xA5')) == size);
            file.close();
            QFile::remove(dir.filePath(u"outage.db-wal"_s));
            QFile::remove(dir.filePath(u"outage.db-shm"_s));
        }
        for (const QByteArray &path :
             { QByteArray("/api/v1/campaigns/"), QByteArray("/api/v1/external_systems/"), QByteArray("/api/v1/users/"),
               QByteArray("/api/v1/contact_databases/"), QByteArray("/api/v1/config_warnings/") }) {
            const RawHttpResponse r = c.call("GET", path, token);
            QVERIFY2(r.status == 503, QByteArray(path + ' ' + QByteArray::number(r.status) + ' ' + r.body).constData());
            QVERIFY2(!r.json().value(u"message"_s).toString().isEmpty(), r.body.constData());
        }
        // An integration key that cannot be looked up is not a wrong key either.
        const RawHttpResponse keyed = c.call("GET", "/api/v1/disposition/", {},
                                             { { "X-Enlace-Integration-Key", "0123456789abcdef0123456789abcdef" } });
        QVERIFY2(keyed.status == 503, keyed.body.constData());
        QCOMPARE(c.get("/api/v1/ready").status, 503);
        QCOMPARE(c.get("/api/v1/health").status, 200);

        if (outage) {
            QVERIFY(outage->restore());
            // Back: the same token works again, nobody was logged out.
            QTRY_COMPARE_WITH_TIMEOUT(c.get("/api/v1/campaigns/", token).status, 200, 10000);
        }
    }

    void readOnlyStore_answers503WithTheReason_andReadySaysSo_data() { test::addBackendRows(); }
    void readOnlyStore_answers503WithTheReason_andReadySaysSo()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        QVERIFY(makeAdmin(scratch.db()));
        ServerInstance server(config(scratch.url(), dir));
        QVERIFY(server.start().ok());
        Clients c(server);
        const auto logged = c.login();
        QVERIFY(logged.ok());
        const QString token = logged->token;
        QVERIFY(!token.isEmpty());
        QCOMPARE(c.get("/api/v1/ready").status, 200);

        // The server's own connection (its HTTP thread is this one) stops taking writes, as a
        // hot standby or a remounted file would.
        const bool sqlite = backend == u"sqlite"_s;
        QVERIFY(server.database()
                    ->execStatic(sqlite ? u"PRAGMA query_only = ON"_s : u"SET default_transaction_read_only = on"_s)
                    .ok());
        const auto refusedLogin = c.login();   // 503: Unavailable, with the server's message, no token
        QVERIFY(!refusedLogin.ok());
        QCOMPARE(refusedLogin.error().kind, Error::Kind::Unavailable);
        QVERIFY2(refusedLogin.error().text().contains(u"read-only"_s), qPrintable(refusedLogin.error().text()));
        QCOMPARE(c.api.token(), token);   // no new one
        const auto refusedCreate = c.createUser(u"sup1"_s);
        QVERIFY(!refusedCreate.ok());
        QCOMPARE(refusedCreate.error().kind, Error::Kind::Unavailable);
        QVERIFY2(refusedCreate.error().text().contains(u"read-only"_s), qPrintable(why(refusedCreate)));
        const RawHttpResponse ready = c.call("GET", "/api/v1/ready");
        QCOMPARE(ready.status, 503);
        QCOMPARE(ready.json().value(u"reason"_s).toString(), u"store.read_only"_s);
        QVERIFY(ready.json().value(u"message"_s).toString().contains(u"read-only"_s));
        QCOMPARE(c.get("/api/v1/health").status, 200);   // alive, only not ready
        // Spanish too: the reason in the operator's language.
        const RawHttpResponse listo = c.call("GET", "/api/v1/ready", {}, { { "Accept-Language", "es" } });
        QVERIFY2(listo.json().value(u"message"_s).toString().contains(u"solo lectura"_s), listo.body.constData());

        QVERIFY(server.database()
                    ->execStatic(sqlite ? u"PRAGMA query_only = OFF"_s : u"SET default_transaction_read_only = off"_s)
                    .ok());
        const auto created = c.createUser(u"sup1"_s);
        QVERIFY2(created.ok(), qPrintable(why(created)));
        const RawHttpResponse readyAgain = c.get("/api/v1/ready");
        QVERIFY2(readyAgain.status == 200, readyAgain.body.constData());
        QVERIFY(c.login().ok());
    }

    // A real full disk: the SQLite file on a 4 MiB tmpfs filled to the last byte. Writes answer
    // 503 "disk is full", ready says so, the failures (requests, the checkpointer's every 50 ms)
    // write a couple of log lines, not hundreds; freeing space ends it.
    void fullDisk_answers503_readySaysSo_andTheLogIsNotFlooded()
    {
        QTemporaryDir dir;
        const QString mountPoint = dir.filePath(u"small"_s);
        QVERIFY(QDir().mkpath(mountPoint));
        if (QProcess::execute(u"mount"_s, { u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=4m"_s, u"tmpfs"_s, mountPoint }) != 0)
            QSKIP("cannot mount a small tmpfs here (needs root); the read-only test covers the same answers");
        const auto unmount = qScopeGuard([&] { QProcess::execute(u"umount"_s, { u"-l"_s, mountPoint }); });
        const QString url = u"sqlite://"_s + mountPoint + u"/enlace.db"_s;
        {
            auto db = Database::open(url);
            QVERIFY(db.ok());
            QVERIFY(makeAdmin(db.value()));
        }
        ServerInstance server(config(url, dir));
        QVERIFY(server.start().ok());
        Clients c(server);
        const auto logged = c.login();
        QVERIFY(logged.ok());
        QVERIFY(!logged->token.isEmpty());

        QFile filler(mountPoint + u"/filler"_s);
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray chunk(4096, 'x');
        while (filler.write(chunk) == chunk.size() && filler.flush()) { }
        filler.close();

        LogCounter log;
        int refused = 0;
        Result<QJsonObject> last = QJsonObject();
        // Enough writes to outgrow what SQLite had already allocated (200 created or 503 refused).
        for (int i = 0; i < 200 && refused < 20; ++i) {
            last = c.createUser(u"user%1"_s.arg(i));
            QVERIFY2(last.ok() || last.error().kind == Error::Kind::Unavailable, qPrintable(why(last)));
            refused += !last.ok();
        }
        QVERIFY2(refused >= 20, "the full disk never refused a write");
        QVERIFY2(!last.ok() && last.error().text().contains(u"full"_s), qPrintable(why(last)));
        const RawHttpResponse ready = c.get("/api/v1/ready");
        QCOMPARE(ready.status, 503);
        QVERIFY2(ready.json().value(u"reason"_s).toString() == u"store.full"_s, ready.body.constData());
        // The checkpointer retries every 50 ms on its own thread and says nothing when a round fails
        // again, so no event marks its rounds: give it 30 of them to flood the log.
        test::settleFor(1500, "30 failing checkpointer rounds must not each write a log line");
        for (int i = 0; i < 10; ++i)
            QCOMPARE(c.get("/api/v1/ready").status, 503);
        QVERIFY2(LogCounter::s_lines <= 3, qPrintable(u"%1 warning lines"_s.arg(LogCounter::s_lines)));

        QVERIFY(QFile::remove(mountPoint + u"/filler"_s));
        QVERIFY(c.createUser(u"after"_s).ok());
        QCOMPARE(c.get("/api/v1/ready").status, 200);
        server.stop();
    }
};

QTEST_GUILESS_MAIN(TestServerInstance)
#include "tst_serverinstance.moc"
