#include <core/identity/agentrepository.h>
#include <core/identity/identityrules.h>
#include <core/identity/userrepository.h>

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

const QString kSelect = u"SELECT a.id, a.user_id, u.username, u.first_name, u.last_name, a.sip_extension, a.active "
                        "FROM agents a JOIN users u ON u.id = a.user_id"_s;

Agent readAgent(const QSqlQuery &q)
{
    Agent a;
    a.id = q.value(0).toLongLong();
    a.userId = q.value(1).toLongLong();
    a.username = q.value(2).toString();
    a.fullName = Agent::fullNameOf(q.value(3).toString(), q.value(4).toString());
    a.sipExtension = q.value(5).toString();
    a.active = q.value(6).toInt() != 0;
    return a;
}

Message extensionTaken()
{
    return Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "Another agent already uses this SIP extension."));
}

}   // namespace

AgentRepository::AgentRepository(std::shared_ptr<Database> db, PasswordHasher hasher, const Clock *clock)
    : m_db(std::move(db))
    , m_hasher(hasher)
    , m_clock(clock ? clock : &m_systemClock)
{ }

Error AgentRepository::notFound()
{
    return Error::notFound(u"identity.agent_not_found"_s,
                           Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "Agent not found.")));
}

Result<qint64> AgentRepository::create(qint64 userId, const QString &sipExtension)
{
    // Never null: the column is NOT NULL and a null QString binds as NULL.
    const QString extension = sipExtension.isNull() ? u""_s : sipExtension.trimmed();
    ValidationErrors errors;
    Database::Transaction tx(*m_db);
    auto user = m_db->scalar(u"SELECT id FROM users WHERE id = ?"_s, { userId });
    if (!user)
        return user.error();
    if (!user->isValid()) {
        errors.add(u"user"_s, Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "Unknown user.")));
    } else {
        auto agent = m_db->scalar(u"SELECT id FROM agents WHERE user_id = ?"_s, { userId });
        if (!agent)
            return agent.error();
        if (agent->isValid())
            errors.add(
                u"user"_s,
                Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "This user already has an agent profile.")));
    }
    if (!extension.isEmpty()) {
        auto taken = m_db->scalar(u"SELECT id FROM agents WHERE sip_extension = ?"_s, { extension });
        if (!taken)
            return taken.error();
        if (taken->isValid())
            errors.add(u"sip_extension"_s, extensionTaken());
    }
    if (!errors.isEmpty())
        return Error::invalid(errors);
    auto id = m_db->insert(u"INSERT INTO agents (user_id, sip_extension, active) VALUES (?, ?, 1)"_s,
                           { userId, extension });
    if (!id) {
        tx.rollback();
        auto again = m_db->scalar(u"SELECT id FROM agents WHERE user_id = ?"_s, { userId });
        if (id.error().kind == Error::Kind::Conflict && again && again->isValid()) {
            ValidationErrors dup;
            dup.add(
                u"user"_s,
                Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "This user already has an agent profile.")));
            return Error::invalid(dup);
        }
        return id.error();
    }
    if (auto c = tx.commit(); !c)
        return c.error();
    return id.value();
}

Result<Agent> AgentRepository::findWhere(const QString &condition, const QVariant &value) const
{
    auto q = m_db->exec(kSelect + u" WHERE "_s + condition + u" ORDER BY a.id"_s, { value });
    if (!q)
        return q.error();
    if (!q->next())
        return notFound();
    return readAgent(q.value());
}

Result<Agent> AgentRepository::find(qint64 id) const
{
    return findWhere(u"a.id = ?"_s, id);
}

Result<Agent> AgentRepository::findByUserId(qint64 userId) const
{
    return findWhere(u"a.user_id = ?"_s, userId);
}

Result<Agent> AgentRepository::findByExtension(const QString &sipExtension) const
{
    if (sipExtension.trimmed().isEmpty())
        return notFound();
    return findWhere(u"a.sip_extension = ?"_s, sipExtension.trimmed());
}

Result<QList<Agent>> AgentRepository::list() const
{
    QList<Agent> out;
    auto q = m_db->exec(kSelect + u" ORDER BY a.id"_s);
    if (!q)
        return q.error();
    while (q->next())
        out.append(readAgent(q.value()));
    return out;
}

Result<void> AgentRepository::setActive(qint64 id, bool active)
{
    auto q = m_db->exec(u"UPDATE agents SET active = ? WHERE id = ?"_s, { active ? 1 : 0, id });
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return notFound();
    return {};
}

Result<Agent> AgentRepository::createAgentUser(const QString &username, const QString &password,
                                               const QString &firstName, const QString &lastName,
                                               const QString &sipExtension)
{
    Database::Transaction tx(*m_db);
    // Check the extension first so that one answer carries every field error.
    ValidationErrors errors;
    const QString extension = sipExtension.trimmed();
    if (!extension.isEmpty()) {
        auto taken = m_db->scalar(u"SELECT id FROM agents WHERE sip_extension = ?"_s, { extension });
        if (!taken)
            return taken.error();
        if (taken->isValid())
            errors.add(u"sip_extension"_s, extensionTaken());
    }
    User user;
    user.username = username;
    user.firstName = firstName;
    user.lastName = lastName;
    user.role = Role::Agent;
    UserRepository users(m_db, m_hasher, m_clock);
    auto userId = users.create(user, password);
    if (!userId) {
        if (userId.error().kind != Error::Kind::Invalid)
            return userId.error();
        ValidationErrors all = userId.error().fields;
        all.append(errors);
        return Error::invalid(all);
    }
    if (!errors.isEmpty())
        return Error::invalid(errors);
    auto agentId = create(userId.value(), extension);
    if (!agentId)
        return agentId.error();
    auto agent = find(agentId.value());
    if (!agent)
        return agent.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    return agent;
}

}   // namespace enlace
