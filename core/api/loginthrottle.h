#pragma once

#include <core/model/result.h>

#include <QString>

#include <memory>

namespace enlace {

class Clock;
class Database;

struct LoginThrottlePolicy
{
    int maxFailures = 10;               // this many failures in the window -> 429 until it passes
    qint64 windowMs = 15 * 60 * 1000;   // failures older than this are forgotten
    int baseDelayMs = 250;              // delay before answering after the first failure, doubled per failure
    int maxDelayMs = 8000;
};

// Slows password guessing per username. Failures are counted in the login_failures table, so
// several server instances share the count. The delay is applied by the caller asynchronously
// (a timer), never by blocking.
class LoginThrottle final
{
public:
    struct Verdict
    {
        bool blocked = false;      // answer 429 without checking the password
        qint64 delayMs = 0;        // wait this long before checking the password
        qint64 retryAfterMs = 0;   // blocked: when the window lets the next attempt in
        int failures = 0;
    };

    LoginThrottle(std::shared_ptr<Database> db, const Clock &clock, LoginThrottlePolicy policy = LoginThrottlePolicy());

    const LoginThrottlePolicy &policy() const { return m_policy; }
    Verdict check(const QString &username) const;
    Result<void> recordFailure(const QString &username);
    Result<void> recordSuccess(const QString &username);

private:
    static QString key(const QString &username);
    std::shared_ptr<Database> m_db;
    const Clock &m_clock;
    LoginThrottlePolicy m_policy;
};

} // namespace enlace
