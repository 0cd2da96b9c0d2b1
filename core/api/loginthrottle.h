#pragma once

#include <core/model/result.h>

#include <QString>

#include <memory>

namespace enlace {

class Clock;
class Database;

struct LoginThrottlePolicy
{
    qint64 windowMs = 15 * 60 * 1000;   // attempts older than this (since the last one) are forgotten
    // One username from one client address: this many failed attempts in the window -> 429 for
    // that pair until the window passes. Other addresses are not affected.
    int maxFailures = 10;
    int baseDelayMs = 250;   // before answering the pair's next attempt after a failure, doubled per failure
    int maxDelayMs = 8000;
    // One username from every address: failures slow each attempt on it the same way, but at most
    // this much and never blocking, so a correct password from a client that has not been failing
    // always gets in.
    int maxUserDelayMs = 2000;
    // One client address, whatever the username (password spraying): this many failures -> 429.
    int maxAddressFailures = 100;
};

// Slows and bounds password guessing. Each attempt is counted when it arrives, before its
// password is checked, by one atomic statement per scope (username from an address, username,
// address) in the login_attempts table, which every server instance shares: guesses sent at
// once, to one instance or several, are admitted only as far as the count allows. A success
// takes its attempt back. The delay is applied by the caller asynchronously (a timer), never by
// blocking.
class LoginThrottle final
{
public:
    struct Verdict
    {
        bool blocked = false;   // answer 429 without checking the password
        qint64 delayMs = 0;   // wait this long before checking the password
        qint64 retryAfterMs = 0;   // blocked: when the window lets the next attempt in
        int failures = 0;   // earlier attempts counted in the scope that decided
        bool byAddress = false;   // blocked: the address's bound, not the username's
    };

    LoginThrottle(std::shared_ptr<Database> db, const Clock &clock, LoginThrottlePolicy policy = LoginThrottlePolicy());

    const LoginThrottlePolicy &policy() const { return m_policy; }
    // Counts an attempt of username from address and says what to do with it.
    Result<Verdict> begin(const QString &username, const QString &address);
    // The attempt begun for username from address had the right password: the pair and the
    // username start over, and the address's count loses this attempt.
    Result<void> succeeded(const QString &username, const QString &address);

    static QString pairScope(const QString &username, const QString &address);
    static QString userScope(const QString &username);
    static QString addressScope(const QString &address);

private:
    struct Count
    {
        int attempts = 0;
        qint64 lastAt = 0;
    };
    // Counts one more attempt in scope, unless `frozenAt` attempts are already counted: then the
    // window is not moved on (a blocked client's retries do not lengthen its block).
    Result<Count> count(const QString &scope, int frozenAt, qint64 now);
    Result<void> takeBack(const QString &scope);   // one attempt fewer in scope
    qint64 delayFor(int earlierFailures, int capMs) const;

    std::shared_ptr<Database> m_db;
    const Clock &m_clock;
    LoginThrottlePolicy m_policy;
    unsigned m_attemptsSincePurge = 0;
};

}   // namespace enlace
