#include <core/api/loginthrottle.h>
#include <core/model/clock.h>
#include <core/store/database.h>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace enlace {

LoginThrottle::LoginThrottle(std::shared_ptr<Database> db, const Clock &clock, LoginThrottlePolicy policy)
    : m_db(std::move(db))
    , m_clock(clock)
    , m_policy(policy)
{ }

// Bounded, so a huge username cannot bloat the table. Addresses hold no '|'.
QString LoginThrottle::pairScope(const QString &username, const QString &address)
{
    return u"pair|"_s + address.left(64) + u'|' + username.left(200);
}

QString LoginThrottle::userScope(const QString &username)
{
    return u"user|"_s + username.left(200);
}

QString LoginThrottle::addressScope(const QString &address)
{
    return u"address|"_s + address.left(64);
}

Result<LoginThrottle::Count> LoginThrottle::count(const QString &scope, int frozenAt, qint64 now)
{
    const qint64 cutoff = now - m_policy.windowMs;
    // One statement: concurrent attempts on this instance's threads or on other instances each
    // get their own number. Both stores evaluate SET expressions against the row as it was.
    auto q = m_db->exec(
        u"INSERT INTO login_attempts (scope, attempts, last_attempt_at) VALUES (?, 1, ?) "
        "ON CONFLICT (scope) DO UPDATE SET "
        "attempts = CASE WHEN login_attempts.last_attempt_at <= ? THEN 1 ELSE login_attempts.attempts + 1 END, "
        "last_attempt_at = CASE WHEN login_attempts.last_attempt_at > ? AND login_attempts.attempts >= ? "
        "THEN login_attempts.last_attempt_at ELSE excluded.last_attempt_at END "
        "RETURNING attempts, last_attempt_at"_s,
        { scope, now, cutoff, cutoff, frozenAt });
    if (!q.ok())
        return q.error();
    if (!q->next())
        return Error::internal(u"store.no_row"_s, u"login_attempts upsert returned no row"_s);
    return Count { q->value(0).toInt(), q->value(1).toLongLong() };
}

qint64 LoginThrottle::delayFor(int earlierFailures, int capMs) const
{
    if (earlierFailures <= 0)
        return 0;
    const int shift = std::min(earlierFailures - 1, 20);
    return std::min<qint64>(qint64(m_policy.baseDelayMs) << shift, capMs);
}

Result<LoginThrottle::Verdict> LoginThrottle::begin(const QString &username, const QString &address)
{
    const qint64 now = m_clock.nowMs();
    if (++m_attemptsSincePurge >= 256) {
        // Rows of attempts whose window has passed mean nothing any more.
        m_attemptsSincePurge = 0;
        (void)m_db->exec(u"DELETE FROM login_attempts WHERE last_attempt_at <= ?"_s, { now - m_policy.windowMs });
    }
    const auto blockedUntil = [&](const Count &c, bool byAddress) {
        Verdict v;
        v.blocked = true;
        v.failures = c.attempts - 1;
        v.retryAfterMs = std::max<qint64>(0, c.lastAt + m_policy.windowMs - now);
        v.byAddress = byAddress;
        return v;
    };

    // The pair first: a client retrying its own blocked username does not use up its address's
    // count (colleagues behind the same NAT address keep logging in).
    auto pair = count(pairScope(username, address), m_policy.maxFailures, now);
    if (!pair.ok())
        return pair.error();
    if (pair->attempts > m_policy.maxFailures)
        return blockedUntil(pair.value(), false);

    auto fromAddress = count(addressScope(address), m_policy.maxAddressFailures, now);
    if (!fromAddress.ok())
        return fromAddress.error();
    if (fromAddress->attempts > m_policy.maxAddressFailures) {
        (void)takeBack(pairScope(username, address));   // not checked: not an attempt on the pair
        return blockedUntil(fromAddress.value(), true);
    }

    auto user = count(userScope(username), std::numeric_limits<int>::max(), now);
    if (!user.ok())
        return user.error();

    Verdict v;
    v.failures = pair->attempts - 1;
    v.delayMs = std::max(delayFor(pair->attempts - 1, m_policy.maxDelayMs),
                         delayFor(user->attempts - 1, std::min(m_policy.maxUserDelayMs, m_policy.maxDelayMs)));
    return v;
}

Result<void> LoginThrottle::takeBack(const QString &scope)
{
    auto q = m_db->exec(u"UPDATE login_attempts SET attempts = attempts - 1 WHERE scope = ? AND attempts > 0"_s,
                        { scope });
    if (!q.ok())
        return q.error();
    return {};
}

Result<void> LoginThrottle::succeeded(const QString &username, const QString &address)
{
    auto q = m_db->exec(u"DELETE FROM login_attempts WHERE scope IN (?, ?)"_s,
                        { pairScope(username, address), userScope(username) });
    if (!q.ok())
        return q.error();
    return takeBack(addressScope(address));
}

}   // namespace enlace
