#include <core/requests/siteauthenticationrules.h>
#include <core/sites/siteauthenticationrepository.h>

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

const QString Columns = u"id, name, url, username, token_field, duration, duration_field, ssl_strict"_s;

SiteAuthentication fromRow(const QSqlQuery &q)
{
    SiteAuthentication a;
    a.id = q.value(0).toLongLong();
    a.name = q.value(1).toString();
    a.url = q.value(2).toString();
    a.username = q.value(3).toString();
    a.tokenField = q.value(4).toString();
    a.duration = q.value(5).toInt();
    a.durationField = q.value(6).toString();
    a.sslStrict = q.value(7).toInt() != 0;
    return a;
}

// A null QString binds as SQL NULL; these columns are NOT NULL with '' meaning "none".
QString text(const QString &s)
{
    return s.isNull() ? u""_s : s;
}

bool takenOrUnknown(const Result<bool> &taken)
{
    return !taken.ok() || taken.value();
}

Error unreadableSecret()
{
    // The detail says what to check without revealing anything about the secret.
    return Error { Error::Kind::Internal,
                   u"site_authentication.secret_unreadable"_s,
                   Message::make(
                       "Delivery",
                       QT_TRANSLATE_NOOP("Delivery", "The stored secret cannot be read; was the key file replaced?")),
                   {},
                   {} };
}

}   // namespace

SiteAuthenticationRepository::SiteAuthenticationRepository(std::shared_ptr<Database> db, const SecretBox &box)
    : m_db(std::move(db))
    , m_box(box)
{ }

Message SiteAuthenticationRepository::notFoundMessage()
{
    return Message::make("Delivery", QT_TRANSLATE_NOOP("Delivery", "Site authentication not found"));
}

Message SiteAuthenticationRepository::inUseMessage()
{
    return Message::make(
        "Delivery", QT_TRANSLATE_NOOP("Delivery", "Authentications assigned to external sites can not be deleted"));
}

Result<bool> SiteAuthenticationRepository::nameTaken(const QString &name, qint64 exceptId) const
{
    auto r
        = m_db->scalar(u"SELECT COUNT(*) FROM site_authentications WHERE name = ? AND id <> ?"_s, { name, exceptId });
    if (!r)
        return r.error();
    return r->toLongLong() > 0;
}

Result<qint64> SiteAuthenticationRepository::create(const SiteAuthentication &auth)
{
    std::optional<Error> storeError;
    auto taken = [&](const QString &name) {
        auto r = nameTaken(name, 0);
        if (!r)
            storeError = r.error();
        return r.ok() && r.value();
    };
    ValidationErrors errors = SiteAuthenticationRules::validate(auth, taken, true);
    if (storeError)
        return *storeError;
    if (!errors.isEmpty())
        return Error::invalid(errors);

    auto id = m_db->insert(u"INSERT INTO site_authentications (name, url, username, password_enc, token_field, "
                           u"duration, duration_field, ssl_strict) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                           { auth.name.trimmed(), auth.url.trimmed(), text(auth.username),
                             m_box.seal(auth.password.toUtf8()), text(auth.tokenField), auth.duration,
                             text(auth.durationField), auth.sslStrict ? 1 : 0 });
    if (!id && id.error().kind == Error::Kind::Conflict && takenOrUnknown(nameTaken(auth.name.trimmed(), 0))) {
        // Lost a race with another writer for the same name.
        ValidationErrors dup;
        dup.add(u"nombre"_s,
                Message::make("Delivery",
                              QT_TRANSLATE_NOOP("Delivery", "An authentication with this name already exists.")));
        return Error::invalid(dup);
    }
    return id;
}

Result<void> SiteAuthenticationRepository::update(const SiteAuthentication &auth)
{
    auto exists = m_db->scalar(u"SELECT COUNT(*) FROM site_authentications WHERE id = ?"_s, { auth.id });
    if (!exists)
        return exists.error();
    if (exists->toLongLong() == 0)
        return Error::notFound(u"site_authentication.not_found"_s, notFoundMessage());

    std::optional<Error> storeError;
    auto taken = [&](const QString &name) {
        auto r = nameTaken(name, auth.id);
        if (!r)
            storeError = r.error();
        return r.ok() && r.value();
    };
    ValidationErrors errors = SiteAuthenticationRules::validate(auth, taken, false);
    if (storeError)
        return *storeError;
    if (!errors.isEmpty())
        return Error::invalid(errors);

    // Whatever changed, a token obtained with the old settings may no longer be right.
    Result<Query> r = auth.password.isEmpty()
        ? m_db->exec(u"UPDATE site_authentications SET name = ?, url = ?, username = ?, token_field = ?, duration = ?, "
                     u"duration_field = ?, "
                     "ssl_strict = ?, token_enc = NULL, token_expires_at = NULL WHERE id = ?"_s,
                     { auth.name.trimmed(), auth.url.trimmed(), auth.username, text(auth.tokenField), auth.duration,
                       text(auth.durationField), auth.sslStrict ? 1 : 0, auth.id })
        : m_db->exec(u"UPDATE site_authentications SET name = ?, url = ?, username = ?, password_enc = ?, token_field "
                     u"= ?, duration = ?, "
                     "duration_field = ?, ssl_strict = ?, token_enc = NULL, token_expires_at = NULL WHERE id = ?"_s,
                     { auth.name.trimmed(), auth.url.trimmed(), text(auth.username), m_box.seal(auth.password.toUtf8()),
                       text(auth.tokenField), auth.duration, text(auth.durationField), auth.sslStrict ? 1 : 0,
                       auth.id });
    if (!r) {
        if (r.error().kind == Error::Kind::Conflict && takenOrUnknown(nameTaken(auth.name.trimmed(), auth.id))) {
            ValidationErrors dup;
            dup.add(u"nombre"_s,
                    Message::make("Delivery",
                                  QT_TRANSLATE_NOOP("Delivery", "An authentication with this name already exists.")));
            return Error::invalid(dup);
        }
        return r.error();
    }
    return {};
}

Result<SiteAuthentication> SiteAuthenticationRepository::find(qint64 id) const
{
    auto q = m_db->exec(u"SELECT "_s + Columns + u" FROM site_authentications WHERE id = ?"_s, { id });
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(u"site_authentication.not_found"_s, notFoundMessage());
    return fromRow(q.value());
}

Result<QList<SiteAuthentication>> SiteAuthenticationRepository::list() const
{
    auto q = m_db->exec(u"SELECT "_s + Columns + u" FROM site_authentications ORDER BY id"_s);
    if (!q)
        return q.error();
    QList<SiteAuthentication> out;
    while (q->next())
        out.append(fromRow(q.value()));
    return out;
}

Result<bool> SiteAuthenticationRepository::inUse(qint64 id) const
{
    auto r = m_db->scalar(u"SELECT COUNT(*) FROM external_sites WHERE authentication_id = ?"_s, { id });
    if (!r)
        return r.error();
    return r->toLongLong() > 0;
}

Result<void> SiteAuthenticationRepository::remove(qint64 id)
{
    Database::Transaction tx(*m_db);
    // Lock the row first: a site being created with this authentication then waits for us (PostgreSQL
    // takes a key-share lock on it for the foreign key); SQLite's BEGIN IMMEDIATE already serialises.
    auto row = m_db->exec(u"SELECT id FROM site_authentications WHERE id = ?"_s
                              + (m_db->dialect() == SqlDialect::Postgres ? u" FOR UPDATE"_s : QString()),
                          { id });
    if (!row)
        return row.error();
    if (!row->next())
        return Error::notFound(u"site_authentication.not_found"_s, notFoundMessage());
    auto used = inUse(id);
    if (!used)
        return used.error();
    if (used.value())
        return Error { Error::Kind::Conflict, u"site_authentication.in_use"_s, inUseMessage(), {}, {} };
    if (auto r = m_db->exec(u"DELETE FROM site_authentications WHERE id = ?"_s, { id }); !r)
        return r.error();
    return tx.commit();
}

Result<QString> SiteAuthenticationRepository::password(qint64 id) const
{
    auto r = m_db->exec(u"SELECT password_enc FROM site_authentications WHERE id = ?"_s, { id });
    if (!r)
        return r.error();
    if (!r->next())
        return Error::notFound(u"site_authentication.not_found"_s, notFoundMessage());
    auto plain = m_box.open(r->value(0).toByteArray());
    if (!plain)
        return unreadableSecret();
    return QString::fromUtf8(plain.value());
}

Result<std::optional<SiteAuthenticationRepository::CachedToken>>
SiteAuthenticationRepository::cachedToken(qint64 id) const
{
    auto r = m_db->exec(u"SELECT token_enc, token_expires_at FROM site_authentications WHERE id = ?"_s, { id });
    if (!r)
        return r.error();
    if (!r->next())
        return Error::notFound(u"site_authentication.not_found"_s, notFoundMessage());
    if (r->value(0).isNull() || r->value(1).isNull())
        return std::optional<CachedToken>();
    auto plain = m_box.open(r->value(0).toByteArray());
    if (!plain)
        return std::optional<CachedToken>();   // unreadable cache: just fetch a new token
    return std::optional<CachedToken>(CachedToken { QString::fromUtf8(plain.value()), r->value(1).toLongLong() });
}

Result<void> SiteAuthenticationRepository::storeToken(qint64 id, const QString &token, qint64 expiresAtMs)
{
    auto r = m_db->exec(u"UPDATE site_authentications SET token_enc = ?, token_expires_at = ? WHERE id = ?"_s,
                        { m_box.seal(token.toUtf8()), expiresAtMs, id });
    if (!r)
        return r.error();
    return {};
}

Result<void> SiteAuthenticationRepository::clearToken(qint64 id, const QString &rejectedToken)
{
    Database::Transaction tx(*m_db);
    if (!rejectedToken.isEmpty()) {
        auto current = cachedToken(id);
        if (!current)
            return current.error();
        if (!current.value() || current.value()->token != rejectedToken)
            return tx.commit();
    }
    if (auto r = m_db->exec(u"UPDATE site_authentications SET token_enc = NULL, token_expires_at = NULL WHERE id = ?"_s,
                            { id });
        !r)
        return r.error();
    return tx.commit();
}

}   // namespace enlace
