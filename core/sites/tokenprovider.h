#pragma once

#include <core/model/clock.h>
#include <core/model/result.h>
#include <core/model/siteauthentication.h>
#include <core/sites/siteauthenticationrepository.h>

#include <QHash>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace enlace {

// Bearer tokens for the sites that use a SiteAuthentication (reference §1.4).
// A token is cached, sealed, with its expiry in the authentication's row: every site that uses the
// authentication and every server instance on the same database share it. A missing or expired
// token is refreshed with POST {"username","password"} (JSON) to the authentication's URL; requests
// for the same authentication that arrive while a refresh is in flight wait for that one refresh.
// Tokens and passwords never appear in logs or in error texts.
class TokenProvider final : public QObject
{
    Q_OBJECT

public:
    using TokenCallback = std::function<void(Result<QString>)>;
    static constexpr int DefaultTimeoutMs = 10000;

    TokenProvider(std::shared_ptr<Database> db, const SecretBox &box, QNetworkAccessManager *network,
                  const Clock &clock, QObject *parent = nullptr);
    ~TokenProvider() override;

    // done is called exactly once: at once for a cached token, later after a refresh.
    void token(qint64 authId, TokenCallback done);
    // The site answered 401: drop the cached token (only if it is still the rejected one).
    void invalidate(qint64 authId, const QString &rejectedToken = {});
    // Whether requests of sites using this authentication verify TLS certificates.
    bool sslStrict(qint64 authId) const;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // The credentials request shared with AuthenticationTester: POST, JSON body, TLS verification
    // unless sslStrict is false.
    static QNetworkRequest credentialsRequest(const SiteAuthentication &auth, int timeoutMs);
    static QByteArray credentialsBody(const SiteAuthentication &auth);
    // Aborts the reply when it has not finished after timeoutMs; marks it so timedOut() is true.
    static void abortAfter(QNetworkReply *reply, int timeoutMs);
    static bool timedOut(const QNetworkReply *reply);

    // Token lifetime in ms from an answer: the fixed duration, else the duration field (seconds,
    // number or numeric text, fraction truncated); 1 s when that cannot be read.
    static qint64 lifetimeMs(const SiteAuthentication &auth, const QJsonObject &answer, bool *fallback = nullptr);

private:
    void refresh(qint64 authId);
    void handleReply(qint64 authId, QNetworkReply *reply);
    void finish(qint64 authId, const Result<QString> &result);

    std::shared_ptr<Database> m_db;
    SiteAuthenticationRepository m_repository;
    QNetworkAccessManager *m_network;
    const Clock &m_clock;
    int m_timeoutMs = DefaultTimeoutMs;
    QHash<qint64, QList<TokenCallback>> m_waiting;   // auth id -> callers waiting for the refresh in flight
    QHash<qint64, QPointer<QNetworkReply>> m_inFlight;
};

}   // namespace enlace
