#pragma once

#include <core/model/clock.h>
#include <core/model/result.h>
#include <core/store/database.h>

#include <QMutex>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

class QThread;

namespace enlace {

struct ContactImportOptions
{
    QString filePath;
    // Only this part of the file (an uploaded multipart body's CSV part); fileLength < 0: to the end.
    qint64 fileOffset = 0;
    qint64 fileLength = -1;
    // A new database: its name, phone columns (the first is the main phone) and optional
    // external-id column, all chosen from the file's header.
    QString databaseName;
    QStringList phoneColumns;
    QString externalIdColumn;
    // An existing database instead (by id, or by databaseName when the id is 0): the file's header
    // must list exactly its columns, in its order; its phone and external-id columns apply.
    bool intoExisting = false;
    qint64 existingDatabaseId = 0;
};

struct ImportSummary
{
    qint64 databaseId = 0;
    QString databaseName;
    bool createdDatabase = false;
    qint64 rowsImported = 0;
    qint64 bytesRead = 0;
    char delimiter = ',';
    qint64 elapsedMs = 0;
};

// Imports a CSV file of contacts, all or nothing, in two streaming passes:
//  1. validation: every record is read and checked (field count, UTF-8, main phone present,
//     external ids unique within the file and against the database); any problem rejects the
//     whole file with Error::invalid whose fields name the lines ("line 5"), "file", or the
//     database fields ("name", "columns", "phone_fields", "external_id_field");
//  2. writing: prepared multi-row INSERTs in one transaction, or, for a new database on SQLite, in
//     steps that keep it hidden until the last (setRowsPerStep); a failure or cancel() rolls back
//     or removes everything written.
// Memory stays bounded by one chunk of the file plus the distinct external ids.
// importFile() blocks and may run on any thread (the Database gives each thread its connection);
// start() runs it on a thread of its own and emits importFinished().
class ContactImporter final : public QObject
{
    Q_OBJECT

public:
    enum Phase { Validating = 1, Writing = 2 };

    explicit ContactImporter(std::shared_ptr<Database> db, QObject *parent = nullptr);
    ContactImporter(std::shared_ptr<Database> db, const Clock &clock, QObject *parent = nullptr);
    ~ContactImporter() override;

    Result<ImportSummary> importFile(const ContactImportOptions &options);

    void start(const ContactImportOptions &options);
    bool isRunning() const;
    // The outcome of the last start(), once importFinished() was emitted.
    std::optional<Result<ImportSummary>> result() const;

    // Rows per INSERT; 0 (the default) picks per store (SQLite 500, PostgreSQL 5000).
    // A new database on SQLite is written in steps of this many rows, each its own transaction
    // (0: one transaction); the other writers of the file wait for one step at most.
    void setRowsPerStep(int rows) { m_rowsPerStep = qMax(0, rows); }
    int rowsPerStep() const { return m_rowsPerStep; }
    void setBatchSize(int rows) { m_batchSize = qMax(0, rows); }
    int batchSize() const { return m_batchSize; }
    // Minimum time between two importProgressed() of one phase (the first and last always come).
    void setProgressIntervalMs(int ms) { m_progressIntervalMs = qMax(0, ms); }
    // Validation stops after this many rejected lines.
    void setMaxErrors(int count) { m_maxErrors = qMax(1, count); }

    static bool isCancellation(const Error &error);

public Q_SLOTS:
    // Thread-safe: may be called from any thread while importFile() runs.
    void cancel();

Q_SIGNALS:
    void importProgressed(qint64 rowsDone, qint64 bytesRead, qint64 totalBytes, int phase);
    void importFinished(bool ok);

private:
    std::shared_ptr<Database> m_db;
    SystemClock m_systemClock;
    const Clock &m_clock;
    std::atomic<bool> m_cancel { false };
    int m_batchSize = 0;
    int m_rowsPerStep = 20000;
    int m_progressIntervalMs = 100;
    int m_maxErrors = 20;
    QThread *m_thread = nullptr;
    mutable QMutex m_resultMutex;
    std::optional<Result<ImportSummary>> m_result;
};

}   // namespace enlace
