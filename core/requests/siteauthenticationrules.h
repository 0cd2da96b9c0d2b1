#pragma once

#include <core/model/siteauthentication.h>
#include <core/model/validationerrors.h>

#include <functional>

namespace enlace {

// What makes a site authentication valid (reference §1.4, OMniLeads' admin form rules).
// Field names are OMniLeads' (`nombre`, `url`, `username`, `password`, `campo_token`, `duracion`,
// `campo_duracion`) so the admin API answers with the same `errors` keys.
class SiteAuthenticationRules final
{
public:
    static constexpr int MaxNameLength = 128;
    static constexpr int MaxUrlLength = 250;
    static constexpr int MaxFieldLength = 128;

    // True when another authentication (not this one) already uses the name.
    using NameTaken = std::function<bool(const QString &name)>;

    // passwordRequired is false on update: an empty password there keeps the stored one.
    static ValidationErrors validate(const SiteAuthentication &auth, const NameTaken &nameTaken = {},
                                     bool passwordRequired = true);

    // `^[a-zA-Z0-9_]+$`, the rule for campo_token and campo_duracion.
    static bool isFieldName(const QString &name);
    static bool isHttpUrl(const QString &url);
};

}   // namespace enlace
