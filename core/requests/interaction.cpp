#include <core/requests/interaction.h>

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

Error badJson(const QString &detail)
{
    return Error { Error::Kind::Invalid,
                   u"sites.bad_interaction"_s,
                   Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "The interaction is malformed.")),
                   detail,
                   {} };
}

}   // namespace

QString Interaction::mimeType(SiteFormat format)
{
    switch (format) {
    case SiteFormat::Multipart:
        return u"multipart/form-data"_s;
    case SiteFormat::FormUrlEncoded:
        return u"application/x-www-form-urlencoded"_s;
    case SiteFormat::TextPlain:
        return u"text/plain"_s;
    case SiteFormat::Json:
        return u"application/json"_s;
    }
    return {};
}

std::optional<SiteFormat> Interaction::formatFromMimeType(const QString &mime)
{
    for (SiteFormat f : { SiteFormat::Multipart, SiteFormat::FormUrlEncoded, SiteFormat::TextPlain, SiteFormat::Json })
        if (mimeType(f) == mime)
            return f;
    return std::nullopt;
}

QJsonObject Interaction::toJson() const
{
    QJsonArray params;
    for (const auto &p : parameters)
        params.append(QJsonObject { { u"name"_s, p.first }, { u"value"_s, p.second } });
    return QJsonObject {
        { u"site_id"_s, siteId },
        { u"url"_s, url },
        { u"method"_s, method == SiteMethod::Post ? u"POST"_s : u"GET"_s },
        { u"format"_s, format ? QJsonValue(mimeType(*format)) : QJsonValue(QJsonValue::Null) },
        { u"parameters"_s, params },
        { u"trigger"_s, static_cast<int>(trigger) },
        { u"target"_s, target ? QJsonValue(static_cast<int>(*target)) : QJsonValue(QJsonValue::Null) },
    };
}

Result<Interaction> Interaction::fromJson(const QJsonObject &json)
{
    Interaction out;
    out.siteId = json.value(u"site_id"_s).toInteger();
    if (!json.value(u"url"_s).isString())
        return badJson(u"url"_s);
    out.url = json.value(u"url"_s).toString();
    const QString method = json.value(u"method"_s).toString();
    if (method == u"GET"_s)
        out.method = SiteMethod::Get;
    else if (method == u"POST"_s)
        out.method = SiteMethod::Post;
    else
        return badJson(u"method"_s);
    const QJsonValue format = json.value(u"format"_s);
    if (format.isString()) {
        out.format = formatFromMimeType(format.toString());
        if (!out.format)
            return badJson(u"format"_s);
    }
    const int trigger = json.value(u"trigger"_s).toInt();
    if (trigger < static_cast<int>(SiteTrigger::Agent) || trigger > static_cast<int>(SiteTrigger::DynamicList))
        return badJson(u"trigger"_s);
    out.trigger = static_cast<SiteTrigger>(trigger);
    const QJsonValue target = json.value(u"target"_s);
    if (target.isDouble()) {
        const int t = target.toInt();
        if (t != static_cast<int>(SiteTarget::Embedded) && t != static_cast<int>(SiteTarget::NewWindow))
            return badJson(u"target"_s);
        out.target = static_cast<SiteTarget>(t);
    }
    for (const QJsonValue &v : json.value(u"parameters"_s).toArray()) {
        const QJsonObject p = v.toObject();
        if (!p.value(u"name"_s).isString() || !p.value(u"value"_s).isString())
            return badJson(u"parameters"_s);
        out.parameters.append({ p.value(u"name"_s).toString(), p.value(u"value"_s).toString() });
    }
    return out;
}

QJsonObject Interaction::toOmniLeadsConfig() const
{
    QJsonObject params;
    for (const auto &p : parameters)
        params.insert(p.first, p.second);
    const SiteFormat f = format.value_or(SiteFormat::Multipart);
    return QJsonObject {
        { u"dispara_agente"_s, trigger == SiteTrigger::Agent },
        { u"formato"_s, mimeType(f) },
        { u"formato_es_JSON"_s, f == SiteFormat::Json },
        { u"url"_s, url },
        { u"abre_pestana"_s, target == SiteTarget::NewWindow },
        { u"metodo"_s, method == SiteMethod::Post ? u"POST"_s : u"GET"_s },
        { u"parametros"_s, params },
    };
}

}   // namespace enlace
