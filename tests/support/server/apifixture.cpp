#include <core/api/referencecache.h>
#include <core/api/routes.h>
#include <core/calls/callflow.h>
#include <core/calls/eventlog.h>
#include <core/contacts/contactrepository.h>
#include <core/http/httpserver.h>
#include <core/identity/agentrepository.h>
#include <core/identity/externalsystemrepository.h>
#include <core/identity/userrepository.h>
#include <core/model/messagecatalog.h>
#include <core/sites/secretbox.h>
#include <core/telephony/telephonymessages.h>
#include <tests/support/server/apifixture.h>

#include <QEventLoop>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace enlace::test {

void RecordingPbx::originate(const OriginateRequest &request, OriginateDone done)
{
    m_originated.append(request);
    const QString failure = std::exchange(m_failure, QString());
    const QString callId = u"rec-"_s + QString::number(m_originated.size());
    // Fails as the real PBX adapters do (SimulatedPbx, AmiPbx): with telephony::originateFailed.
    QTimer::singleShot(0, this, [done = std::move(done), failure, callId, phone = request.phone] {
        if (failure.isEmpty())
            done(callId);
        else
            done(telephony::originateFailed(failure, phone));
    });
}

ApiFixture::ApiFixture(const QString &backend)
    : m_scratch(backend)
    , m_catalog(std::make_unique<MessageCatalog>())
    , m_pbx(std::make_unique<RecordingPbx>())
{
    // The access log of every request would drown the test output.
    QLoggingCategory::setFilterRules(u"enlace.http.info=false"_s);
    if (m_scratch.skipped())
        return;
    if (!m_scratch.db()) {
        m_error = m_scratch.error();
        return;
    }
    m_services.db = m_scratch.db();
    m_services.clock = &m_clock;
    m_services.catalog = m_catalog.get();
    m_services.pbx = m_pbx.get();
    m_services.network = &m_network;
    m_secrets = std::make_unique<SecretBox>(SecretBox::fromKey(QByteArray(SecretBox::KeySize, '\x2a')).value());
    m_services.secrets = m_secrets.get();
    m_events = std::make_unique<EventLog>(m_scratch.db(), m_clock);
    m_calls = std::make_unique<CallFlow>(m_scratch.db(), m_clock, m_catalog.get(), m_pbx.get(), nullptr, m_events.get(),
                                         m_secrets.get());
    m_calls->start();
    m_services.events = m_events.get();
    m_services.calls = m_calls.get();
    // As the server runs: lookups through the reference cache (every test that changes the
    // configuration between requests checks that the cache follows).
    m_reference = std::make_unique<ReferenceCache>(m_scratch.db());
    m_services.reference = m_reference.get();
    m_router.setCatalog(m_catalog.get());
    m_router.setCallerResolver([this](const ApiRequest &r) { return resolve(r); });
    registerAllRoutes(m_router, m_services);
    m_server = std::make_unique<HttpServer>(&m_router, m_catalog.get());
    HttpServerLimits limits;
    limits.maxBodyBytes = 64 * 1024;
    m_server->setLimits(limits);
    if (auto listening = m_server->listen(QHostAddress::LocalHost, 0); !listening)
        m_error = listening.error().text();
}

ApiFixture::~ApiFixture()
{
    if (m_server)
        m_server->close();
    m_server.reset();
    m_calls.reset();
    m_events.reset();
}

quint16 ApiFixture::port() const
{
    return m_server ? m_server->port() : 0;
}

Result<std::optional<Caller>> ApiFixture::resolve(const ApiRequest &request) const
{
    const QByteArray authorization = request.header("authorization");
    if (authorization.isEmpty())
        return std::optional<Caller>();
    if (!authorization.startsWith("Bearer "))
        return Error { Error::Kind::Forbidden, u"auth.invalid"_s, Message::make("Api", "Invalid Token"), {}, {} };
    const auto it = m_credentials.constFind(QString::fromUtf8(authorization.mid(7)));
    if (it == m_credentials.constEnd())
        return Error { Error::Kind::Forbidden, u"auth.invalid"_s, Message::make("Api", "Invalid Token"), {}, {} };
    return std::optional<Caller>(it.value());
}

QString ApiFixture::tokenFor(qint64 userId)
{
    UserRepository users(db());
    auto user = users.find(userId);
    if (!user)
        qFatal("tokenFor: unknown user");
    Caller c;
    c.userId = userId;
    c.role = user->role;
    c.username = user->username;
    AgentRepository agents(db());
    if (auto agent = agents.findByUserId(userId))
        c.agentId = agent->id;
    const QString token = u"tok-"_s + QString::number(++m_tokenCounter) + u"-"_s + user->username;
    m_credentials.insert(token, c);
    return token;
}

QString ApiFixture::integrationKeyFor(qint64 systemId)
{
    Caller c;
    c.integrationSystemId = systemId;
    c.username = u"integration"_s;
    const QString key = u"key-"_s + QString::number(++m_tokenCounter);
    m_credentials.insert(key, c);
    return key;
}

HttpReply ApiFixture::send(const QByteArray &method, const QString &path, const QJsonValue &body, const QString &token)
{
    QByteArray bytes;
    if (body.isObject())
        bytes = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    else if (body.isArray())
        bytes = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
    return sendRaw(method, path, bytes, bytes.isEmpty() ? QByteArray() : QByteArray("application/json"), token);
}

HttpReply ApiFixture::sendRaw(const QByteArray &method, const QString &path, const QByteArray &body,
                              const QByteArray &contentType, const QString &token,
                              const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QUrl url(u"http://127.0.0.1:"_s + QString::number(port()));
    const qsizetype q = path.indexOf(u'?');
    url.setPath(q < 0 ? path : path.left(q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest request(url);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setRawHeader("Accept-Language", "en");
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    loop.exec();
    HttpReply out;
    if (!reply->isFinished()) {
        reply->abort();
        reply->deleteLater();
        return out;
    }
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    if (out.status == 0)   // no answer: say why in the test's output
        qWarning().noquote() << "no HTTP answer:" << reply->errorString();
    for (const auto &pair : reply->rawHeaderPairs())
        out.headers.insert(pair.first.toLower(), pair.second);
    reply->deleteLater();
    return out;
}

}   // namespace enlace::test
