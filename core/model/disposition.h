#pragma once

#include <QDateTime>
#include <QString>

namespace enlace {

// One per (contact, campaign).
struct Disposition
{
    qint64 id = 0;
    qint64 campaignId = 0;
    qint64 contactId = 0;
    qint64 optionId = 0;
    qint64 agentId = 0;
    QString callId;   // empty = null
    QString comments;
    QString subdisposition;
    QString formJson;   // engagement-form answers, JSON object text; empty = none
    QDateTime createdAt;
    QDateTime updatedAt;
};

}   // namespace enlace
