#pragma once

#include <core/model/enums.h>

#include <QList>
#include <QString>

#include <optional>

namespace enlace {

struct Campaign
{
    qint64 id = 0;
    QString name;
    CampaignType type = CampaignType::Manual;
    CampaignState state = CampaignState::Active;
    std::optional<qint64> externalSystemId;
    QString externalId;   // empty = none
    std::optional<qint64> contactDatabaseId;
    std::optional<qint64> siteId;
    InteractionType interactionType = InteractionType::Form;
    QList<qint64> agentIds;   // the campaign's queue
};

}   // namespace enlace
