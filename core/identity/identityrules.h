#pragma once

#include <core/model/campaign.h>
#include <core/model/enums.h>
#include <core/model/externalsystem.h>
#include <core/model/message.h>
#include <core/model/validationerrors.h>

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace enlace {

// The rules of external systems, external ids and campaigns, as pure functions: the repositories,
// the admin API and the admin panel run the same checks on what they hold, so they cannot disagree.
// Field names are OMniLeads' where it has them. Row fields ("agentes[1].agente") count from 0 like
// the JSON array they point into; the messages count rows from 1, as a person reads the list.
class IdentityRules final
{
public:
    IdentityRules() = delete;

    static Message requiredMessage();
    static Message usernameTakenMessage();

    // --- External systems -------------------------------------------------------------------
    // Name required (field "nombre"); nameTaken = another system already has it.
    static ValidationErrors checkSystemName(const QString &name, bool nameTaken);
    // The system's complete list of agent ids as it will be stored. Checks each row (agent
    // required and existing, external id required), then uniqueness: an external id at most once
    // and an agent at most once; a repeat names both rows. The same id in another system is fine.
    static ValidationErrors checkAgentExternalIds(const QList<AgentExternalId> &rows,
                                                  const QSet<qint64> &existingAgentIds);
    static ValidationErrors checkExternalSystem(const ExternalSystem &system, bool nameTaken,
                                                const QSet<qint64> &existingAgentIds);

    // --- Campaigns ----------------------------------------------------------------------------
    // What a campaign's rules need to know about the rest of the configuration.
    struct CampaignContext
    {
        bool nameTaken = false;
        bool systemExists = true;   // read when the campaign has a system
        std::optional<qint64> campaignWithSameExternalId;   // another campaign of the system using the id
        QString otherCampaignName;   // its name, for a caller that shows it
        bool databaseExists = true;   // read when the campaign has a database
        QString databaseExternalIdColumn;   // empty = the database has no external-id column
        bool siteExists = true;   // read when the campaign has a site
        std::optional<SiteTarget> siteTarget;
        SiteTrigger siteTrigger = SiteTrigger::Server;
        QList<qint64> unknownAgentIds;   // queue members that are not agents
        std::optional<InteractionType> previousInteractionType;   // set when editing
    };
    // A campaign carries at most one external id by construction (one field). Blank = none.
    static ValidationErrors checkCampaign(const Campaign &campaign, const CampaignContext &context);

    // --- Contacts -----------------------------------------------------------------------------
    // One contact created or edited alone. usedByContactId: the contact of the same database that
    // already holds the id (0 = none); selfId: the contact being edited (0 = a new one).
    // Empty ids are never compared.
    static ValidationErrors checkContactExternalId(const QString &field, const QString &externalId,
                                                   qint64 usedByContactId, qint64 selfId = 0);
    // One data line of a CSV import (line counts data rows from 1, as OMniLeads reports it).
    // seenInFile maps each non-empty id met so far to its line and is updated here;
    // existsInDatabase (may be empty) says whether the target database already holds the id.
    // The error is on field "line <n>".
    static ValidationErrors checkContactExternalId(const QString &externalId, int line, const QString &lineContent,
                                                   QHash<QString, int> &seenInFile,
                                                   const std::function<bool(const QString &)> &existsInDatabase = {});
    // Choosing the external-id column of a contact database (field "id_externo").
    static ValidationErrors checkExternalIdColumn(const QStringList &columns, const QStringList &phoneColumns,
                                                  const QString &externalIdColumn);
};

}   // namespace enlace
