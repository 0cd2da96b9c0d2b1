#include <core/api/loginthrottle.h>

#include <core/model/clock.h>
#include <core/store/database.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace enlace {

LoginThrottle::LoginThrottle(std::shared_ptr<Database> db, const Clock &clock, LoginThrottlePolicy policy)
    : m_db(std::move(db)), m_clock(clock), m_policy(policy)
{
}

QString LoginThrottle::key(const QString &username)
{
    // Bounded, so a huge username cannot bloat the table.
    return username.left(200);
}

LoginThrottle::Verdict LoginThrottle::check(const QString &username) const
{
    Verdict v;
    auto q = m_db->exec(u"SELECT failures, last_failure_at FROM login_failures WHERE username = ?"_s, {key(username)});
    if (!q.ok() || !q->next())
        return v;
    const int failures = q->value(0).toInt();
    const qint64 last = q->value(1).toLongLong();
    const qint64 now = m_clock.nowMs();
    if (now - last >= m_policy.windowMs)
        return v;
    v.failures = failures;
    if (failures >= m_policy.maxFailures) {
        v.blocked = true;
        v.retryAfterMs = last + m_policy.windowMs - now;
        return v;
    }
    if (failures > 0) {
        const int shift = std::min(failures - 1, 20);
        v.delayMs = std::min<qint64>(qint64(m_policy.baseDelayMs) << shift, m_policy.maxDelayMs);
    }
    return v;
}

Result<void> LoginThrottle::recordFailure(const QString &username)
{
    const qint64 now = m_clock.nowMs();
    // One statement, so concurrent failures on several instances all count.
    auto q = m_db->exec(
        u"INSERT INTO login_failures (username, failures, last_failure_at) VALUES (?, 1, ?) "
        "ON CONFLICT (username) DO UPDATE SET "
        "failures = CASE WHEN login_failures.last_failure_at < ? THEN 1 ELSE login_failures.failures + 1 END, "
        "last_failure_at = ?"_s,
        {key(username), now, now - m_policy.windowMs, now});
    if (!q.ok())
        return q.error();
    return {};
}

Result<void> LoginThrottle::recordSuccess(const QString &username)
{
    auto q = m_db->exec(u"DELETE FROM login_failures WHERE username = ?"_s, {key(username)});
    if (!q.ok())
        return q.error();
    return {};
}

} // namespace enlace
