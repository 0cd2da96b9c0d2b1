#include <core/model/clock.h>
#include <core/model/message.h>
#include <core/requests/crmparameterrules.h>
#include <core/requests/parameterresolver.h>

using namespace Qt::StringLiterals;

namespace enlace {

ParameterResolver::ParameterResolver(const MessageCatalog *catalog, const Clock &clock)
    : m_catalog(catalog)
    , m_clock(clock)
{ }

QString ParameterResolver::formatDateTime(const QDateTime &when)
{
    return when.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QString ParameterResolver::base64UrlNoPadding(const QByteArray &data)
{
    return QString::fromLatin1(data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString ParameterResolver::campaignTypeName(CampaignType type, const QString &language) const
{
    Message m;
    switch (type) {
    case CampaignType::Inbound:
        m = Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "Inbound"));
        break;
    case CampaignType::Dialer:
        m = Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "Dialer"));
        break;
    case CampaignType::Manual:
        m = Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "Manual"));
        break;
    case CampaignType::Preview:
        m = Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "Preview"));
        break;
    }
    return m.text(m_catalog, language);
}

QString ParameterResolver::value(const CrmParameter &parameter, const CallContext &call, SiteTrigger siteTrigger,
                                 const QString &language) const
{
    const QString &key = parameter.value;
    switch (parameter.type) {
    case CrmParameterType::Fixed:
        return key;
    case CrmParameterType::Campaign:
        if (key == u"id"_s)
            return QString::number(call.campaignId);
        if (key == u"nombre"_s)
            return call.campaignName;
        if (key == u"tipo"_s)
            return campaignTypeName(call.campaignType, language);
        return {};
    case CrmParameterType::Contact:
        return call.contactValues.value(key);
    case CrmParameterType::Dialplan: {
        // Stored capitalised; the PBX may spell the variable otherwise.
        const auto exact = call.dialplan.constFind(key);
        if (exact != call.dialplan.cend())
            return exact.value();
        for (auto it = call.dialplan.cbegin(); it != call.dialplan.cend(); ++it)
            if (it.key().compare(key, Qt::CaseInsensitive) == 0)
                return it.value();
        return {};
    }
    case CrmParameterType::Call:
        if (key == u"call_id"_s)
            return call.callId;
        if (key == u"agent_id"_s)
            return call.agentId > 0 ? QString::number(call.agentId) : QString();
        if (key == u"agent_username"_s)
            return call.agentUsername;
        if (key == u"agent_name"_s)
            return call.agentName;
        if (key == u"telefono"_s)
            return call.phone;
        if (key == u"id_contacto"_s)
            return call.contactId ? QString::number(*call.contactId) : QString();
        if (key == u"rec_filename"_s)
            return call.recordingFile;
        if (key == u"call_wait_duration"_s)
            return call.waitSeconds ? QString::number(*call.waitSeconds) : QString();
        if (key == u"datetime"_s)
            return formatDateTime(call.callDateTime.isValid() ? call.callDateTime : m_clock.now());
        return {};
    case CrmParameterType::Disposition:
        if (siteTrigger != SiteTrigger::Disposition)
            return {};
        if (key == u"id"_s)
            return call.dispositionId ? QString::number(*call.dispositionId) : QString();
        if (key == u"name"_s)
            return call.dispositionOptionName;
        if (key == u"subdisposition"_s)
            return call.subdisposition;
        if (key == u"form"_s)
            return call.formJson.isEmpty() ? QString() : base64UrlNoPadding(call.formJson.toUtf8());
        return {};
    }
    return {};
}

ResolvedParameters ParameterResolver::resolve(const CallContext &call, SiteTrigger siteTrigger,
                                              const QList<CrmParameter> &parameters, const QString &language) const
{
    ResolvedParameters out;
    for (const CrmParameter &p : parameters) {
        const QString v = value(p, call, siteTrigger, language);
        if (const auto n = CrmParameterRules::placeholderNumber(p.name))
            out.placeholders.insert(*n, v);
        else
            out.parameters.append({ p.name, v });
    }
    return out;
}

ResolvedParameters ParameterResolver::resolve(const Campaign &campaign, const ExternalSite &site,
                                              const QList<CrmParameter> &parameters, CallContext call,
                                              const QString &language) const
{
    call.campaignId = campaign.id;
    call.campaignName = campaign.name;
    call.campaignType = campaign.type;
    return resolve(call, site.trigger, parameters, language);
}

}   // namespace enlace
