#include <core/api/authenticator.h>
#include <core/api/referencecache.h>
#include <core/calls/eventlog.h>
#include <core/http/apirouter.h>
#include <core/identity/agentrepository.h>
#include <core/identity/userrepository.h>
#include <core/model/clock.h>
#include <core/model/logvalue.h>
#include <core/model/messagecatalog.h>
#include <core/model/user.h>
#include <core/model/validationerrors.h>
#include <core/store/database.h>

#include <QCryptographicHash>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAuth, "enlace.auth", QtInfoMsg)

namespace enlace {

namespace {

Message invalidToken()
{
    return Message::make("Api", QT_TRANSLATE_NOOP("Api", "Invalid Token"));
}
Message expiredToken()
{
    return Message::make("Api", QT_TRANSLATE_NOOP("Api", "The Token is expired"));
}
Message inactiveUser()
{
    return Message::make("Api", QT_TRANSLATE_NOOP("Api", "User is not active"));
}

ApiResponse detailResponse(int status, const QString &text)
{
    return ApiResponse::json(
        status, QJsonObject { { u"detail"_s, text }, { u"status"_s, u"ERROR"_s }, { u"message"_s, text } });
}

}   // namespace

Authenticator::Authenticator(std::shared_ptr<Database> db, const Clock &clock, const MessageCatalog *catalog,
                             AuthenticatorSettings settings, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_catalog(catalog)
    , m_settings(settings)
    , m_tokens(db, clock)
    , m_throttle(db, clock, settings.throttle)
{
    m_pool.setMaxThreadCount(2);
    m_pool.setExpiryTimeout(-1);   // keep the threads: each holds its own database connection
}

Authenticator::~Authenticator()
{
    m_pool.waitForDone();
}

void Authenticator::registerRoutes(ApiRouter &router)
{
    router.add("POST", u"/api/v1/login"_s, Access::Public,
               [this](const ApiRequest &r, ApiResponder respond) { handleLogin(r, std::move(respond)); });
    router.add("POST", u"/api/v1/logout"_s, Access::Authenticated, [this](const ApiRequest &r, ApiResponder respond) {
        const QString token = bearerToken(r);
        if (!token.isEmpty() && !r.caller->isIntegration()) {
            if (auto revoked = m_tokens.revoke(token); !revoked) {
                respond(ApiResponse::fromError(revoked.error(), m_catalog, r.language));
                return;
            }
            if (r.caller->agentId && m_events)
                (void)m_events->append(*r.caller->agentId, QString::fromLatin1(EventLog::SessionRevoked),
                                       QJsonObject { { u"reason"_s, u"logout"_s } });
        }
        respond(ApiResponse::json(QJsonObject { { u"status"_s, u"OK"_s } }));
    });
}

QString Authenticator::bearerToken(const ApiRequest &request)
{
    const QByteArray header = request.header("authorization").trimmed();
    const qsizetype space = header.indexOf(' ');
    if (space < 0)
        return {};
    const QByteArray scheme = header.left(space).toLower();
    if (scheme != "bearer" && scheme != "token")
        return {};
    return QString::fromLatin1(header.mid(space + 1).trimmed());
}

void Authenticator::handleLogin(const ApiRequest &request, ApiResponder respond)
{
    const QString language = request.language;
    auto body = request.jsonObject();
    if (!body.ok()) {
        respond(ApiResponse::fromError(body.error(), m_catalog, language));
        return;
    }
    ValidationErrors errors;
    const auto field = [&](const QString &name) {
        const QJsonValue v = body->value(name);
        if (!v.isString() || v.toString().isEmpty()) {
            errors.add(name,
                       v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty())
                           ? Message::make("Api", QT_TRANSLATE_NOOP("Api", "This field is required."))
                           : Message::make("Api", QT_TRANSLATE_NOOP("Api", "Not a valid string.")));
            return QString();
        }
        return v.toString();
    };
    const QString username = field(u"username"_s);
    const QString password = field(u"password"_s);
    if (!errors.isEmpty()) {
        // Django REST framework puts the field errors at the top level; Enlace's envelope too.
        const QJsonObject fields = errors.toJson(m_catalog, language);
        QJsonObject merged { { u"status"_s, u"ERROR"_s },
                             { u"message"_s,
                               Message::make("Api", QT_TRANSLATE_NOOP("Api", "There were errors on received data"))
                                   .text(m_catalog, language) },
                             { u"errors"_s, fields } };
        for (auto it = fields.begin(); it != fields.end(); ++it)
            merged.insert(it.key(), it.value());
        respond(ApiResponse::json(400, merged));
        return;
    }

    const QString address = request.peerAddress;
    const auto verdict = m_throttle.begin(username, address);
    if (!verdict.ok()) {
        qCWarning(lcAuth).noquote() << u"login throttle unavailable username=%1 code=%2 detail=%3"_s.arg(
            LogValue::quoted(username), LogValue::quoted(verdict.error().code),
            LogValue::quoted(verdict.error().detail));
        respond(ApiResponse::fromError(verdict.error(), m_catalog, language));
        return;
    }
    if (verdict->blocked) {
        const qint64 seconds = std::max<qint64>(1, (verdict->retryAfterMs + 999) / 1000);
        qCWarning(lcAuth).noquote() << u"login throttled username=%1 peer=%2 scope=%3 failures=%4"_s.arg(
            LogValue::quoted(username), LogValue::quoted(address), verdict->byAddress ? u"address"_s : u"username"_s,
            QString::number(verdict->failures));
        ApiResponse r = detailResponse(
            429,
            Message::make("Api", QT_TRANSLATE_NOOP("Api", "Too many failed logins. Try again in %1 seconds."))
                .arg(QString::number(seconds))
                .text(m_catalog, language));
        r.withHeader("Retry-After", QByteArray::number(seconds));
        respond(std::move(r));
        return;
    }

    QPointer<Authenticator> self(this);
    QTimer::singleShot(
        std::chrono::milliseconds(verdict->delayMs), this,
        [self, username, address, password, respond, language]() mutable {
            if (!self)
                return;
            // The hash is read here, on the server's thread; only the slow PBKDF2 runs on a worker,
            // which touches no database connection.
            auto row
                = self->m_db->exec(u"SELECT id, password_hash, active FROM users WHERE username = ?"_s, { username });
            if (!row.ok()) {
                self->finishLogin(username, address, row.error(), std::move(respond), language);
                return;
            }
            std::optional<qint64> userId;
            QString encoded;
            if (row->next() && row->value(2).toInt() != 0) {
                userId = row->value(0).toLongLong();
                encoded = row->value(1).toString();
            }
            self->m_pool.start([self, userId, encoded, password, username, address, respond = std::move(respond),
                                language]() mutable {
                const PasswordHasher hasher;
                // An unknown or inactive user costs the same time as a wrong password.
                const bool ok = userId && hasher.verify(password, encoded);
                if (!userId)
                    (void)hasher.verify(
                        password,
                        u"pbkdf2-sha256$%1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g="_s.arg(
                            PasswordHasher::kDefaultIterations));
                const QString rehash = ok && hasher.needsRehash(encoded) ? hasher.hash(password) : QString();
                if (!self)
                    return;
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, ok, userId, rehash, username, address, respond = std::move(respond), language]() mutable {
                        if (!self)
                            return;
                        if (!ok) {
                            self->finishLogin(username, address, UserRepository::notFound(), std::move(respond),
                                              language);
                            return;
                        }
                        if (!rehash.isEmpty())
                            (void)self->m_db->exec(u"UPDATE users SET password_hash = ? WHERE id = ?"_s,
                                                   { rehash, *userId });
                        self->finishLogin(username, address, UserRepository(self->m_db).find(*userId),
                                          std::move(respond), language);
                    },
                    Qt::QueuedConnection);
            });
        });
}

void Authenticator::finishLogin(const QString &username, const QString &address, const Result<User> &user,
                                ApiResponder respond, const QString &language)
{
    if (!user.ok()) {
        if (user.error().kind != Error::Kind::NotFound) {
            qCWarning(lcAuth).noquote() << u"login error username=%1 code=%2 detail=%3"_s.arg(
                LogValue::quoted(username), LogValue::quoted(user.error().code), LogValue::quoted(user.error().detail));
            respond(ApiResponse::fromError(user.error(), m_catalog, language));
            return;
        }
        // The attempt was counted when it arrived.
        qCInfo(lcAuth).noquote() << u"login failed username=%1 peer=%2"_s.arg(LogValue::quoted(username),
                                                                              LogValue::quoted(address));
        Q_EMIT loginFailed(username);
        respond(detailResponse(404,
                               Message::make("Api", QT_TRANSLATE_NOOP("Api", "Invalid Credentials or activate account"))
                                   .text(m_catalog, language)));
        return;
    }
    (void)m_throttle.succeeded(username, address);
    const User &u = user.value();
    auto issued = m_tokens.issue(u.id, m_settings.tokenLifetimeMs);
    if (!issued.ok()) {
        qCWarning(lcAuth).noquote() << u"token issue failed user=%1 detail=%2"_s.arg(
            QString::number(u.id), LogValue::quoted(issued.error().detail));
        respond(ApiResponse::fromError(issued.error(), m_catalog, language));
        return;
    }
    QJsonObject userJson { { u"first_name"_s, u.firstName }, { u"last_name"_s, u.lastName }, { u"email"_s, u.email } };
    if (u.role == Role::Agent) {
        AgentRepository agents(m_db);
        auto agent = agents.findByUserId(u.id);
        if (agent.ok())
            userJson.insert(u"agent_id"_s, agent->id);
    }
    const double secondsLeft = double(issued->expiresAtMs - m_clock.nowMs()) / 1000.0;
    qCInfo(lcAuth).noquote() << u"login ok user=%1 username=%2"_s.arg(QString::number(u.id),
                                                                      LogValue::quoted(u.username));
    Q_EMIT loginSucceeded(u.id);
    respond(ApiResponse::json(200,
                              QJsonObject { { u"user"_s, userJson },
                                            { u"expires_in"_s, QString::number(secondsLeft, 'f', 1) },
                                            { u"token"_s, issued->token } }));
}

Result<Caller> Authenticator::callerForToken(const QString &token) const
{
    auto owner = m_tokens.find(token);
    if (!owner.ok()) {
        if (owner.error().kind == Error::Kind::Forbidden)
            return Error { Error::Kind::Forbidden, u"api.token_expired"_s, expiredToken(), {}, {} };
        if (owner.error().kind == Error::Kind::NotFound)
            return Error { Error::Kind::NotFound, u"api.invalid_token"_s, invalidToken(), {}, {} };
        return owner.error();
    }
    auto q = m_db->exec(u"SELECT u.username, u.role, u.active, a.id FROM users u "
                        "LEFT JOIN agents a ON a.user_id = u.id AND a.active = 1 WHERE u.id = ?"_s,
                        { owner->userId });
    if (!q.ok())
        return q.error();
    if (!q->next())
        return Error { Error::Kind::NotFound, u"api.invalid_token"_s, invalidToken(), {}, {} };
    if (q->value(2).toInt() == 0)
        return Error { Error::Kind::Forbidden, u"api.user_inactive"_s, inactiveUser(), {}, {} };
    Caller caller;
    caller.userId = owner->userId;
    caller.username = q->value(0).toString();
    caller.role = static_cast<Role>(q->value(1).toInt());
    if (!q->value(3).isNull())
        caller.agentId = q->value(3).toLongLong();
    return caller;
}

Result<std::optional<Caller>> Authenticator::callerForIntegrationKey(const QString &key, quint64 requestSerial) const
{
    if (key.isEmpty() || key.size() > 256)
        return std::optional<Caller>();
    // Same hash as ExternalSystemRepository::rotateIntegrationKey stores.
    const QString hash
        = QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex());
    const auto load = [&]() -> Result<std::optional<Caller>> {
        auto q = m_db->exec(u"SELECT id, name FROM external_systems WHERE integration_key_hash = ?"_s, { hash });
        if (!q.ok())
            return q.error();
        if (!q->next())
            return std::optional<Caller>();
        Caller caller;
        caller.integrationSystemId = q->value(0).toLongLong();
        caller.username = u"integration:"_s + q->value(1).toString();
        caller.role = Role::Admin;   // not used for integrations: Access checks isIntegration() first
        return std::optional<Caller>(caller);
    };
    // A store that cannot answer is an error (503), never "no such key" (401).
    return ReferenceCache::through(m_reference, requestSerial, &ReferenceCache::Entries::integrationKey, hash, load);
}

Result<std::optional<Caller>> Authenticator::resolve(const ApiRequest &request) const
{
    const QByteArray integrationKey = request.header("x-enlace-integration-key").trimmed();
    if (!integrationKey.isEmpty()) {
        auto c = callerForIntegrationKey(QString::fromLatin1(integrationKey), request.serial);
        if (!c)
            return c.error();
        if (c.value())
            return c.value();
        return Error { Error::Kind::NotFound, u"api.invalid_key"_s, invalidToken(), {}, {} };
    }
    const QString token = bearerToken(request);
    if (token.isEmpty()) {
        if (!request.header("authorization").isEmpty())
            return Error { Error::Kind::NotFound, u"api.invalid_token"_s, invalidToken(), {}, {} };
        return std::optional<Caller>();
    }
    auto caller = callerForToken(token);
    if (caller.ok())
        return std::optional<Caller>(caller.value());
    if (caller.error().code == u"api.invalid_token"_s) {
        auto c = callerForIntegrationKey(token, request.serial);
        if (!c)
            return c.error();
        if (c.value())
            return c.value();
    }
    return caller.error();
}

}   // namespace enlace
