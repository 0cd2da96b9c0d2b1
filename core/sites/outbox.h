#pragma once

#include <core/model/result.h>
#include <core/requests/httprequest.h>
#include <core/sites/deliveryoutcome.h>
#include <core/sites/secretbox.h>
#include <core/store/database.h>

#include <QList>

#include <memory>
#include <optional>

namespace enlace {

// A request that the server must deliver to a CRM.
struct OutboxItem
{
    qint64 siteId = 0;   // 0: none
    qint64 agentId = 0;   // 0: none
    QString callId;
    HttpRequest request;   // without Authorization: the token is fetched when sending
    std::optional<qint64> authId;
    int timeoutMs = 10000;
    int maxAttempts = 8;
    QByteArray signatureSecret;   // empty: not signed; stored sealed
};

// One claimed row of the outbox.
struct OutboxEntry
{
    qint64 id = 0;
    QString key;
    OutboxItem item;
    qint64 createdAtMs = 0;
    int attempts = 0;   // attempts made before this claim
    bool secretUnreadable = false;   // sealed with another key: must not go out unsigned
};

// One attempt to deliver a key, as the delivery log keeps it.
struct DeliveryAttempt
{
    qint64 atMs = 0;
    int httpStatus = 0;   // 0: no answer
    QString error;   // empty when delivered; never a token, password or secret
    std::optional<qint64> elapsedMs;   // request sent -> answer (or failure)
};

// One key of the delivery log (`deliveries`), from enqueue on.
struct DeliveryRecord
{
    enum class State { Pending, Delivered, Failed };
    QString key;
    qint64 siteId = 0;   // 0: none
    std::optional<qint64> campaignId;   // the call's campaign when it was enqueued
    qint64 agentId = 0;
    QString callId;
    State state = State::Pending;
    QByteArray method;   // empty: the request is not kept (logged before the log existed)
    QString url;   // as sent, without Authorization (headers are not listed: they may hold tokens)
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    std::optional<qint64> nextAttemptAtMs;   // pending only
    QList<DeliveryAttempt> attempts;   // oldest first

    static QString stateName(State state);
    static std::optional<State> stateFromName(const QString &name);
};

// Which keys of the log to list, newest first (created_at, then id).
struct DeliveryFilter
{
    std::optional<qint64> siteId;
    std::optional<qint64> campaignId;
    std::optional<DeliveryRecord::State> state;
    std::optional<qint64> fromMs;   // created_at >= fromMs
    std::optional<qint64> toMs;   // created_at < toMs
    // Only keys of campaigns this user supervises (a supervisor's view).
    std::optional<qint64> supervisorUserId;
    int start = 0;
    int length = 25;
};

struct DeliveryPage
{
    qint64 total = 0;   // matching the filter, all pages
    QList<DeliveryRecord> records;
};

// The durable outbox (`outbox` table) and the outcome log (`delivery_outcomes`).
// Rows are claimed with a lease so several server instances on one PostgreSQL can share the table:
// a row is sent by the instance that holds an unexpired lease on it; the lease of a crashed instance
// expires and the row is claimed again (at-least-once, same Idempotency-Key).
class Outbox final
{
public:
    Outbox(std::shared_ptr<Database> db, const SecretBox &box);

    // Writes the row on the calling thread's connection, so inside the caller's open transaction
    // when there is one. Returns the new idempotency key (a UUID).
    Result<QString> add(const OutboxItem &item, qint64 nowMs) const;

    // Leases up to limit due rows (next_attempt_at <= now, no unexpired lease) to owner until leaseUntilMs.
    Result<QList<OutboxEntry>> claim(const QString &owner, qint64 nowMs, qint64 leaseUntilMs, int limit) const;
    // A failed attempt to retry later: stores attempts and the error, drops the lease.
    // The attempt goes to the delivery log at nowMs with elapsedMs.
    Result<void> reschedule(qint64 id, const QString &owner, int attempts, qint64 nextAttemptAtMs, int lastStatus,
                            const QString &lastError, qint64 nowMs = 0,
                            std::optional<qint64> elapsedMs = std::nullopt) const;
    // Delivered or given up: deletes the row and writes the outcome in one transaction. False when the
    // row is no longer leased by owner (its lease expired and another instance took it over).
    // The last attempt goes to the delivery log (with elapsedMs) and the key becomes delivered or failed.
    Result<bool> finish(qint64 id, const QString &owner, const DeliveryOutcome &outcome, qint64 nowMs,
                        std::optional<qint64> elapsedMs = std::nullopt) const;
    // Drops every lease owner holds (shutdown, or a restart under the same instance id).
    Result<void> release(const QString &owner) const;
    // Drops the leases on these rows (rows claimed but never sent).
    Result<void> release(const QString &owner, const QList<qint64> &ids) const;

    // The CRM at origin (scheme://host[:port]) answered again: rows for it that wait in backoff
    // become due now. Returns how many.
    Result<int> expedite(const QString &origin, qint64 nowMs) const;
    static QString originOf(const QUrl &url);

    Result<qint64> pendingCount() const;
    // When the earliest row becomes claimable (its due time, or the end of its lease); none when empty.
    Result<std::optional<qint64>> nextClaimableAt() const;
    // Outcomes of a key, oldest first (normally one).
    Result<QList<DeliveryOutcome>> outcomes(const QString &key) const;

    // The delivery log: one page of keys with their attempts, in two indexed reads (never the whole table).
    Result<DeliveryPage> deliveries(const DeliveryFilter &filter) const;
    Result<std::optional<DeliveryRecord>> delivery(const QString &key) const;

    // Puts a delivered or failed key back in the outbox with its request as first built, the same
    // idempotency key and a fresh attempt budget; the pump sends it as any other row.
    enum class Resend { Accepted, NotFound, AlreadyPending, NoRequest };
    Result<Resend> resend(const QString &key, qint64 nowMs) const;

private:
    Result<QList<DeliveryRecord>> readRecords(const QString &where, const QVariantList &values,
                                              const QString &tail) const;

    std::shared_ptr<Database> m_db;
    SecretBox m_box;
};

}   // namespace enlace
