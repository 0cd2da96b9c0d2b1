#include <core/model/validationerrors.h>

#include <QHash>
#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;
#include <QJsonObject>

namespace enlace {

QStringList ValidationErrors::fields() const
{
    QStringList out;
    QSet<QString> seen;
    for (const Entry &e : m_entries)
        if (!seen.contains(e.field)) {
            seen.insert(e.field);
            out.append(e.field);
        }
    return out;
}

QStringList ValidationErrors::messages(const QString &field, const MessageCatalog *catalog,
                                       const QString &language) const
{
    QStringList out;
    for (const Entry &e : m_entries)
        if (e.field == field)
            out.append(e.message.text(catalog, language));
    return out;
}

bool ValidationErrors::has(const QString &field) const
{
    for (const Entry &e : m_entries)
        if (e.field == field)
            return true;
    return false;
}

QJsonObject ValidationErrors::toJson(const MessageCatalog *catalog, const QString &language) const
{
    // One pass: the fields in the order they were found, each with its messages.
    QStringList order;
    QHash<QString, QStringList> messages;
    for (const Entry &e : m_entries) {
        auto it = messages.find(e.field);
        if (it == messages.end()) {
            order.append(e.field);
            it = messages.insert(e.field, {});
        }
        it->append(e.message.text(catalog, language));
    }
    if (m_omitted > 0) {
        const QString field = u"non_field_errors"_s;
        if (!messages.contains(field))
            order.append(field);
        messages[field].append(Message::make("Model", QT_TRANSLATE_NOOP("Model", "%1 more errors were not listed."))
                                   .arg(QString::number(m_omitted))
                                   .text(catalog, language));
    }
    QJsonObject out;
    for (const QString &field : order)
        out.insert(field, QJsonArray::fromStringList(messages.value(field)));
    return out;
}

}   // namespace enlace
