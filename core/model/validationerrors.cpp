#include <core/model/validationerrors.h>

#include <QJsonArray>
#include <QJsonObject>

namespace enlace {

QStringList ValidationErrors::fields() const
{
    QStringList out;
    for (const Entry &e : m_entries)
        if (!out.contains(e.field))
            out.append(e.field);
    return out;
}

QStringList ValidationErrors::messages(const QString &field, const MessageCatalog *catalog, const QString &language) const
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
    QJsonObject out;
    for (const QString &field : fields())
        out.insert(field, QJsonArray::fromStringList(messages(field, catalog, language)));
    return out;
}

} // namespace enlace
