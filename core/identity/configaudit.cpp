#include <core/identity/configaudit.h>

#include <QHash>
#include <QMap>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

struct CampaignRow
{
    qint64 id = 0;
    QString name;
    qint64 system = 0;   // 0 = none
    qint64 database = 0;
    qint64 site = 0;
};

struct QueueMember
{
    qint64 agentId;
    QString username;
};

// What the warnings are computed from, read with a fixed number of queries. Queue rows are not
// kept: each is checked against the ids as it is read, and only the agents lacking one remain.
struct Snapshot
{
    QList<CampaignRow> campaigns;   // ordered by id
    QHash<qint64, QList<QueueMember>> missing;   // campaign -> queue agents without an id in its system
    QHash<qint64, QString> systemNames;
};

struct Filter
{
    QString campaigns;   // WHERE clause on campaigns
    QVariantList campaignValues;
    QString queue;   // WHERE clause on campaign_agents
    QVariantList queueValues;
    QString ids;   // WHERE clause on agent_external_ids
    QVariantList idValues;
    QString names;   // WHERE clause on agents a (with users u), for the usernames
    QVariantList nameValues;
};

Result<void> load(const Database &db, const Filter &f, Snapshot &s)
{
    auto campaigns
        = db.exec(u"SELECT id, name, external_system_id, contact_database_id, site_id FROM campaigns WHERE "_s
                      + f.campaigns + u" ORDER BY id"_s,
                  f.campaignValues);
    if (!campaigns)
        return campaigns.error();
    QHash<qint64, qint64> systemOfCampaign;
    while (campaigns->next()) {
        const CampaignRow row { campaigns->value(0).toLongLong(), campaigns->value(1).toString(),
                                campaigns->value(2).toLongLong(), campaigns->value(3).toLongLong(),
                                campaigns->value(4).toLongLong() };
        if (row.system != 0)
            systemOfCampaign.insert(row.id, row.system);
        s.campaigns.append(row);
    }

    QSet<std::pair<qint64, qint64>> hasExternalId;   // (system, agent)
    auto ids = db.exec(u"SELECT system_id, agent_id FROM agent_external_ids WHERE "_s + f.ids, f.idValues);
    if (!ids)
        return ids.error();
    while (ids->next())
        hasExternalId.insert({ ids->value(0).toLongLong(), ids->value(1).toLongLong() });

    auto queue = db.exec(u"SELECT campaign_id, agent_id FROM campaign_agents WHERE "_s + f.queue, f.queueValues);
    if (!queue)
        return queue.error();
    while (queue->next()) {
        const qint64 campaign = queue->value(0).toLongLong();
        const auto system = systemOfCampaign.constFind(campaign);
        if (system == systemOfCampaign.cend())
            continue;
        const qint64 agent = queue->value(1).toLongLong();
        if (!hasExternalId.contains({ *system, agent }))
            s.missing[campaign].append(QueueMember { agent, QString() });
    }

    if (!s.missing.isEmpty()) {
        QHash<qint64, QString> names;
        auto q = db.exec(u"SELECT a.id, u.username FROM agents a JOIN users u ON u.id = a.user_id WHERE "_s + f.names,
                         f.nameValues);
        if (!q)
            return q.error();
        while (q->next())
            names.insert(q->value(0).toLongLong(), q->value(1).toString());
        for (auto it = s.missing.begin(); it != s.missing.end(); ++it) {
            for (QueueMember &m : *it)
                m.username = names.value(m.agentId);
            std::sort(it->begin(), it->end(),
                      [](const QueueMember &a, const QueueMember &b) { return a.agentId < b.agentId; });
        }
    }

    auto systems = db.exec(u"SELECT id, name FROM external_systems"_s);
    if (!systems)
        return systems.error();
    while (systems->next())
        s.systemNames.insert(systems->value(0).toLongLong(), systems->value(1).toString());
    return {};
}

// Campaigns of some system grouped by a shared resource (database or site), with how many
// distinct systems each group spans: a group of one system can warn nobody.
struct Group
{
    QList<qsizetype> members;   // indexes into Snapshot::campaigns, ordered by campaign id
    QSet<qint64> systems;
};

QHash<qint64, Group> groupBy(const Snapshot &s, qint64 CampaignRow::*key)
{
    QHash<qint64, Group> groups;
    for (qsizetype i = 0; i < s.campaigns.size(); ++i) {
        const CampaignRow &c = s.campaigns.at(i);
        if (c.system == 0 || c.*key == 0)
            continue;
        Group &g = groups[c.*key];
        g.members.append(i);
        g.systems.insert(c.system);
    }
    return groups;
}

QList<QueueMember> agentsWithoutId(const Snapshot &s, const CampaignRow &c)
{
    return s.missing.value(c.id);
}

QString joinUsernames(const QList<QueueMember> &members)
{
    QStringList names;
    for (const QueueMember &m : members)
        names.append(m.username);
    return names.join(u", "_s);
}

// The other systems' campaigns in c's group, or none.
std::optional<ConfigWarning> sharedWithOtherSystem(const Snapshot &s, const CampaignRow &c,
                                                   const QHash<qint64, Group> &groups, qint64 resource,
                                                   const Message &text, const QString &code)
{
    const auto g = groups.constFind(resource);
    if (g == groups.cend() || g->systems.size() < 2)
        return std::nullopt;
    ConfigWarning w;
    w.code = code;
    w.systemId = c.system;
    w.campaignIds.append(c.id);
    QStringList others;
    for (qsizetype i : g->members) {
        const CampaignRow &other = s.campaigns.at(i);
        if (other.system == c.system)
            continue;
        w.campaignIds.append(other.id);
        others.append(other.name + u" ("_s + s.systemNames.value(other.system) + u')');
    }
    w.message = text.arg(others.join(u", "_s));
    return w;
}

void campaignWarnings(const Snapshot &s, const CampaignRow &c, const QHash<qint64, Group> &byDatabase,
                      const QHash<qint64, Group> &bySite, QList<ConfigWarning> &out)
{
    if (c.system == 0)
        return;
    if (const QList<QueueMember> missing = agentsWithoutId(s, c); !missing.isEmpty()) {
        ConfigWarning w;
        w.code = u"campaign.agents_without_external_id"_s;
        w.message = Message::make("Identity",
                                  QT_TRANSLATE_NOOP(
                                      "Identity", "The campaign has agents not associated to the external system: %1"))
                        .arg(joinUsernames(missing));
        for (const QueueMember &m : missing)
            w.agentIds.append(m.agentId);
        w.campaignIds.append(c.id);
        w.systemId = c.system;
        out.append(w);
    }
    if (auto w = sharedWithOtherSystem(
            s, c, byDatabase, c.database,
            Message::make("Identity",
                          QT_TRANSLATE_NOOP("Identity",
                                            "Contact database selected is associated to another external system: %1")),
            u"campaign.database_in_other_system"_s)) {
        w->databaseId = c.database;
        out.append(*w);
    }
    if (auto w = sharedWithOtherSystem(
            s, c, bySite, c.site,
            Message::make(
                "Identity",
                QT_TRANSLATE_NOOP("Identity", "External site selected is associated to another external system: %1")),
            u"campaign.site_in_other_system"_s)) {
        w->siteId = c.site;
        out.append(*w);
    }
}

void systemWarnings(const Snapshot &s, qint64 onlySystem, QList<ConfigWarning> &out)
{
    struct Missing
    {
        QMap<qint64, QString> agents;   // ordered by id
        QList<qint64> campaigns;
    };
    QMap<qint64, Missing> bySystem;
    for (const CampaignRow &c : s.campaigns) {
        if (c.system == 0 || (onlySystem != 0 && c.system != onlySystem))
            continue;
        const QList<QueueMember> missing = agentsWithoutId(s, c);
        if (missing.isEmpty())
            continue;
        Missing &m = bySystem[c.system];
        m.campaigns.append(c.id);
        for (const QueueMember &member : missing)
            m.agents.insert(member.agentId, member.username);
    }
    for (auto it = bySystem.cbegin(); it != bySystem.cend(); ++it) {
        ConfigWarning w;
        w.code = u"system.agents_without_external_id"_s;
        w.systemId = it.key();
        w.agentIds = it->agents.keys();
        w.campaignIds = it->campaigns;
        w.message = Message::make("Identity",
                                  QT_TRANSLATE_NOOP("Identity",
                                                    "The following agents are assigned to campaigns related to this "
                                                    "external system and have no identifier: %1"))
                        .arg(QStringList(it->agents.values()).join(u", "_s));
        out.append(w);
    }
}

}   // namespace

ConfigAudit::ConfigAudit(std::shared_ptr<Database> db)
    : m_db(std::move(db))
{ }

Result<QList<ConfigWarning>> ConfigAudit::forCampaign(qint64 campaignId) const
{
    QList<ConfigWarning> out;
    auto row = m_db->exec(u"SELECT external_system_id, contact_database_id, site_id FROM campaigns WHERE id = ?"_s,
                          { campaignId });
    if (!row)
        return row.error();
    if (!row->next() || row->value(0).isNull())
        return out;
    const qint64 system = row->value(0).toLongLong();
    const qint64 database = row->value(1).isNull() ? -1 : row->value(1).toLongLong();
    const qint64 site = row->value(2).isNull() ? -1 : row->value(2).toLongLong();
    Filter f;
    f.campaigns = u"id = ? OR (external_system_id IS NOT NULL AND (contact_database_id = ? OR site_id = ?))"_s;
    f.campaignValues = { campaignId, database, site };
    f.queue = u"campaign_id = ?"_s;
    f.queueValues = { campaignId };
    f.ids = u"system_id = ?"_s;
    f.idValues = { system };
    f.names = u"a.id IN (SELECT agent_id FROM campaign_agents WHERE campaign_id = ?)"_s;
    f.nameValues = { campaignId };
    Snapshot s;
    if (auto loaded = load(*m_db, f, s); !loaded)
        return loaded.error();
    const auto byDatabase = groupBy(s, &CampaignRow::database);
    const auto bySite = groupBy(s, &CampaignRow::site);
    for (const CampaignRow &c : std::as_const(s.campaigns))
        if (c.id == campaignId)
            campaignWarnings(s, c, byDatabase, bySite, out);
    return out;
}

Result<QList<ConfigWarning>> ConfigAudit::forSystem(qint64 systemId) const
{
    QList<ConfigWarning> out;
    Filter f;
    f.campaigns = u"external_system_id = ?"_s;
    f.campaignValues = { systemId };
    f.queue = u"campaign_id IN (SELECT id FROM campaigns WHERE external_system_id = ?)"_s;
    f.queueValues = { systemId };
    f.ids = u"system_id = ?"_s;
    f.idValues = { systemId };
    f.names = u"a.id IN (SELECT ca.agent_id FROM campaign_agents ca JOIN campaigns c ON c.id = ca.campaign_id "
              "WHERE c.external_system_id = ?)"_s;
    f.nameValues = { systemId };
    Snapshot s;
    if (auto loaded = load(*m_db, f, s); !loaded)
        return loaded.error();
    systemWarnings(s, systemId, out);
    return out;
}

Result<QList<ConfigWarning>> ConfigAudit::all() const
{
    QList<ConfigWarning> out;
    Filter f;
    f.campaigns = u"1 = 1"_s;
    f.queue = u"1 = 1"_s;
    f.ids = u"1 = 1"_s;
    f.names = u"1 = 1"_s;
    Snapshot s;
    if (auto loaded = load(*m_db, f, s); !loaded)
        return loaded.error();
    const auto byDatabase = groupBy(s, &CampaignRow::database);
    const auto bySite = groupBy(s, &CampaignRow::site);
    for (const CampaignRow &c : std::as_const(s.campaigns))
        campaignWarnings(s, c, byDatabase, bySite, out);
    systemWarnings(s, 0, out);
    return out;
}

}   // namespace enlace
