#include <core/identity/identityrules.h>
#include <core/identity/userrepository.h>

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

const QString kSelect = u"SELECT id, username, first_name, last_name, email, role, active FROM users"_s;

User readUser(const QSqlQuery &q)
{
    User u;
    u.id = q.value(0).toLongLong();
    u.username = q.value(1).toString();
    u.firstName = q.value(2).toString();
    u.lastName = q.value(3).toString();
    u.email = q.value(4).toString();
    u.role = Role(q.value(5).toInt());
    u.active = q.value(6).toInt() != 0;
    return u;
}

// NOT NULL text columns: a null QString would bind as SQL NULL.
QString text(const QString &s)
{
    return s.isNull() ? u""_s : s;
}

bool validRole(Role r)
{
    const int v = int(r);
    return v >= int(Role::Admin) && v <= int(Role::Agent);
}

Error badCredentials()
{
    return Error::notFound(
        u"identity.bad_credentials"_s,
        Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "Invalid Credentials or activate account")));
}

}   // namespace

UserRepository::UserRepository(std::shared_ptr<Database> db, PasswordHasher hasher, const Clock *clock)
    : m_db(std::move(db))
    , m_hasher(hasher)
    , m_clock(clock ? clock : &m_systemClock)
{ }

Error UserRepository::notFound()
{
    return Error::notFound(u"identity.user_not_found"_s,
                           Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "User not found.")));
}

Result<qint64> UserRepository::create(const User &user, const QString &password)
{
    ValidationErrors errors;
    const QString username = user.username.trimmed();
    if (username.isEmpty())
        errors.add(u"username"_s, IdentityRules::requiredMessage());
    if (password.isEmpty())
        errors.add(u"password"_s, IdentityRules::requiredMessage());
    if (!validRole(user.role))
        errors.add(u"role"_s, Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "Unknown role.")));
    Database::Transaction tx(*m_db);
    if (!username.isEmpty()) {
        auto taken = m_db->scalar(u"SELECT id FROM users WHERE username = ?"_s, { username });
        if (!taken)
            return taken.error();
        if (taken->isValid())
            errors.add(u"username"_s, IdentityRules::usernameTakenMessage());
    }
    if (!errors.isEmpty())
        return Error::invalid(errors);
    const QString hash = m_hasher.hash(password);
    if (hash.isEmpty())
        return Error::internal(u"identity.hash_failed"_s, u"no random source for the salt"_s);
    auto id = m_db->insert(
        u"INSERT INTO users (username, password_hash, first_name, last_name, email, role, active, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
        { username, hash, text(user.firstName), text(user.lastName), text(user.email), int(user.role),
          user.active ? 1 : 0, m_clock->nowMs() });
    if (!id) {
        // A concurrent insert of the same name between our check and our insert.
        // PostgreSQL refuses further statements in a failed transaction: leave it before looking.
        tx.rollback();
        auto again = m_db->scalar(u"SELECT id FROM users WHERE username = ?"_s, { username });
        if (id.error().kind == Error::Kind::Conflict && again && again->isValid()) {
            ValidationErrors dup;
            dup.add(u"username"_s, IdentityRules::usernameTakenMessage());
            return Error::invalid(dup);
        }
        return id.error();
    }
    if (auto c = tx.commit(); !c)
        return c.error();
    return id.value();
}

Result<User> UserRepository::find(qint64 id) const
{
    auto q = m_db->exec(kSelect + u" WHERE id = ?"_s, { id });
    if (!q)
        return q.error();
    if (!q->next())
        return notFound();
    return readUser(q.value());
}

Result<User> UserRepository::findByUsername(const QString &username) const
{
    auto q = m_db->exec(kSelect + u" WHERE username = ?"_s, { username });
    if (!q)
        return q.error();
    if (!q->next())
        return notFound();
    return readUser(q.value());
}

Result<User> UserRepository::authenticate(const QString &username, const QString &password)
{
    auto q = m_db->exec(u"SELECT id, username, first_name, last_name, email, role, active, password_hash FROM users "
                        "WHERE username = ?"_s,
                        { username });
    if (!q)
        return q.error();
    if (!q->next()) {
        // Spend the same work as a real check so response time does not reveal unknown names.
        (void)m_hasher.hash(password);
        return badCredentials();
    }
    const User user = readUser(q.value());
    const QString stored = q->value(7).toString();
    if (!m_hasher.verify(password, stored) || !user.active)
        return badCredentials();
    if (m_hasher.needsRehash(stored)) {
        const QString rehashed = m_hasher.hash(password);
        if (!rehashed.isEmpty())
            (void)m_db->exec(u"UPDATE users SET password_hash = ? WHERE id = ?"_s, { rehashed, user.id });
    }
    return user;
}

Result<void> UserRepository::setPassword(qint64 id, const QString &password)
{
    if (password.isEmpty()) {
        ValidationErrors errors;
        errors.add(u"password"_s, IdentityRules::requiredMessage());
        return Error::invalid(errors);
    }
    const QString hash = m_hasher.hash(password);
    if (hash.isEmpty())
        return Error::internal(u"identity.hash_failed"_s, u"no random source for the salt"_s);
    auto q = m_db->exec(u"UPDATE users SET password_hash = ? WHERE id = ?"_s, { hash, id });
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return notFound();
    return {};
}

Result<void> UserRepository::setActive(qint64 id, bool active)
{
    auto q = m_db->exec(u"UPDATE users SET active = ? WHERE id = ?"_s, { active ? 1 : 0, id });
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return notFound();
    return {};
}

Result<QList<User>> UserRepository::list() const
{
    QList<User> out;
    auto q = m_db->exec(kSelect + u" ORDER BY id"_s);
    if (!q)
        return q.error();
    while (q->next())
        out.append(readUser(q.value()));
    return out;
}

}   // namespace enlace
