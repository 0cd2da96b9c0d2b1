#include <core/sites/tokenprovider.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTimer>

#include <cmath>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTokens, "enlace.delivery.tokens", QtInfoMsg)

namespace enlace {

namespace {

constexpr char TimedOutProperty[] = "enlaceTimedOut";

Error tokenError(const QString &code, const Message &message)
{
    return Error { Error::Kind::Unavailable, code, message, {}, {} };
}

}   // namespace

TokenProvider::TokenProvider(std::shared_ptr<Database> db, const SecretBox &box, QNetworkAccessManager *network,
                             const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_repository(std::move(db), box)
    , m_network(network)
    , m_clock(clock)
{ }

TokenProvider::~TokenProvider()
{
    for (const auto &reply : std::as_const(m_inFlight))
        if (reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
}

QNetworkRequest TokenProvider::credentialsRequest(const SiteAuthentication &auth, int timeoutMs)
{
    QNetworkRequest request { QUrl(auth.url) };
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    request.setRawHeader("Accept"_ba, "application/json"_ba);
    request.setTransferTimeout(timeoutMs);
    if (!auth.sslStrict) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        request.setSslConfiguration(ssl);
    }
    return request;
}

QByteArray TokenProvider::credentialsBody(const SiteAuthentication &auth)
{
    return QJsonDocument(QJsonObject { { u"username"_s, auth.username }, { u"password"_s, auth.password } })
        .toJson(QJsonDocument::Compact);
}

void TokenProvider::abortAfter(QNetworkReply *reply, int timeoutMs)
{
    QTimer::singleShot(timeoutMs, reply, [reply] {
        if (!reply->isFinished()) {
            reply->setProperty(TimedOutProperty, true);
            reply->abort();
        }
    });
}

bool TokenProvider::timedOut(const QNetworkReply *reply)
{
    return reply->property(TimedOutProperty).toBool() || reply->error() == QNetworkReply::TimeoutError
        || reply->error() == QNetworkReply::OperationCanceledError;
}

qint64 TokenProvider::lifetimeMs(const SiteAuthentication &auth, const QJsonObject &answer, bool *fallback)
{
    if (fallback)
        *fallback = false;
    if (auth.duration > 0)
        return qint64(auth.duration) * 1000;
    const QJsonValue v = answer.value(auth.durationField);
    double seconds = std::nan("");
    if (v.isDouble())
        seconds = v.toDouble();
    else if (v.isString()) {
        bool ok = false;
        seconds = v.toString().trimmed().toDouble(&ok);
        if (!ok)
            seconds = std::nan("");
    }
    // int(float(x)) in OMniLeads: the fraction is dropped.
    if (std::isfinite(seconds) && seconds >= 1 && seconds < 1e9)
        return qint64(std::trunc(seconds)) * 1000;
    if (fallback)
        *fallback = true;
    return 1000;
}

void TokenProvider::token(qint64 authId, TokenCallback done)
{
    auto cached = m_repository.cachedToken(authId);
    if (!cached) {
        done(cached.error());
        return;
    }
    if (cached.value() && cached.value()->expiresAtMs > m_clock.nowMs() && !cached.value()->token.isEmpty()) {
        done(cached.value()->token);
        return;
    }
    const bool alreadyRefreshing = m_waiting.contains(authId);
    m_waiting[authId].append(std::move(done));
    if (!alreadyRefreshing)
        refresh(authId);
}

void TokenProvider::invalidate(qint64 authId, const QString &rejectedToken)
{
    if (auto r = m_repository.clearToken(authId, rejectedToken); !r)
        qCWarning(lcTokens) << "could not drop the cached token of authentication" << authId << r.error().code;
}

bool TokenProvider::sslStrict(qint64 authId) const
{
    auto auth = m_repository.find(authId);
    return !auth.ok() || auth->sslStrict;
}

void TokenProvider::refresh(qint64 authId)
{
    auto auth = m_repository.find(authId);
    if (!auth) {
        finish(authId, auth.error());
        return;
    }
    auto password = m_repository.password(authId);
    if (!password) {
        finish(authId, password.error());
        return;
    }
    SiteAuthentication credentials = auth.value();
    credentials.password = password.value();
    QNetworkReply *reply = m_network->post(credentialsRequest(credentials, m_timeoutMs), credentialsBody(credentials));
    abortAfter(reply, m_timeoutMs);
    m_inFlight.insert(authId, reply);
    connect(reply, &QNetworkReply::finished, this, [this, authId, reply] { handleReply(authId, reply); });
}

void TokenProvider::handleReply(qint64 authId, QNetworkReply *reply)
{
    reply->deleteLater();
    m_inFlight.remove(authId);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();

    if (status == 0) {
        const QString reason = timedOut(reply) ? u"timeout after %1 ms"_s.arg(m_timeoutMs) : reply->errorString();
        qCWarning(lcTokens) << "token request of authentication" << authId << "failed:" << reason;
        finish(
            authId,
            tokenError(u"token.network"_s,
                       Message::make("Delivery",
                                     QT_TRANSLATE_NOOP("Delivery", "Error updating the site authentication token: %1"))
                           .arg(reason)));
        return;
    }
    if (status >= 400) {
        const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        qCWarning(lcTokens) << "token request of authentication" << authId << "answered" << status;
        finish(
            authId,
            tokenError(u"token.status"_s,
                       Message::make(
                           "Delivery",
                           QT_TRANSLATE_NOOP(
                               "Delivery", "Error updating the site authentication token: invalid status code: %1\n%2"))
                           .arg(QString::number(status))
                           .arg(reason)));
        return;
    }
    const QString contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    if (!contentType.contains(u"application/json"_s, Qt::CaseInsensitive)) {
        qCWarning(lcTokens) << "token answer of authentication" << authId << "is not JSON:" << contentType;
        finish(authId,
               tokenError(u"token.content_type"_s,
                          Message::make(
                              "Delivery",
                              QT_TRANSLATE_NOOP(
                                  "Delivery", "Error updating the site authentication token: invalid Content-Type"))));
        return;
    }
    auto auth = m_repository.find(authId);
    if (!auth) {
        finish(authId, auth.error());
        return;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
    const QJsonValue tokenValue = doc.object().value(auth->tokenField);
    QString token;
    if (tokenValue.isString())
        token = tokenValue.toString();
    else if (tokenValue.isDouble())
        token = QString::number(tokenValue.toDouble(), 'g', 17);
    if (token.isEmpty()) {
        qCWarning(lcTokens) << "token answer of authentication" << authId << "has no field" << auth->tokenField;
        finish(
            authId,
            tokenError(u"token.missing"_s,
                       Message::make("Delivery",
                                     QT_TRANSLATE_NOOP(
                                         "Delivery",
                                         "Error updating the site authentication token: could not obtain the token"))));
        return;
    }
    bool fallback = false;
    const qint64 lifetime = lifetimeMs(auth.value(), doc.object(), &fallback);
    if (fallback)
        qCWarning(lcTokens) << "token answer of authentication" << authId << "has no readable lifetime in"
                            << auth->durationField << "; the token is kept 1 s";
    if (auto r = m_repository.storeToken(authId, token, m_clock.nowMs() + lifetime); !r)
        qCWarning(lcTokens) << "could not cache the token of authentication" << authId << r.error().code;
    finish(authId, token);
}

void TokenProvider::finish(qint64 authId, const Result<QString> &result)
{
    const QList<TokenCallback> callbacks = m_waiting.take(authId);
    for (const TokenCallback &cb : callbacks)
        cb(result);
}

}   // namespace enlace
