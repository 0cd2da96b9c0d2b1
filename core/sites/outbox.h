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
    Result<void> reschedule(qint64 id, const QString &owner, int attempts, qint64 nextAttemptAtMs, int lastStatus,
                            const QString &lastError) const;
    // Delivered or given up: deletes the row and writes the outcome in one transaction. False when the
    // row is no longer leased by owner (its lease expired and another instance took it over).
    Result<bool> finish(qint64 id, const QString &owner, const DeliveryOutcome &outcome, qint64 nowMs) const;
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

private:
    std::shared_ptr<Database> m_db;
    SecretBox m_box;
};

}   // namespace enlace
