#pragma once

#include <core/model/validationerrors.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace enlace {

// Reads the fields of one JSON request body with type checks. A field that is present but of
// the wrong type, or required and missing, adds a message naming it to errors(), in the order the
// handler reads them, and the reader returns nothing: a handler reads every field, then answers
// 400 with errors() if there are any. OMniLeads' clients post ids as numbers or as numeric text
// (form encoding), so integer() accepts both.
class ApiJson final
{
public:
    enum class Need { Optional, Required };

    explicit ApiJson(QJsonObject object = {});

    const QJsonObject &object() const { return m_object; }
    bool has(const QString &key) const { return m_object.contains(key); }
    // Present and not null.
    bool hasValue(const QString &key) const;

    std::optional<qint64> integer(const QString &key, Need need = Need::Optional);
    // A string (numbers are accepted as their text, like OMniLeads' form fields); maxLength < 0 = any.
    std::optional<QString> string(const QString &key, Need need = Need::Optional, int maxLength = -1);
    std::optional<bool> boolean(const QString &key, Need need = Need::Optional);
    std::optional<QJsonArray> array(const QString &key, Need need = Need::Optional);
    std::optional<QJsonObject> objectField(const QString &key, Need need = Need::Optional);

    // Keys of the body that are not in allowed.
    QStringList unknownKeys(const QStringList &allowed) const;

    void addError(const QString &field, const Message &message) { m_errors.add(field, message); }
    const ValidationErrors &errors() const { return m_errors; }
    bool ok() const { return m_errors.isEmpty(); }

    static Message requiredMessage();
    static Message integerMessage();
    static Message stringMessage();
    static Message booleanMessage();
    static Message listMessage();
    static Message objectMessage();
    static Message maxLengthMessage(int maxLength);

private:
    bool checkPresence(const QString &key, Need need);

    QJsonObject m_object;
    ValidationErrors m_errors;
};

}   // namespace enlace
