#pragma once

#include <QString>
#include <QStringList>

namespace enlace {

struct ContactDatabase
{
    qint64 id = 0;
    QString name;
    QStringList columns;   // in file order
    QStringList phoneColumns;   // subset of columns; the first is the main phone
    QString externalIdColumn;   // empty = none; never a phone column
    qint64 contactCount = 0;

    QString mainPhoneColumn() const { return phoneColumns.value(0); }
};

}   // namespace enlace
