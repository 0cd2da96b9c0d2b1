#pragma once

#include <core/model/crmparameter.h>
#include <core/model/externalsite.h>
#include <core/model/result.h>
#include <core/store/database.h>

#include <QList>

#include <memory>

namespace enlace {

class SecretBox;

// External sites (`external_sites`) and each campaign's CRM parameters (`crm_parameters`).
// Sites are validated with SiteRules; a GET site is stored with format 1 (multipart), as OMniLeads
// does, and read back without format. The signature secret is sealed with the SecretBox; only
// find() opens it, list() leaves it empty.
class SiteRepository final
{
public:
    // secrets may be null only where no site has a signature secret (storing one then fails).
    SiteRepository(std::shared_ptr<Database> db, const SecretBox *secrets);

    Result<qint64> create(const ExternalSite &site);
    // An empty signatureSecret keeps the stored one; setSignatureSecret() replaces or clears it.
    Result<void> update(const ExternalSite &site);
    Result<ExternalSite> find(qint64 id) const;
    Result<QList<ExternalSite>> list() const;   // every site, hidden ones too, ordered by id
    // Refused (Kind::Conflict, code "site.in_use") while a campaign uses the site.
    Result<void> remove(qint64 id);
    // Hiding only declutters the admin list: campaigns keep using a hidden site.
    Result<void> setHidden(qint64 id, bool hidden);
    Result<void> setSignatureSecret(qint64 id, const QString &secret);
    Result<bool> inUse(qint64 id) const;

    // Replaces the campaign's parameters, all or nothing, after checking them all with
    // CrmParameterRules against the campaign's contact database and site trigger.
    Result<void> setCrmParameters(qint64 campaignId, QList<CrmParameter> parameters);
    // In their stored order; empty for an unknown campaign.
    Result<QList<CrmParameter>> crmParameters(qint64 campaignId) const;

    static Message notFoundMessage();
    static Message inUseMessage();

private:
    Result<bool> nameTaken(const QString &name, qint64 exceptId) const;
    Result<void> check(const ExternalSite &site, qint64 exceptId) const;
    Result<QVariant> sealedSecret(const QString &secret) const;

    std::shared_ptr<Database> m_db;
    const SecretBox *m_secrets;
};

}   // namespace enlace
