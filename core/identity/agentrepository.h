#pragma once

#include <core/identity/passwordhasher.h>
#include <core/model/agent.h>
#include <core/model/clock.h>
#include <core/model/result.h>
#include <core/store/database.h>

#include <QList>
#include <QString>

#include <memory>

namespace enlace {

// Agent profiles: a user who takes calls, with a SIP extension. Username and full name are read
// from the user.
class AgentRepository final
{
public:
    // hasher and clock serve createAgentUser; clock null = the system clock.
    explicit AgentRepository(std::shared_ptr<Database> db, PasswordHasher hasher = PasswordHasher(),
                             const Clock *clock = nullptr);

    // Invalid on field "user" (unknown user, or already an agent) or "sip_extension" (taken).
    Result<qint64> create(qint64 userId, const QString &sipExtension);
    Result<Agent> find(qint64 id) const;
    Result<Agent> findByUserId(qint64 userId) const;
    Result<Agent> findByExtension(const QString &sipExtension) const;
    // Ordered by id.
    Result<QList<Agent>> list() const;
    Result<void> setActive(qint64 id, bool active);
    // A user of role Agent and its agent profile, in one transaction: all or nothing.
    Result<Agent> createAgentUser(const QString &username, const QString &password, const QString &firstName,
                                  const QString &lastName, const QString &sipExtension);

    static Error notFound();

private:
    Result<Agent> findWhere(const QString &condition, const QVariant &value) const;

    std::shared_ptr<Database> m_db;
    PasswordHasher m_hasher;
    SystemClock m_systemClock;
    const Clock *m_clock;
};

}   // namespace enlace
