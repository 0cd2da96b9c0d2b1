#include <core/api/callrepository.h>

#include <core/store/database.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

QVariant nullable(std::optional<qint64> v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<qint64>());
}

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

} // namespace

CallRepository::CallRepository(std::shared_ptr<Database> db) : m_db(std::move(db)) {}

Result<std::optional<Call>> CallRepository::record(const PbxCallEvent &e, CallState state, qint64 atMs)
{
    if (e.callId.isEmpty())
        return Error::invalid({}, u"api.call_without_id"_s);
    const QString column = state == CallState::Offered ? u"offered_at"_s : state == CallState::Connected ? u"connected_at"_s : u"ended_at"_s;
    // An id the store does not know is stored as null: each is checked in the statement itself
    // (one round trip instead of one per id), and the row comes back with RETURNING.
    const QString campaign = u"(SELECT id FROM campaigns WHERE id = ?)"_s;
    const QString agent = u"(SELECT id FROM agents WHERE id = ?)"_s;
    const QString contact = u"(SELECT id FROM contacts WHERE id = ?)"_s;
    const QString insertSql = u"INSERT INTO calls (call_id, campaign_id, agent_id, contact_id, phone, call_type, state, "
                                "recording_file, wait_seconds, dialplan_json, "_s
        + column + u") VALUES (?, "_s + campaign + u", "_s + agent + u", "_s + contact
        + u", ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (call_id) DO NOTHING RETURNING "_s + kColumns;
    const QVariantList insertValues{e.callId, nullable(e.campaignId), nullable(e.agentId), nullable(e.contactId), text(e.phone), int(e.type),
                                    int(state), text(e.recordingFile), e.waitSeconds, dialplanJson(e.dialplanData), atMs};
    // The transition itself: only state and time, so no index or foreign key is touched.
    const QString updateSql = u"UPDATE calls SET state = ?, "_s + column + u" = ? WHERE call_id = ? AND state < ? RETURNING "_s + kColumns;
    const QVariantList updateValues{int(state), atMs, e.callId, int(state)};
    const auto attempt = [&](const QString &sql, const QVariantList &values) -> Result<std::optional<Call>> {
        auto q = m_db->exec(sql, values);
        if (!q.ok())
            return q.error();
        if (q->next())
            return std::optional<Call>(readCall(q.value()));
        return std::optional<Call>();
    };
    // The first event of a call inserts its row; later ones find it. Trying the likely statement
    // first saves the other one (and its three existence checks) on nearly every event.
    // Then fill what an earlier event did not know and this one does; keep what it did. Rare: the
    // PBX usually tells everything with the first event.
    const auto filled = [&](Result<std::optional<Call>> updated) -> Result<std::optional<Call>> {
        if (!updated.ok() || !updated->has_value())
            return updated;
        const Call &row = updated->value();
        const bool missing = (!row.campaignId && e.campaignId) || (!row.agentId && e.agentId) || (!row.contactId && e.contactId)
            || (row.phone.isEmpty() && !e.phone.isEmpty()) || (row.recordingFile.isEmpty() && !e.recordingFile.isEmpty())
            || (row.waitSeconds == 0 && e.waitSeconds != 0);
        if (!missing)
            return updated;
        return attempt(u"UPDATE calls SET campaign_id = COALESCE(campaign_id, "_s + campaign + u"), agent_id = COALESCE(agent_id, "_s + agent
                           + u"), contact_id = COALESCE(contact_id, "_s + contact + u"), "
                             "phone = CASE WHEN phone = '' THEN ? ELSE phone END, "
                             "recording_file = CASE WHEN recording_file = '' THEN ? ELSE recording_file END, "
                             "wait_seconds = CASE WHEN wait_seconds = 0 THEN ? ELSE wait_seconds END "
                             "WHERE call_id = ? RETURNING "_s + kColumns,
                       {nullable(e.campaignId), nullable(e.agentId), nullable(e.contactId), text(e.phone), text(e.recordingFile),
                        e.waitSeconds, e.callId});
    };
    const bool rowLikely = state != CallState::Offered;
    auto first = rowLikely ? filled(attempt(updateSql, updateValues)) : attempt(insertSql, insertValues);
    if (!first.ok() || first->has_value())
        return first;
    auto second = rowLikely ? attempt(insertSql, insertValues) : filled(attempt(updateSql, updateValues));
    if (!second.ok() || second->has_value() || !rowLikely)
        return second;
    // Updated nothing, then inserted nothing: another instance inserted the row in between (with
    // an earlier state, perhaps); one more update settles which of us records this transition.
    return filled(attempt(updateSql, updateValues));
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
    auto calls = select(u"call_id = ?"_s, {callId});
    if (!calls.ok())
        return calls.error();
    if (calls->isEmpty())
        return Error::notFound(u"api.call_not_found"_s, Message::make("Api", QT_TRANSLATE_NOOP("Api", "Call not found.")));
    return calls->first();
}

Result<Call> CallRepository::findById(qint64 id) const
{
    auto calls = select(u"id = ?"_s, {id});
    if (!calls.ok())
        return calls.error();
    if (calls->isEmpty())
        return Error::notFound(u"api.call_not_found"_s, Message::make("Api", QT_TRANSLATE_NOOP("Api", "Call not found.")));
    return calls->first();
}

Result<QList<Call>> CallRepository::listForAgent(qint64 agentId, int limit) const
{
    return select(u"agent_id = ?"_s, {agentId, limit}, u" ORDER BY id DESC LIMIT ?"_s);
}

Result<std::optional<Call>> CallRepository::activeCallForAgent(qint64 agentId) const
{
    auto calls = select(u"agent_id = ? AND state IN (1, 2)"_s, {agentId}, u" ORDER BY id DESC LIMIT 1"_s);
    if (!calls.ok())
        return calls.error();
    if (calls->isEmpty())
        return std::optional<Call>();
    return std::optional<Call>(calls->first());
}

Result<void> CallRepository::setContact(const QString &callId, qint64 contactId)
{
    auto q = m_db->exec(u"UPDATE calls SET contact_id = ? WHERE call_id = ?"_s, {contactId, callId});
    if (!q.ok())
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error::notFound(u"api.call_not_found"_s, Message::make("Api", QT_TRANSLATE_NOOP("Api", "Call not found.")));
    return {};
}

} // namespace enlace
