#pragma once

#include <core/model/enums.h>
#include <core/model/result.h>

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace enlace {

// One resolved interaction with a site: what the console's `call.connected` event carries, what
// the server queues and what the admin panel previews. RequestBuilder turns it into the exact
// HTTP request, the same way for all three.
struct Interaction
{
    qint64 siteId = 0;
    QString url;   // placeholders filled and percent-encoded; no parameters
    SiteMethod method = SiteMethod::Get;
    std::optional<SiteFormat> format;   // POST only
    SiteTrigger trigger = SiteTrigger::Server;
    std::optional<SiteTarget> target;
    QList<QPair<QString, QString>> parameters;   // in the campaign's order

    // {"site_id", "url", "method": "GET"|"POST", "format": mime|null, "parameters": [{"name","value"}],
    //  "trigger": 1..5, "target": 1|2|null}
    QJsonObject toJson() const;
    static Result<Interaction> fromJson(const QJsonObject &json);

    // OMniLeads' page configuration object (reference §3.3), for CRM pages written against it.
    QJsonObject toOmniLeadsConfig() const;

    static QString mimeType(SiteFormat format);
    static std::optional<SiteFormat> formatFromMimeType(const QString &mime);

    friend bool operator==(const Interaction &, const Interaction &) = default;
};

}   // namespace enlace
