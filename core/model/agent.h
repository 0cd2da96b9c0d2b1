#pragma once

#include <QString>

namespace enlace {

// An agent profile: the user who takes calls.
struct Agent
{
    // "First Last", or whichever of the two the user has.
    static QString fullNameOf(const QString &firstName, const QString &lastName)
    {
        return QString(firstName + u' ' + lastName).trimmed();
    }

    qint64 id = 0;
    qint64 userId = 0;
    QString username;
    QString fullName;
    QString sipExtension;
    bool active = true;
};

}   // namespace enlace
