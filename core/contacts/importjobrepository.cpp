#include <core/contacts/importjobrepository.h>
#include <core/model/clock.h>
#include <core/store/database.h>

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

std::optional<ImportJobRecord::State> stateFrom(const QString &name)
{
    if (name == u"running"_s)
        return ImportJobRecord::State::Running;
    if (name == u"finished"_s)
        return ImportJobRecord::State::Finished;
    if (name == u"failed"_s)
        return ImportJobRecord::State::Failed;
    return std::nullopt;
}

QString errorText(const QJsonObject &errorByLanguage)
{
    return QString::fromUtf8(QJsonDocument(errorByLanguage).toJson(QJsonDocument::Compact));
}

}   // namespace

QString ImportJobRecord::stateName(State state)
{
    switch (state) {
    case State::Running:
        return u"running"_s;
    case State::Finished:
        return u"finished"_s;
    case State::Failed:
        break;
    }
    return u"failed"_s;
}

ImportJobRepository::ImportJobRepository(std::shared_ptr<Database> db, const Clock &clock)
    : m_db(std::move(db))
    , m_clock(clock)
{ }

Result<void> ImportJobRepository::create(const QString &id, qint64 totalBytes, std::optional<qint64> createdBy)
{
    const qint64 now = m_clock.nowMs();
    auto q
        = m_db->exec(u"INSERT INTO contact_imports (id, state, phase, total_bytes, created_by, created_at, updated_at) "
                     "VALUES (?, 'running', ?, ?, ?, ?, ?)"_s,
                     { id, int(ContactImporter::Validating), totalBytes, Database::nullableId(createdBy), now, now });
    if (!q.ok())
        return q.error();
    return {};
}

Result<void> ImportJobRepository::saveProgress(const QString &id, int phase, qint64 rowsDone, qint64 bytesRead,
                                               qint64 totalBytes)
{
    auto q = m_db->exec(
        u"UPDATE contact_imports SET phase = ?, rows_done = ?, bytes_read = ?, total_bytes = ?, updated_at = ? "
        "WHERE id = ? AND state = 'running'"_s,
        { phase, rowsDone, bytesRead, totalBytes, m_clock.nowMs(), id });
    if (!q.ok())
        return q.error();
    return {};
}

Result<void> ImportJobRepository::end(const ImportJobRecord &record)
{
    const bool finished = record.state == ImportJobRecord::State::Finished && record.summary;
    auto q = m_db->exec(
        u"UPDATE contact_imports SET state = ?, phase = ?, rows_done = ?, bytes_read = ?, total_bytes = ?, database_id "
        u"= ?, "
        "rows_imported = ?, created_database = ?, error_json = ?, updated_at = ? WHERE id = ?"_s,
        { finished ? u"finished"_s : u"failed"_s, record.phase, record.rowsDone, record.bytesRead, record.totalBytes,
          finished ? QVariant(record.summary->databaseId) : QVariant(QMetaType::fromType<qint64>()),
          finished ? QVariant(record.summary->rowsImported) : QVariant(QMetaType::fromType<qint64>()),
          finished ? QVariant(record.summary->createdDatabase ? 1 : 0) : QVariant(QMetaType::fromType<int>()),
          finished ? QVariant(QMetaType::fromType<QString>()) : QVariant(errorText(record.errorByLanguage)),
          m_clock.nowMs(), record.id });
    if (!q.ok())
        return q.error();
    return {};
}

Result<std::optional<ImportJobRecord>> ImportJobRepository::find(const QString &id) const
{
    auto q = m_db->exec(
        u"SELECT id, state, phase, rows_done, bytes_read, total_bytes, database_id, rows_imported, created_database, "
        "error_json, created_by, created_at, updated_at FROM contact_imports WHERE id = ?"_s,
        { id });
    if (!q.ok())
        return q.error();
    if (!q->next())
        return std::optional<ImportJobRecord>();
    ImportJobRecord r;
    r.id = q->value(0).toString();
    r.state = stateFrom(q->value(1).toString()).value_or(ImportJobRecord::State::Failed);
    r.phase = q->value(2).toInt();
    r.rowsDone = q->value(3).toLongLong();
    r.bytesRead = q->value(4).toLongLong();
    r.totalBytes = q->value(5).toLongLong();
    if (r.state == ImportJobRecord::State::Finished) {
        ImportSummary summary;
        summary.databaseId = q->value(6).toLongLong();
        summary.rowsImported = q->value(7).toLongLong();
        summary.createdDatabase = q->value(8).toInt() != 0;
        summary.bytesRead = r.bytesRead;
        r.summary = summary;
    }
    if (!q->value(9).isNull())
        r.errorByLanguage = QJsonDocument::fromJson(q->value(9).toString().toUtf8()).object();
    if (!q->value(10).isNull())
        r.createdBy = q->value(10).toLongLong();
    r.createdAtMs = q->value(11).toLongLong();
    r.updatedAtMs = q->value(12).toLongLong();
    return std::optional<ImportJobRecord>(r);
}

Result<int> ImportJobRepository::failAbandoned(qint64 olderThanMs, const QJsonObject &errorByLanguage)
{
    const qint64 now = m_clock.nowMs();
    auto q = m_db->exec(u"UPDATE contact_imports SET state = 'failed', error_json = ?, updated_at = ? "
                        "WHERE state = 'running' AND updated_at <= ?"_s,
                        { errorText(errorByLanguage), now, now - olderThanMs });
    if (!q.ok())
        return q.error();
    return q->numRowsAffected();
}

}   // namespace enlace
