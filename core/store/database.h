#pragma once

#include <core/model/ratelimit.h>
#include <core/model/result.h>

#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>

namespace enlace {

enum class SqlDialect { Sqlite, Postgres };

class StatementCache;

// A query that Database::exec prepared and executed. Read it like a QSqlQuery; when it is destroyed
// its prepared statement goes back to the connection's cache, so the next exec of the same SQL on
// the same thread binds and runs it without parsing and planning it again.
class Query final : public QSqlQuery
{
public:
    Query(QSqlQuery &&prepared, std::weak_ptr<StatementCache> cache, const QString &sql, quint64 thread);
    Query(Query &&other) noexcept = default;
    Query &operator=(Query &&other) noexcept = default;
    ~Query();

private:
    std::weak_ptr<StatementCache> m_cache;
    QString m_sql;
    quint64 m_thread = 0;   // the thread whose connection ran it (Database::threadSerial)
};

// The one handle on the store. SQLite (embedded default) or PostgreSQL (production), same schema,
// migrated at open. Every statement is prepared with bound values; nothing is concatenated.
// Each thread gets its own connection (Qt connections are per thread).
class Database final
{
public:
    // url: a file path, "sqlite:///abs/path.db", "sqlite::memory:", or
    // "postgresql://user[:password]@host[:port]/dbname[?schema=name]".
    static Result<std::shared_ptr<Database>> open(const QString &url);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    SqlDialect dialect() const { return m_dialect; }
    // SQLite ":memory:" (one database shared by this object's connections).
    bool isInMemory() const { return m_dialect == SqlDialect::Sqlite && m_path.startsWith(QStringLiteral("file:")); }
    // The url without its password, safe for logs.
    QString displayUrl() const;
    int schemaVersion() const;   // 0 when it cannot be read
    Result<int> readSchemaVersion() const;   // the same, with the reason it could not
    // PostgreSQL: the url's ?schema= (empty: the default search path).
    QString postgresSchema() const { return m_schema; }
    static int latestSchemaVersion();

    QSqlDatabase connection() const;

    // Prepares (or takes the statement from this thread's cache), binds positional `?` values and
    // executes. The query is ready to be read. On PostgreSQL read it to the end before the next
    // exec on the same thread: QPSQL reads forward-only results row by row, and another statement
    // on the connection discards the rest.
    Result<Query> exec(const QString &sql, const QVariantList &values = {}) const;
    // A statement without values that cannot be prepared on every driver (DDL). Never pass
    // anything built from input here.
    Result<void> execStatic(const QString &sql) const;
    // INSERT ... returning the new row's id on both dialects.
    Result<qint64> insert(const QString &sql, const QVariantList &values = {}) const;
    // Executes and reads the first column of the first row (or an invalid QVariant).
    Result<QVariant> scalar(const QString &sql, const QVariantList &values = {}) const;

    // All-or-nothing: begin, then commit(); rolls back when destroyed uncommitted.
    // Nested transactions become savepoints, or with Nesting::Join take part in the enclosing one
    // without a savepoint (no round trips on PostgreSQL): a joined part that does not commit dooms
    // the outermost transaction, whose commit() then rolls back and fails.
    class Transaction final
    {
    public:
        enum class Nesting { Savepoint, Join };
        explicit Transaction(const Database &db, Nesting nesting = Nesting::Savepoint);
        ~Transaction();
        Transaction(const Transaction &) = delete;
        Transaction &operator=(const Transaction &) = delete;
        bool active() const { return m_active; }
        Result<void> commit();
        void rollback();

    private:
        void releaseWriters();

        const Database &m_db;
        QString m_savepoint;
        bool m_joined = false;
        bool m_active = false;
        bool m_holdsWriters = false;   // SQLite, outermost: this process's writer mutex
        bool m_failedBegin = false;   // outermost, BEGIN failed: this thread's statements are refused
        std::optional<Error> m_beginError;
    };

    // Whether this thread has a transaction open on this database.
    bool inTransaction() const;

    // The value to bind for an optional id: the id, or a typed SQL NULL.
    static QVariant nullableId(std::optional<qint64> id)
    {
        return id ? QVariant(*id) : QVariant(QMetaType::fromType<qint64>());
    }

    // SQL fragment for "now" in epoch milliseconds, per dialect.
    QString nowMsExpression() const;
    // Appends " FOR UPDATE SKIP LOCKED" on PostgreSQL, nothing on SQLite (single writer).
    QString lockClause() const;
    // Maps an integrity violation (unique/foreign key) to true.
    static bool isConstraintViolation(const QSqlError &error);
    // Ends the calling thread's connection now (a worker about to stop), not at the thread's end.
    void releaseThisThread() const;
    // A driver error as an Error: a constraint -> Conflict; what the store cannot do now ->
    // Unavailable with code store.read_only, store.full, store.busy or store.unreachable and a
    // message saying so (the API answers 503 with it); else Internal.
    static Error errorFrom(const QString &code, const QSqlError &error);
    // The store's standing condition: the last read-only / full / unreachable failure of any
    // statement, if one came within `within` and no write has succeeded since (for
    // /api/v1/ready). The condition is logged when it starts and then at most once a minute.
    std::optional<Error> problem(std::chrono::milliseconds within = std::chrono::seconds(30)) const;

private:
    Database() = default;
    // BEGIN / COMMIT / SAVEPOINT ... (literals and savepoint names built here, never input).
    Result<void> control(const QString &sql) const;
    Result<void> migrate();
    QSqlDatabase createConnection(const QString &name) const;
    QString connectionName() const;   // this thread's

    Error fail(const QString &code, const QSqlError &error) const;   // errorFrom, and notes a condition
    Result<Query> execOnce(const QString &sql, const QVariantList &values) const;
    void setUpPostgresSession(QSqlDatabase &connection) const;
    bool reconnect(const Error &error) const;   // a new PostgreSQL session for this thread, if it may
    bool reopen(const Error &error) const;   // the same, without asking whether a transaction is open
    Error notOpen(const QSqlDatabase &connection) const;   // this thread's connection could not be opened
    void noteWriteSucceeded() const;
    mutable QMutex m_healthMutex;
    mutable std::optional<Error> m_problem;
    mutable std::chrono::steady_clock::time_point m_problemAt;
    mutable std::atomic<bool> m_hasProblem { false };
    mutable RateLimit m_problemLog { std::chrono::minutes(1) };
    mutable RateLimit m_recoveryLog { std::chrono::minutes(1) };
    mutable QString m_problemLogged;   // the condition the last record was about
    mutable qint64 m_problemFailures = 0;

    SqlDialect m_dialect = SqlDialect::Sqlite;
    QString m_url;
    QString m_path;   // sqlite
    QString m_host, m_user, m_password, m_dbName, m_schema;
    int m_port = 5432;
    QString m_connectionPrefix;
    std::shared_ptr<StatementCache> m_statements;
    mutable QMutex m_writers;   // SQLite: one outermost write transaction of this process at a time
    // SQLite: taken on the way to m_writers and let go once it is held, so the checkpointer, which
    // holds it while it waits for m_writers, is not overtaken by a writer that commits and begins
    // again at once (a QMutex is not fair).
    mutable QMutex m_writersTurnstile;
    bool lockWriters(int timeoutMs) const;   // both, in order; false past the timeout
    void unlockWriters() const { m_writers.unlock(); }
    // SQLite file: WAL checkpoints run on this thread (PRAGMA wal_autocheckpoint = 0 on the others),
    // so no request waits for a checkpoint's copy and fsync.
    class Checkpointer;
    std::unique_ptr<Checkpointer> m_checkpointer;
};

}   // namespace enlace
