#pragma once

#include <QString>

namespace enlace {

// An agent profile: the user who takes calls.
struct Agent
{
    qint64 id = 0;
    qint64 userId = 0;
    QString username;
    QString fullName;
    QString sipExtension;
    bool active = true;
};

} // namespace enlace
