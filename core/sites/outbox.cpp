#include <core/sites/outbox.h>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QStringList>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QString headersToJson(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QJsonArray array;
    for (const auto &h : headers)
        array.append(QJsonArray { QString::fromLatin1(h.first), QString::fromLatin1(h.second) });
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<QPair<QByteArray, QByteArray>> headersFromJson(const QString &json)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &v : array) {
        const QJsonArray pair = v.toArray();
        headers.append({ pair.at(0).toString().toLatin1(), pair.at(1).toString().toLatin1() });
    }
    return headers;
}

}   // namespace

Outbox::Outbox(std::shared_ptr<Database> db, const SecretBox &box)
    : m_db(std::move(db))
    , m_box(box)
{ }

Result<QString> Outbox::add(const OutboxItem &item, qint64 nowMs) const
{
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QVariant secret = item.signatureSecret.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>())
                                                           : QVariant(m_box.seal(item.signatureSecret));
    auto r = m_db->exec(
        u"INSERT INTO outbox (idempotency_key, site_id, agent_id, call_id, method, url, headers_json, body, "
        u"created_at, next_attempt_at, "
        "attempts, auth_id, timeout_ms, max_attempts, signature_secret_enc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)"_s,
        { key, nullableId(item.siteId), nullableId(item.agentId), nullableText(item.callId),
          QString::fromLatin1(item.request.method), item.request.url.toString(QUrl::FullyEncoded),
          headersToJson(item.request.headers), item.request.body, nowMs, nowMs, Database::nullableId(item.authId),
          item.timeoutMs, item.maxAttempts, secret });
    if (!r)
        return r.error();
    auto logged = m_db->exec(
        u"INSERT INTO deliveries (idempotency_key, site_id, campaign_id, agent_id, call_id, state, method, url, "
        u"headers_json, body, auth_id, timeout_ms, max_attempts, signature_secret_enc, created_at, updated_at) "
        u"VALUES (?, ?, (SELECT campaign_id FROM calls WHERE call_id = ?), ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        { key, nullableId(item.siteId), item.callId, nullableId(item.agentId), nullableText(item.callId),
          QString::fromLatin1(item.request.method), item.request.url.toString(QUrl::FullyEncoded),
          headersToJson(item.request.headers), item.request.body, Database::nullableId(item.authId), item.timeoutMs,
          item.maxAttempts, secret, nowMs, nowMs });
    if (!logged)
        return logged.error();
    return key;
}

Result<QList<OutboxEntry>> Outbox::claim(const QString &owner, qint64 nowMs, qint64 leaseUntilMs, int limit) const
{
    // One statement: on PostgreSQL the inner SELECT locks the rows it picks and skips rows another
    // instance is claiming at this moment; on SQLite the statement holds the single write lock.
    auto q = m_db->exec(u"UPDATE outbox SET lease_owner = ?, lease_until = ? WHERE id IN (SELECT id FROM outbox WHERE "
                        u"next_attempt_at <= ? "
                        "AND (lease_until IS NULL OR lease_until < ?) ORDER BY id LIMIT ?"_s
                            + m_db->lockClause()
                            + u") RETURNING id, idempotency_key, site_id, agent_id, call_id, method, url, "
                              u"headers_json, body, created_at, "
                              "attempts, auth_id, timeout_ms, max_attempts, signature_secret_enc"_s,
                        { owner, leaseUntilMs, nowMs, nowMs, limit });
    if (!q)
        return q.error();
    QList<OutboxEntry> entries;
    while (q->next()) {
        OutboxEntry e;
        e.id = q->value(0).toLongLong();
        e.key = q->value(1).toString();
        e.item.siteId = q->value(2).toLongLong();
        e.item.agentId = q->value(3).toLongLong();
        e.item.callId = q->value(4).toString();
        e.item.request.method = q->value(5).toString().toLatin1();
        e.item.request.url = QUrl(q->value(6).toString(), QUrl::StrictMode);
        e.item.request.headers = headersFromJson(q->value(7).toString());
        e.item.request.body = q->value(8).toByteArray();
        e.createdAtMs = q->value(9).toLongLong();
        e.attempts = q->value(10).toInt();
        if (!q->value(11).isNull())
            e.item.authId = q->value(11).toLongLong();
        e.item.timeoutMs = q->value(12).toInt();
        e.item.maxAttempts = q->value(13).toInt();
        if (!q->value(14).isNull()) {
            auto secret = m_box.open(q->value(14).toByteArray());
            e.item.signatureSecret = secret ? secret.value() : QByteArray();
            e.secretUnreadable = !secret;
        }
        entries.append(std::move(e));
    }
    std::sort(entries.begin(), entries.end(), [](const OutboxEntry &a, const OutboxEntry &b) { return a.id < b.id; });
    return entries;
}

Result<void> Outbox::reschedule(qint64 id, const QString &owner, int attempts, qint64 nextAttemptAtMs, int lastStatus,
                                const QString &lastError, qint64 nowMs, std::optional<qint64> elapsedMs) const
{
    Database::Transaction tx(*m_db);
    auto r = m_db->exec(
        u"UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_status = ?, last_error = ?, lease_owner = NULL, "
        "lease_until = NULL WHERE id = ? AND lease_owner = ?"_s,
        { attempts, nextAttemptAtMs, lastStatus > 0 ? QVariant(lastStatus) : QVariant(QMetaType::fromType<int>()),
          nullableText(lastError), id, owner });
    if (!r)
        return r.error();
    if (r->numRowsAffected() == 1) {
        auto logged
            = m_db->exec(u"INSERT INTO delivery_attempts (idempotency_key, attempted_at, status, error, elapsed_ms) "
                         u"SELECT idempotency_key, ?, ?, ?, ? FROM outbox WHERE id = ?"_s,
                         { nowMs, lastStatus > 0 ? QVariant(lastStatus) : QVariant(QMetaType::fromType<int>()),
                           nullableText(lastError), Database::nullableId(elapsedMs), id });
        if (!logged)
            return logged.error();
        auto touched = m_db->exec(
            u"UPDATE deliveries SET updated_at = ? WHERE idempotency_key = (SELECT idempotency_key FROM outbox WHERE id = ?)"_s,
            { nowMs, id });
        if (!touched)
            return touched.error();
    }
    return tx.commit();
}

Result<bool> Outbox::finish(qint64 id, const QString &owner, const DeliveryOutcome &outcome, qint64 nowMs,
                            std::optional<qint64> elapsedMs) const
{
    Database::Transaction tx(*m_db);
    auto del = m_db->exec(u"DELETE FROM outbox WHERE id = ? AND lease_owner = ?"_s, { id, owner });
    if (!del)
        return del.error();
    if (del->numRowsAffected() != 1) {
        if (auto c = tx.commit(); !c)
            return c.error();
        return false;
    }
    auto ins
        = m_db->exec(u"INSERT INTO delivery_outcomes (idempotency_key, site_id, agent_id, call_id, delivered, status, "
                     u"attempts, latency_ms, "
                     "last_error, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                     { outcome.key, nullableId(outcome.siteId), nullableId(outcome.agentId),
                       nullableText(outcome.callId), outcome.delivered ? 1 : 0,
                       outcome.httpStatus > 0 ? QVariant(outcome.httpStatus) : QVariant(QMetaType::fromType<int>()),
                       outcome.attempts, outcome.latencyMs, nullableText(outcome.lastError), nowMs });
    if (!ins)
        return ins.error();
    // A row finished without an attempt (nothing sent) logs none.
    if (outcome.attempts > 0 || outcome.delivered || !outcome.lastError.isEmpty()) {
        auto attempt
            = m_db->exec(u"INSERT INTO delivery_attempts (idempotency_key, attempted_at, status, error, elapsed_ms) "
                         u"VALUES (?, ?, ?, ?, ?)"_s,
                         { outcome.key, nowMs,
                           outcome.httpStatus > 0 ? QVariant(outcome.httpStatus) : QVariant(QMetaType::fromType<int>()),
                           nullableText(outcome.lastError), Database::nullableId(elapsedMs) });
        if (!attempt)
            return attempt.error();
    }
    auto state = m_db->exec(u"UPDATE deliveries SET state = ?, updated_at = ? WHERE idempotency_key = ?"_s,
                            { outcome.delivered ? u"delivered"_s : u"failed"_s, nowMs, outcome.key });
    if (!state)
        return state.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    return true;
}

Result<void> Outbox::release(const QString &owner) const
{
    auto r = m_db->exec(u"UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?"_s, { owner });
    if (!r)
        return r.error();
    return {};
}

Result<void> Outbox::release(const QString &owner, const QList<qint64> &ids) const
{
    Database::Transaction tx(*m_db);
    for (qint64 id : ids)
        if (auto r
            = m_db->exec(u"UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?"_s,
                         { id, owner });
            !r)
            return r.error();
    return tx.commit();
}

QString Outbox::originOf(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
        .toString(QUrl::FullyEncoded);
}

Result<int> Outbox::expedite(const QString &origin, qint64 nowMs) const
{
    // A prefix comparison rather than LIKE: an origin may hold '_' or '%'.
    const QString prefix = origin + u'/';
    auto r = m_db->exec(
        u"UPDATE outbox SET next_attempt_at = ? WHERE attempts > 0 AND next_attempt_at > ? AND lease_owner IS NULL "
        "AND substr(url, 1, ?) = ?"_s,
        { nowMs, nowMs, int(prefix.size()), prefix });
    if (!r)
        return r.error();
    return r->numRowsAffected();
}

Result<qint64> Outbox::pendingCount() const
{
    auto r = m_db->scalar(u"SELECT COUNT(*) FROM outbox"_s);
    if (!r)
        return r.error();
    return r->toLongLong();
}

Result<std::optional<qint64>> Outbox::nextClaimableAt() const
{
    auto r = m_db->scalar(
        u"SELECT MIN(CASE WHEN lease_until IS NOT NULL AND lease_until > next_attempt_at THEN lease_until "
        "ELSE next_attempt_at END) FROM outbox"_s);
    if (!r)
        return r.error();
    if (r->isNull() || !r->isValid())
        return std::optional<qint64>();
    return std::optional<qint64>(r->toLongLong());
}

Result<QList<DeliveryOutcome>> Outbox::outcomes(const QString &key) const
{
    auto q = m_db->exec(
        u"SELECT idempotency_key, site_id, agent_id, call_id, delivered, status, attempts, latency_ms, last_error "
        "FROM delivery_outcomes WHERE idempotency_key = ? ORDER BY id"_s,
        { key });
    if (!q)
        return q.error();
    QList<DeliveryOutcome> out;
    while (q->next()) {
        DeliveryOutcome o;
        o.key = q->value(0).toString();
        o.siteId = q->value(1).toLongLong();
        o.agentId = q->value(2).toLongLong();
        o.callId = q->value(3).toString();
        o.delivered = q->value(4).toInt() != 0;
        o.httpStatus = q->value(5).toInt();
        o.attempts = q->value(6).toInt();
        o.latencyMs = q->value(7).toLongLong();
        o.lastError = q->value(8).toString();
        o.givenUp = !o.delivered;
        out.append(o);
    }
    return out;
}

QString DeliveryRecord::stateName(State state)
{
    switch (state) {
    case State::Pending:
        return u"pending"_s;
    case State::Delivered:
        return u"delivered"_s;
    case State::Failed:
        break;
    }
    return u"failed"_s;
}

std::optional<DeliveryRecord::State> DeliveryRecord::stateFromName(const QString &name)
{
    for (State s : { State::Pending, State::Delivered, State::Failed })
        if (stateName(s) == name)
            return s;
    return std::nullopt;
}

Result<QList<DeliveryRecord>> Outbox::readRecords(const QString &where, const QVariantList &values,
                                                  const QString &tail) const
{
    auto q
        = m_db->exec(u"SELECT d.idempotency_key, d.site_id, d.campaign_id, d.agent_id, d.call_id, d.state, d.method, "
                     u"d.url, d.created_at, d.updated_at, o.next_attempt_at FROM deliveries d "
                     u"LEFT JOIN outbox o ON o.idempotency_key = d.idempotency_key"_s
                         + where + tail,
                     values);
    if (!q)
        return q.error();
    QList<DeliveryRecord> out;
    QHash<QString, qsizetype> index;
    while (q->next()) {
        DeliveryRecord d;
        d.key = q->value(0).toString();
        d.siteId = q->value(1).toLongLong();
        if (!q->value(2).isNull())
            d.campaignId = q->value(2).toLongLong();
        d.agentId = q->value(3).toLongLong();
        d.callId = q->value(4).toString();
        d.state = DeliveryRecord::stateFromName(q->value(5).toString()).value_or(DeliveryRecord::State::Failed);
        d.method = q->value(6).toString().toLatin1();
        d.url = q->value(7).toString();
        d.createdAtMs = q->value(8).toLongLong();
        d.updatedAtMs = q->value(9).toLongLong();
        if (d.state == DeliveryRecord::State::Pending && !q->value(10).isNull())
            d.nextAttemptAtMs = q->value(10).toLongLong();
        index.insert(d.key, out.size());
        out.append(std::move(d));
    }
    if (out.isEmpty())
        return out;
    QString marks;
    QVariantList keys;
    for (const DeliveryRecord &d : std::as_const(out)) {
        marks += marks.isEmpty() ? u"?"_s : u", ?"_s;
        keys.append(d.key);
    }
    auto a = m_db->exec(u"SELECT idempotency_key, attempted_at, status, error, elapsed_ms FROM delivery_attempts "
                        u"WHERE idempotency_key IN ("_s
                            + marks + u") ORDER BY id"_s,
                        keys);
    if (!a)
        return a.error();
    while (a->next()) {
        DeliveryAttempt attempt;
        attempt.atMs = a->value(1).toLongLong();
        attempt.httpStatus = a->value(2).toInt();
        attempt.error = a->value(3).toString();
        if (!a->value(4).isNull())
            attempt.elapsedMs = a->value(4).toLongLong();
        out[index.value(a->value(0).toString())].attempts.append(attempt);
    }
    return out;
}

Result<DeliveryPage> Outbox::deliveries(const DeliveryFilter &filter) const
{
    QStringList conditions;
    QVariantList values;
    if (filter.siteId) {
        conditions.append(u"d.site_id = ?"_s);
        values.append(*filter.siteId);
    }
    if (filter.campaignId) {
        conditions.append(u"d.campaign_id = ?"_s);
        values.append(*filter.campaignId);
    }
    if (filter.state) {
        conditions.append(u"d.state = ?"_s);
        values.append(DeliveryRecord::stateName(*filter.state));
    }
    if (filter.fromMs) {
        conditions.append(u"d.created_at >= ?"_s);
        values.append(*filter.fromMs);
    }
    if (filter.toMs) {
        conditions.append(u"d.created_at < ?"_s);
        values.append(*filter.toMs);
    }
    if (filter.supervisorUserId) {
        conditions.append(u"d.campaign_id IN (SELECT campaign_id FROM campaign_supervisors WHERE user_id = ?)"_s);
        values.append(*filter.supervisorUserId);
    }
    const QString where = conditions.isEmpty() ? QString() : u" WHERE "_s + conditions.join(u" AND "_s);
    auto total = m_db->scalar(u"SELECT COUNT(*) FROM deliveries d"_s + where, values);
    if (!total)
        return total.error();
    DeliveryPage page;
    page.total = total->toLongLong();
    QVariantList paged = values;
    paged.append(std::max(0, filter.length));
    paged.append(std::max(0, filter.start));
    auto records = readRecords(where, paged, u" ORDER BY d.created_at DESC, d.id DESC LIMIT ? OFFSET ?"_s);
    if (!records)
        return records.error();
    page.records = std::move(records).value();
    return page;
}

Result<std::optional<DeliveryRecord>> Outbox::delivery(const QString &key) const
{
    auto records = readRecords(u" WHERE d.idempotency_key = ?"_s, { key }, {});
    if (!records)
        return records.error();
    if (records->isEmpty())
        return std::optional<DeliveryRecord>();
    return std::optional<DeliveryRecord>(records->first());
}

Result<Outbox::Resend> Outbox::resend(const QString &key, qint64 nowMs) const
{
    Database::Transaction tx(*m_db);
    // PostgreSQL: the row is locked (not skipped) so two re-sends of one key queue up.
    const QString lock = m_db->lockClause().isEmpty() ? QString() : u" FOR UPDATE"_s;
    auto q = m_db->exec(u"SELECT state, method FROM deliveries WHERE idempotency_key = ?"_s + lock, { key });
    if (!q)
        return q.error();
    if (!q->next())
        return Resend::NotFound;
    if (q->value(0).toString() == u"pending"_s)
        return Resend::AlreadyPending;
    if (q->value(1).isNull())
        return Resend::NoRequest;
    // The request as first built; a new attempt budget; created now (its latency counts from the re-send);
    // the site only while it exists (the outbox refers to it).
    auto ins = m_db->exec(
        u"INSERT INTO outbox (idempotency_key, site_id, agent_id, call_id, method, url, headers_json, body, "
        u"created_at, next_attempt_at, attempts, auth_id, timeout_ms, max_attempts, signature_secret_enc) "
        u"SELECT idempotency_key, (SELECT s.id FROM external_sites s WHERE s.id = deliveries.site_id), agent_id, "
        u"call_id, method, url, headers_json, body, ?, ?, 0, auth_id, "
        u"timeout_ms, max_attempts, signature_secret_enc FROM deliveries WHERE idempotency_key = ?"_s,
        { nowMs, nowMs, key });
    if (!ins)
        return ins.error();
    auto upd = m_db->exec(u"UPDATE deliveries SET state = 'pending', updated_at = ? WHERE idempotency_key = ?"_s,
                          { nowMs, key });
    if (!upd)
        return upd.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    return Resend::Accepted;
}

}   // namespace enlace
