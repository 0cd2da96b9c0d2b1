#include <core/http/httpserver.h>
#include <core/identity/userrepository.h>
#include <core/model/user.h>
#include <core/server/serverinstance.h>
#include <core/store/database.h>
#include <tests/support/postgresoutage.h>
#include <tests/support/scratchdatabase.h>
#include <tests/support/server/apitestclient.h>
#include <tests/support/server/serverconfigs.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;
using enlace::test::ApiReply;
using enlace::test::ApiTestClient;

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

ApiReply login(ApiTestClient &c)
{
    return c.call("POST", u"/api/v1/login"_s, R"({"username":"boss","password":"right"})", "application/json", {},
                  english());
}

ApiReply createUser(ApiTestClient &c, const QString &token, const QString &name)
{
    const QByteArray body = R"({"username":")" + name.toUtf8()
        + R"(","password":"Una-clave-larga-1","first_name":"Ana","last_name":"Pérez","role":3})";
    return c.call("POST", u"/api/v1/users/create/"_s, body, "application/json", token, english());
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
        ApiTestClient c(QUrl(u"http://127.0.0.1:%1"_s.arg(server.http()->port())));
        const QString token = login(c).json().value(u"token"_s).toString();
        QVERIFY(!token.isEmpty());
        QCOMPARE(c.get(u"/api/v1/campaigns/"_s, token).status, 200);

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
        for (const QString &path : { u"/api/v1/campaigns/"_s, u"/api/v1/external_systems/"_s, u"/api/v1/users/"_s,
                                     u"/api/v1/contact_databases/"_s, u"/api/v1/config_warnings/"_s }) {
            const ApiReply r = c.call("GET", path, {}, {}, token, english());
            QVERIFY2(r.status == 503,
                     qPrintable(path + u" "_s + QString::number(r.status) + u" "_s + QString::fromUtf8(r.body)));
            QVERIFY2(!r.json().value(u"message"_s).toString().isEmpty(), r.body.constData());
        }
        // An integration key that cannot be looked up is not a wrong key either.
        const ApiReply keyed = c.call("GET", u"/api/v1/disposition/"_s, {}, {}, {},
                                      { { "X-Enlace-Integration-Key", "0123456789abcdef0123456789abcdef" } });
        QVERIFY2(keyed.status == 503, keyed.body.constData());
        QCOMPARE(c.get(u"/api/v1/ready"_s).status, 503);
        QCOMPARE(c.get(u"/api/v1/health"_s).status, 200);

        if (outage) {
            QVERIFY(outage->restore());
            // Back: the same token works again, nobody was logged out.
            QTRY_COMPARE_WITH_TIMEOUT(c.get(u"/api/v1/campaigns/"_s, token).status, 200, 10000);
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
        ApiTestClient c(QUrl(u"http://127.0.0.1:%1"_s.arg(server.http()->port())));
        const QString token = login(c).json().value(u"token"_s).toString();
        QVERIFY(!token.isEmpty());
        QCOMPARE(c.get(u"/api/v1/ready"_s).status, 200);

        // The server's own connection (its HTTP thread is this one) stops taking writes, as a
        // hot standby or a remounted file would.
        const bool sqlite = backend == u"sqlite"_s;
        QVERIFY(server.database()
                    ->execStatic(sqlite ? u"PRAGMA query_only = ON"_s : u"SET default_transaction_read_only = on"_s)
                    .ok());
        const ApiReply refusedLogin = login(c);
        QCOMPARE(refusedLogin.status, 503);
        QVERIFY2(refusedLogin.json().value(u"message"_s).toString().contains(u"read-only"_s),
                 refusedLogin.body.constData());
        QVERIFY(!refusedLogin.json().contains(u"token"_s));
        const ApiReply refusedCreate = createUser(c, token, u"sup1"_s);
        QCOMPARE(refusedCreate.status, 503);
        QVERIFY2(refusedCreate.json().value(u"message"_s).toString().contains(u"read-only"_s),
                 refusedCreate.body.constData());
        const ApiReply ready = c.call("GET", u"/api/v1/ready"_s, {}, {}, {}, english());
        QCOMPARE(ready.status, 503);
        QCOMPARE(ready.json().value(u"reason"_s).toString(), u"store.read_only"_s);
        QVERIFY(ready.json().value(u"message"_s).toString().contains(u"read-only"_s));
        QCOMPARE(c.get(u"/api/v1/health"_s).status, 200);   // alive, only not ready
        // Spanish too: the reason in the operator's language.
        const ApiReply listo = c.call("GET", u"/api/v1/ready"_s, {}, {}, {}, { { "Accept-Language", "es" } });
        QVERIFY2(listo.json().value(u"message"_s).toString().contains(u"solo lectura"_s), listo.body.constData());

        QVERIFY(server.database()
                    ->execStatic(sqlite ? u"PRAGMA query_only = OFF"_s : u"SET default_transaction_read_only = off"_s)
                    .ok());
        QCOMPARE(createUser(c, token, u"sup1"_s).status, 200);
        const ApiReply readyAgain = c.get(u"/api/v1/ready"_s);
        QVERIFY2(readyAgain.status == 200, readyAgain.body.constData());
        QCOMPARE(login(c).status, 200);
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
        ApiTestClient c(QUrl(u"http://127.0.0.1:%1"_s.arg(server.http()->port())));
        const QString token = login(c).json().value(u"token"_s).toString();
        QVERIFY(!token.isEmpty());

        QFile filler(mountPoint + u"/filler"_s);
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray chunk(4096, 'x');
        while (filler.write(chunk) == chunk.size() && filler.flush()) { }
        filler.close();

        LogCounter log;
        int refused = 0;
        ApiReply last;
        // Enough writes to outgrow what SQLite had already allocated.
        for (int i = 0; i < 200 && refused < 20; ++i) {
            last = createUser(c, token, u"user%1"_s.arg(i));
            QVERIFY2(last.status == 200 || last.status == 503, last.body.constData());
            refused += last.status == 503;
        }
        QVERIFY2(refused >= 20, "the full disk never refused a write");
        QVERIFY2(last.json().value(u"message"_s).toString().contains(u"full"_s), last.body.constData());
        const ApiReply ready = c.get(u"/api/v1/ready"_s);
        QCOMPARE(ready.status, 503);
        QVERIFY2(ready.json().value(u"reason"_s).toString() == u"store.full"_s, ready.body.constData());
        QTest::qWait(1500);   // 30 checkpointer rounds
        for (int i = 0; i < 10; ++i)
            QCOMPARE(c.get(u"/api/v1/ready"_s).status, 503);
        QVERIFY2(LogCounter::s_lines <= 3, qPrintable(u"%1 warning lines"_s.arg(LogCounter::s_lines)));

        QVERIFY(QFile::remove(mountPoint + u"/filler"_s));
        QCOMPARE(createUser(c, token, u"after"_s).status, 200);
        QCOMPARE(c.get(u"/api/v1/ready"_s).status, 200);
        server.stop();
    }
};

QTEST_GUILESS_MAIN(TestServerInstance)
#include "tst_serverinstance.moc"
