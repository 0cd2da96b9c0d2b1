#include "world.h"

#include <core/contacts/contactrepository.h>
#include <core/identity/agentrepository.h>
#include <core/identity/externalsystemrepository.h>
#include <core/identity/userrepository.h>
#include <core/model/clock.h>
#include <core/store/database.h>

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace enlace::test {

QString World::substitute(QString text) const
{
    const QList<QPair<QString, qint64>> ids {
        { u"ana"_s, ana.id },  { u"beto"_s, beto.id }, { u"carla"_s, carla.id }, { u"s1"_s, s1 },
        { u"s2"_s, s2 },       { u"db1"_s, db1 },      { u"db2"_s, db2 },        { u"c1"_s, c1 },
        { u"c2"_s, c2 },       { u"c3"_s, c3 },        { u"camp"_s, camp },      { u"inactive"_s, inactive },
        { u"other"_s, other }, { u"venta"_s, venta },  { u"baja"_s, baja },      { u"otra"_s, otra },
        { u"sup"_s, sup },     { u"sup2"_s, sup2 },    { u"admin"_s, admin }
    };
    for (const auto &[name, id] : ids)
        text.replace(u'{' + name + u'}', QString::number(id));
    return text;
}

QJsonObject World::body(const QString &jsonTemplate) const
{
    return QJsonDocument::fromJson(substitute(jsonTemplate).toUtf8()).object();
}

qint64 addUser(const std::shared_ptr<Database> &db, const Clock &clock, const QString &username, Role role)
{
    UserRepository users(db, PasswordHasher(1000), &clock);
    User u;
    u.username = username;
    u.firstName = username;
    u.lastName = u"Test"_s;
    u.role = role;
    auto id = users.create(u, u"S3cret-pass-1"_s);
    if (!id)
        qFatal("addUser: %s", qPrintable(id.error().text()));
    return id.value();
}

Agent addAgent(const std::shared_ptr<Database> &db, const Clock &clock, const QString &username,
               const QString &extension)
{
    AgentRepository agents(db, PasswordHasher(1000), &clock);
    auto agent = agents.createAgentUser(username, u"S3cret-pass-1"_s, username, u"Agente"_s, extension);
    if (!agent)
        qFatal("addAgent: %s", qPrintable(agent.error().text()));
    return agent.value();
}

qint64 addSystem(const std::shared_ptr<Database> &db, const QString &name,
                 const QList<QPair<qint64, QString>> &agentExternalIds)
{
    ExternalSystemRepository systems(db);
    ExternalSystem s;
    s.name = name;
    for (const auto &[agentId, externalId] : agentExternalIds)
        s.agents.append(AgentExternalId { 0, agentId, externalId });
    auto created = systems.create(s);
    if (!created)
        qFatal("addSystem: %s", qPrintable(created.error().text()));
    return created->id;
}

qint64 addContactDatabase(const std::shared_ptr<Database> &db, const Clock &clock, const QString &name,
                          const QStringList &columns, const QStringList &phoneColumns, const QString &externalIdColumn)
{
    ContactRepository contacts(db, clock);
    ContactDatabase d;
    d.name = name;
    d.columns = columns;
    d.phoneColumns = phoneColumns;
    d.externalIdColumn = externalIdColumn;
    auto id = contacts.createDatabase(d);
    if (!id)
        qFatal("addContactDatabase: %s", qPrintable(id.error().text()));
    return id.value();
}

qint64 addContact(const std::shared_ptr<Database> &db, const Clock &clock, qint64 databaseId,
                  const QHash<QString, QString> &values)
{
    ContactRepository contacts(db, clock);
    auto id = contacts.addContact(databaseId, values);
    if (!id)
        qFatal("addContact: %s", qPrintable(id.error().text()));
    return id.value();
}

qint64 addCampaign(const std::shared_ptr<Database> &db, const CampaignSeed &seed)
{
    // Written directly until the campaign repository is available to the fixture.
    auto id
        = db->insert(u"INSERT INTO campaigns (name, type, state, external_system_id, external_id, contact_database_id) "
                     "VALUES (?, ?, ?, ?, ?, ?)"_s,
                     { seed.name, static_cast<int>(seed.type), static_cast<int>(seed.state),
                       seed.systemId ? QVariant(*seed.systemId) : QVariant(QMetaType::fromType<qint64>()),
                       seed.externalId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(seed.externalId),
                       seed.databaseId ? QVariant(*seed.databaseId) : QVariant(QMetaType::fromType<qint64>()) });
    if (!id)
        qFatal("addCampaign: %s", qPrintable(id.error().text()));
    for (qint64 agent : seed.agentIds)
        if (!db->exec(u"INSERT INTO campaign_agents (campaign_id, agent_id) VALUES (?, ?)"_s, { id.value(), agent }))
            qFatal("addCampaign: agent");
    for (qint64 user : seed.supervisorUserIds)
        if (!db->exec(u"INSERT INTO campaign_supervisors (campaign_id, user_id) VALUES (?, ?)"_s, { id.value(), user }))
            qFatal("addCampaign: supervisor");
    return id.value();
}

qint64 addOption(const std::shared_ptr<Database> &db, qint64 campaignId, const QString &name, bool hidden)
{
    auto id = db->insert(u"INSERT INTO disposition_options (campaign_id, name, hidden) VALUES (?, ?, ?)"_s,
                         { campaignId, name, hidden ? 1 : 0 });
    if (!id)
        qFatal("addOption: %s", qPrintable(id.error().text()));
    return id.value();
}

qint64 count(const std::shared_ptr<Database> &db, const QString &table)
{
    auto n = db->scalar(u"SELECT COUNT(*) FROM "_s + table);
    return n ? n->toLongLong() : -1;
}

World seedWorld(const std::shared_ptr<Database> &db, const Clock &clock)
{
    World w;
    w.ana = addAgent(db, clock, u"ana"_s, u"1001"_s);
    w.beto = addAgent(db, clock, u"beto"_s, u"1002"_s);
    w.carla = addAgent(db, clock, u"carla"_s, u"1003"_s);
    w.sup = addUser(db, clock, u"sup"_s, Role::Supervisor);
    w.sup2 = addUser(db, clock, u"sup2"_s, Role::Supervisor);
    w.admin = addUser(db, clock, u"admin"_s, Role::Admin);
    w.s1 = addSystem(db, u"S1"_s,
                     { { w.ana.id, u"A-ANA"_s }, { w.beto.id, u"A-BETO"_s }, { w.carla.id, u"A-CARLA"_s } });
    w.s2 = addSystem(db, u"S2"_s, { { w.carla.id, u"X-CARLA"_s }, { w.ana.id, u"A-ANA"_s } });
    w.db1 = addContactDatabase(db, clock, u"db1"_s, { u"telefono"_s, u"nombre"_s, u"id_ext"_s }, { u"telefono"_s },
                               u"id_ext"_s);
    w.db2 = addContactDatabase(db, clock, u"db2"_s, { u"telefono"_s }, { u"telefono"_s });
    w.c1 = addContact(db, clock, w.db1,
                      { { u"telefono"_s, u"1111"_s }, { u"nombre"_s, u"Uno"_s }, { u"id_ext"_s, u"EXT-1"_s } });
    w.c2 = addContact(db, clock, w.db1,
                      { { u"telefono"_s, u"2222"_s }, { u"nombre"_s, u"Dos"_s }, { u"id_ext"_s, u"EXT-2"_s } });
    w.c3 = addContact(db, clock, w.db2, { { u"telefono"_s, u"3333"_s } });
    w.camp = addCampaign(db,
                         { u"camp"_s,
                           CampaignType::Manual,
                           CampaignState::Active,
                           w.s1,
                           u"C-1"_s,
                           w.db1,
                           { w.ana.id, w.beto.id },
                           { w.sup } });
    w.inactive = addCampaign(
        db,
        { u"inactive"_s, CampaignType::Manual, CampaignState::Inactive, w.s1, u"C-OFF"_s, w.db1, { w.ana.id }, {} });
    w.other = addCampaign(db,
                          { u"other"_s,
                            CampaignType::Preview,
                            CampaignState::Active,
                            std::nullopt,
                            {},
                            w.db2,
                            { w.ana.id },
                            { w.sup2 } });
    w.venta = addOption(db, w.camp, u"Venta"_s);
    w.baja = addOption(db, w.camp, u"Baja"_s, true);
    w.otra = addOption(db, w.other, u"Otra"_s);
    return w;
}

}   // namespace enlace::test
