#include <core/model/message.h>
#include <core/requests/siterules.h>

#include <QUrl>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

Message tooLong(int max)
{
    return Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "Ensure this field has no more than %1 characters."))
        .arg(QString::number(max));
}

}   // namespace

bool SiteRules::placeholdersWellFormed(const QString &url)
{
    bool inside = false;
    int digits = 0;
    for (const QChar c : url) {
        if (c == u'{') {
            if (inside)
                return false;
            inside = true;
            digits = 0;
        } else if (c == u'}') {
            if (!inside || digits == 0)
                return false;
            inside = false;
        } else if (inside) {
            if (c < u'0' || c > u'9')
                return false;
            ++digits;
        }
    }
    return !inside;
}

bool SiteRules::isValidUrl(const QString &url)
{
    for (const QChar c : url)
        if (c.isSpace() || c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    // Braces are legal in the stored template (placeholders); judge the rest of the URL.
    QString probe = url;
    probe.replace(u'{', u'0').replace(u'}', u'0');
    const QUrl parsed(probe, QUrl::TolerantMode);
    if (!parsed.isValid())
        return false;
    const QString scheme = parsed.scheme().toLower();
    if (scheme != u"http"_s && scheme != u"https"_s)
        return false;
    // "http:x" and "http:/x" parse with an empty authority; a CRM URL needs "//host".
    const int schemeEnd = probe.indexOf(u':');
    if (probe.mid(schemeEnd + 1, 2) != u"//"_s)
        return false;
    return !parsed.host().isEmpty();
}

ValidationErrors SiteRules::validateCombination(const ExternalSite &site)
{
    ValidationErrors errors;
    const bool get = site.method == SiteMethod::Get;
    const bool post = site.method == SiteMethod::Post;
    const bool hasFormat = site.format.has_value();
    const bool hasTarget = site.target.has_value();

    if (get && hasFormat) {
        errors.add(u"formato"_s,
                   Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "If the method is GET, no format must be given")));
    } else if (post && !hasFormat) {
        errors.add(
            u"formato"_s,
            Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "If the method is POST you must select a format")));
    } else if (site.format == SiteFormat::Json && hasTarget) {
        errors.add(u"objetivo"_s,
                   Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "With JSON format there can be no target.")));
    } else if (site.trigger == SiteTrigger::Server && hasTarget) {
        errors.add(
            u"objetivo"_s,
            Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "If the trigger is the server there can be no target.")));
    } else if (!hasTarget && site.trigger != SiteTrigger::Server
               && !(site.trigger == SiteTrigger::Disposition && post)) {
        errors.add(u"objetivo"_s, Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "You must give a valid target.")));
    }
    return errors;
}

ValidationErrors SiteRules::validate(const ExternalSite &site, const NameTaken &nameTaken)
{
    ValidationErrors errors;
    const Message required = Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "This field is required."));

    const QString name = site.name.trimmed();
    if (name.isEmpty())
        errors.add(u"nombre"_s, required);
    else if (site.name.size() > MaxNameLength)
        errors.add(u"nombre"_s, tooLong(MaxNameLength));
    else if (nameTaken && nameTaken(site.name))
        errors.add(
            u"nombre"_s,
            Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "An external site with this name already exists.")));

    if (site.url.trimmed().isEmpty())
        errors.add(u"url"_s, required);
    else if (site.url.size() > MaxUrlLength)
        errors.add(u"url"_s, tooLong(MaxUrlLength));
    else if (!isValidUrl(site.url))
        errors.add(u"url"_s, Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "Enter a valid URL.")));
    else if (!placeholdersWellFormed(site.url))
        errors.add(u"url"_s, Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "Invalid format")));

    errors.append(validateCombination(site));

    if (site.timeoutMs < MinTimeoutMs || site.timeoutMs > MaxTimeoutMs)
        errors.add(
            u"timeout_ms"_s,
            Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "The timeout must be between %1 and %2 milliseconds."))
                .arg(QString::number(MinTimeoutMs))
                .arg(QString::number(MaxTimeoutMs)));
    if (site.maxAttempts < MinAttempts || site.maxAttempts > MaxAttempts)
        errors.add(
            u"max_attempts"_s,
            Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "The number of attempts must be between %1 and %2."))
                .arg(QString::number(MinAttempts))
                .arg(QString::number(MaxAttempts)));
    return errors;
}

SiteFormat SiteRules::storedFormat(const ExternalSite &site)
{
    return site.format.value_or(SiteFormat::Multipart);
}

}   // namespace enlace
