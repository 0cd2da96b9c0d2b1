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
    qint64 system = 0;     // 0 = none
    qint64 database = 0;
    qint64 site = 0;
};

struct QueueMember
{
    qint64 agentId;
    QString username;
};

// What the warnings are computed from, read with a fixed number of queries.
struct Snapshot
{
    QList<CampaignRow> campaigns;                        // ordered by id
    QHash<qint64, QList<QueueMember>> queues;            // campaigns with a system only
    QSet<std::pair<qint64, qint64>> hasExternalId;       // (system, agent)
    QHash<qint64, QString> systemNames;
};

struct Filter
{
    QString campaigns;   // WHERE clause on campaigns
    QVariantList campaignValues;
    QString queue;       // extra condition on campaign_agents ca / campaigns c
    QVariantList queueValues;
    QString ids;         // WHERE clause on agent_external_ids
    QVariantList idValues;
};

bool load(const Database &db, const Filter &f, Snapshot &s)
{
    auto campaigns = db.exec(u"SELECT id, name, external_system_id, contact_database_id, site_id FROM campaigns WHERE "_s + f.campaigns
                                 + u" ORDER BY id"_s,
                             f.campaignValues);
    if (!campaigns)
        return false;
    while (campaigns->next())
        s.campaigns.append({campaigns->value(0).toLongLong(), campaigns->value(1).toString(), campaigns->value(2).toLongLong(),
                            campaigns->value(3).toLongLong(), campaigns->value(4).toLongLong()});

    auto queue = db.exec(u"SELECT ca.campaign_id, ca.agent_id, u.username FROM campaign_agents ca "
                         "JOIN campaigns c ON c.id = ca.campaign_id JOIN agents a ON a.id = ca.agent_id "
                         "JOIN users u ON u.id = a.user_id WHERE c.external_system_id IS NOT NULL"_s
                             + f.queue,
                         f.queueValues);
    if (!queue)
        return false;
    while (queue->next())
        s.queues[queue->value(0).toLongLong()].append({queue->value(1).toLongLong(), queue->value(2).toString()});

    auto ids = db.exec(u"SELECT system_id, agent_id FROM agent_external_ids WHERE "_s + f.ids, f.idValues);
    if (!ids)
        return false;
    while (ids->next())
        s.hasExternalId.insert({ids->value(0).toLongLong(), ids->value(1).toLongLong()});

    auto systems = db.exec(u"SELECT id, name FROM external_systems"_s);
    if (!systems)
        return false;
    while (systems->next())
        s.systemNames.insert(systems->value(0).toLongLong(), systems->value(1).toString());
    return true;
}

// Campaigns of some system grouped by a shared resource (database or site), with how many
// distinct systems each group spans: a group of one system can warn nobody.
struct Group
{
    QList<qsizetype> members;       // indexes into Snapshot::campaigns, ordered by campaign id
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
    QList<QueueMember> out;
    const auto queue = s.queues.constFind(c.id);
    if (queue == s.queues.cend())
        return out;
    for (const QueueMember &m : *queue)
        if (!s.hasExternalId.contains({c.system, m.agentId}))
            out.append(m);
    std::sort(out.begin(), out.end(), [](const QueueMember &a, const QueueMember &b) { return a.agentId < b.agentId; });
    return out;
}

QString joinUsernames(const QList<QueueMember> &members)
{
    QStringList names;
    for (const QueueMember &m : members)
        names.append(m.username);
    return names.join(u", "_s);
}

// The other systems' campaigns in c's group, or none.
std::optional<ConfigWarning> sharedWithOtherSystem(const Snapshot &s, const CampaignRow &c, const QHash<qint64, Group> &groups,
                                                   qint64 resource, const Message &text, const QString &code)
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
        w.message = Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "The campaign has agents not associated to the external system: %1"))
                        .arg(joinUsernames(missing));
        for (const QueueMember &m : missing)
            w.agentIds.append(m.agentId);
        w.campaignIds.append(c.id);
        w.systemId = c.system;
        out.append(w);
    }
    if (auto w = sharedWithOtherSystem(s, c, byDatabase, c.database,
                                       Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "Contact database selected is associated to another external system: %1")),
                                       u"campaign.database_in_other_system"_s)) {
        w->databaseId = c.database;
        out.append(*w);
    }
    if (auto w = sharedWithOtherSystem(s, c, bySite, c.site,
                                       Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "External site selected is associated to another external system: %1")),
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
        w.message = Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "The following agents are assigned to campaigns related to this external system and have no identifier: %1"))
                        .arg(QStringList(it->agents.values()).join(u", "_s));
        out.append(w);
    }
}

} // namespace

ConfigAudit::ConfigAudit(std::shared_ptr<Database> db) : m_db(std::move(db)) {}

QList<ConfigWarning> ConfigAudit::forCampaign(qint64 campaignId) const
{
    QList<ConfigWarning> out;
    auto row = m_db->exec(u"SELECT external_system_id, contact_database_id, site_id FROM campaigns WHERE id = ?"_s, {campaignId});
    if (!row || !row->next() || row->value(0).isNull())
        return out;
    const qint64 system = row->value(0).toLongLong();
    const qint64 database = row->value(1).isNull() ? -1 : row->value(1).toLongLong();
    const qint64 site = row->value(2).isNull() ? -1 : row->value(2).toLongLong();
    Filter f;
    f.campaigns = u"id = ? OR (external_system_id IS NOT NULL AND (contact_database_id = ? OR site_id = ?))"_s;
    f.campaignValues = {campaignId, database, site};
    f.queue = u" AND c.id = ?"_s;
    f.queueValues = {campaignId};
    f.ids = u"system_id = ?"_s;
    f.idValues = {system};
    Snapshot s;
    if (!load(*m_db, f, s))
        return out;
    const auto byDatabase = groupBy(s, &CampaignRow::database);
    const auto bySite = groupBy(s, &CampaignRow::site);
    for (const CampaignRow &c : std::as_const(s.campaigns))
        if (c.id == campaignId)
            campaignWarnings(s, c, byDatabase, bySite, out);
    return out;
}

QList<ConfigWarning> ConfigAudit::forSystem(qint64 systemId) const
{
    QList<ConfigWarning> out;
    Filter f;
    f.campaigns = u"external_system_id = ?"_s;
    f.campaignValues = {systemId};
    f.queue = u" AND c.external_system_id = ?"_s;
    f.queueValues = {systemId};
    f.ids = u"system_id = ?"_s;
    f.idValues = {systemId};
    Snapshot s;
    if (load(*m_db, f, s))
        systemWarnings(s, systemId, out);
    return out;
}

QList<ConfigWarning> ConfigAudit::all() const
{
    QList<ConfigWarning> out;
    Filter f;
    f.campaigns = u"1 = 1"_s;
    f.ids = u"1 = 1"_s;
    Snapshot s;
    if (!load(*m_db, f, s))
        return out;
    const auto byDatabase = groupBy(s, &CampaignRow::database);
    const auto bySite = groupBy(s, &CampaignRow::site);
    for (const CampaignRow &c : std::as_const(s.campaigns))
        campaignWarnings(s, c, byDatabase, bySite, out);
    systemWarnings(s, 0, out);
    return out;
}

} // namespace enlace
