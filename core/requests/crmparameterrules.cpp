#include <core/model/message.h>
#include <core/requests/crmparameterrules.h>

#include <QSet>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

bool isNameChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_' || u == u'.'
        || u == u'-';
}

QString capitalized(const QString &s)
{
    if (s.isEmpty())
        return s;
    return s.left(1).toUpper() + s.mid(1).toLower();
}

bool isKnownType(CrmParameterType type)
{
    const int v = static_cast<int>(type);
    return v >= static_cast<int>(CrmParameterType::Campaign) && v <= static_cast<int>(CrmParameterType::Disposition);
}

}   // namespace

QString CrmParameterRules::fieldName(qsizetype row, const QString &field)
{
    return u"parametros["_s + QString::number(row) + u"]."_s + field;
}

std::optional<int> CrmParameterRules::placeholderNumber(const QString &name)
{
    if (name.size() < 3 || !name.startsWith(u'{') || !name.endsWith(u'}'))
        return std::nullopt;
    const QStringView digits = QStringView(name).mid(1, name.size() - 2);
    for (const QChar c : digits)
        if (c < u'0' || c > u'9')
            return std::nullopt;
    bool ok = false;
    const int n = digits.toInt(&ok);
    if (!ok)
        return std::nullopt;
    return n;
}

bool CrmParameterRules::isValidName(const QString &name)
{
    if (placeholderNumber(name))
        return true;
    if (name.isEmpty())
        return false;
    for (const QChar c : name)
        if (!isNameChar(c))
            return false;
    return true;
}

const QStringList &CrmParameterRules::campaignFields()
{
    static const QStringList fields { u"id"_s, u"nombre"_s, u"tipo"_s };
    return fields;
}

const QStringList &CrmParameterRules::callDataKeys()
{
    static const QStringList keys { u"call_id"_s,      u"agent_id"_s,           u"agent_username"_s,
                                    u"agent_name"_s,   u"telefono"_s,           u"id_contacto"_s,
                                    u"rec_filename"_s, u"call_wait_duration"_s, u"datetime"_s };
    return keys;
}

const QStringList &CrmParameterRules::dispositionFields()
{
    static const QStringList fields { u"id"_s, u"name"_s, u"subdisposition"_s, u"form"_s };
    return fields;
}

QList<CrmParameterType> CrmParameterRules::availableTypes(std::optional<SiteTrigger> siteTrigger)
{
    QList<CrmParameterType> types { CrmParameterType::Campaign, CrmParameterType::Contact, CrmParameterType::Call,
                                    CrmParameterType::Fixed, CrmParameterType::Dialplan };
    if (siteTrigger == SiteTrigger::Disposition)
        types.append(CrmParameterType::Disposition);
    return types;
}

ValidationErrors CrmParameterRules::validate(const QList<CrmParameter> &parameters, const CrmParameterScope &scope)
{
    ValidationErrors errors;
    const QList<CrmParameterType> types = availableTypes(scope.siteTrigger);
    QSet<QString> seen;
    for (qsizetype row = 0; row < parameters.size(); ++row) {
        const CrmParameter &p = parameters.at(row);
        const QString name = p.name.trimmed();
        const QString nameField = fieldName(row, u"nombre"_s);
        if (name.isEmpty()) {
            errors.add(nameField,
                       Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "You must define a name for the parameter")));
        } else if (name.size() > MaxNameLength) {
            errors.add(
                nameField,
                Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "Ensure this field has no more than %1 characters."))
                    .arg(QString::number(MaxNameLength)));
        } else if (!isValidName(name)) {
            errors.add(
                nameField,
                Message::make(
                    "Sites",
                    QT_TRANSLATE_NOOP("Sites", "Only alphanumeric characters or placeholders allowed. Ej: \"{1}\"")));
        } else if (seen.contains(name)) {
            // OMniLeads keeps both and the last wins in a dict; a JSON body or a placeholder
            // cannot carry two values for one name, so Enlace refuses the second.
            errors.add(nameField,
                       Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "Another parameter already uses this name.")));
        }
        seen.insert(name);

        const QString valueField = fieldName(row, u"valor"_s);
        if (!isKnownType(p.type) || !types.contains(p.type)) {
            errors.add(fieldName(row, u"tipo"_s),
                       Message::make(
                           "Sites",
                           QT_TRANSLATE_NOOP("Sites", "Select a valid choice. %1 is not one of the available choices."))
                           .arg(QString::number(static_cast<int>(p.type))));
            continue;
        }
        if (p.value.size() > MaxValueLength) {
            errors.add(
                valueField,
                Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "Ensure this field has no more than %1 characters."))
                    .arg(QString::number(MaxValueLength)));
            continue;
        }
        switch (p.type) {
        case CrmParameterType::Contact:
            if (!scope.contactColumns.contains(p.value))
                errors.add(
                    valueField,
                    Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "Value must match a contact database field")));
            break;
        case CrmParameterType::Campaign:
            if (!campaignFields().contains(p.value))
                errors.add(
                    valueField,
                    Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "Value must match a valid campaign field")));
            break;
        case CrmParameterType::Call:
            if (!callDataKeys().contains(p.value))
                errors.add(valueField,
                           Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "Value must match a valid call data")));
            break;
        case CrmParameterType::Dialplan:
            if (!p.value.startsWith(dialplanPrefix()))
                errors.add(valueField,
                           Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "Value must have the prefix Omlcrm")));
            break;
        case CrmParameterType::Disposition:
            if (!dispositionFields().contains(p.value))
                errors.add(valueField,
                           Message::make(
                               "Sites", QT_TRANSLATE_NOOP("Sites", "Value must match a valid disposition data field")));
            break;
        case CrmParameterType::Fixed:
            break;
        }
    }
    return errors;
}

QList<CrmParameter> CrmParameterRules::normalized(QList<CrmParameter> parameters)
{
    for (CrmParameter &p : parameters) {
        p.name = p.name.trimmed();
        if (p.type == CrmParameterType::Dialplan)
            p.value = capitalized(p.value);
    }
    return parameters;
}

}   // namespace enlace
