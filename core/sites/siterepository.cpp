#include <core/requests/crmparameterrules.h>
#include <core/requests/siterules.h>
#include <core/sites/secretbox.h>
#include <core/sites/siterepository.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

const QString Columns
    = u"id, name, url, hidden, trigger_type, method, format, target, authentication_id, timeout_ms, max_attempts"_s;

ExternalSite fromRow(const QSqlQuery &q)
{
    ExternalSite s;
    s.id = q.value(0).toLongLong();
    s.name = q.value(1).toString();
    s.url = q.value(2).toString();
    s.hidden = q.value(3).toInt() != 0;
    s.trigger = static_cast<SiteTrigger>(q.value(4).toInt());
    s.method = static_cast<SiteMethod>(q.value(5).toInt());
    // GET sites are stored as multipart (OMniLeads); they have no format.
    if (s.method == SiteMethod::Post && !q.value(6).isNull())
        s.format = static_cast<SiteFormat>(q.value(6).toInt());
    if (!q.value(7).isNull())
        s.target = static_cast<SiteTarget>(q.value(7).toInt());
    if (!q.value(8).isNull())
        s.authenticationId = q.value(8).toLongLong();
    s.timeoutMs = q.value(9).toInt();
    s.maxAttempts = q.value(10).toInt();
    return s;
}

QVariant nullableTarget(const std::optional<SiteTarget> &t)
{
    return t ? QVariant(static_cast<int>(*t)) : QVariant(QMetaType::fromType<int>());
}

Error duplicateName()
{
    ValidationErrors dup;
    dup.add(u"nombre"_s,
            Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "An external site with this name already exists.")));
    return Error::invalid(dup);
}

Error secretUnavailable()
{
    return Error { Error::Kind::Internal,
                   u"site.secret_unreadable"_s,
                   Message::make(
                       "Sites",
                       QT_TRANSLATE_NOOP("Sites",
                                         "The site's signature secret cannot be read; was the key file replaced?")),
                   {},
                   {} };
}

Error campaignNotFound()
{
    return Error::notFound(u"campaign.not_found"_s,
                           Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "Campaign not found.")));
}

}   // namespace

SiteRepository::SiteRepository(std::shared_ptr<Database> db, const SecretBox *secrets)
    : m_db(std::move(db))
    , m_secrets(secrets)
{ }

Message SiteRepository::notFoundMessage()
{
    return Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "External site not found."));
}

Message SiteRepository::inUseMessage()
{
    return Message::make("Sites",
                         QT_TRANSLATE_NOOP("Sites", "External sites assigned to campaigns can not be deleted"));
}

Result<bool> SiteRepository::nameTaken(const QString &name, qint64 exceptId) const
{
    auto r = m_db->scalar(u"SELECT COUNT(*) FROM external_sites WHERE name = ? AND id <> ?"_s, { name, exceptId });
    if (!r)
        return r.error();
    return r->toLongLong() > 0;
}

Result<void> SiteRepository::check(const ExternalSite &site, qint64 exceptId) const
{
    std::optional<Error> storeError;
    const auto taken = [&](const QString &name) {
        auto r = nameTaken(name, exceptId);
        if (!r)
            storeError = r.error();
        return r.ok() && r.value();
    };
    ValidationErrors errors = SiteRules::validate(site, taken);
    if (storeError)
        return *storeError;
    if (site.authenticationId) {
        auto n = m_db->scalar(u"SELECT COUNT(*) FROM site_authentications WHERE id = ?"_s, { *site.authenticationId });
        if (!n)
            return n.error();
        if (n->toLongLong() == 0)
            errors.add(u"autenticacion"_s,
                       Message::make("Sites", QT_TRANSLATE_NOOP("Sites", "Invalid pk \"%1\" - object does not exist."))
                           .arg(QString::number(*site.authenticationId)));
    }
    if (!errors.isEmpty())
        return Error::invalid(errors);
    return {};
}

Result<QVariant> SiteRepository::sealedSecret(const QString &secret) const
{
    if (secret.isEmpty())
        return QVariant(QMetaType::fromType<QByteArray>());
    if (!m_secrets)
        return Error::internal(u"site.no_secret_box"_s, u"no SecretBox configured to seal the signature secret"_s);
    return QVariant(m_secrets->seal(secret.toUtf8()));
}

Result<qint64> SiteRepository::create(const ExternalSite &input)
{
    ExternalSite site = input;
    site.name = site.name.trimmed();
    site.url = site.url.trimmed();
    if (auto ok = check(site, 0); !ok)
        return ok.error();
    auto secret = sealedSecret(site.signatureSecret);
    if (!secret)
        return secret.error();
    auto id = m_db->insert(u"INSERT INTO external_sites (name, url, hidden, trigger_type, method, format, target, "
                           u"authentication_id, timeout_ms, "
                           "max_attempts, signature_secret_enc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                           { site.name, site.url, site.hidden ? 1 : 0, static_cast<int>(site.trigger),
                             static_cast<int>(site.method), static_cast<int>(SiteRules::storedFormat(site)),
                             nullableTarget(site.target), Database::nullableId(site.authenticationId), site.timeoutMs,
                             site.maxAttempts, secret.value() });
    if (!id && id.error().kind == Error::Kind::Conflict)
        return duplicateName();   // lost a race with another writer for the same name
    return id;
}

Result<void> SiteRepository::update(const ExternalSite &input)
{
    ExternalSite site = input;
    site.name = site.name.trimmed();
    site.url = site.url.trimmed();
    auto exists = m_db->scalar(u"SELECT COUNT(*) FROM external_sites WHERE id = ?"_s, { site.id });
    if (!exists)
        return exists.error();
    if (exists->toLongLong() == 0)
        return Error::notFound(u"site.not_found"_s, notFoundMessage());
    if (auto ok = check(site, site.id); !ok)
        return ok.error();

    QString sql = u"UPDATE external_sites SET name = ?, url = ?, hidden = ?, trigger_type = ?, method = ?, format = ?, "
                  u"target = ?, "
                  "authentication_id = ?, timeout_ms = ?, max_attempts = ?"_s;
    QVariantList values { site.name,
                          site.url,
                          site.hidden ? 1 : 0,
                          static_cast<int>(site.trigger),
                          static_cast<int>(site.method),
                          static_cast<int>(SiteRules::storedFormat(site)),
                          nullableTarget(site.target),
                          Database::nullableId(site.authenticationId),
                          site.timeoutMs,
                          site.maxAttempts };
    if (!site.signatureSecret.isEmpty()) {
        auto secret = sealedSecret(site.signatureSecret);
        if (!secret)
            return secret.error();
        sql += u", signature_secret_enc = ?"_s;
        values.append(secret.value());
    }
    sql += u" WHERE id = ?"_s;
    values.append(site.id);
    auto r = m_db->exec(sql, values);
    if (!r)
        return r.error().kind == Error::Kind::Conflict ? duplicateName() : r.error();
    return {};
}

Result<ExternalSite> SiteRepository::find(qint64 id) const
{
    auto q = m_db->exec(u"SELECT "_s + Columns + u", signature_secret_enc FROM external_sites WHERE id = ?"_s, { id });
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(u"site.not_found"_s, notFoundMessage());
    ExternalSite site = fromRow(q.value());
    const QVariant sealed = q->value(11);
    if (!sealed.isNull() && !sealed.toByteArray().isEmpty()) {
        if (!m_secrets)
            return secretUnavailable();
        auto plain = m_secrets->open(sealed.toByteArray());
        if (!plain)
            return secretUnavailable();
        site.signatureSecret = QString::fromUtf8(plain.value());
    }
    return site;
}

Result<QList<ExternalSite>> SiteRepository::list() const
{
    auto q = m_db->exec(u"SELECT "_s + Columns + u" FROM external_sites ORDER BY id"_s);
    if (!q)
        return q.error();
    QList<ExternalSite> out;
    while (q->next())
        out.append(fromRow(q.value()));
    return out;
}

Result<bool> SiteRepository::inUse(qint64 id) const
{
    auto r = m_db->scalar(u"SELECT COUNT(*) FROM campaigns WHERE site_id = ?"_s, { id });
    if (!r)
        return r.error();
    return r->toLongLong() > 0;
}

Result<void> SiteRepository::remove(qint64 id)
{
    Database::Transaction tx(*m_db);
    // Lock the row: a campaign being pointed at this site meanwhile waits for us on PostgreSQL
    // (foreign-key key-share lock); SQLite serialises writers anyway.
    auto row = m_db->exec(u"SELECT id FROM external_sites WHERE id = ?"_s
                              + (m_db->dialect() == SqlDialect::Postgres ? u" FOR UPDATE"_s : QString()),
                          { id });
    if (!row)
        return row.error();
    if (!row->next())
        return Error::notFound(u"site.not_found"_s, notFoundMessage());
    auto used = inUse(id);
    if (!used)
        return used.error();
    if (used.value())
        return Error { Error::Kind::Conflict, u"site.in_use"_s, inUseMessage(), {}, {} };
    if (auto r = m_db->exec(u"DELETE FROM external_sites WHERE id = ?"_s, { id }); !r)
        return r.error().kind == Error::Kind::Conflict
            ? Error { Error::Kind::Conflict, u"site.in_use"_s, inUseMessage(), {}, {} }
            : r.error();
    return tx.commit();
}

Result<void> SiteRepository::setHidden(qint64 id, bool hidden)
{
    auto r = m_db->exec(u"UPDATE external_sites SET hidden = ? WHERE id = ?"_s, { hidden ? 1 : 0, id });
    if (!r)
        return r.error();
    if (r->numRowsAffected() == 0)
        return Error::notFound(u"site.not_found"_s, notFoundMessage());
    return {};
}

Result<void> SiteRepository::setSignatureSecret(qint64 id, const QString &secret)
{
    auto sealed = sealedSecret(secret);
    if (!sealed)
        return sealed.error();
    auto r = m_db->exec(u"UPDATE external_sites SET signature_secret_enc = ? WHERE id = ?"_s, { sealed.value(), id });
    if (!r)
        return r.error();
    if (r->numRowsAffected() == 0)
        return Error::notFound(u"site.not_found"_s, notFoundMessage());
    return {};
}

Result<void> SiteRepository::setCrmParameters(qint64 campaignId, QList<CrmParameter> parameters)
{
    Database::Transaction tx(*m_db);
    auto q = m_db->exec(u"SELECT c.id, d.columns_json, s.trigger_type FROM campaigns c "
                        "LEFT JOIN contact_databases d ON d.id = c.contact_database_id "
                        "LEFT JOIN external_sites s ON s.id = c.site_id WHERE c.id = ?"_s,
                        { campaignId });
    if (!q)
        return q.error();
    if (!q->next())
        return campaignNotFound();
    CrmParameterScope scope;
    for (const QJsonValue &v : QJsonDocument::fromJson(q->value(1).toString().toUtf8()).array())
        scope.contactColumns.append(v.toString());
    if (!q->value(2).isNull())
        scope.siteTrigger = static_cast<SiteTrigger>(q->value(2).toInt());
    q->finish();

    const ValidationErrors errors = CrmParameterRules::validate(parameters, scope);
    if (!errors.isEmpty())
        return Error::invalid(errors);
    parameters = CrmParameterRules::normalized(std::move(parameters));

    if (auto r = m_db->exec(u"DELETE FROM crm_parameters WHERE campaign_id = ?"_s, { campaignId }); !r)
        return r.error();
    for (qsizetype i = 0; i < parameters.size(); ++i) {
        const CrmParameter &p = parameters.at(i);
        auto r = m_db->insert(
            u"INSERT INTO crm_parameters (campaign_id, position, name, value, type) VALUES (?, ?, ?, ?, ?)"_s,
            { campaignId, static_cast<int>(i), p.name, p.value, static_cast<int>(p.type) });
        if (!r)
            return r.error();
    }
    return tx.commit();
}

Result<QList<CrmParameter>> SiteRepository::crmParameters(qint64 campaignId) const
{
    QList<CrmParameter> out;
    auto q = m_db->exec(
        u"SELECT id, campaign_id, name, value, type FROM crm_parameters WHERE campaign_id = ? ORDER BY position, id"_s,
        { campaignId });
    if (!q)
        return q.error();
    while (q->next()) {
        CrmParameter p;
        p.id = q->value(0).toLongLong();
        p.campaignId = q->value(1).toLongLong();
        p.name = q->value(2).toString();
        p.value = q->value(3).toString();
        p.type = static_cast<CrmParameterType>(q->value(4).toInt());
        out.append(p);
    }
    return out;
}

}   // namespace enlace
