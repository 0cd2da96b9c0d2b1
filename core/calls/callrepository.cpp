#include <core/calls/callrepository.h>
#include <core/store/database.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

QString dialplanJson(const QHash<QString, QString> &data)
{
    QJsonObject o;
    for (auto it = data.cbegin(); it != data.cend(); ++it)
        o.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// A null QString binds as SQL NULL; these columns are NOT NULL DEFAULT ''.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

const QString kColumns = u"id, call_id, campaign_id, agent_id, contact_id, phone, call_type, state, recording_file, "
                         "wait_seconds, dialplan_json, offered_at, connected_at, ended_at"_s;

// One row in kColumns order.
Call readCall(const QSqlQuery &q)
{
    Call c;
    c.id = q.value(0).toLongLong();
    c.callId = q.value(1).toString();
    if (!q.value(2).isNull())
        c.campaignId = q.value(2).toLongLong();
    if (!q.value(3).isNull())
        c.agentId = q.value(3).toLongLong();
    if (!q.value(4).isNull())
        c.contactId = q.value(4).toLongLong();
    c.phone = q.value(5).toString();
    c.type = static_cast<CallType>(q.value(6).toInt());
    c.state = static_cast<CallState>(q.value(7).toInt());
    c.recordingFile = q.value(8).toString();
    c.waitSeconds = q.value(9).toInt();
    const QString dialplanText = q.value(10).toString();
    if (dialplanText.size() > 2) {   // "{}" is the common case: no JSON parse
        const QJsonObject dialplan = QJsonDocument::fromJson(dialplanText.toUtf8()).object();
        for (auto it = dialplan.begin(); it != dialplan.end(); ++it)
            c.dialplanData.insert(it.key(), it.value().toString());
    }
    c.offeredAt = fromMs(q.value(11));
    c.connectedAt = fromMs(q.value(12));
    c.endedAt = fromMs(q.value(13));
    return c;
}

// The statements record() runs, built once per state column (they differ only in it).
// An id the store does not know is stored as null: each is checked in the statement itself (one
// round trip instead of one per id), and the row comes back with RETURNING.
struct RecordStatements
{
    QString insert;   // the first event of a call
    QString update;   // the transition itself: state and time only, no index or foreign key touched
};

const RecordStatements &recordStatements(CallState state)
{
    const auto make = [](const QString &column) {
        return RecordStatements {
            u"INSERT INTO calls (call_id, campaign_id, agent_id, contact_id, phone, call_type, state, recording_file, "
            u"wait_seconds, "
            "dialplan_json, "_s
                + column
                + u") VALUES (?, (SELECT id FROM campaigns WHERE id = ?), (SELECT id FROM agents WHERE id = ?), "
                  "(SELECT id FROM contacts WHERE id = ?), ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (call_id) DO NOTHING RETURNING "_s
                + kColumns,
            u"UPDATE calls SET state = ?, "_s + column + u" = ? WHERE call_id = ? AND state < ? RETURNING "_s + kColumns
        };
    };
    static const RecordStatements offered = make(u"offered_at"_s);
    static const RecordStatements connected = make(u"connected_at"_s);
    static const RecordStatements ended = make(u"ended_at"_s);
    return state == CallState::Offered ? offered : state == CallState::Connected ? connected : ended;
}

// Fills what an earlier event did not know; keeps what it did.
const QString kFillSql
    = u"UPDATE calls SET campaign_id = COALESCE(campaign_id, (SELECT id FROM campaigns WHERE id = ?)), "
      "agent_id = COALESCE(agent_id, (SELECT id FROM agents WHERE id = ?)), "
      "contact_id = COALESCE(contact_id, (SELECT id FROM contacts WHERE id = ?)), "
      "phone = CASE WHEN phone = '' THEN ? ELSE phone END, "
      "recording_file = CASE WHEN recording_file = '' THEN ? ELSE recording_file END, "
      "wait_seconds = CASE WHEN wait_seconds = 0 THEN ? ELSE wait_seconds END "
      "WHERE call_id = ? RETURNING "_s
    + kColumns;

}   // namespace

CallRepository::CallRepository(std::shared_ptr<Database> db)
    : m_db(std::move(db))
{ }

Result<std::optional<Call>> CallRepository::record(const PbxCallEvent &e, CallState state, qint64 atMs)
{
    if (e.callId.isEmpty())
        return Error::invalid({}, u"api.call_without_id"_s);
    const RecordStatements &sql = recordStatements(state);
    const auto attempt = [&](const QString &statement, const QVariantList &values) -> Result<std::optional<Call>> {
        auto q = m_db->exec(statement, values);
        if (!q.ok())
            return q.error();
        if (q->next())
            return std::optional<Call>(readCall(q.value()));
        return std::optional<Call>();
    };
    const auto insert = [&] {
        return attempt(sql.insert,
                       { e.callId, Database::nullableId(e.campaignId), Database::nullableId(e.agentId),
                         Database::nullableId(e.contactId), text(e.phone), int(e.type), int(state),
                         text(e.recordingFile), e.waitSeconds, dialplanJson(e.dialplanData), atMs });
    };
    // The transition, then (rarely: the PBX usually tells everything with the first event) the
    // columns this event knows and the row does not.
    const auto update = [&]() -> Result<std::optional<Call>> {
        auto updated = attempt(sql.update, { int(state), atMs, e.callId, int(state) });
        if (!updated.ok() || !updated->has_value())
            return updated;
        const Call &row = updated->value();
        const bool missing = (!row.campaignId && e.campaignId) || (!row.agentId && e.agentId)
            || (!row.contactId && e.contactId) || (row.phone.isEmpty() && !e.phone.isEmpty())
            || (row.recordingFile.isEmpty() && !e.recordingFile.isEmpty())
            || (row.waitSeconds == 0 && e.waitSeconds != 0);
        if (!missing)
            return updated;
        return attempt(kFillSql,
                       { Database::nullableId(e.campaignId), Database::nullableId(e.agentId),
                         Database::nullableId(e.contactId), text(e.phone), text(e.recordingFile), e.waitSeconds,
                         e.callId });
    };
    // The first event of a call inserts its row; later ones find it. Trying the likely statement
    // first saves the other one on nearly every event.
    const bool rowLikely = state != CallState::Offered;
    auto first = rowLikely ? update() : insert();
    if (!first.ok() || first->has_value())
        return first;
    auto second = rowLikely ? insert() : update();
    if (!second.ok() || second->has_value() || !rowLikely)
        return second;
    // Updated nothing, then inserted nothing: another instance inserted the row in between (with
    // an earlier state, perhaps); one more update settles which of us records this transition.
    return update();
}

Result<QList<Call>> CallRepository::select(const QString &where, const QVariantList &values, const QString &tail) const
{
    auto q = m_db->exec(u"SELECT "_s + kColumns + u" FROM calls WHERE "_s + where + tail, values);
    if (!q.ok())
        return q.error();
    QList<Call> out;
    while (q->next())
        out.append(readCall(q.value()));
    return out;
}

Result<Call> CallRepository::find(const QString &callId) const
{
    auto calls = select(u"call_id = ?"_s, { callId });
    if (!calls.ok())
        return calls.error();
    if (calls->isEmpty())
        return Error::notFound(u"api.call_not_found"_s,
                               Message::make("Api", QT_TRANSLATE_NOOP("Api", "Call not found.")));
    return calls->first();
}

Result<Call> CallRepository::findById(qint64 id) const
{
    auto calls = select(u"id = ?"_s, { id });
    if (!calls.ok())
        return calls.error();
    if (calls->isEmpty())
        return Error::notFound(u"api.call_not_found"_s,
                               Message::make("Api", QT_TRANSLATE_NOOP("Api", "Call not found.")));
    return calls->first();
}

Result<QList<Call>> CallRepository::listForAgent(qint64 agentId, int limit) const
{
    return select(u"agent_id = ?"_s, { agentId, limit }, u" ORDER BY id DESC LIMIT ?"_s);
}

Result<std::optional<Call>> CallRepository::activeCallForAgent(qint64 agentId) const
{
    auto calls = select(u"agent_id = ? AND state IN (1, 2)"_s, { agentId }, u" ORDER BY id DESC LIMIT 1"_s);
    if (!calls.ok())
        return calls.error();
    if (calls->isEmpty())
        return std::optional<Call>();
    return std::optional<Call>(calls->first());
}

Result<void> CallRepository::setContact(const QString &callId, qint64 contactId)
{
    auto q = m_db->exec(u"UPDATE calls SET contact_id = ? WHERE call_id = ?"_s, { contactId, callId });
    if (!q.ok())
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error::notFound(u"api.call_not_found"_s,
                               Message::make("Api", QT_TRANSLATE_NOOP("Api", "Call not found.")));
    return {};
}

}   // namespace enlace
