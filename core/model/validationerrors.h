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

    // A hostile body may hold tens of thousands of bad rows: past kMaxEntries the errors are only
    // counted, and toJson() says how many more there were.
    static constexpr qsizetype kMaxEntries = 100;

    void add(const QString &field, const Message &message)
    {
        if (m_entries.size() < kMaxEntries)
            m_entries.append({ field, message });
        else
            ++m_omitted;
    }
    void append(const ValidationErrors &other)
    {
        for (const Entry &e : other.m_entries)
            add(e.field, e.message);
        m_omitted += other.m_omitted;
    }
    bool isEmpty() const { return m_entries.isEmpty(); }
    qsizetype size() const { return m_entries.size(); }
    qsizetype omitted() const { return m_omitted; }   // errors found beyond kMaxEntries
    // For a copy made entry by entry (renamed fields): the count of those left out goes along.
    void addOmitted(qsizetype count) { m_omitted += count; }
    const QList<Entry> &entries() const { return m_entries; }
    QStringList fields() const;
    // Messages of one field, in the language asked for.
    QStringList messages(const QString &field, const class MessageCatalog *catalog = nullptr,
                         const QString &language = {}) const;
    bool has(const QString &field) const;
    // {field: [message, ...], ...}, with "non_field_errors" saying how many were omitted.
    QJsonObject toJson(const class MessageCatalog *catalog = nullptr, const QString &language = {}) const;

private:
    QList<Entry> m_entries;
    qsizetype m_omitted = 0;
};

}   // namespace enlace
