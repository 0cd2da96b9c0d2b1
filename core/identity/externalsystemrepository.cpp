#include <core/identity/externalsystemrepository.h>
#include <core/identity/identityrules.h>

#include <QCryptographicHash>
#include <QHash>
#include <QSet>
#include <QSqlQuery>

#include <openssl/rand.h>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

QString keyHash(const QString &key)
{
    return QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex());
}

}   // namespace

ExternalSystemRepository::ExternalSystemRepository(std::shared_ptr<Database> db)
    : m_db(std::move(db))
{ }

Error ExternalSystemRepository::notFound()
{
    return Error::notFound(u"identity.system_not_found"_s,
                           Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "Unknown external system.")));
}

Result<QSet<qint64>> ExternalSystemRepository::agentIds() const
{
    auto q = m_db->exec(u"SELECT id FROM agents"_s);
    if (!q)
        return q.error();
    QSet<qint64> ids;
    while (q->next())
        ids.insert(q->value(0).toLongLong());
    return ids;
}

Result<bool> ExternalSystemRepository::nameTaken(const QString &name, qint64 exceptId) const
{
    auto other
        = m_db->scalar(u"SELECT id FROM external_systems WHERE name = ? AND id <> ?"_s, { name.trimmed(), exceptId });
    if (!other)
        return other.error();
    return other->isValid();
}

Result<ExternalSystem> ExternalSystemRepository::createOnce(const ExternalSystem &system)
{
    Database::Transaction tx(*m_db);
    auto taken = nameTaken(system.name, 0);
    if (!taken)
        return taken.error();
    auto agents = agentIds();
    if (!agents)
        return agents.error();
    if (ValidationErrors errors = IdentityRules::checkExternalSystem(system, taken.value(), agents.value());
        !errors.isEmpty())
        return Error::invalid(errors);
    auto id = m_db->insert(u"INSERT INTO external_systems (name) VALUES (?)"_s, { system.name.trimmed() });
    if (!id)
        return id.error();
    for (const AgentExternalId &row : system.agents) {
        auto r = m_db->insert(u"INSERT INTO agent_external_ids (system_id, agent_id, external_id) VALUES (?, ?, ?)"_s,
                              { id.value(), row.agentId, row.externalId.trimmed() });
        if (!r)
            return r.error();
    }
    if (auto c = tx.commit(); !c)
        return c.error();
    return find(id.value());
}

Result<ExternalSystem> ExternalSystemRepository::updateOnce(const ExternalSystem &system)
{
    Database::Transaction tx(*m_db);
    auto exists = m_db->scalar(u"SELECT id FROM external_systems WHERE id = ?"_s, { system.id });
    if (!exists)
        return exists.error();
    if (!exists->isValid())
        return notFound();
    auto taken = nameTaken(system.name, system.id);
    if (!taken)
        return taken.error();
    auto agents = agentIds();
    if (!agents)
        return agents.error();

    struct Stored
    {
        qint64 agentId;
        QString externalId;
    };
    QHash<qint64, Stored> stored;
    {
        auto q = m_db->exec(u"SELECT id, agent_id, external_id FROM agent_external_ids WHERE system_id = ?"_s,
                            { system.id });
        if (!q)
            return q.error();
        while (q->next())
            stored.insert(q->value(0).toLongLong(), { q->value(1).toLongLong(), q->value(2).toString() });
    }

    // The list as it will be stored: a listed row keeps its agent, as in OMniLeads.
    ValidationErrors errors;
    QList<AgentExternalId> effective;
    QSet<qint64> listed;
    for (qsizetype i = 0; i < system.agents.size(); ++i) {
        AgentExternalId row = system.agents.at(i);
        row.externalId = row.externalId.trimmed();
        if (row.id != 0) {
            const auto it = stored.constFind(row.id);
            if (it == stored.cend() || listed.contains(row.id)) {
                errors.add(
                    u"agentes["_s + QString::number(i) + u"].id"_s,
                    Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "Unknown row of this external system.")));
                row.id = 0;
            } else {
                listed.insert(row.id);
                row.agentId = it->agentId;
            }
        }
        effective.append(row);
    }
    ExternalSystem checked = system;
    checked.agents = effective;
    errors.append(IdentityRules::checkExternalSystem(checked, taken.value(), agents.value()));
    if (!errors.isEmpty())
        return Error::invalid(errors);

    if (auto r
        = m_db->exec(u"UPDATE external_systems SET name = ? WHERE id = ?"_s, { system.name.trimmed(), system.id });
        !r)
        return r.error();
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        if (!listed.contains(it.key())) {
            if (auto r = m_db->exec(u"DELETE FROM agent_external_ids WHERE id = ?"_s, { it.key() }); !r)
                return r.error();
        }
    }
    // Ids may trade places between rows (A: x->y, B: y->x); the unique index is checked per
    // statement, so changed rows first take a placeholder no real id can equal.
    QList<const AgentExternalId *> changed;
    for (const AgentExternalId &row : std::as_const(effective))
        if (row.id != 0 && stored.value(row.id).externalId != row.externalId)
            changed.append(&row);
    for (const AgentExternalId *row : std::as_const(changed)) {
        if (auto r = m_db->exec(u"UPDATE agent_external_ids SET external_id = ? WHERE id = ?"_s,
                                { QString(u"\u0001pending-"_s + QString::number(row->id)), row->id });
            !r)
            return r.error();
    }
    for (const AgentExternalId *row : std::as_const(changed)) {
        if (auto r
            = m_db->exec(u"UPDATE agent_external_ids SET external_id = ? WHERE id = ?"_s, { row->externalId, row->id });
            !r)
            return r.error();
    }
    for (const AgentExternalId &row : std::as_const(effective)) {
        if (row.id != 0)
            continue;
        if (auto r
            = m_db->insert(u"INSERT INTO agent_external_ids (system_id, agent_id, external_id) VALUES (?, ?, ?)"_s,
                           { system.id, row.agentId, row.externalId });
            !r)
            return r.error();
    }
    if (auto c = tx.commit(); !c)
        return c.error();
    return find(system.id);
}

// A unique index can still refuse a write when another session saved a clashing row between our
// checks and our write. The failed attempt is rolled back; a second one sees that row and answers
// with the validation error naming it, never with the database's error.
Result<ExternalSystem> ExternalSystemRepository::create(const ExternalSystem &system)
{
    auto r = createOnce(system);
    if (!r && r.error().kind == Error::Kind::Conflict)
        return createOnce(system);
    return r;
}

Result<ExternalSystem> ExternalSystemRepository::update(const ExternalSystem &system)
{
    auto r = updateOnce(system);
    if (!r && r.error().kind == Error::Kind::Conflict)
        return updateOnce(system);
    return r;
}

Result<ExternalSystem> ExternalSystemRepository::find(qint64 id) const
{
    auto name = m_db->scalar(u"SELECT name FROM external_systems WHERE id = ?"_s, { id });
    if (!name)
        return name.error();
    if (!name->isValid())
        return notFound();
    ExternalSystem s;
    s.id = id;
    s.name = name->toString();
    auto q = m_db->exec(u"SELECT id, agent_id, external_id FROM agent_external_ids WHERE system_id = ? ORDER BY id"_s,
                        { id });
    if (!q)
        return q.error();
    while (q->next())
        s.agents.append({ q->value(0).toLongLong(), q->value(1).toLongLong(), q->value(2).toString() });
    return s;
}

Result<QList<ExternalSystem>> ExternalSystemRepository::list() const
{
    QList<ExternalSystem> out;
    QHash<qint64, qsizetype> index;
    auto systems = m_db->exec(u"SELECT id, name FROM external_systems ORDER BY id"_s);
    if (!systems)
        return systems.error();
    while (systems->next()) {
        ExternalSystem s;
        s.id = systems->value(0).toLongLong();
        s.name = systems->value(1).toString();
        index.insert(s.id, out.size());
        out.append(s);
    }
    auto rows = m_db->exec(u"SELECT id, system_id, agent_id, external_id FROM agent_external_ids ORDER BY id"_s);
    if (!rows)
        return rows.error();
    while (rows->next()) {
        const auto it = index.constFind(rows->value(1).toLongLong());
        if (it != index.cend())
            out[*it].agents.append(
                { rows->value(0).toLongLong(), rows->value(2).toLongLong(), rows->value(3).toString() });
    }
    return out;
}

Result<QString> ExternalSystemRepository::rotateIntegrationKey(qint64 systemId)
{
    QByteArray raw(32, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(raw.data()), int(raw.size())) != 1)
        return Error::internal(u"identity.no_random"_s, u"no random source for the key"_s);
    const QString key
        = QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    auto q = m_db->exec(u"UPDATE external_systems SET integration_key_hash = ? WHERE id = ?"_s,
                        { keyHash(key), systemId });
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return notFound();
    return key;
}

Result<std::optional<qint64>> ExternalSystemRepository::systemForIntegrationKey(const QString &key) const
{
    if (key.isEmpty())
        return std::optional<qint64>();
    auto id = m_db->scalar(u"SELECT id FROM external_systems WHERE integration_key_hash = ?"_s, { keyHash(key) });
    if (!id)
        return id.error();
    if (!id->isValid())
        return std::optional<qint64>();
    return std::optional<qint64>(id->toLongLong());
}

}   // namespace enlace
