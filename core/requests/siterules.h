#pragma once

#include <core/model/externalsite.h>
#include <core/model/validationerrors.h>

#include <QString>

#include <functional>

namespace enlace {

// What makes an external site valid: OMniLeads' serializer rules (reference §1.3) in their order,
// its model constraints, the placeholder syntax check OMniLeads lost in 2022, and Enlace's own
// delivery bounds. Field names are OMniLeads' (`nombre`, `url`, `formato`, `objetivo`) so the
// admin API answers with the same `errors` keys.
class SiteRules final
{
public:
    static constexpr int MaxNameLength = 128;
    static constexpr int MaxUrlLength = 250;
    static constexpr int MinTimeoutMs = 1000;
    static constexpr int MaxTimeoutMs = 120000;
    static constexpr int MinAttempts = 1;
    static constexpr int MaxAttempts = 50;

    // True when another site (not this one) already uses the name. May be empty: no uniqueness check.
    using NameTaken = std::function<bool(const QString &name)>;

    static ValidationErrors validate(const ExternalSite &site, const NameTaken &nameTaken = {});

    // The first of the five method/format/trigger/target rules that fails, in OMniLeads' order;
    // empty when the combination is valid.
    static ValidationErrors validateCombination(const ExternalSite &site);

    // The format column as OMniLeads stores it: a site without format (every GET) is stored as
    // multipart (1).
    static SiteFormat storedFormat(const ExternalSite &site);

    // http(s) URL with a host and no whitespace; `{N}` placeholders allowed anywhere.
    static bool isValidUrl(const QString &url);
    // Braces balanced, never nested, and every `{...}` holds one or more ASCII digits.
    static bool placeholdersWellFormed(const QString &url);
};

}   // namespace enlace
