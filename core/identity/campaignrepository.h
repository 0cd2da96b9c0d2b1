#pragma once

#include <core/identity/identityrules.h>
#include <core/model/campaign.h>
#include <core/model/dispositionoption.h>
#include <core/model/result.h>
#include <core/store/database.h>

#include <QList>

#include <memory>

namespace enlace {

// Campaigns with their queue (agentIds), supervisors and disposition options. Every write runs
// IdentityRules::checkCampaign against the stored configuration first.
class CampaignRepository final
{
public:
    explicit CampaignRepository(std::shared_ptr<Database> db);

    // The campaign as stored (with its id). Blank external id = none.
    Result<Campaign> create(const Campaign &campaign);
    // Replaces every field and the queue; NotFound for an unknown id.
    Result<Campaign> update(const Campaign &campaign);
    Result<Campaign> find(qint64 id) const;
    // Ordered by id.
    Result<QList<Campaign>> list() const;
    // The active campaigns whose queue holds this agent, by id (their agentIds are not read).
    Result<QList<Campaign>> activeForAgent(qint64 agentId) const;
    // The checks create/update would make, without writing (for a form that validates as you type).
    Result<ValidationErrors> validate(const Campaign &campaign) const;

    // Replaces the supervisors (user ids); unknown users are an error on "supervisors".
    Result<void> setSupervisors(qint64 campaignId, const QList<qint64> &userIds);
    // Ordered by user id.
    Result<QList<qint64>> supervisors(qint64 campaignId) const;

    Result<qint64> addDispositionOption(const DispositionOption &option);
    // Ordered by id, hidden ones included.
    Result<QList<DispositionOption>> dispositionOptions(qint64 campaignId) const;
    Result<DispositionOption> dispositionOption(qint64 id) const;
    // Name and flags; the campaign of an option never changes.
    Result<void> updateDispositionOption(const DispositionOption &option);

    static Error notFound();
    static Error optionNotFound();

private:
    Result<IdentityRules::CampaignContext> context(const Campaign &campaign) const;
    Result<Campaign> createOnce(const Campaign &campaign);
    Result<Campaign> updateOnce(const Campaign &campaign);
    Result<void> writeQueue(qint64 campaignId, const QList<qint64> &agentIds);

    std::shared_ptr<Database> m_db;
};

}   // namespace enlace
