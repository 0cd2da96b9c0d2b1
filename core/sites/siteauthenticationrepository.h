#pragma once

#include <core/model/result.h>
#include <core/model/siteauthentication.h>
#include <core/sites/secretbox.h>
#include <core/store/database.h>

#include <QList>

#include <memory>
#include <optional>

namespace enlace {

// Site authentications (OMniLeads' AutenticacionSitioExterno) in the `site_authentications` table.
// The password and the cached token are sealed with the SecretBox; find() and list() never return
// the password (the field comes back empty): only password(id), for TokenProvider, opens it.
class SiteAuthenticationRepository final
{
public:
    SiteAuthenticationRepository(std::shared_ptr<Database> db, const SecretBox &box);

    // Validated with SiteAuthenticationRules (name unique); returns the new id.
    Result<qint64> create(const SiteAuthentication &auth);
    // An empty password keeps the stored one. Any change drops the cached token.
    Result<void> update(const SiteAuthentication &auth);
    Result<SiteAuthentication> find(qint64 id) const;
    Result<QList<SiteAuthentication>> list() const;   // ordered by id
    // Refused (Error::Kind::Conflict, code "site_authentication.in_use") while a site uses it.
    Result<void> remove(qint64 id);
    Result<bool> inUse(qint64 id) const;

    Result<QString> password(qint64 id) const;

    // The token cache shared by every site that uses the authentication and by every server.
    struct CachedToken
    {
        QString token;
        qint64 expiresAtMs = 0;
    };
    Result<std::optional<CachedToken>> cachedToken(qint64 id) const;
    Result<void> storeToken(qint64 id, const QString &token, qint64 expiresAtMs);
    // Drops the cached token; with rejectedToken, only when the cache still holds that token (another
    // server may already have stored a fresh one).
    Result<void> clearToken(qint64 id, const QString &rejectedToken = {});

    static Message notFoundMessage();
    static Message inUseMessage();

private:
    Result<bool> nameTaken(const QString &name, qint64 exceptId) const;

    std::shared_ptr<Database> m_db;
    SecretBox m_box;
};

}   // namespace enlace
