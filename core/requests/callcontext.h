#pragma once

#include <core/model/enums.h>

#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

namespace enlace {

// Everything known about one call that a CRM parameter can ask for (OMniLeads' call_data plus
// what its views look up). Unknown items stay empty and resolve to "".
struct CallContext
{
    QString callId;
    qint64 agentId = 0;   // Enlace's agent id (never an external id)
    QString agentUsername;
    QString agentName;   // "first last"
    QString phone;
    std::optional<qint64> contactId;
    QHash<QString, QString> contactValues;   // the contact's values by column name
    QString recordingFile;
    std::optional<int> waitSeconds;
    QDateTime callDateTime;   // invalid = unknown: the resolver uses its clock
    qint64 campaignId = 0;
    QString campaignName;
    CampaignType campaignType = CampaignType::Manual;
    QHash<QString, QString> dialplan;   // Omlcrm* variables, by their capitalised name
    // Disposition data (trigger "call disposition" only).
    std::optional<qint64> dispositionId;
    QString dispositionOptionName;
    QString subdisposition;
    QString formJson;   // engagement-form answers (JSON object text); empty = none
};

}   // namespace enlace
