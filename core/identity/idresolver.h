#pragma once

#include <core/store/database.h>

#include <QString>

#include <memory>
#include <optional>

namespace enlace {

// Maps a CRM's own ids to Enlace ids and back, per external system. Each lookup is one prepared
// statement answered by a unique index: (system_id, external_id) and (system_id, agent_id) of
// agent_external_ids, (external_system_id, external_id) of campaigns, (database_id, external_id)
// of contacts. Blank ids never match. A store failure answers nullopt, like an unknown id.
class IdResolver final
{
public:
    explicit IdResolver(std::shared_ptr<Database> db);

    std::optional<qint64> agentId(qint64 systemId, const QString &externalAgentId) const;
    std::optional<qint64> campaignId(qint64 systemId, const QString &externalCampaignId) const;
    // The contact with that external id in the campaign's contact database.
    std::optional<qint64> contactId(qint64 campaignId, const QString &externalContactId) const;

    std::optional<QString> externalAgentId(qint64 systemId, qint64 agentId) const;
    std::optional<QString> externalCampaignId(qint64 campaignId) const;
    std::optional<QString> externalContactId(qint64 contactId) const;
    // The system a campaign belongs to, if any.
    std::optional<qint64> campaignSystem(qint64 campaignId) const;

private:
    std::optional<QVariant> lookup(const QString &sql, const QVariantList &values) const;

    std::shared_ptr<Database> m_db;
};

}   // namespace enlace
