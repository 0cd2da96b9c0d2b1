#pragma once

#include <core/identity/passwordhasher.h>
#include <core/model/clock.h>
#include <core/model/result.h>
#include <core/model/user.h>
#include <core/store/database.h>

#include <QList>
#include <QString>

#include <memory>

namespace enlace {

// Users of every role (admin, supervisor, agent...). The password hash never leaves this class.
class UserRepository final
{
public:
    // clock: null = the system clock.
    explicit UserRepository(std::shared_ptr<Database> db, PasswordHasher hasher = PasswordHasher(),
                            const Clock *clock = nullptr);

    // Invalid (fields username, password, role) or the new id. Username is unique.
    Result<qint64> create(const User &user, const QString &password);
    Result<User> find(qint64 id) const;
    Result<User> findByUsername(const QString &username) const;
    // NotFound "identity.bad_credentials" for an unknown user, a wrong password or an inactive
    // user alike, so a caller cannot tell which one it was.
    Result<User> authenticate(const QString &username, const QString &password);
    Result<void> setPassword(qint64 id, const QString &password);
    Result<void> setActive(qint64 id, bool active);
    // Ordered by id.
    Result<QList<User>> list() const;

    static Error notFound();

private:
    std::shared_ptr<Database> m_db;
    PasswordHasher m_hasher;
    SystemClock m_systemClock;
    const Clock *m_clock;
};

}   // namespace enlace
