#pragma once

#include <core/model/message.h>
#include <core/store/database.h>

#include <QList>
#include <QString>

#include <memory>

namespace enlace {

// One configuration problem that does not block saving but probably means a CRM will not find
// what it asks for. It names every entity involved.
struct ConfigWarning
{
    // "campaign.agents_without_external_id", "campaign.database_in_other_system",
    // "campaign.site_in_other_system", "system.agents_without_external_id".
    QString code;
    Message message;
    QList<qint64> agentIds;   // agents lacking an id in the system, ordered by id
    // Campaign warnings: the campaign first, then the other campaigns involved (ordered by id).
    // System warnings: the system's campaigns whose queues hold those agents.
    QList<qint64> campaignIds;
    qint64 systemId = 0;   // the system of the campaign, or the system warned about
    qint64 databaseId = 0;   // campaign.database_in_other_system
    qint64 siteId = 0;   // campaign.site_in_other_system
};

// The warnings of reference §4.5, plus the one on editing a system that OMniLeads dropped:
//  - a campaign of system S has queue agents with no id in S;
//  - a campaign of S uses a contact database (or an external site) that a campaign of another
//    system uses too;
//  - system S: agents in the queues of S's campaigns have no id in S.
// Each call reads the few tables it needs once and works on hash maps: time linear in the data
// (plus the size of the answer), a fixed number of queries whatever the data.
class ConfigAudit final
{
public:
    explicit ConfigAudit(std::shared_ptr<Database> db);

    // After saving a campaign; empty when the campaign has no system or does not exist.
    Result<QList<ConfigWarning>> forCampaign(qint64 campaignId) const;
    // On editing a system.
    Result<QList<ConfigWarning>> forSystem(qint64 systemId) const;
    // Every campaign warning (by campaign id), then every system warning (by system id).
    Result<QList<ConfigWarning>> all() const;

private:
    std::shared_ptr<Database> m_db;
};

}   // namespace enlace
