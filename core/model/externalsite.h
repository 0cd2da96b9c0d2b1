#pragma once

#include <core/model/enums.h>

#include <QString>

#include <optional>

namespace enlace {

struct ExternalSite
{
    qint64 id = 0;
    QString name;
    QString url;
    bool hidden = false;
    SiteTrigger trigger = SiteTrigger::Server;
    SiteMethod method = SiteMethod::Get;
    std::optional<SiteFormat> format;   // none for GET (stored as multipart, as OMniLeads)
    std::optional<SiteTarget> target;   // none for server-side sites
    std::optional<qint64> authenticationId;
    // Beyond OMniLeads: server-side delivery policy.
    int timeoutMs = 10000;
    int maxAttempts = 8;
    QString signatureSecret;   // HMAC-SHA256 secret; plain only in memory, stored encrypted
};

}   // namespace enlace
