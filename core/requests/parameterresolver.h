#pragma once

#include <core/model/campaign.h>
#include <core/model/crmparameter.h>
#include <core/model/externalsite.h>
#include <core/requests/callcontext.h>

#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

namespace enlace {

class Clock;
class MessageCatalog;

// The values one interaction sends: ordinary parameters in the campaign's order, and the values
// of the URL placeholders {N}.
struct ResolvedParameters
{
    QList<QPair<QString, QString>> parameters;
    QMap<int, QString> placeholders;
};

// Turns a campaign's CRM parameters into values for one call, with OMniLeads' rules
// (reference §2.2): agent_id is Enlace's agent id, datetime is "yyyy-MM-dd HH:mm:ss" UTC,
// anything missing is "", campaign `tipo` is the type's name in the language asked for,
// disposition data only when the site fires on call disposition, form is base64url without padding.
class ParameterResolver final
{
public:
    // catalog may be null (English); clock gives "now" for a call without a known time.
    ParameterResolver(const MessageCatalog *catalog, const Clock &clock);

    ResolvedParameters resolve(const CallContext &call, SiteTrigger siteTrigger, const QList<CrmParameter> &parameters,
                               const QString &language) const;
    // Same, taking the campaign's id, name and type from the campaign and the trigger from its site.
    ResolvedParameters resolve(const Campaign &campaign, const ExternalSite &site,
                               const QList<CrmParameter> &parameters, CallContext call, const QString &language) const;

    // One value, as it would be sent.
    QString value(const CrmParameter &parameter, const CallContext &call, SiteTrigger siteTrigger,
                  const QString &language) const;

    QString campaignTypeName(CampaignType type, const QString &language) const;
    static QString formatDateTime(const QDateTime &when);
    static QString base64UrlNoPadding(const QByteArray &data);

private:
    const MessageCatalog *m_catalog;
    const Clock &m_clock;
};

}   // namespace enlace
