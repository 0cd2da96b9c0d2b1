#pragma once

#include <QString>
#include <QStringList>

namespace enlace {

struct Contact
{
    qint64 id = 0;
    qint64 databaseId = 0;
    QString externalId;   // empty = none
    QString phone;   // main phone
    QStringList values;   // one per column of the contact database, in its order
};

}   // namespace enlace
