#include <core/model/logvalue.h>
#include <core/model/message.h>
#include <core/store/database.h>
#include <core/store/schema.h>

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlRecord>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <pthread.h>
#include <thread>
#include <unordered_map>
#include <vector>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

QMutex g_depthMutex;
QHash<QString, int> g_depth;   // connection name -> open transaction depth
QSet<QString> g_doomed;   // connection names whose outermost transaction a joined part doomed
QSet<QString> g_wrote;   // connection names whose open transaction wrote rows while the store had a problem

bool isWriteStatement(const QString &sql)
{
    const QStringView head = QStringView(sql).trimmed().left(6);
    return head.compare(u"INSERT", Qt::CaseInsensitive) == 0 || head.compare(u"UPDATE", Qt::CaseInsensitive) == 0
        || head.compare(u"DELETE", Qt::CaseInsensitive) == 0;
}

// The statement for this dialect; empty when it is marked for the other one.
QString substitute(QString sql, SqlDialect d)
{
    const QString own = d == SqlDialect::Postgres ? u"{postgres}"_s : u"{sqlite}"_s;
    const QString other = d == SqlDialect::Postgres ? u"{sqlite}"_s : u"{postgres}"_s;
    if (sql.startsWith(other))
        return {};
    if (sql.startsWith(own))
        sql.remove(0, own.size());
    if (d == SqlDialect::Postgres) {
        sql.replace(u"{pk}"_s, u"BIGSERIAL PRIMARY KEY"_s);
        sql.replace(u"{blob}"_s, u"BYTEA"_s);
    } else {
        sql.replace(u"{pk}"_s, u"INTEGER PRIMARY KEY AUTOINCREMENT"_s);
        sql.replace(u"{blob}"_s, u"BLOB"_s);
    }
    return sql;
}

}   // namespace

// Prepared statements that no Query holds, per thread (a connection belongs to one thread) and SQL
// text. A statement in use is not in here: a nested exec of the same SQL prepares another one.
class StatementCache final
{
public:
    std::optional<QSqlQuery> take(quint64 thread, const QString &sql)
    {
        QMutexLocker lock(&m_mutex);
        auto t = m_idle.find(thread);
        if (t == m_idle.end())
            return std::nullopt;
        auto s = t->second.find(sql);
        if (s == t->second.end() || s->second.empty())
            return std::nullopt;
        std::optional<QSqlQuery> q(std::move(s->second.back()));
        s->second.pop_back();
        return q;
    }

    void give(quint64 thread, const QString &sql, QSqlQuery &&query)
    {
        QMutexLocker lock(&m_mutex);
        auto &statements = m_idle[thread];
        if (statements.size() >= kMaxStatements && !statements.contains(sql))
            return;   // a program that builds SQL per call would otherwise grow this without end
        auto &idle = statements[sql];
        if (idle.size() < kMaxPerStatement)
            idle.push_back(std::move(query));
    }

    void clear()
    {
        QMutexLocker lock(&m_mutex);
        m_idle.clear();
    }

    // The thread is ending: its statements go before its connection does.
    void dropThread(quint64 thread)
    {
        std::unordered_map<QString, std::vector<QSqlQuery>> doomed;
        {
            QMutexLocker lock(&m_mutex);
            auto t = m_idle.find(thread);
            if (t == m_idle.end())
                return;
            doomed = std::move(t->second);
            m_idle.erase(t);
        }
    }

private:
    static constexpr std::size_t kMaxStatements = 512;
    static constexpr std::size_t kMaxPerStatement = 4;
    QMutex m_mutex;
    std::unordered_map<quint64, std::unordered_map<QString, std::vector<QSqlQuery>>> m_idle;
};

namespace {

// Numbers threads for the life of the process: unlike a thread id, never reused, so a connection
// name can never be found by a later thread that got a dead thread's id.
quint64 threadSerial()
{
    static std::atomic<quint64> next { 0 };
    thread_local const quint64 serial = ++next;
    return serial;
}

// The connections a worker thread opened (on any Database), removed when the thread ends: each
// upload's import thread, each pool thread that expires. Without it a dead thread's connection
// (and on SQLite, what it held) stayed open for as long as the process ran.
class ThreadConnections final
{
public:
    ~ThreadConnections()
    {
        for (auto &[cache, name] : m_connections)
            release(cache.lock().get(), name);
    }

    // This thread's connection `name`: its statements first, then the connection (rolled back if
    // a transaction was left open).
    static void release(StatementCache *statements, const QString &name)
    {
        if (statements)
            statements->dropThread(threadSerial());
        bool inTransaction = false;
        {
            QMutexLocker lock(&g_depthMutex);
            inTransaction = g_depth.take(name) > 0;
            g_doomed.remove(name);
            g_wrote.remove(name);
        }
        if (QSqlDatabase::contains(name)) {
            {
                QSqlDatabase c = QSqlDatabase::database(name, false);
                if (c.isOpen()) {
                    // An import that failed between begin and rollback leaves no lock behind.
                    if (inTransaction)
                        c.rollback();
                    c.close();
                }
            }
            QSqlDatabase::removeDatabase(name);
        }
    }

    void add(std::weak_ptr<StatementCache> cache, const QString &name)
    {
        m_connections.emplace_back(std::move(cache), name);
    }

private:
    std::vector<std::pair<std::weak_ptr<StatementCache>, QString>> m_connections;
};

// Only threads other than the application's: the main thread's connections end with their
// Database (its destructor), before Qt's own statics go.
void ownByThisThread(std::weak_ptr<StatementCache> cache, const QString &name)
{
    const QCoreApplication *app = QCoreApplication::instance();
    if (app && QThread::currentThread() == app->thread())
        return;
    thread_local ThreadConnections connections;
    connections.add(std::move(cache), name);
}

}   // namespace

Query::Query(QSqlQuery &&prepared, std::weak_ptr<StatementCache> cache, const QString &sql, quint64 thread)
    : QSqlQuery(std::move(prepared))
    , m_cache(std::move(cache))
    , m_sql(sql)
    , m_thread(thread)
{ }

Query::~Query()
{
    // A moved-from Query has an empty m_cache (and no statement); so has one whose Database is gone.
    if (auto cache = m_cache.lock()) {
        finish();   // releases the statement's read snapshot (SQLite) / result (PostgreSQL)
        cache->give(m_thread, m_sql, std::move(static_cast<QSqlQuery &>(*this)));
    }
}

class Database::Checkpointer final
{
public:
    explicit Checkpointer(const Database &db)
        : m_db(db)
        , m_thread([this] { run(); })
    { }
    ~Checkpointer()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }

private:
    void run()
    {
        // Named, so that top -H, perf and the benchmark's CPU figures tell it apart.
        pthread_setname_np(pthread_self(), "enlace-ckpt");
        const QString name = m_db.m_connectionPrefix + u"checkpoint"_s;
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            c.setDatabaseName(m_db.m_path);
            // RESTART holds this process's writers while it waits for readers: never long (a
            // restart that finds a long reader gives up and is tried again 50 ms later).
            c.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=200"_s);
            if (c.open()) {
                QSqlQuery q(c);
                RateLimit failures(std::chrono::minutes(1));
                std::unique_lock lock(m_mutex);
                while (!m_stop) {
                    m_wake.wait_for(lock, std::chrono::milliseconds(kIntervalMs), [this] { return m_stop; });
                    if (m_stop)
                        break;
                    lock.unlock();
                    // PASSIVE: copies what no reader still needs, never blocks readers or the writer.
                    // Its answer: busy, frames in the WAL, frames copied.
                    int frames = 0;
                    if (q.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s) && q.next()) {
                        frames = q.value(1).toInt();
                        failures.reset();
                    } else if (failures.allow()) {
                        // Every 50 ms while the file is read-only or its disk full: one record a minute.
                        qWarning("enlace.store: WAL checkpoint failed: %s (%lld more failures not logged)",
                                 qPrintable(LogValue::oneLine(q.lastError().text())),
                                 static_cast<long long>(failures.held()));
                    }
                    q.finish();
                    // With readers on one thread and a writer on another, some reader always holds
                    // a snapshot, the WAL is never started over and grows without end (measured:
                    // 740 MB in 6 s of load). Past the limit, RESTART waits for the readers of the
                    // moment (short) so the next write starts the WAL from its beginning.
                    if (frames > kRestartFrames) {
                        // Writers of this process wait on their mutex meanwhile: SQLite's busy
                        // handler alone loses every race to a writer that is never idle.
                        const bool holds = m_db.lockWriters(kRestartWaitMs);
                        if (!q.exec(u"PRAGMA wal_checkpoint(RESTART)"_s) && failures.allow())
                            qWarning("enlace.store: WAL restart failed: %s",
                                     qPrintable(LogValue::oneLine(q.lastError().text())));
                        q.finish();
                        if (holds)
                            m_db.unlockWriters();
                    }
                    lock.lock();
                }
            }
            c.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    // Often enough that a busy server (about 100 MB of WAL a second while recording 5,000 calls a
    // second) is caught near the restart limit, and each RESTART holds the writers for a few ms.
    static constexpr int kIntervalMs = 50;
    static constexpr int kRestartFrames = 4096;   // 16 MiB of 4 KiB pages
    static constexpr int kRestartWaitMs = 1000;
    const Database &m_db;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;   // last: starts after the members above exist
};

Result<std::shared_ptr<Database>> Database::open(const QString &url)
{
    std::shared_ptr<Database> db(new Database);
    db->m_url = url;
    db->m_statements = std::make_shared<StatementCache>();
    static QAtomicInteger<int> counter;
    db->m_connectionPrefix = u"enlace-"_s + QString::number(counter.fetchAndAddOrdered(1)) + u'-';

    if (url.startsWith(u"postgresql://"_s) || url.startsWith(u"postgres://"_s)) {
        const QUrl u(url);
        if (!u.isValid() || u.host().isEmpty() || u.path().size() < 2)
            return Error { Error::Kind::Invalid,
                           u"store.bad_url"_s,
                           {},
                           u"expected postgresql://user[:password]@host[:port]/dbname"_s,
                           {} };
        db->m_dialect = SqlDialect::Postgres;
        db->m_host = u.host();
        db->m_port = u.port(5432);
        db->m_user = u.userName();
        db->m_password = u.password();
        db->m_dbName = u.path().mid(1);
        db->m_schema = QUrlQuery(u).queryItemValue(u"schema"_s);
        if (!db->m_schema.isEmpty()) {
            for (QChar c : std::as_const(db->m_schema))
                if (!(c.isLetterOrNumber() || c == u'_'))
                    return Error {
                        Error::Kind::Invalid, u"store.bad_schema"_s, {}, u"schema names are letters, digits and _"_s, {}
                    };
        }
    } else {
        db->m_dialect = SqlDialect::Sqlite;
        QString path = url;
        if (path.startsWith(u"sqlite://"_s))
            path = path.mid(9);
        else if (path.startsWith(u"sqlite:"_s))
            path = path.mid(7);
        if (path.isEmpty())
            return Error { Error::Kind::Invalid, u"store.bad_url"_s, {}, u"empty SQLite path"_s, {} };
        if (path != u":memory:"_s) {
            QDir().mkpath(QFileInfo(path).absolutePath());
        } else {
            // One shared in-memory database for every connection of this object.
            path = u"file:"_s + db->m_connectionPrefix + u"?mode=memory&cache=shared"_s;
        }
        db->m_path = path;
    }

    QSqlDatabase c = db->connection();
    if (!c.isOpen())
        return db->fail(u"store.open_failed"_s, c.lastError());
    if (auto r = db->migrate(); !r)
        return r.error();
    if (db->m_dialect == SqlDialect::Sqlite && !db->isInMemory())
        db->m_checkpointer = std::make_unique<Checkpointer>(*db);
    return db;
}

Database::~Database()
{
    m_checkpointer.reset();   // joins its thread, which removes its own connection
    m_statements->clear();   // statements first: a connection is removed only when no query uses it
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names) {
        // removeDatabase closes the connection when its last handle goes; QSqlDatabase::database()
        // would refuse (and warn) for a connection that a worker thread opened.
        if (name.startsWith(m_connectionPrefix))
            QSqlDatabase::removeDatabase(name);
    }
}

QString Database::displayUrl() const
{
    if (m_dialect == SqlDialect::Sqlite)
        return u"sqlite:"_s + m_path;
    QUrl u(m_url);
    u.setPassword({});
    return u.toString();
}

QSqlDatabase Database::createConnection(const QString &name) const
{
    ownByThisThread(std::weak_ptr<StatementCache>(m_statements), name);
    if (m_dialect == SqlDialect::Sqlite) {
        QSqlDatabase c = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        c.setDatabaseName(m_path);
        if (isInMemory())
            c.setConnectOptions(u"QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=10000"_s);
        else
            c.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
        if (c.open()) {
            QSqlQuery q(c);
            q.exec(u"PRAGMA foreign_keys = ON"_s);
            if (!isInMemory()) {
                q.exec(u"PRAGMA journal_mode = WAL"_s);
                q.exec(u"PRAGMA wal_autocheckpoint = 0"_s);   // the Checkpointer thread does it
                q.exec(u"PRAGMA journal_size_limit = 67108864"_s);   // a restarted WAL file shrinks to 64 MiB
                // Pages read through a shared mapping: a connection whose cache another
                // connection's write invalidated re-reads them without copying.
                q.exec(u"PRAGMA mmap_size = 1073741824"_s);
            }
            q.exec(u"PRAGMA synchronous = NORMAL"_s);
        }
        return c;
    }
    QSqlDatabase c = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
    c.setHostName(m_host);
    c.setPort(m_port);
    c.setUserName(m_user);
    c.setPassword(m_password);
    c.setDatabaseName(m_dbName);
    c.setConnectOptions(u"connect_timeout=10"_s);
    if (c.open())
        setUpPostgresSession(c);
    return c;
}

void Database::setUpPostgresSession(QSqlDatabase &c) const
{
    QSqlQuery q(c);
    q.exec(u"SET client_min_messages TO WARNING"_s);
    if (!m_schema.isEmpty()) {
        // The schema name was checked to be [A-Za-z0-9_] at open.
        q.exec(u"CREATE SCHEMA IF NOT EXISTS "_s + m_schema);
        q.exec(u"SET search_path TO "_s + m_schema);
    }
}

bool Database::reconnect(const Error &error) const
{
    // PostgreSQL restarted, or the link to it broke: this thread's session is gone, and with it
    // every statement it had prepared. Outside a transaction, start a new session and let the
    // caller try once more, so the first request after an outage is not refused for nothing.
    if (inTransaction())
        return false;
    return reopen(error);
}

bool Database::reopen(const Error &error) const
{
    if (m_dialect != SqlDialect::Postgres || error.code != u"store.unreachable"_s)
        return false;
    m_statements->dropThread(threadSerial());
    QSqlDatabase c = QSqlDatabase::database(connectionName(), false);
    if (!c.isValid())
        return false;
    c.close();
    if (!c.open())
        return false;
    setUpPostgresSession(c);
    qInfo("enlace.store: reconnected to PostgreSQL after: %s", qPrintable(LogValue::oneLine(error.detail)));
    return true;
}

Error Database::notOpen(const QSqlDatabase &connection) const
{
    // A connection that is not open cannot run anything: whatever the driver says, the store does
    // not answer (503), never an internal error (500).
    const QSqlError why = connection.lastError();
    if (errorFrom(u"store.open_failed"_s, why).kind == Error::Kind::Unavailable)
        return fail(u"store.open_failed"_s, why);
    return fail(u"store.open_failed"_s,
                QSqlError(why.driverText(), u"could not connect "_s + why.databaseText(), QSqlError::ConnectionError));
}

namespace {
// The outermost transaction of this thread whose BEGIN failed, and why: until it ends, this
// thread's statements on that database are refused, so none of them runs outside the transaction
// it was written for (half a change stored).
thread_local const Database *t_failedBegin = nullptr;
thread_local std::optional<Error> t_failedBeginError;
}   // namespace

QString Database::connectionName() const
{
    return m_connectionPrefix + QString::number(threadSerial());
}

bool Database::inTransaction() const
{
    const QString name = connectionName();
    QMutexLocker lock(&g_depthMutex);
    return g_depth.value(name) > 0;
}

QSqlDatabase Database::connection() const
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase c = QSqlDatabase::database(name, true);
        return c;
    }
    return createConnection(name);
}

Result<Query> Database::exec(const QString &sql, const QVariantList &values) const
{
    auto first = execOnce(sql, values);
    if (!first.ok() && reconnect(first.error()))
        return execOnce(sql, values);
    return first;
}

Result<Query> Database::execOnce(const QString &sql, const QVariantList &values) const
{
    if (t_failedBegin == this && t_failedBeginError)
        return *t_failedBeginError;
    const quint64 thread = threadSerial();
    std::optional<QSqlQuery> cached = m_statements->take(thread, sql);
    // A cached statement implies this thread's connection exists: look it up only to prepare.
    std::optional<QSqlQuery> fresh;
    if (!cached) {
        QSqlDatabase c = connection();
        if (!c.isOpen())
            return notOpen(c);
        fresh.emplace(c);
    }
    QSqlQuery q = cached ? std::move(*cached) : std::move(*fresh);
    if (!cached) {
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            return fail(u"store.prepare"_s, q.lastError());
    }
    for (qsizetype i = 0; i < values.size(); ++i)
        q.bindValue(int(i), values.at(i));
    // A statement that failed is not cached again (a PostgreSQL statement may be gone with its session).
    if (!q.exec()) {
        // A ROLLBACK after a failure (SQLite has often rolled back already) says nothing new.
        if (sql.startsWith(u"ROLLBACK"_s))
            return errorFrom(u"store.exec"_s, q.lastError());
        return fail(u"store.exec"_s, q.lastError());
    }
    // A write outside a transaction is stored once it returns (inside one: at the commit).
    // (QPSQL reads forward-only results row by row and cannot count the rows: any write it took.)
    if (m_hasProblem.load(std::memory_order_relaxed) && isWriteStatement(sql)
        && (m_dialect == SqlDialect::Postgres || q.numRowsAffected() > 0)) {
        const QString name = connectionName();
        QMutexLocker lock(&g_depthMutex);
        if (g_depth.value(name) > 0) {
            g_wrote.insert(name);
        } else {
            lock.unlock();
            noteWriteSucceeded();
        }
    }
    return Query(std::move(q), std::weak_ptr<StatementCache>(m_statements), sql, thread);
}

Result<void> Database::control(const QString &sql) const
{
    // SQLite prepares (and so caches) transaction statements; PostgreSQL cannot PREPARE them.
    if (m_dialect == SqlDialect::Sqlite) {
        auto q = exec(sql);
        if (!q)
            return q.error();
        return {};
    }
    return execStatic(sql);
}

Result<void> Database::execStatic(const QString &sql) const
{
    if (t_failedBegin == this && t_failedBeginError)
        return *t_failedBeginError;
    for (int attempt = 0;; ++attempt) {
        QSqlDatabase c = connection();
        Error e;
        if (c.isOpen()) {
            QSqlQuery q(c);
            if (q.exec(sql))
                return {};
            e = fail(u"store.exec"_s, q.lastError());
        } else {
            e = notOpen(c);
        }
        if (attempt > 0 || !reconnect(e))
            return e;
    }
}

Result<qint64> Database::insert(const QString &sql, const QVariantList &values) const
{
    if (m_dialect == SqlDialect::Postgres) {
        auto r = exec(sql + u" RETURNING id"_s, values);
        if (!r)
            return r.error();
        if (!r->next())
            return Error::internal(u"store.insert"_s, u"no id returned"_s);
        return r->value(0).toLongLong();
    }
    auto r = exec(sql, values);
    if (!r)
        return r.error();
    return r->lastInsertId().toLongLong();
}

Result<QVariant> Database::scalar(const QString &sql, const QVariantList &values) const
{
    auto r = exec(sql, values);
    if (!r)
        return r.error();
    if (!r->next())
        return QVariant();
    return r->value(0);
}

int Database::latestSchemaVersion()
{
    return schemaMigrations().constLast().version;
}

Result<int> Database::readSchemaVersion() const
{
    auto r = scalar(u"SELECT MAX(version) FROM schema_version"_s);
    if (!r)
        return r.error();
    return r->toInt();
}

int Database::schemaVersion() const
{
    auto r = readSchemaVersion();
    return r ? r.value() : 0;
}

Result<void> Database::migrate()
{
    if (auto r = execStatic(
            u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)"_s);
        !r)
        return r.error();
    // Several servers may start at once on one PostgreSQL: serialise migrations.
    Transaction tx(*this);
    if (m_dialect == SqlDialect::Postgres) {
        if (auto r = exec(u"SELECT pg_advisory_xact_lock(4242001)"_s); !r)
            return r.error();
    }
    const int current = schemaVersion();
    for (const Migration &m : schemaMigrations()) {
        if (m.version <= current)
            continue;
        for (const QString &statement : m.statements) {
            const QString sql = substitute(statement, m_dialect);
            if (sql.isEmpty())
                continue;
            if (auto r = execStatic(sql); !r)
                return Error { Error::Kind::Internal,
                               u"store.migration"_s,
                               {},
                               u"migration "_s + QString::number(m.version) + u": "_s + r.error().detail,
                               {} };
        }
        if (auto r = exec(u"INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"_s,
                          { m.version, QDateTime::currentMSecsSinceEpoch() });
            !r)
            return r.error();
    }
    return tx.commit();
}

QString Database::nowMsExpression() const
{
    return m_dialect == SqlDialect::Postgres ? u"(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT"_s
                                             : u"CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"_s;
}

QString Database::lockClause() const
{
    return m_dialect == SqlDialect::Postgres ? u" FOR UPDATE SKIP LOCKED"_s : QString();
}

Error Database::errorFrom(const QString &code, const QSqlError &e)
{
    Error err { Error::Kind::Internal, code, {}, e.text(), {} };
    if (isConstraintViolation(e)) {
        err.kind = Error::Kind::Conflict;
        return err;
    }
    // What the store cannot do now, whoever asks: 503 with the reason, not a generic 500.
    // SQLite: the result code (primary code in the low byte); PostgreSQL: the SQLSTATE.
    // SQLite: the result code (its primary code in the low byte) is the native code.
    // PostgreSQL: the SQLSTATE, which Qt 6.4's QPSQL does not always give as the native code (it
    // may give the result status) but writes into the text: "...\n(25006) QPSQL: ...".
    enum class Reason { None, ReadOnly, Full, Busy, Unreachable, Damaged } reason = Reason::None;
    const QString text = e.databaseText() + u' ' + e.driverText();
    if (text.contains(u"QPSQL"_s) || e.driverText().contains(u"PSQL"_s)) {
        static const QRegularExpression sqlState(u"\\(([0-9A-Z]{5})\\)"_s);
        const auto m = sqlState.match(text);
        const QString state = m.hasMatch() ? m.captured(1) : e.nativeErrorCode();
        if (state == u"25006"_s)   // read_only_sql_transaction (hot standby, default_transaction_read_only)
            reason = Reason::ReadOnly;
        else if (state == u"53100"_s)   // disk_full
            reason = Reason::Full;
        else if (state.startsWith(u"53"_s) || state == u"55P03"_s
                 || state == u"40P01"_s)   // resources, lock timeout, deadlock
            reason = Reason::Busy;
        else if (state.startsWith(u"08"_s) || state.startsWith(u"57P"_s) || e.type() == QSqlError::ConnectionError)
            reason = Reason::Unreachable;   // connection exceptions, shutdown, cannot connect now
        else if (state == u"26000"_s)   // a prepared statement of a session that is gone
            reason = Reason::Unreachable;
        else if ((text.contains(u"connection pointer is NULL"_s) || text.contains(u"server closed the connection"_s)
                  || text.contains(u"no connection to the server"_s) || text.contains(u"terminating connection"_s)
                  || text.contains(u"could not connect"_s) || text.contains(u"Connection refused"_s)))
            reason = Reason::Unreachable;   // libpq's own words when the link is down: no SQLSTATE
    } else {
        bool numeric = false;
        const int result = e.nativeErrorCode().toInt(&numeric) & 0xff;
        if (numeric && result == 8)   // SQLITE_READONLY
            reason = Reason::ReadOnly;
        else if (numeric && result == 13)   // SQLITE_FULL
            reason = Reason::Full;
        else if (numeric && (result == 5 || result == 6))   // SQLITE_BUSY, SQLITE_LOCKED
            reason = Reason::Busy;
        else if (numeric && (result == 11 || result == 26))   // SQLITE_CORRUPT, SQLITE_NOTADB
            reason = Reason::Damaged;
        else if ((numeric && (result == 10 || result == 14))
                 || e.type() == QSqlError::ConnectionError)   // IOERR, CANTOPEN
            reason = Reason::Unreachable;
    }
    switch (reason) {
    case Reason::None:
        return err;
    case Reason::ReadOnly:
        err.code = u"store.read_only"_s;
        err.message = Message::make(
            "Api",
            QT_TRANSLATE_NOOP("Api", "The database is read-only: nothing can be saved until it is writable again."));
        break;
    case Reason::Full:
        err.code = u"store.full"_s;
        err.message = Message::make(
            "Api", QT_TRANSLATE_NOOP("Api", "The database's disk is full: nothing can be saved until space is freed."));
        break;
    case Reason::Busy:
        err.code = u"store.busy"_s;
        err.message = Message::make("Api", QT_TRANSLATE_NOOP("Api", "The database is busy: try again in a moment."));
        break;
    case Reason::Unreachable:
        err.code = u"store.unreachable"_s;
        err.message = Message::make("Api", QT_TRANSLATE_NOOP("Api", "The database does not answer."));
        break;
    case Reason::Damaged:
        err.code = u"store.damaged"_s;
        err.message = Message::make(
            "Api", QT_TRANSLATE_NOOP("Api", "The database cannot be read: its file is damaged or is not a database."));
        break;
    }
    err.kind = Error::Kind::Unavailable;
    return err;
}

Error Database::fail(const QString &code, const QSqlError &e) const
{
    Error err = errorFrom(code, e);
    if (err.kind == Error::Kind::Unavailable && err.code != u"store.busy"_s) {
        const auto now = std::chrono::steady_clock::now();
        QMutexLocker lock(&m_healthMutex);
        m_problem = err;
        m_problemAt = now;
        m_hasProblem.store(true, std::memory_order_relaxed);
        ++m_problemFailures;
        // One record when a condition starts, then at most one a minute while it lasts (a store
        // that takes some writes and refuses others does not flap the log either).
        if (err.code != m_problemLogged)
            m_problemLog.reset();
        if (m_problemLog.allow(now)) {
            qWarning("enlace.store: %s: %s (failed statements since the last record: %lld)", qPrintable(err.code),
                     qPrintable(LogValue::oneLine(err.detail)), static_cast<long long>(m_problemFailures));
            m_problemFailures = 0;
            m_problemLogged = err.code;
        }
    }
    return err;
}

void Database::noteWriteSucceeded() const
{
    if (!m_hasProblem.load(std::memory_order_relaxed))
        return;
    QMutexLocker lock(&m_healthMutex);
    if (m_problem && m_recoveryLog.allow())
        qInfo("enlace.store: %s is over: a write was stored", qPrintable(m_problem->code));
    m_problem.reset();
    m_hasProblem.store(false, std::memory_order_relaxed);
}

std::optional<Error> Database::problem(std::chrono::milliseconds within) const
{
    if (!m_hasProblem.load(std::memory_order_relaxed))
        return std::nullopt;
    QMutexLocker lock(&m_healthMutex);
    if (!m_problem || std::chrono::steady_clock::now() - m_problemAt > within)
        return std::nullopt;
    return m_problem;
}

void Database::releaseThisThread() const
{
    ThreadConnections::release(m_statements.get(), connectionName());
}

bool Database::isConstraintViolation(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    // PostgreSQL SQLSTATE class 23 (integrity constraint violation); SQLite result code 19 (CONSTRAINT)
    // and its extended codes (x | 19).
    if (code.startsWith(u"23"_s) && code.size() == 5)
        return true;
    bool ok = false;
    const int n = code.toInt(&ok);
    return ok && (n & 0xff) == 19;
}

Database::Transaction::Transaction(const Database &db, Nesting nesting)
    : m_db(db)
{
    if (t_failedBegin == &db) {   // inside a transaction that could not begin
        m_beginError = t_failedBeginError;
        return;
    }
    QSqlDatabase c = db.connection();
    int depth;
    {
        QMutexLocker lock(&g_depthMutex);
        depth = g_depth.value(c.connectionName());
        g_depth[c.connectionName()] = depth + 1;
    }
    if (depth == 0) {
        // SQLite: take the write lock now (BEGIN IMMEDIATE) so a transaction never fails half way
        // on a lock upgrade.
        if (db.dialect() == SqlDialect::Sqlite) {
            // Writers of this process queue on a mutex, woken the moment the previous one commits,
            // instead of SQLite's busy handler, which sleeps 1, 2, 5, 10 ... ms between retries.
            // Bounded like the busy timeout; past it BEGIN IMMEDIATE waits and fails as before.
            m_holdsWriters = db.lockWriters(10000);
            if (auto begun = db.control(u"BEGIN IMMEDIATE"_s); begun.ok())
                m_active = true;
            else
                m_beginError = begun.error();
        } else {
            // PostgreSQL: a session lost with a restart is replaced once here, outside any transaction.
            Error e;
            if (c.isOpen() && (m_active = c.transaction()))
                e = {};
            else
                e = c.isOpen() ? db.fail(u"store.begin"_s, c.lastError()) : db.notOpen(c);
            if (!m_active && db.reopen(e)) {
                c = db.connection();
                m_active = c.isOpen() && c.transaction();
                if (!m_active)
                    e = c.isOpen() ? db.fail(u"store.begin"_s, c.lastError()) : db.notOpen(c);
            }
            if (!m_active)
                m_beginError = e;
        }
        if (!m_active) {
            m_failedBegin = true;
            t_failedBegin = &db;
            t_failedBeginError = m_beginError;
        }
    } else if (nesting == Nesting::Join) {
        m_joined = true;
        m_active = true;
    } else {
        m_savepoint = u"sp"_s + QString::number(depth);
        m_active = db.control(u"SAVEPOINT "_s + m_savepoint).ok();
    }
    if (!m_active) {
        releaseWriters();
        QMutexLocker lock(&g_depthMutex);
        g_depth[c.connectionName()] = depth;
    }
}

bool Database::lockWriters(int timeoutMs) const
{
    const QDeadlineTimer deadline(timeoutMs);
    if (!m_writersTurnstile.tryLock(timeoutMs))
        return false;
    const bool held = m_writers.tryLock(int(std::max<qint64>(0, deadline.remainingTime())));
    m_writersTurnstile.unlock();
    return held;
}

void Database::Transaction::releaseWriters()
{
    if (m_holdsWriters) {
        m_holdsWriters = false;
        m_db.unlockWriters();
    }
}

Database::Transaction::~Transaction()
{
    if (m_active)
        rollback();
    if (m_failedBegin) {
        t_failedBegin = nullptr;
        t_failedBeginError.reset();
    }
}

Result<void> Database::Transaction::commit()
{
    if (!m_active) {
        if (m_beginError && !m_beginError->code.isEmpty())
            return *m_beginError;
        return Error::internal(u"store.transaction"_s, u"transaction not active"_s);
    }
    QSqlDatabase c = m_db.connection();
    Result<void> done;
    bool doomed = false;
    if (!m_joined && m_savepoint.isEmpty()) {
        QMutexLocker lock(&g_depthMutex);
        doomed = g_doomed.remove(c.connectionName());
    }
    if (m_joined) {
        // the enclosing transaction commits
    } else if (doomed)
        done = Error::internal(u"store.commit"_s, u"a part of the transaction failed"_s);
    else if (!m_savepoint.isEmpty())
        done = m_db.control(u"RELEASE SAVEPOINT "_s + m_savepoint);
    else if (m_db.dialect() == SqlDialect::Sqlite)
        done = m_db.control(u"COMMIT"_s);
    else if (!c.commit())
        done = m_db.fail(u"store.commit"_s, c.lastError());
    if (!done.ok()) {
        rollback();
        Error e = done.error();
        e.code = u"store.commit"_s;
        return e;
    }
    m_active = false;
    releaseWriters();
    if (!m_joined && m_savepoint.isEmpty()) {
        bool wrote = false;
        {
            QMutexLocker lock(&g_depthMutex);
            wrote = g_wrote.remove(c.connectionName());
        }
        if (wrote)
            m_db.noteWriteSucceeded();   // the outermost commit of rows: they are stored
    }
    QMutexLocker lock(&g_depthMutex);
    g_depth[c.connectionName()] -= 1;
    return {};
}

void Database::Transaction::rollback()
{
    if (!m_active)
        return;
    QSqlDatabase c = m_db.connection();
    if (m_joined) {
        QMutexLocker lock(&g_depthMutex);
        g_doomed.insert(c.connectionName());
    } else if (m_savepoint.isEmpty()) {
        {
            QMutexLocker lock(&g_depthMutex);
            g_doomed.remove(c.connectionName());
            g_wrote.remove(c.connectionName());
        }
        if (m_db.dialect() == SqlDialect::Sqlite)
            (void)m_db.control(u"ROLLBACK"_s);
        else
            c.rollback();
    } else {
        (void)m_db.control(u"ROLLBACK TO SAVEPOINT "_s + m_savepoint);
        (void)m_db.control(u"RELEASE SAVEPOINT "_s + m_savepoint);
    }
    m_active = false;
    releaseWriters();
    QMutexLocker lock(&g_depthMutex);
    g_depth[c.connectionName()] -= 1;
}

}   // namespace enlace
