#pragma once

#include <core/contacts/contactimporter.h>
#include <core/model/result.h>

#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

namespace enlace {

class Clock;
class Database;

// One CSV upload's import job as stored (contact_imports), so that every server on the database
// can answer for it, not only the one running it.
struct ImportJobRecord
{
    enum class State { Running, Finished, Failed };
    QString id;
    State state = State::Running;
    int phase = ContactImporter::Validating;
    qint64 rowsDone = 0;
    qint64 bytesRead = 0;
    qint64 totalBytes = 0;
    std::optional<ImportSummary> summary;   // Finished
    // Failed: {"<language>": {"message": "...", "errors": {field: [...]}}} for every shipped
    // language; the reader picks its caller's.
    QJsonObject errorByLanguage;
    std::optional<qint64> createdBy;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;

    static QString stateName(State state);
};

// The stored side of import jobs. The server running a job writes its start, its progress (where
// that cannot wait on the import's own transaction) and its outcome; any server reads it.
class ImportJobRepository final
{
public:
    ImportJobRepository(std::shared_ptr<Database> db, const Clock &clock);

    Result<void> create(const QString &id, qint64 totalBytes, std::optional<qint64> createdBy);
    // While the job runs; also tells readers it is alive (updated_at).
    Result<void> saveProgress(const QString &id, int phase, qint64 rowsDone, qint64 bytesRead, qint64 totalBytes);
    // The job ended (record.state Finished with its summary, or Failed with its error): stores the
    // outcome with the progress it had reached.
    Result<void> end(const ImportJobRecord &record);
    Result<std::optional<ImportJobRecord>> find(const QString &id) const;
    // Jobs still "running" that nobody updated for olderThanMs (0: all of them) become failed with
    // this error: their server stopped before they ended. Returns how many.
    Result<int> failAbandoned(qint64 olderThanMs, const QJsonObject &errorByLanguage);

private:
    std::shared_ptr<Database> m_db;
    const Clock &m_clock;
};

}   // namespace enlace
