#include <core/api/apijson.h>

#include <cmath>

using namespace Qt::StringLiterals;

namespace enlace {

ApiJson::ApiJson(QJsonObject object)
    : m_object(std::move(object))
{ }

Message ApiJson::requiredMessage()
{
    return Message::make("Api", QT_TRANSLATE_NOOP("Api", "This field is required."));
}

Message ApiJson::integerMessage()
{
    return Message::make("Api", QT_TRANSLATE_NOOP("Api", "A valid integer is required."));
}

Message ApiJson::stringMessage()
{
    return Message::make("Api", QT_TRANSLATE_NOOP("Api", "Not a valid string."));
}

Message ApiJson::booleanMessage()
{
    return Message::make("Api", QT_TRANSLATE_NOOP("Api", "Must be a valid boolean."));
}

Message ApiJson::listMessage()
{
    return Message::make("Api", QT_TRANSLATE_NOOP("Api", "Expected a list of items."));
}

Message ApiJson::objectMessage()
{
    return Message::make("Api", QT_TRANSLATE_NOOP("Api", "Expected a JSON object."));
}

Message ApiJson::maxLengthMessage(int maxLength)
{
    return Message::make("Api", QT_TRANSLATE_NOOP("Api", "Ensure this field has no more than %1 characters."),
                         { QString::number(maxLength) });
}

bool ApiJson::hasValue(const QString &key) const
{
    const auto it = m_object.constFind(key);
    return it != m_object.constEnd() && !it->isNull() && !it->isUndefined();
}

bool ApiJson::checkPresence(const QString &key, Need need)
{
    if (hasValue(key))
        return true;
    if (need == Need::Required)
        m_errors.add(key, requiredMessage());
    return false;
}

std::optional<qint64> ApiJson::integer(const QString &key, Need need)
{
    if (!checkPresence(key, need))
        return std::nullopt;
    const QJsonValue v = m_object.value(key);
    if (v.isDouble()) {
        const double d = v.toDouble();
        // Exactly representable integers only: 2^53.
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) <= 9007199254740992.0)
            return static_cast<qint64>(d);
    } else if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().trimmed().toLongLong(&ok);
        if (ok)
            return n;
        if (v.toString().trimmed().isEmpty() && need == Need::Optional)
            return std::nullopt;
    }
    m_errors.add(key, integerMessage());
    return std::nullopt;
}

std::optional<QString> ApiJson::string(const QString &key, Need need, int maxLength)
{
    if (!checkPresence(key, need))
        return std::nullopt;
    const QJsonValue v = m_object.value(key);
    QString s;
    if (v.isString()) {
        s = v.toString();
    } else if (v.isDouble()) {
        const double d = v.toDouble();
        s = d == std::floor(d) && std::fabs(d) <= 9007199254740992.0 ? QString::number(static_cast<qint64>(d))
                                                                     : QString::number(d);
    } else {
        m_errors.add(key, stringMessage());
        return std::nullopt;
    }
    if (maxLength >= 0 && s.size() > maxLength) {
        m_errors.add(key, maxLengthMessage(maxLength));
        return std::nullopt;
    }
    return s;
}

std::optional<bool> ApiJson::boolean(const QString &key, Need need)
{
    if (!checkPresence(key, need))
        return std::nullopt;
    const QJsonValue v = m_object.value(key);
    if (v.isBool())
        return v.toBool();
    if (v.isDouble() && (v.toDouble() == 0 || v.toDouble() == 1))
        return v.toDouble() == 1;
    if (v.isString()) {
        const QString s = v.toString().toLower();
        if (s == u"true"_s || s == u"1"_s)
            return true;
        if (s == u"false"_s || s == u"0"_s)
            return false;
    }
    m_errors.add(key, booleanMessage());
    return std::nullopt;
}

std::optional<QJsonArray> ApiJson::array(const QString &key, Need need)
{
    if (!checkPresence(key, need))
        return std::nullopt;
    const QJsonValue v = m_object.value(key);
    if (v.isArray())
        return v.toArray();
    m_errors.add(key, listMessage());
    return std::nullopt;
}

std::optional<QJsonObject> ApiJson::objectField(const QString &key, Need need)
{
    if (!checkPresence(key, need))
        return std::nullopt;
    const QJsonValue v = m_object.value(key);
    if (v.isObject())
        return v.toObject();
    m_errors.add(key, objectMessage());
    return std::nullopt;
}

QStringList ApiJson::unknownKeys(const QStringList &allowed) const
{
    QStringList out;
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it)
        if (!allowed.contains(it.key()))
            out.append(it.key());
    return out;
}

}   // namespace enlace
