#include <core/api/eventchannel.h>
#include <core/calls/eventlog.h>
#include <core/model/logvalue.h>
#include <core/model/message.h>
#include <core/model/messagecatalog.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcChannel, "enlace.channel", QtInfoMsg)

namespace enlace {

namespace {
constexpr int kBatch = 500;
constexpr auto kCloseUnauthorized = QWebSocketProtocol::CloseCode(4401);
// Try again later (1013 in the IANA registry; Qt 6.4's client reads 1013 as a protocol error).
constexpr auto kCloseTryAgainLater = QWebSocketProtocol::CloseCode(4503);
constexpr auto kCloseForbidden = QWebSocketProtocol::CloseCode(4403);

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::optional<qint64> parseLastId(const QString &text)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < 0)
        return std::nullopt;
    return v;
}
}   // namespace

EventChannel::EventChannel(EventLog *log, TokenResolver resolver, const MessageCatalog *catalog, QObject *parent)
    : QObject(parent)
    , m_log(log)
    , m_resolver(std::move(resolver))
    , m_catalog(catalog)
    , m_server(new QWebSocketServer(u"enlace"_s, QWebSocketServer::NonSecureMode, this))
    , m_pingTimer(new QTimer(this))
{
    connect(m_server, &QWebSocketServer::newConnection, this, &EventChannel::handleNewConnection);
    connect(m_log, &EventLog::eventsAvailable, this, &EventChannel::deliverToAgent);
    connect(m_pingTimer, &QTimer::timeout, this, &EventChannel::pingAll);
    m_pingTimer->start(30'000);
}

EventChannel::~EventChannel()
{
    closeAll();
}

void EventChannel::setPingIntervalMs(int ms)
{
    m_pingTimer->start(ms);
}

int EventChannel::sessionsForAgent(qint64 agentId) const
{
    int n = 0;
    for (const Session &s : m_sessions)
        n += s.authenticated && s.agentId == agentId;
    return n;
}

int EventChannel::unauthenticatedSessions() const
{
    int n = 0;
    for (const Session &s : m_sessions)
        n += !s.authenticated;
    return n;
}

void EventChannel::closeAll()
{
    const auto sockets = m_sessions.keys();
    for (QWebSocket *socket : sockets)
        socket->close(QWebSocketProtocol::CloseCodeGoingAway);
}

void EventChannel::handleNewConnection()
{
    while (m_server->hasPendingConnections()) {
        QWebSocket *socket = m_server->nextPendingConnection();
        socket->setParent(this);
        // Before its token checks out a connection may send only a few small messages: a frame
        // or a message above the bound closes it with 1009 before its payload is read.
        socket->setMaxAllowedIncomingFrameSize(kMaxMessageBeforeAuth);
        socket->setMaxAllowedIncomingMessageSize(kMaxMessageBeforeAuth);
        if (unauthenticatedSessions() >= kMaxUnauthenticated) {
            if (m_refusalLog.allow())
                qCWarning(lcChannel).noquote()
                    << u"console refused: %1 connections wait for authentication refused_unlogged=%2"_s.arg(
                           QString::number(kMaxUnauthenticated), QString::number(m_refusalLog.held()));
            socket->close(kCloseTryAgainLater, QStringLiteral("try again later"));
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        Session session;
        const QString accept = QString::fromLatin1(socket->request().rawHeader("Accept-Language"));
        if (m_catalog)
            session.language = m_catalog->negotiate(accept, u"es"_s);
        m_sessions.insert(socket, session);
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString &text) { handleMessage(socket, text); });
        connect(socket, &QWebSocket::binaryMessageReceived, socket, [socket](const QByteArray &) {
            socket->close(QWebSocketProtocol::CloseCodeDatatypeNotSupported, QStringLiteral("text messages only"));
        });
        connect(socket, &QWebSocket::pong, this, [this, socket](quint64, const QByteArray &) {
            auto it = m_sessions.find(socket);
            if (it != m_sessions.end())
                it->awaitingPong = false;
        });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            const Session s = m_sessions.take(socket);
            if (s.authenticated) {
                qCInfo(lcChannel).noquote() << u"console disconnected agent=%1"_s.arg(s.agentId);
                Q_EMIT sessionClosed(s.agentId);
            }
            socket->deleteLater();
        });

        const QUrlQuery query(socket->requestUrl());
        if (query.hasQueryItem(u"token"_s)) {
            // A URL ends up in proxies' access logs and browser histories: a token there is
            // refused, even a valid one, so no console keeps sending it that way.
            qCInfo(lcChannel).noquote() << u"console refused: token in the URL"_s;
            const Message why
                = Message::make("Api",
                                QT_TRANSLATE_NOOP("Api",
                                                  "Tokens are not accepted in the URL: send the token "
                                                  "in the first message (auth) or in the Authorization header."));
            sendError(socket, why.text(m_catalog, session.language));
            socket->close(kCloseUnauthorized, QStringLiteral("token in URL"));
            continue;
        }
        std::optional<qint64> lastId;
        if (query.hasQueryItem(u"last_event_id"_s))
            lastId = parseLastId(query.queryItemValue(u"last_event_id"_s));
        QString token;
        const QByteArray header = socket->request().rawHeader("Authorization").trimmed();
        if (header.toLower().startsWith("bearer "))
            token = QString::fromLatin1(header.mid(7).trimmed());
        if (!token.isEmpty()) {
            authenticate(socket, token, lastId);
        } else {
            QPointer<QWebSocket> guard(socket);
            QTimer::singleShot(m_authTimeoutMs, this, [this, guard] {
                if (guard && m_sessions.contains(guard) && !m_sessions.value(guard).authenticated)
                    guard->close(kCloseUnauthorized, QStringLiteral("authentication timeout"));
            });
        }
    }
}

void EventChannel::sendError(QWebSocket *socket, const QString &message)
{
    socket->sendTextMessage(compact(QJsonObject { { u"type"_s, u"error"_s }, { u"message"_s, message } }));
}

void EventChannel::authenticate(QWebSocket *socket, const QString &token, std::optional<qint64> lastEventId)
{
    auto it = m_sessions.find(socket);
    if (it == m_sessions.end())
        return;
    const QString language = it->language;
    auto caller = m_resolver(token);
    if (!caller.ok()) {
        sendError(socket, caller.error().text(m_catalog, language));
        const Error::Kind kind = caller.error().kind;
        if (kind == Error::Kind::Unavailable || kind == Error::Kind::Internal)
            // The token could not be checked (a store outage): not a bad token, try again.
            socket->close(kCloseTryAgainLater, QStringLiteral("try again later"));
        else
            socket->close(kCloseUnauthorized, QStringLiteral("unauthorized"));
        return;
    }
    if (caller->isIntegration() || !caller->agentId) {
        sendError(socket,
                  Message::make("Api", QT_TRANSLATE_NOOP("Api", "Only agents have an event channel."))
                      .text(m_catalog, language));
        socket->close(kCloseForbidden, QStringLiteral("not an agent"));
        return;
    }
    it->authenticated = true;
    it->agentId = *caller->agentId;
    it->token = token;
    socket->setMaxAllowedIncomingFrameSize(kMaxMessage);
    socket->setMaxAllowedIncomingMessageSize(kMaxMessage);
    it->floor = lastEventId ? *lastEventId : m_log->latestId();
    it->maxSent = it->floor;
    it->sent.clear();
    qCInfo(lcChannel).noquote() << u"console connected agent=%1 resume_from=%2"_s.arg(it->agentId)
                                       .arg(lastEventId ? QString::number(*lastEventId) : u"live"_s);
    socket->sendTextMessage(compact(
        QJsonObject { { u"type"_s, u"ready"_s }, { u"agent_id"_s, it->agentId }, { u"last_event_id"_s, it->floor } }));
    Q_EMIT sessionOpened(it->agentId);
    deliver(socket);
}

void EventChannel::handleMessage(QWebSocket *socket, const QString &text)
{
    auto it = m_sessions.find(socket);
    if (it == m_sessions.end())
        return;
    const QString language = it->language;
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = message.value(u"type"_s).toString();
    std::optional<qint64> lastId;
    const QJsonValue last = message.value(u"last_event_id"_s);
    if (last.isDouble() && last.toDouble() >= 0)
        lastId = qint64(last.toDouble());
    else if (last.isString())
        lastId = parseLastId(last.toString());

    if (type == u"ping"_s) {
        socket->sendTextMessage(compact(QJsonObject { { u"type"_s, u"pong"_s } }));
        return;
    }
    if (type == u"auth"_s) {
        if (it->authenticated) {
            sendError(
                socket,
                Message::make("Api", QT_TRANSLATE_NOOP("Api", "Already authenticated.")).text(m_catalog, language));
            return;
        }
        authenticate(socket, message.value(u"token"_s).toString(), lastId);
        return;
    }
    if (!it->authenticated) {
        sendError(socket,
                  Message::make("Api", QT_TRANSLATE_NOOP("Api", "Authentication credentials were not provided."))
                      .text(m_catalog, language));
        socket->close(kCloseUnauthorized, QStringLiteral("unauthorized"));
        return;
    }
    if (type == u"resume"_s && lastId) {
        it->floor = *lastId;
        it->maxSent = *lastId;
        it->sent.clear();
        deliver(socket);
        return;
    }
    sendError(socket,
              Message::make("Api", QT_TRANSLATE_NOOP("Api", "Unknown message type.")).text(m_catalog, language));
}

void EventChannel::deliverToAgent(qint64 agentId)
{
    const auto sockets = m_sessions.keys();
    for (QWebSocket *socket : sockets) {
        const auto it = m_sessions.constFind(socket);
        if (it != m_sessions.cend() && it->authenticated && it->agentId == agentId)
            deliver(socket);
    }
}

void EventChannel::deliver(QWebSocket *socket)
{
    for (;;) {
        auto it = m_sessions.find(socket);
        if (it == m_sessions.end() || !it->authenticated)
            return;
        const qint64 from = std::max(it->floor, it->maxSent - m_log->lookBack());
        auto events = m_log->since(it->agentId, from, kBatch);
        if (!events.ok()) {
            qCWarning(lcChannel).noquote() << u"event read failed agent=%1 detail=%2"_s.arg(
                QString::number(it->agentId), LogValue::quoted(events.error().detail));
            return;
        }
        bool revoked = false;
        for (const AgentEvent &e : std::as_const(events.value())) {
            if (it->sent.contains(e.id))
                continue;
            it->sent.insert(e.id);
            it->maxSent = std::max(it->maxSent, e.id);
            if (e.type == QLatin1StringView(EventLog::SessionRevoked)) {
                revoked = true;   // checked once the batch is handled
                continue;
            }
            socket->sendTextMessage(compact(e.toJson()));
        }
        if (revoked) {
            if (!stillAuthorized(socket))
                return;
            it = m_sessions.find(socket);
            if (it == m_sessions.end())
                return;
        }
        const qint64 keepFrom = it->maxSent - m_log->lookBack();
        for (auto s = it->sent.begin(); s != it->sent.end();) {
            if (*s <= keepFrom)
                s = it->sent.erase(s);
            else
                ++s;
        }
        if (keepFrom > it->floor)
            it->floor = keepFrom;
        if (events->size() < kBatch)
            return;
    }
}

void EventChannel::pingAll()
{
    const auto sockets = m_sessions.keys();
    for (QWebSocket *socket : sockets) {
        auto it = m_sessions.find(socket);
        if (it == m_sessions.end())
            continue;
        if (it->awaitingPong) {
            qCInfo(lcChannel).noquote() << u"console not answering, dropped agent=%1"_s.arg(it->agentId);
            socket->abort();
            continue;
        }
        it->awaitingPong = true;
        socket->ping();
        // Catches what no event announced: a token that expired, rows removed by hand.
        (void)stillAuthorized(socket);
    }
}

bool EventChannel::stillAuthorized(QWebSocket *socket)
{
    const auto it = m_sessions.constFind(socket);
    if (it == m_sessions.cend() || !it->authenticated)
        return false;
    auto caller = m_resolver(it->token);
    if (caller.ok() && caller->agentId == it->agentId)
        return true;
    if (!caller.ok() && caller.error().kind != Error::Kind::NotFound && caller.error().kind != Error::Kind::Forbidden)
        return true;   // the store did not answer: an outage is not a logout
    qCInfo(lcChannel).noquote() << u"console closed: credentials revoked agent=%1"_s.arg(it->agentId);
    const Message why
        = caller.ok() ? Message::make("Api", QT_TRANSLATE_NOOP("Api", "Invalid Token")) : caller.error().message;
    sendError(socket, why.text(m_catalog, it->language));
    socket->close(kCloseUnauthorized, QStringLiteral("revoked"));
    return false;
}

}   // namespace enlace
