#include <core/model/message.h>
#include <core/requests/siteauthenticationrules.h>

#include <QUrl>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

Message required()
{
    return Message::make("Delivery", QT_TRANSLATE_NOOP("Delivery", "This field is required."));
}

Message tooLong(int max)
{
    return Message::make("Delivery", QT_TRANSLATE_NOOP("Delivery", "Ensure this field has no more than %1 characters."))
        .arg(QString::number(max));
}

void checkText(ValidationErrors &errors, const QString &field, const QString &value, int max, bool mandatory = true)
{
    if (mandatory && value.trimmed().isEmpty())
        errors.add(field, required());
    else if (value.size() > max)
        errors.add(field, tooLong(max));
}

}   // namespace

bool SiteAuthenticationRules::isFieldName(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_';
        if (!ok)
            return false;
    }
    return true;
}

bool SiteAuthenticationRules::isHttpUrl(const QString &url)
{
    for (const QChar c : url)
        if (c.isSpace() || c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid())
        return false;
    const QString scheme = parsed.scheme().toLower();
    if (scheme != u"http"_s && scheme != u"https"_s)
        return false;
    return url.mid(url.indexOf(u':') + 1, 2) == u"//"_s && !parsed.host().isEmpty();
}

ValidationErrors SiteAuthenticationRules::validate(const SiteAuthentication &auth, const NameTaken &nameTaken,
                                                   bool passwordRequired)
{
    ValidationErrors errors;
    checkText(errors, u"nombre"_s, auth.name, MaxNameLength);
    if (!errors.has(u"nombre"_s) && nameTaken && nameTaken(auth.name.trimmed()))
        errors.add(u"nombre"_s,
                   Message::make("Delivery",
                                 QT_TRANSLATE_NOOP("Delivery", "An authentication with this name already exists.")));

    if (auth.url.trimmed().isEmpty())
        errors.add(u"url"_s, required());
    else if (auth.url.size() > MaxUrlLength)
        errors.add(u"url"_s, tooLong(MaxUrlLength));
    else if (!isHttpUrl(auth.url))
        errors.add(u"url"_s, Message::make("Delivery", QT_TRANSLATE_NOOP("Delivery", "Enter a valid URL.")));

    checkText(errors, u"username"_s, auth.username, MaxFieldLength);
    checkText(errors, u"password"_s, auth.password, MaxFieldLength, passwordRequired);

    const Message badFieldName
        = Message::make("Delivery", QT_TRANSLATE_NOOP("Delivery", "Only letters, digits and _ are allowed."));
    if (auth.tokenField.isEmpty())
        errors.add(u"campo_token"_s, required());
    else if (auth.tokenField.size() > MaxFieldLength)
        errors.add(u"campo_token"_s, tooLong(MaxFieldLength));
    else if (!isFieldName(auth.tokenField))
        errors.add(u"campo_token"_s, badFieldName);

    if (!auth.durationField.isEmpty()) {
        if (auth.durationField.size() > MaxFieldLength)
            errors.add(u"campo_duracion"_s, tooLong(MaxFieldLength));
        else if (!isFieldName(auth.durationField))
            errors.add(u"campo_duracion"_s, badFieldName);
    }

    if (auth.duration < 0) {
        errors.add(u"duracion"_s,
                   Message::make("Delivery",
                                 QT_TRANSLATE_NOOP("Delivery", "Ensure this value is greater than or equal to 0.")));
    } else if ((auth.duration > 0) == !auth.durationField.isEmpty()) {
        // Exactly one way to know the token lifetime: a fixed duration or a field of the answer.
        errors.add(
            u"duracion"_s,
            Message::make("Delivery",
                          QT_TRANSLATE_NOOP("Delivery", "Give either a duration or a duration field, not both.")));
    }
    return errors;
}

}   // namespace enlace
