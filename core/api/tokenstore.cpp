#include <core/api/tokenstore.h>
#include <core/model/clock.h>
#include <core/store/database.h>

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace enlace {

TokenStore::TokenStore(std::shared_ptr<Database> db, const Clock &clock)
    : m_db(std::move(db))
    , m_clock(clock)
{ }

QString TokenStore::hash(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Result<TokenStore::Issued> TokenStore::issue(qint64 userId, qint64 lifetimeMs)
{
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / 4);
    Issued issued { QString::fromLatin1(raw.toHex()), m_clock.nowMs() + lifetimeMs };
    auto id
        = m_db->insert(u"INSERT INTO api_tokens (user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)"_s,
                       { userId, hash(issued.token), m_clock.nowMs(), issued.expiresAtMs });
    if (!id.ok())
        return id.error();
    return issued;
}

Result<TokenStore::Owner> TokenStore::find(const QString &token) const
{
    // Tokens are lowercase hex (issue()): anything else, an integration key for one, cannot be
    // one, and is answered without hashing it or asking the store.
    const bool hexOnly = std::all_of(token.cbegin(), token.cend(),
                                     [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); });
    if (token.isEmpty() || token.size() > 256 || !hexOnly)
        return Error::notFound(u"api.invalid_token"_s);
    const QString h = hash(token);
    auto q = m_db->exec(u"SELECT user_id, expires_at FROM api_tokens WHERE token_hash = ?"_s, { h });
    if (!q.ok())
        return q.error();
    if (!q->next())
        return Error::notFound(u"api.invalid_token"_s);
    Owner owner { q->value(0).toLongLong(), q->value(1).toLongLong() };
    if (owner.expiresAtMs <= m_clock.nowMs()) {
        (void)m_db->exec(u"DELETE FROM api_tokens WHERE token_hash = ?"_s, { h });
        return Error { Error::Kind::Forbidden, u"api.token_expired"_s, {}, {}, {} };
    }
    return owner;
}

Result<void> TokenStore::revoke(const QString &token)
{
    auto q = m_db->exec(u"DELETE FROM api_tokens WHERE token_hash = ?"_s, { hash(token) });
    if (!q.ok())
        return q.error();
    return {};
}

Result<void> TokenStore::revokeAll(qint64 userId)
{
    auto q = m_db->exec(u"DELETE FROM api_tokens WHERE user_id = ?"_s, { userId });
    if (!q.ok())
        return q.error();
    return {};
}

Result<int> TokenStore::purgeExpired()
{
    auto q = m_db->exec(u"DELETE FROM api_tokens WHERE expires_at <= ?"_s, { m_clock.nowMs() });
    if (!q.ok())
        return q.error();
    return q->numRowsAffected();
}

}   // namespace enlace
