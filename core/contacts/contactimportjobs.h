#pragma once

#include <core/contacts/contactimporter.h>
#include <core/contacts/importjobrepository.h>
#include <core/model/result.h>

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>

class QFile;

namespace enlace {

class Clock;
class MessageCatalog;
class Database;

// The contact imports this server runs for uploads, and the answer for any job, this server's or
// another's. A job is a row of contact_imports (ImportJobRepository) from its start; while it runs
// here this board holds its live progress and answers from it; once it ends, its row holds the
// outcome (the refusal in every shipped language) and every server answers from the row.
// - PostgreSQL: the rows of running jobs are written every heartbeatIntervalMs(), which also tells
//   the other servers this one is alive. Not on SQLite: a write there would wait for the import's
//   own transaction, and a SQLite database has one server, which answers from memory.
// - A running job whose row had no news for kAbandonedMs is taken for cut off (its server went
//   away) and reads failed, with a message saying so.
class ContactImportJobs final : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kAbandonedMs = 60'000;

    // clock and catalog outlive the jobs.
    ContactImportJobs(std::shared_ptr<Database> db, const Clock &clock, const MessageCatalog &catalog,
                      QObject *parent = nullptr);
    ~ContactImportJobs() override;

    void setHeartbeatIntervalMs(int ms) { m_heartbeat.setInterval(ms); }
    int heartbeatIntervalMs() const { return m_heartbeat.interval(); }

    // When the server starts: on SQLite the jobs the last stop cut off read failed at once; on any
    // store, what a stopped importer wrote of a new database in steps (hidden) is removed.
    void sweepAtStart();

    // Creates the job's row and starts importing on a thread of its own. file: what holds the CSV
    // (options.filePath), kept until the import ends. Returns the job id.
    Result<QString> start(const ContactImportOptions &options, std::shared_ptr<QFile> file,
                          std::optional<qint64> createdBy);
    // The job as it stands: live when it runs here, else from its row; nullopt when unknown.
    Result<std::optional<ImportJobRecord>> find(const QString &id);
    int runningHere() const { return int(m_running.size()); }

    // An import's refusal as the job's row keeps it: {"<language>": {"message", "errors"}}.
    QJsonObject errorInEveryLanguage(const Error &error) const;

Q_SIGNALS:
    void jobEnded(const QString &id);

private:
    struct Job
    {
        ImportJobRecord record;
        QPointer<ContactImporter> importer;
        std::shared_ptr<QFile> file;
    };
    const Clock &clock() const;
    QJsonObject abandonedInEveryLanguage() const;
    void writeProgress();
    void finish(const QString &id);

    std::shared_ptr<Database> m_db;
    const Clock &m_clock;
    const MessageCatalog &m_catalog;
    QHash<QString, std::shared_ptr<Job>> m_running;
    QTimer m_heartbeat;
};

}   // namespace enlace
