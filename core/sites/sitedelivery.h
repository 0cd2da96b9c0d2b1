#pragma once

#include <core/model/clock.h>
#include <core/model/result.h>
#include <core/sites/deliveryoutcome.h>
#include <core/sites/outbox.h>

#include <QElapsedTimer>
#include <QHash>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace enlace {

class TokenProvider;

struct SiteDeliveryOptions
{
    int concurrency = 16;   // requests in flight at once, per instance
    QString instanceId;   // lease owner; empty: "<host>-<pid>-<random>". A stable id lets a
                          // restarted instance take its own leases back at once.
    int leaseMs = 120000;   // a claim not finished by then is taken by another instance
    int pollIntervalMs = 1000;   // how often rows enqueued by other instances are looked for
    int backoffBaseMs = 1000;   // retry n waits a random time in [0, min(cap, base * 2^(n-1))]
    int backoffCapMs = 300000;
    double backoffScale = 1.0;   // multiplies the computed backoff (tests and benchmarks shorten it)
    int maxRetryAfterMs = 3600000;   // a CRM's Retry-After is honoured up to this
};

// What a test send (SiteDelivery::sendTest) sent and what came back.
struct TestSendResult
{
    HttpRequest sent;   // as it went out; Authorization holds the real token: mask it before showing
    bool answered = false;   // the CRM answered with an HTTP status
    int status = 0;
    QString reason;   // the status line's reason phrase
    QList<QPair<QByteArray, QByteArray>> headers;   // of the answer, in order
    QByteArray body;   // the answer's first kMaxBody bytes
    bool bodyTruncated = false;
    qint64 elapsedMs = 0;   // request sent -> answer or failure
    // No answer: what failed. code is "timeout", "token", "tls" or the name of the
    // QNetworkReply::NetworkError ("ConnectionRefusedError", "HostNotFoundError", ...).
    QString errorCode;
    QString error;   // never a token, password or secret
    static constexpr qsizetype kMaxBody = 4096;
};

// Server-side delivery of CRM requests (triggers "server" and "call disposition") through the
// durable outbox: at-least-once, with the same Idempotency-Key on every attempt, retries with
// exponential backoff and full jitter on network errors, timeouts, 408, 429 and 5xx (Retry-After
// honoured), none on other 4xx; a bearer token from TokenProvider at send time (refreshed once on
// 401); an optional HMAC signature. See docs/delivery.md.
//
// Lives on one thread (its event loop sends); enqueue() may be called from any thread.
class SiteDelivery final : public QObject
{
    Q_OBJECT

public:
    SiteDelivery(std::shared_ptr<Database> db, QNetworkAccessManager *network, TokenProvider *tokens,
                 const Clock &clock, const SecretBox &box, SiteDeliveryOptions options = {}, QObject *parent = nullptr);
    ~SiteDelivery() override;

    // Writes the item to the outbox on the calling thread's connection and returns its idempotency
    // key. Store it atomically with the event that causes it:
    //     Database::Transaction tx(*db);
    //     ... write the disposition ...
    //     auto key = delivery.enqueue(item);
    //     if (!key) return key.error();      // the transaction rolls back: neither is stored
    //     tx.commit();
    // Never waits for the network; the sender is woken after the caller returns to the event loop.
    Result<QString> enqueue(const OutboxItem &item);

    // Takes back this instance's leases (crash recovery under a stable id) and sends what is due.
    void start();
    // Stops claiming; requests in flight are abandoned and their rows released for a retry.
    void stop();
    bool isRunning() const { return m_running; }
    QString instanceId() const { return m_options.instanceId; }
    int inFlightCount() const { return int(m_inFlight.size()); }
    const Outbox &outbox() const { return m_outbox; }

    // Sends item once, now, exactly as a delivery attempt would go (token, Idempotency-Key `key`,
    // signature, TLS policy, timeout), outside the outbox: nothing is stored and nothing retried.
    void sendTest(const OutboxItem &item, const QString &key, std::function<void(TestSendResult)> done);

    // Delay before retry n (1-based) without Retry-After: full jitter, scaled.
    qint64 backoffMs(int attempt) const;
    // A Retry-After value (seconds or HTTP date) as a delay from nowMs; none when unreadable.
    static std::optional<qint64> parseRetryAfter(const QByteArray &value, qint64 nowMs);

public Q_SLOTS:
    // Looks for due rows now (after an enqueue elsewhere, or when a test moved the clock).
    void wake();

Q_SIGNALS:
    // Delivered or given up; the row is gone and the outcome stored.
    void deliveryFinished(const enlace::DeliveryOutcome &outcome);
    // An attempt failed and another is scheduled at outcome.nextAttemptAtMs.
    void attemptFailed(const enlace::DeliveryOutcome &outcome);

private:
    struct InFlight
    {
        OutboxEntry entry;
        int attempts = 0;
        QString token;
        bool refreshed = false;
        QPointer<QNetworkReply> reply;
        QElapsedTimer sentAt;   // the last request went out
    };
    struct Completion
    {
        qint64 id = 0;
        DeliveryOutcome outcome;
        bool finished = false;   // true: delete + outcome; false: reschedule
        QString expediteOrigin;   // delivered to a CRM that had failed: pull its backlog forward
        std::optional<qint64> elapsedMs;   // of the attempt that ends here
    };

    void schedulePump();
    void scheduleWakeIn(qint64 ms);
    void pump();
    void dispatch(const OutboxEntry &entry);
    void handleToken(qint64 id, const Result<QString> &token);
    void send(qint64 id);
    // The request as an attempt sends it: Idempotency-Key, Authorization, signature added to request.
    QNetworkRequest prepare(HttpRequest &request, const OutboxItem &item, const QString &key,
                            const QString &token) const;
    QNetworkReply *transmit(const QNetworkRequest &nr, const HttpRequest &request) const;
    void sendTestWithToken(const OutboxItem &item, const QString &key, const QString &token,
                           const std::function<void(TestSendResult)> &done);
    void handleReply(qint64 id, QNetworkReply *reply);
    void complete(qint64 id, int status, const QString &error, bool delivered, bool retryable,
                  qint64 retryAfterMs = -1);
    bool flush(QList<DeliveryOutcome> &finished, QList<DeliveryOutcome> &failed);

    std::shared_ptr<Database> m_db;
    QNetworkAccessManager *m_network;
    QPointer<TokenProvider> m_tokens;
    const Clock &m_clock;
    Outbox m_outbox;
    SiteDeliveryOptions m_options;
    bool m_running = false;
    QHash<qint64, InFlight> m_inFlight;
    QList<Completion> m_completions;   // written at the next pump, in one transaction
    QTimer m_pumpTimer;   // 0 ms, coalesces wake-ups within one event-loop turn
    QTimer m_wakeTimer;   // next due row or poll
    QSet<QString> m_failingOrigins;   // CRMs whose last answer here was a retryable failure
};

}   // namespace enlace
