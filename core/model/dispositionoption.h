#pragma once

#include <QString>

namespace enlace {

struct DispositionOption
{
    qint64 id = 0;
    qint64 campaignId = 0;
    QString name;
    bool hidden = false;
    bool crmInteraction = false;   // fires the "call disposition" site when chosen
    bool engagement = false;   // opens the engagement form
};

}   // namespace enlace
