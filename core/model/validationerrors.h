#pragma once

#include <core/model/message.h>

#include <QList>
#include <QString>

class QJsonObject;

namespace enlace {

// Field -> messages, in the order they were found (OMniLeads' `errors: {field: [msgs]}`).
// A "field" may name a row, e.g. "agentes[2].id_externo_agente" or "line 5".
class ValidationErrors final
{
public:
    struct Entry
    {
        QString field;
        Message message;
    };

    void add(const QString &field, const Message &message) { m_entries.append({field, message}); }
    void append(const ValidationErrors &other) { m_entries.append(other.m_entries); }
    bool isEmpty() const { return m_entries.isEmpty(); }
    qsizetype size() const { return m_entries.size(); }
    const QList<Entry> &entries() const { return m_entries; }
    QStringList fields() const;
    // Messages of one field, in the language asked for.
    QStringList messages(const QString &field, const class MessageCatalog *catalog = nullptr, const QString &language = {}) const;
    bool has(const QString &field) const;
    // {field: [message, ...], ...}
    QJsonObject toJson(const class MessageCatalog *catalog = nullptr, const QString &language = {}) const;

private:
    QList<Entry> m_entries;
};

} // namespace enlace
