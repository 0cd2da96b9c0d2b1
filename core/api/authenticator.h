#pragma once

#include <core/api/loginthrottle.h>
#include <core/api/tokenstore.h>
#include <core/http/apirequest.h>
#include <core/http/apiresponse.h>
#include <core/model/result.h>

#include <QObject>
#include <QThreadPool>

#include <memory>
#include <optional>

namespace enlace {

class ApiRouter;
class Clock;
class EventLog;
class Database;
class MessageCatalog;
class ReferenceCache;

struct AuthenticatorSettings
{
    qint64 tokenLifetimeMs = 9LL * 3600 * 1000;   // OMniLeads production: 9 h from creation
    LoginThrottlePolicy throttle;
};

// POST /api/v1/login (OMniLeads §5.1) and the resolution of credentials into a Caller:
// `Authorization: Bearer <token>` (a user's API token, or an external system's integration key)
// and `X-Enlace-Integration-Key: <key>`.
// Differences from OMniLeads, on purpose: missing/invalid/expired credentials answer 401 with
// `WWW-Authenticate: Bearer` (OMniLeads: 403) and a valid caller without the role 403; each login
// issues a new token (OMniLeads returns the same token until it expires, which needs the token
// stored in plain text; Enlace stores only its hash), earlier tokens stay valid until they expire.
// Password checks (PBKDF2) run on a worker thread; throttling delays are timers: the event loop
// never blocks.
class Authenticator final : public QObject
{
    Q_OBJECT

public:
    Authenticator(std::shared_ptr<Database> db, const Clock &clock, const MessageCatalog *catalog,
                  AuthenticatorSettings settings = AuthenticatorSettings(), QObject *parent = nullptr);
    ~Authenticator() override;

    const AuthenticatorSettings &settings() const { return m_settings; }
    // Integration keys are then looked up in the cache (by their hash) after a sync.
    void setReferenceCache(ReferenceCache *cache) { m_reference = cache; }
    // A logout then tells every instance's event channel (EventLog::SessionRevoked), which closes
    // the consoles' sessions that used the token.
    void setEventLog(EventLog *events) { m_events = events; }

    // POST /api/v1/login (Public) and POST /api/v1/logout (Authenticated, revokes the token used).
    void registerRoutes(ApiRouter &router);
    void handleLogin(const ApiRequest &request, ApiResponder respond);

    // The router's CallerResolver: ok(nullopt) without credentials, error when they are wrong.
    Result<std::optional<Caller>> resolve(const ApiRequest &request) const;
    // A user's API token (the event channel): NotFound invalid, Forbidden expired or inactive.
    Result<Caller> callerForToken(const QString &token) const;
    // An external system's integration key (requestSerial: see ReferenceCache::sync).
    // The external system a key belongs to; nullopt for no such key; an Error when the store fails.
    Result<std::optional<Caller>> callerForIntegrationKey(const QString &key, quint64 requestSerial = 0) const;

    static QString bearerToken(const ApiRequest &request);

Q_SIGNALS:
    void loginSucceeded(qint64 userId);
    void loginFailed(const QString &username);

private:
    void finishLogin(const QString &username, const QString &address, const Result<struct User> &user,
                     ApiResponder respond, const QString &language);

    std::shared_ptr<Database> m_db;
    const Clock &m_clock;
    const MessageCatalog *m_catalog;
    AuthenticatorSettings m_settings;
    TokenStore m_tokens;
    LoginThrottle m_throttle;
    QThreadPool m_pool;
    ReferenceCache *m_reference = nullptr;
    EventLog *m_events = nullptr;
};

}   // namespace enlace
