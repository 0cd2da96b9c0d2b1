#pragma once

#include <core/model/result.h>

#include <QString>

#include <memory>

namespace enlace {

class Clock;
class Database;

// API tokens. A token is 32 random bytes shown once (64 hex characters, in the login answer);
// only its SHA-256 is stored (api_tokens.token_hash), so a copy of the database lets nobody in.
// Expiry counts from creation (OMniLeads: not sliding). Tokens live in the database, so every
// server instance accepts them.
class TokenStore final
{
public:
    struct Issued
    {
        QString token;
        qint64 expiresAtMs = 0;
    };
    struct Owner
    {
        qint64 userId = 0;
        qint64 expiresAtMs = 0;
    };

    TokenStore(std::shared_ptr<Database> db, const Clock &clock);

    Result<Issued> issue(qint64 userId, qint64 lifetimeMs);
    // NotFound "api.invalid_token" for an unknown token; Forbidden "api.token_expired" for an
    // expired one, which is deleted on the way.
    Result<Owner> find(const QString &token) const;
    Result<void> revoke(const QString &token);
    Result<void> revokeAll(qint64 userId);
    // Deletes every expired token; returns how many.
    Result<int> purgeExpired();

    static QString hash(const QString &token);

private:
    std::shared_ptr<Database> m_db;
    const Clock &m_clock;
};

}   // namespace enlace
