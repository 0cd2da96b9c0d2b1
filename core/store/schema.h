#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace enlace {

// The versioned migrations of the one schema. Statements use {pk}, {blob} and {now} markers that
// the Database replaces per dialect; everything else is portable SQL. A statement that starts with
// {sqlite} or {postgres} runs on that dialect only. Append, never edit.
struct Migration
{
    int version;
    QStringList statements;
};

const QList<Migration> &schemaMigrations();

}   // namespace enlace
