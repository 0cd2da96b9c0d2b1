#include <core/contacts/contactimporter.h>
#include <core/contacts/contactrepository.h>
#include <core/contacts/csvreader.h>
#include <core/contacts/externalidset.h>
#include <core/contacts/filerange.h>
#include <core/model/logvalue.h>

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcImport, "enlace.contacts.import", QtInfoMsg)

namespace enlace {

namespace {

const char *const kContext = "Contacts";
const QString kCancelledCode = u"contacts.import_cancelled"_s;

Error rejected(const ValidationErrors &errors)
{
    return Error::invalid(errors, u"contacts.import_rejected"_s);
}

Error rejected(const QString &field, const Message &message)
{
    ValidationErrors errors;
    errors.add(field, message);
    return rejected(errors);
}

Error cancelled()
{
    return Error { Error::Kind::Unavailable,
                   kCancelledCode,
                   Message::make(kContext,
                                 QT_TRANSLATE_NOOP("Contacts", "The import was cancelled; nothing was imported.")),
                   {},
                   {} };
}

QString lineField(qint64 line)
{
    return u"line "_s + QString::number(line);
}

// Appends a JSON string literal of UTF-8 bytes (already validated) to out.
void appendJsonString(QByteArray &out, QByteArrayView bytes)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    const char *p = bytes.data();
    const char *end = p + bytes.size();
    const char *run = p;
    for (; p < end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(run, p - run);
        switch (c) {
        case '"':
            out.append("\\\"", 2);
            break;
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        default: {
            const char esc[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
            out.append(esc, 6);
        }
        }
        run = p + 1;
    }
    out.append(run, end - run);
    out.append('"');
}

// One element of a PostgreSQL array literal: {"a","b \"c\"",NULL}.
void appendArrayElement(QByteArray &out, QByteArrayView bytes, bool null)
{
    if (out.size() > 1)
        out.append(',');
    if (null) {
        out.append("NULL", 4);
        return;
    }
    out.append('"');
    const char *p = bytes.data();
    const char *end = p + bytes.size();
    const char *run = p;
    for (; p < end; ++p) {
        if (*p != '"' && *p != '\\')
            continue;
        out.append(run, p - run);
        out.append('\\');
        out.append(*p);
        run = p + 1;
    }
    out.append(run, end - run);
    out.append('"');
}

// PostgreSQL: one statement per batch whatever its size, three array parameters unnested
// server-side; a few values to format and send instead of four per row.
const QString kPostgresInsert
    = u"INSERT INTO contacts (database_id, external_id, phone, values_json) "
      "SELECT ?, e, p, v FROM unnest(CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[])) AS t(e, p, v)"_s;

// SQLite: the text values are bound as UTF-8 bytes and stored as TEXT by the CAST, which spares
// a UTF-8 -> UTF-16 -> UTF-8 round trip per value (the file is already checked to be UTF-8).
QString insertSql(int rows, bool utf8Bytes)
{
    const QString row = utf8Bytes ? u"(?,CAST(? AS TEXT),CAST(? AS TEXT),CAST(? AS TEXT))"_s : u"(?,?,?,?)"_s;
    QString sql = u"INSERT INTO contacts (database_id, external_id, phone, values_json) VALUES "_s;
    sql.reserve(sql.size() + rows * (row.size() + 1));
    for (int i = 0; i < rows; ++i) {
        if (i > 0)
            sql.append(u',');
        sql.append(row);
    }
    return sql;
}

class Progress
{
public:
    Progress(ContactImporter *importer, int intervalMs, qint64 totalBytes, int phase)
        : m_importer(importer)
        , m_intervalMs(intervalMs)
        , m_total(totalBytes)
        , m_phase(phase)
    {
        m_timer.start();
    }
    void report(qint64 rows, qint64 bytes, bool force = false)
    {
        if (!force && m_timer.elapsed() < m_intervalMs && m_emitted)
            return;
        m_timer.restart();
        m_emitted = true;
        Q_EMIT m_importer->importProgressed(rows, bytes, m_total, m_phase);
    }

private:
    ContactImporter *m_importer;
    int m_intervalMs;
    qint64 m_total;
    int m_phase;
    bool m_emitted = false;
    QElapsedTimer m_timer;
};

// SQLite, for the time of the import: a larger page cache while the indexes grow, and
// statement journals in memory (each multi-row INSERT keeps one, to undo itself alone on a
// constraint failure; on disk they doubled the bytes written). Put back afterwards.
class SqliteCacheBoost
{
public:
    explicit SqliteCacheBoost(const Database &db)
        : m_db(db)
    {
        if (db.dialect() != SqlDialect::Sqlite)
            return;
        auto cache = db.scalar(u"PRAGMA cache_size"_s);
        auto temp = db.scalar(u"PRAGMA temp_store"_s);
        if (cache && cache->isValid() && temp && temp->isValid()) {
            m_previousCache = cache->toLongLong();
            m_previousTemp = temp->toInt();
            m_active = db.execStatic(u"PRAGMA cache_size = -65536"_s).ok()
                && db.execStatic(u"PRAGMA temp_store = MEMORY"_s).ok();
        }
    }
    ~SqliteCacheBoost()
    {
        if (!m_active)
            return;
        (void)m_db.execStatic(u"PRAGMA cache_size = "_s + QString::number(m_previousCache));
        (void)m_db.execStatic(u"PRAGMA temp_store = "_s + QString::number(m_previousTemp));
    }

private:
    const Database &m_db;
    qint64 m_previousCache = 0;
    int m_previousTemp = 0;
    bool m_active = false;
};

}   // namespace

ContactImporter::ContactImporter(std::shared_ptr<Database> db, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_clock(m_systemClock)
{ }

ContactImporter::ContactImporter(std::shared_ptr<Database> db, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_clock(clock)
{ }

ContactImporter::~ContactImporter()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

void ContactImporter::cancel()
{
    m_cancel.store(true, std::memory_order_relaxed);
}

bool ContactImporter::isCancellation(const Error &error)
{
    return error.code == kCancelledCode;
}

bool ContactImporter::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

std::optional<Result<ImportSummary>> ContactImporter::result() const
{
    QMutexLocker lock(&m_resultMutex);
    return m_result;
}

void ContactImporter::start(const ContactImportOptions &options)
{
    if (isRunning())
        return;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
    {
        QMutexLocker lock(&m_resultMutex);
        m_result.reset();
    }
    m_thread = QThread::create([this, options] {
        auto r = importFile(options);
        QMutexLocker lock(&m_resultMutex);
        m_result = std::move(r);
    });
    connect(m_thread, &QThread::finished, this, [this] {
        bool ok = false;
        {
            QMutexLocker lock(&m_resultMutex);
            ok = m_result && m_result->ok();
        }
        Q_EMIT importFinished(ok);
    });
    m_thread->start();
}

Result<ImportSummary> ContactImporter::importFile(const ContactImportOptions &options)
{
    m_cancel.store(false);
    QElapsedTimer clock;
    clock.start();
    ContactRepository repository(m_db, m_clock);

    FileRange file(options.filePath, options.fileOffset, options.fileLength);
    if (!file.open(QIODevice::ReadOnly))
        return rejected(u"file"_s,
                        Message::make(kContext, QT_TRANSLATE_NOOP("Contacts", "The file %1 cannot be read: %2"),
                                      { QFileInfo(options.filePath).fileName(), file.errorString() }));
    const qint64 totalBytes = file.size();

    // ---- pass 1: validate ----------------------------------------------------------------
    Progress progress(this, m_progressIntervalMs, totalBytes, Validating);
    CsvReader reader(&file);
    CsvReader::Status status = reader.readNext();
    if (status == CsvReader::Status::End)
        return rejected(u"file"_s, Message::make(kContext, QT_TRANSLATE_NOOP("Contacts", "The file is empty.")));
    if (status == CsvReader::Status::Error)
        return rejected(lineField(reader.line()), reader.errorMessage());
    QStringList header = reader.fields();
    for (QString &h : header)
        h = h.trimmed();

    ContactDatabase target;
    if (options.intoExisting) {
        auto found = options.existingDatabaseId > 0 ? repository.findDatabase(options.existingDatabaseId)
                                                    : repository.findDatabaseByName(options.databaseName);
        if (!found)
            return found.error();
        target = found.value();
        if (header != target.columns)
            return rejected(
                u"columns"_s,
                Message::make(
                    kContext,
                    QT_TRANSLATE_NOOP("Contacts", "The columns of the file (%1) are not those of the database (%2)."),
                    { header.join(u", "_s), target.columns.join(u", "_s) }));
    } else {
        target.name = options.databaseName;
        target.columns = header;
        target.phoneColumns = options.phoneColumns;
        target.externalIdColumn = options.externalIdColumn;
        ValidationErrors errors = ContactRepository::validateDatabase(target);
        if (errors.isEmpty() && repository.findDatabaseByName(target.name).ok())
            errors.add(
                u"name"_s,
                Message::make(kContext,
                              QT_TRANSLATE_NOOP("Contacts", "A contact database with that name already exists.")));
        if (!errors.isEmpty())
            return rejected(errors);
    }
    const qsizetype columnCount = header.size();
    const qsizetype phoneIndex = header.indexOf(target.mainPhoneColumn());
    const qsizetype externalIndex = target.externalIdColumn.isEmpty() ? -1 : header.indexOf(target.externalIdColumn);

    ExternalIdSet ids;
    if (externalIndex >= 0 && target.id > 0) {
        // The ids already in the database, read in pages so memory stays bounded on PostgreSQL too.
        qint64 after = 0;
        for (;;) {
            auto q = m_db->exec(
                u"SELECT id, external_id FROM contacts WHERE database_id = ? AND external_id IS NOT NULL AND id > ? ORDER BY id LIMIT 20000"_s,
                { target.id, after });
            if (!q)
                return q.error();
            int n = 0;
            while (q->next()) {
                after = q->value(0).toLongLong();
                ids.insert(q->value(1).toString().toUtf8());
                ++n;
            }
            if (n < 20000)
                break;
        }
    }

    ValidationErrors errors;
    qint64 rows = 0;
    QByteArray scratch;
    progress.report(0, reader.bytesRead(), true);
    for (;;) {
        if (m_cancel.load(std::memory_order_relaxed))
            return cancelled();
        status = reader.readNext();
        if (status == CsvReader::Status::End)
            break;
        if (status == CsvReader::Status::Error) {
            errors.add(lineField(reader.line()), reader.errorMessage());
            if (reader.isFatal() || errors.size() >= m_maxErrors)
                break;
            continue;
        }
        ++rows;
        const QString line = QString::number(reader.line());
        if (reader.fieldCount() != columnCount) {
            errors.add(lineField(reader.line()),
                       Message::make(kContext,
                                     QT_TRANSLATE_NOOP("Contacts", "Line %1 has %2 fields but the header has %3: %4"),
                                     { line, QString::number(reader.fieldCount()), QString::number(columnCount),
                                       reader.rawRecordText() }));
        } else {
            if (reader.fieldView(phoneIndex, scratch).trimmed().isEmpty())
                errors.add(lineField(reader.line()),
                           Message::make(kContext, QT_TRANSLATE_NOOP("Contacts", "Line %1 has no main phone (%2): %3"),
                                         { line, target.mainPhoneColumn(), reader.rawRecordText() }));
            if (externalIndex >= 0) {
                const QByteArrayView id = reader.fieldView(externalIndex, scratch);
                if (!id.isEmpty() && !ids.insert(id))
                    errors.add(
                        lineField(reader.line()),
                        Message::make(kContext,
                                      QT_TRANSLATE_NOOP("Contacts",
                                                        "The selected file has contacts with external ids repeated. "
                                                        "Invalid line: %1 line content: %2 repeated ID: %3"),
                                      { line, reader.rawRecordText(), QString::fromUtf8(id) }));
            }
        }
        if (errors.size() >= m_maxErrors)
            break;
        if ((rows & 255) == 0)
            progress.report(rows, reader.bytesRead());
    }
    if (!errors.isEmpty())
        return rejected(errors);
    if (rows == 0)
        return rejected(
            u"file"_s,
            Message::make(kContext, QT_TRANSLATE_NOOP("Contacts", "The file has a header but no contacts.")));
    progress.report(rows, reader.bytesRead(), true);
    ids.clear();

    // ---- pass 2: write, all or nothing -------------------------------------------------------
    if (!file.seek(0))
        return Error::internal(u"contacts.import_read"_s, file.errorString());
    Progress writeProgress(this, m_progressIntervalMs, totalBytes, Writing);
    CsvReader writer(&file);
    (void)writer.readNext();   // the header, already checked

    // The statements are declared before the transaction so they are freed after its rollback
    // (PostgreSQL refuses to deallocate inside an aborted transaction).
    QSqlQuery batch(m_db->connection());
    QSqlQuery tail(m_db->connection());
    SqliteCacheBoost boost(*m_db);   // before the transaction: temp_store cannot change inside one
    ImportSummary summary;
    summary.delimiter = reader.delimiter();
    // A new database on SQLite is written in steps of m_rowsPerStep rows, each its own transaction:
    // SQLite has one writer, and one transaction for a whole large file would hold every other
    // writer (calls, dispositions, logins) for all of it. The database stays hidden until its last
    // step and is removed whole if the import fails (ContactRepository::createDatabaseForImport),
    // so the import is still all or nothing for everyone who looks. Into an existing database, or
    // on PostgreSQL (whose other writers do not wait for it), it is one transaction.
    const bool inSteps = !options.intoExisting && m_db->dialect() == SqlDialect::Sqlite && m_rowsPerStep > 0;
    bool published = false;
    if (inSteps) {
        auto id = repository.createDatabaseForImport(target);
        if (!id)
            return id.error();
        summary.databaseId = id.value();
        summary.createdDatabase = true;
    }
    std::optional<Database::Transaction> tx;
    const auto removeUnpublished = qScopeGuard([&] {
        if (inSteps && !published) {
            tx.reset();   // rolls back the step in progress
            if (auto removed = repository.removeImport(summary.databaseId); !removed)
                qCWarning(lcImport).noquote()
                    << u"a failed import's database could not be removed: database=%1 detail=%2"_s.arg(
                           QString::number(summary.databaseId), LogValue::quoted(removed.error().detail));
        }
    });
    tx.emplace(*m_db);
    if (!tx->active())
        return Error::internal(u"contacts.import_transaction"_s, m_db->connection().lastError().text());
    if (options.intoExisting) {
        summary.databaseId = target.id;
    } else if (!inSteps) {
        auto id = repository.createDatabase(target);
        if (!id)
            return id.error();
        summary.databaseId = id.value();
        summary.createdDatabase = true;
    }
    summary.databaseName = target.name;
    // Ends the current step and begins the next one.
    qint64 writtenAtStep = 0;
    auto nextStep = [&]() -> Result<void> {
        batch.finish();
        tail.finish();
        if (auto touched = repository.touchImport(summary.databaseId); !touched)
            return touched.error();
        if (auto c = tx->commit(); !c)
            return c.error();
        tx.emplace(*m_db);
        if (!tx->active())
            return Error::internal(u"contacts.import_transaction"_s, m_db->connection().lastError().text());
        return {};
    };

    const QVariant databaseId = summary.databaseId;
    const QVariant nullText(QMetaType::fromType<QString>());
    const bool postgres = m_db->dialect() == SqlDialect::Postgres;
    const int batchSize = int(qMin<qint64>(m_batchSize > 0 ? m_batchSize : (postgres ? 5000 : 500), rows));
    // SQLite: the batch's values are copied back to back into one arena and bound, once the
    // batch is complete, as raw views on it (no allocation per value; SQLite reads them in place
    // during exec, before the arena is reused).
    QByteArray arena;
    struct Slice
    {
        qsizetype offset;
        qsizetype size;   // -1: NULL
    };
    QList<Slice> slices;
    auto keep = [&](QByteArrayView bytes, bool null) {
        slices.append({ arena.size(), null ? -1 : bytes.size() });
        arena.append(bytes.data(), bytes.size());
    };
    auto bindSlices = [&](QSqlQuery &q) {
        for (qsizetype i = 0; i < slices.size(); ++i) {
            const Slice &sl = slices.at(i);
            if (i % 3 == 0)
                q.bindValue(int(i / 3 * 4), databaseId);
            q.bindValue(int(i / 3 * 4 + i % 3 + 1),
                        sl.size < 0 ? nullText
                                    : QVariant(QByteArray::fromRawData(arena.constData() + sl.offset, sl.size)));
        }
    };
    // One statement prepared once and executed per batch.
    if (!batch.prepare(postgres ? kPostgresInsert : insertSql(batchSize, true)))
        return Error::internal(u"contacts.import_prepare"_s, batch.lastError().text());
    auto execute = [&](QSqlQuery &q) -> Result<void> {
        if (q.exec())
            return {};
        if (Database::isConstraintViolation(q.lastError()))
            return Error { Error::Kind::Conflict,
                           u"contacts.import_conflict"_s,
                           Message::make(kContext,
                                         QT_TRANSLATE_NOOP("Contacts",
                                                           "The database changed while the file was being imported (an "
                                                           "external id was added); nothing was imported. Try again.")),
                           {},
                           {} };
        return Error::internal(u"contacts.import_write"_s, q.lastError().text());
    };

    QByteArray json;
    QByteArray externalIds, phones, values;   // PostgreSQL array literals of the current batch
    auto resetArrays = [&] {
        for (QByteArray *a : { &externalIds, &phones, &values }) {
            a->clear();
            a->append('{');
        }
    };
    resetArrays();
    qint64 written = 0;
    int inBatch = 0;
    writeProgress.report(0, writer.bytesRead(), true);
    auto addRow = [&](int row) {
        const QByteArrayView id = externalIndex >= 0 ? writer.fieldView(externalIndex, scratch) : QByteArrayView();
        json.clear();
        json.append('[');
        for (qsizetype i = 0; i < columnCount; ++i) {
            if (i > 0)
                json.append(',');
            appendJsonString(json, writer.fieldView(i, scratch));
        }
        json.append(']');
        if (postgres) {
            appendArrayElement(externalIds, id, id.isEmpty());
            appendArrayElement(phones, writer.fieldView(phoneIndex, scratch), false);
            appendArrayElement(values, json, false);
            return;
        }
        Q_UNUSED(row);
        keep(id, id.isEmpty());
        keep(writer.fieldView(phoneIndex, scratch), false);
        keep(json, false);
    };
    auto flushPostgres = [&]() -> Result<void> {
        for (QByteArray *a : { &externalIds, &phones, &values })
            a->append('}');
        batch.bindValue(0, databaseId);
        batch.bindValue(1, QString::fromUtf8(externalIds));
        batch.bindValue(2, QString::fromUtf8(phones));
        batch.bindValue(3, QString::fromUtf8(values));
        resetArrays();
        return execute(batch);
    };
    for (;;) {
        status = writer.readNext();
        if (status == CsvReader::Status::End)
            break;
        if (status == CsvReader::Status::Error || writer.fieldCount() != columnCount)
            return Error::internal(u"contacts.import_changed"_s, u"the file changed during the import"_s);
        addRow(inBatch);
        if (++inBatch == batchSize) {
            if (m_cancel.load(std::memory_order_relaxed))
                return cancelled();
            if (!postgres)
                bindSlices(batch);
            if (auto r = postgres ? flushPostgres() : execute(batch); !r)
                return r.error();
            arena.resize(0);
            slices.resize(0);
            written += inBatch;
            inBatch = 0;
            writeProgress.report(written, writer.bytesRead());
            if (inSteps && written - writtenAtStep >= m_rowsPerStep) {
                if (auto r = nextStep(); !r)
                    return r.error();
                writtenAtStep = written;
            }
        }
    }
    if (inBatch > 0) {
        if (postgres) {
            if (auto r = flushPostgres(); !r)
                return r.error();
        } else {
            if (!tail.prepare(insertSql(inBatch, true)))
                return Error::internal(u"contacts.import_prepare"_s, tail.lastError().text());
            bindSlices(tail);
            if (auto r = execute(tail); !r)
                return r.error();
        }
        written += inBatch;
    }
    if (written != rows)
        return Error::internal(u"contacts.import_changed"_s, u"the file changed during the import"_s);
    if (m_cancel.load(std::memory_order_relaxed))
        return cancelled();
    batch.finish();
    tail.finish();
    if (inSteps) {
        if (auto r = repository.publishImport(summary.databaseId); !r)
            return r.error();
    }
    if (auto r = tx->commit(); !r)
        return r.error();
    published = true;
    writeProgress.report(written, writer.bytesRead(), true);
    summary.rowsImported = written;
    summary.bytesRead = writer.bytesRead();
    summary.elapsedMs = clock.elapsed();
    return summary;
}

}   // namespace enlace
