#include <core/sites/requestsigner.h>
#include <core/sites/sitedelivery.h>
#include <core/sites/tokenprovider.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QHostInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QUuid>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDelivery, "enlace.delivery", QtInfoMsg)

namespace enlace {

namespace {

bool isRetryableStatus(int status)
{
    return status == 0 || status == 408 || status == 429 || status >= 500;
}

}   // namespace

SiteDelivery::SiteDelivery(std::shared_ptr<Database> db, QNetworkAccessManager *network, TokenProvider *tokens,
                           const Clock &clock, const SecretBox &box, SiteDeliveryOptions options, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_network(network)
    , m_tokens(tokens)
    , m_clock(clock)
    , m_outbox(std::move(db), box)
    , m_options(std::move(options))
{
    qRegisterMetaType<enlace::DeliveryOutcome>();
    m_options.concurrency = std::max(1, m_options.concurrency);
    m_options.leaseMs = std::max(1000, m_options.leaseMs);
    m_options.pollIntervalMs = std::max(1, m_options.pollIntervalMs);
    if (m_options.instanceId.isEmpty())
        m_options.instanceId = QHostInfo::localHostName() + u'-' + QString::number(QCoreApplication::applicationPid())
            + u'-' + QUuid::createUuid().toString(QUuid::Id128).left(8);
    m_pumpTimer.setSingleShot(true);
    m_pumpTimer.setInterval(0);
    connect(&m_pumpTimer, &QTimer::timeout, this, &SiteDelivery::pump);
    m_wakeTimer.setSingleShot(true);
    connect(&m_wakeTimer, &QTimer::timeout, this, &SiteDelivery::pump);
}

SiteDelivery::~SiteDelivery()
{
    stop();
}

Result<QString> SiteDelivery::enqueue(const OutboxItem &item)
{
    auto key = m_outbox.add(item, m_clock.nowMs());
    if (key)
        QMetaObject::invokeMethod(this, &SiteDelivery::wake, Qt::QueuedConnection);
    return key;
}

void SiteDelivery::start()
{
    if (m_running)
        return;
    m_running = true;
    if (auto r = m_outbox.release(m_options.instanceId); !r)
        qCWarning(lcDelivery) << "could not take back the leases of" << m_options.instanceId << r.error().code
                              << r.error().detail;
    schedulePump();
}

void SiteDelivery::stop()
{
    if (!m_running && m_inFlight.isEmpty() && m_completions.isEmpty())
        return;
    m_running = false;
    m_pumpTimer.stop();
    m_wakeTimer.stop();
    QList<qint64> abandoned;
    for (auto it = m_inFlight.begin(); it != m_inFlight.end(); ++it) {
        if (it->reply) {
            it->reply->disconnect(this);
            it->reply->abort();
            it->reply->deleteLater();
        }
        abandoned.append(it.key());
    }
    m_inFlight.clear();
    QList<DeliveryOutcome> finished, failed;
    flush(finished, failed);
    if (!abandoned.isEmpty())
        if (auto r = m_outbox.release(m_options.instanceId, abandoned); !r)
            qCWarning(lcDelivery) << "could not release abandoned rows:" << r.error().detail;
}

void SiteDelivery::wake()
{
    schedulePump();
}

void SiteDelivery::schedulePump()
{
    if (m_running && !m_pumpTimer.isActive())
        m_pumpTimer.start();
}

void SiteDelivery::scheduleWakeIn(qint64 ms)
{
    const int delay = int(std::clamp<qint64>(ms, 0, m_options.pollIntervalMs));
    if (!m_wakeTimer.isActive() || m_wakeTimer.remainingTime() > delay)
        m_wakeTimer.start(delay);
}

qint64 SiteDelivery::backoffMs(int attempt) const
{
    const double ceiling
        = std::min<double>(m_options.backoffCapMs, m_options.backoffBaseMs * std::pow(2.0, std::max(0, attempt - 1)));
    return qint64(QRandomGenerator::global()->bounded(1.0) * ceiling * m_options.backoffScale);
}

std::optional<qint64> SiteDelivery::parseRetryAfter(const QByteArray &value, qint64 nowMs)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = v.toLongLong(&ok);
    if (ok)
        return seconds >= 0 ? std::optional<qint64>(seconds * 1000) : std::nullopt;
    // IMF-fixdate (RFC 9110), e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(v), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    if (when.isValid())
        when.setTimeSpec(Qt::UTC);
    else
        when = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    return std::max<qint64>(0, when.toMSecsSinceEpoch() - nowMs);
}

void SiteDelivery::pump()
{
    if (!m_running)
        return;
    QList<DeliveryOutcome> finished, failed;
    QList<OutboxEntry> claimed;
    const int free = m_options.concurrency - int(m_inFlight.size());
    bool storeOk = true;
    {
        // The outcomes of finished requests and the next claim share one commit.
        Database::Transaction tx(*m_db);
        storeOk = flush(finished, failed);
        if (storeOk && free > 0) {
            const qint64 now = m_clock.nowMs();
            auto c = m_outbox.claim(m_options.instanceId, now, now + m_options.leaseMs, free);
            if (c)
                claimed = std::move(c.value());
            else {
                storeOk = false;
                qCWarning(lcDelivery) << "claim failed:" << c.error().detail;
            }
        }
        if (storeOk) {
            if (auto r = tx.commit(); !r) {
                storeOk = false;
                qCWarning(lcDelivery) << "commit failed:" << r.error().detail;
            }
        }
    }
    if (!storeOk) {
        // The store is unavailable: keep what we have and try again at the next poll.
        claimed.clear();
        scheduleWakeIn(m_options.pollIntervalMs);
        return;
    }
    m_completions.clear();

    for (const DeliveryOutcome &o : std::as_const(failed))
        Q_EMIT attemptFailed(o);
    for (const DeliveryOutcome &o : std::as_const(finished))
        Q_EMIT deliveryFinished(o);
    if (!m_running)
        return;   // a slot stopped us

    for (const OutboxEntry &e : std::as_const(claimed))
        dispatch(e);

    if (claimed.size() < free) {
        // Drained: sleep until the earliest row becomes claimable, or the poll for other instances' rows.
        auto next = m_outbox.nextClaimableAt();
        if (next && next.value())
            scheduleWakeIn(*next.value() - m_clock.nowMs() + 1);
        else
            scheduleWakeIn(m_options.pollIntervalMs);
    }
}

bool SiteDelivery::flush(QList<DeliveryOutcome> &finished, QList<DeliveryOutcome> &failed)
{
    if (m_completions.isEmpty())
        return true;
    Database::Transaction tx(*m_db);
    const qint64 now = m_clock.nowMs();
    for (const Completion &c : std::as_const(m_completions)) {
        if (c.finished) {
            auto r = m_outbox.finish(c.id, m_options.instanceId, c.outcome, now, c.elapsedMs);
            if (!r) {
                qCWarning(lcDelivery) << "could not record the outcome of" << c.outcome.key << r.error().detail;
                return false;
            }
            if (r.value())
                finished.append(c.outcome);
            else
                qCInfo(lcDelivery) << "outcome of" << c.outcome.key << "dropped: its lease passed to another instance";
            if (!c.expediteOrigin.isEmpty()) {
                // The CRM is back: what waits for it in backoff goes now, not minutes later.
                auto n = m_outbox.expedite(c.expediteOrigin, now);
                if (!n)
                    return false;
                if (n.value() > 0)
                    qCInfo(lcDelivery) << n.value() << "requests to" << c.expediteOrigin
                                       << "sent early: it answers again";
            }
        } else {
            auto r = m_outbox.reschedule(c.id, m_options.instanceId, c.outcome.attempts, c.outcome.nextAttemptAtMs,
                                         c.outcome.httpStatus, c.outcome.lastError, now, c.elapsedMs);
            if (!r) {
                qCWarning(lcDelivery) << "could not reschedule" << c.outcome.key << r.error().detail;
                return false;
            }
            failed.append(c.outcome);
        }
    }
    if (auto r = tx.commit(); !r)
        return false;
    m_completions.clear();
    return true;
}

void SiteDelivery::dispatch(const OutboxEntry &entry)
{
    if (m_inFlight.contains(entry.id))
        return;   // our own lease expired and we claimed the row again while still sending it
    InFlight f;
    f.entry = entry;
    f.attempts = entry.attempts;
    m_inFlight.insert(entry.id, f);
    const qint64 id = entry.id;

    if (entry.secretUnreadable) {
        complete(id, 0, u"the signature secret cannot be read (key file replaced?)"_s, false, false);
        return;
    }
    if (!entry.item.authId) {
        send(id);
        return;
    }
    if (!m_tokens) {
        complete(id, 0, u"the site needs an authentication token but no token provider is configured"_s, false, false);
        return;
    }
    QPointer<SiteDelivery> self(this);
    m_tokens->token(*entry.item.authId, [self, id](Result<QString> token) {
        if (self)
            self->handleToken(id, token);
    });
}

void SiteDelivery::handleToken(qint64 id, const Result<QString> &token)
{
    auto it = m_inFlight.find(id);
    if (it == m_inFlight.end())
        return;
    if (!token) {
        // Nothing reached the site, but the attempt counts so a broken authentication ends in "given up".
        it->attempts += 1;
        complete(id, 0, token.error().text(), false, true);
        return;
    }
    it->token = token.value();
    send(id);
}

QNetworkRequest SiteDelivery::prepare(HttpRequest &request, const OutboxItem &item, const QString &key,
                                      const QString &token) const
{
    request.setHeader("Idempotency-Key"_ba, key.toLatin1());
    if (!token.isEmpty())
        request.setHeader("Authorization"_ba, "Bearer "_ba + token.toUtf8());
    RequestSigner::sign(request, item.signatureSecret, m_clock.nowMs() / 1000);

    QNetworkRequest nr(request.url);
    for (const auto &h : std::as_const(request.headers))
        nr.setRawHeader(h.first, h.second);
    // Each request stands alone: no cookies carried from one agent's call to another's.
    nr.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    nr.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    if (item.authId && m_tokens && !m_tokens->sslStrict(*item.authId)) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        nr.setSslConfiguration(ssl);
    }
    return nr;
}

QNetworkReply *SiteDelivery::transmit(const QNetworkRequest &nr, const HttpRequest &request) const
{
    if (request.method == "GET")
        return m_network->get(nr);
    if (request.method == "POST")
        return m_network->post(nr, request.body);
    return m_network->sendCustomRequest(nr, request.method, request.body);
}

void SiteDelivery::send(qint64 id)
{
    auto it = m_inFlight.find(id);
    if (it == m_inFlight.end())
        return;
    it->attempts += 1;
    const OutboxItem &item = it->entry.item;
    HttpRequest request = item.request;
    const QNetworkRequest nr = prepare(request, item, it->entry.key, it->token);
    QNetworkReply *reply = transmit(nr, request);
    it->reply = reply;
    it->sentAt.start();
    TokenProvider::abortAfter(reply, item.timeoutMs > 0 ? item.timeoutMs : 10000);
    connect(reply, &QNetworkReply::finished, this, [this, id, reply] { handleReply(id, reply); });
}

void SiteDelivery::sendTest(const OutboxItem &item, const QString &key, std::function<void(TestSendResult)> done)
{
    if (!item.authId) {
        sendTestWithToken(item, key, {}, done);
        return;
    }
    if (!m_tokens) {
        TestSendResult r;
        r.sent = item.request;
        r.errorCode = u"token"_s;
        r.error = u"the site needs an authentication token but no token provider is configured"_s;
        done(r);
        return;
    }
    QPointer<SiteDelivery> self(this);
    m_tokens->token(*item.authId, [self, item, key, done](Result<QString> token) {
        if (!self)
            return;
        if (!token) {
            TestSendResult r;
            r.sent = item.request;
            r.errorCode = u"token"_s;
            r.error = token.error().text();
            done(r);
            return;
        }
        self->sendTestWithToken(item, key, token.value(), done);
    });
}

void SiteDelivery::sendTestWithToken(const OutboxItem &item, const QString &key, const QString &token,
                                     const std::function<void(TestSendResult)> &done)
{
    auto result = std::make_shared<TestSendResult>();
    result->sent = item.request;
    const QNetworkRequest nr = prepare(result->sent, item, key, token);
    QNetworkReply *reply = transmit(nr, result->sent);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    const int timeoutMs = item.timeoutMs > 0 ? item.timeoutMs : 10000;
    TokenProvider::abortAfter(reply, timeoutMs);
    auto tlsErrors = std::make_shared<QStringList>();
    connect(reply, &QNetworkReply::sslErrors, reply, [tlsErrors](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            tlsErrors->append(e.errorString());
    });
    connect(reply, &QNetworkReply::finished, this, [reply, result, timer, tlsErrors, timeoutMs, done] {
        reply->deleteLater();
        TestSendResult &r = *result;
        r.elapsedMs = timer->elapsed();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (status.isValid() && status.toInt() > 0) {
            r.answered = true;
            r.status = status.toInt();
            r.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
            r.headers = reply->rawHeaderPairs();
            r.body = reply->read(TestSendResult::kMaxBody);
            r.bodyTruncated = reply->bytesAvailable() > 0;
        } else if (TokenProvider::timedOut(reply)) {
            r.errorCode = u"timeout"_s;
            r.error = u"timeout after %1 ms"_s.arg(timeoutMs);
        } else if (!tlsErrors->isEmpty()) {
            r.errorCode = u"tls"_s;
            r.error = tlsErrors->join(u"; "_s);
        } else {
            const QMetaEnum e = QMetaEnum::fromType<QNetworkReply::NetworkError>();
            const char *name = e.valueToKey(reply->error());
            r.errorCode = name ? QString::fromLatin1(name) : QString::number(reply->error());
            r.error = reply->errorString();
        }
        done(r);
    });
}

void SiteDelivery::handleReply(qint64 id, QNetworkReply *reply)
{
    reply->deleteLater();
    auto it = m_inFlight.find(id);
    if (it == m_inFlight.end() || it->reply != reply)
        return;
    it->reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();

    if (status >= 200 && status <= 299) {
        complete(id, status, {}, true, false);
        return;
    }
    if (status == 401 && it->entry.item.authId && m_tokens && !it->refreshed) {
        // The token was revoked or expired early: refresh once and retry at once.
        it->refreshed = true;
        m_tokens->invalidate(*it->entry.item.authId, it->token);
        it->token.clear();
        QPointer<SiteDelivery> self(this);
        m_tokens->token(*it->entry.item.authId, [self, id](Result<QString> token) {
            if (self)
                self->handleToken(id, token);
        });
        return;
    }
    QString error;
    if (status == 0)
        error = TokenProvider::timedOut(reply) ? u"timeout after %1 ms"_s.arg(it->entry.item.timeoutMs)
                                               : reply->errorString();
    else
        error = u"HTTP %1 %2"_s.arg(status)
                    .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString())
                    .trimmed();
    qint64 retryAfter = -1;
    if ((status == 429 || status == 503) && reply->hasRawHeader("Retry-After"_ba)) {
        if (auto ra = parseRetryAfter(reply->rawHeader("Retry-After"_ba), m_clock.nowMs()))
            retryAfter = std::min<qint64>(*ra, m_options.maxRetryAfterMs);
    }
    complete(id, status, error, false, isRetryableStatus(status), retryAfter);
}

void SiteDelivery::complete(qint64 id, int status, const QString &error, bool delivered, bool retryable,
                            qint64 retryAfterMs)
{
    auto it = m_inFlight.find(id);
    if (it == m_inFlight.end())
        return;
    const OutboxEntry &e = it->entry;
    const qint64 now = m_clock.nowMs();
    DeliveryOutcome o;
    o.key = e.key;
    o.siteId = e.item.siteId;
    o.agentId = e.item.agentId;
    o.callId = e.item.callId;
    o.delivered = delivered;
    o.httpStatus = status;
    o.attempts = it->attempts;
    o.latencyMs = std::max<qint64>(0, now - e.createdAtMs);
    o.lastError = error;

    Completion c;
    c.id = id;
    if (it->sentAt.isValid())
        c.elapsedMs = it->sentAt.elapsed();
    const QString origin = Outbox::originOf(e.item.request.url);
    if (delivered && m_failingOrigins.remove(origin))
        c.expediteOrigin = origin;
    else if (!delivered && retryable)
        m_failingOrigins.insert(origin);
    if (delivered || !retryable || it->attempts >= std::max(1, e.item.maxAttempts)) {
        o.givenUp = !delivered;
        c.finished = true;
        if (!delivered)
            qCWarning(lcDelivery) << "gave up" << e.key << "to site" << e.item.siteId << "after" << it->attempts
                                  << "attempts:" << error;
    } else {
        o.nextAttemptAtMs = now + (retryAfterMs >= 0 ? retryAfterMs : backoffMs(it->attempts));
        qCDebug(lcDelivery) << "attempt" << it->attempts << "of" << e.key << "failed:" << error;
        scheduleWakeIn(o.nextAttemptAtMs - now + 1);
    }
    c.outcome = o;
    m_completions.append(c);
    m_inFlight.erase(it);
    schedulePump();
}

}   // namespace enlace
