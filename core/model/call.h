#pragma once

#include <core/model/enums.h>

#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

namespace enlace {

struct Call
{
    qint64 id = 0;
    QString callId;   // the PBX's id (Asterisk linkedid / uniqueid)
    std::optional<qint64> campaignId;
    std::optional<qint64> agentId;
    std::optional<qint64> contactId;
    QString phone;
    CallType type = CallType::Manual;
    CallState state = CallState::Offered;
    QString recordingFile;
    int waitSeconds = 0;
    QHash<QString, QString> dialplanData;   // Omlcrm* variables from the dial plan
    QDateTime offeredAt;
    QDateTime connectedAt;
    QDateTime endedAt;
};

}   // namespace enlace
