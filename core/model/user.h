#pragma once

#include <core/model/enums.h>

#include <QString>

namespace enlace {

struct User
{
    qint64 id = 0;
    QString username;
    QString firstName;
    QString lastName;
    QString email;
    Role role = Role::Agent;
    bool active = true;
    // password_hash is never loaded into this type: only the authenticator reads it.

    QString fullName() const { return QString(firstName + QLatin1Char(' ') + lastName).trimmed(); }
};

}   // namespace enlace
