#include <core/telephony/amiconnection.h>
#include <core/telephony/telephonymessages.h>

#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace enlace {

Q_LOGGING_CATEGORY(lcAmi, "enlace.telephony.ami", QtWarningMsg)

namespace {

bool is(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

AmiMessage action(QByteArray name)
{
    AmiMessage m;
    m.append("Action", std::move(name));
    return m;
}

}   // namespace

bool AmiConnection::Reply::success() const
{
    const QByteArray r = response.value("Response");
    return is(r, "Success") || is(r, "Follows") || is(r, "Goodbye");
}

AmiConnection::AmiConnection(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_monotonic.start();
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &AmiConnection::connectSocket);
    connect(&m_pingTimer, &QTimer::timeout, this, &AmiConnection::sendPing);
    m_timeoutTimer.setInterval(std::clamp(m_options.responseTimeoutMs / 10, 5, 500));
    connect(&m_timeoutTimer, &QTimer::timeout, this, &AmiConnection::checkTimeouts);
}

AmiConnection::~AmiConnection()
{
    m_wantOpen = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
    // Whoever still waits hears about it, but never after this object is gone.
    auto pending = std::exchange(m_pending, {});
    for (auto &[id, p] : pending) {
        if (p.handler)
            p.handler(Error { Error::Kind::Unavailable, u"ami_closed"_s, telephony::notConnected(), {}, {} });
    }
}

void AmiConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void AmiConnection::open()
{
    m_wantOpen = true;
    if (m_state == State::Disconnected || m_state == State::Failed) {
        if (!m_reconnectTimer.isActive()) {
            m_attempt = 0;
            connectSocket();
        }
    }
}

void AmiConnection::close()
{
    m_wantOpen = false;
    m_reconnectTimer.stop();
    if (m_socket)
        handleSocketGone(u"closed by Enlace"_s);
    setState(State::Disconnected);
}

void AmiConnection::connectSocket()
{
    if (!m_wantOpen || m_socket)
        return;
    m_parser.reset();
    m_banner.clear();
    setState(State::Connecting);
    m_timeoutTimer.start();
    m_stageDeadline = m_monotonic.elapsed() + m_options.responseTimeoutMs;
    if (m_options.tls) {
        if (!QSslSocket::supportsSsl()) {
            setState(State::Failed);
            m_wantOpen = false;
            Q_EMIT loginFailed(u"TLS was requested but this Qt build has no TLS backend"_s);
            return;
        }
        auto *ssl = new QSslSocket(this);
        if (!m_options.verifyPeer)
            ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
        if (!m_options.caFile.isEmpty()) {
            QSslConfiguration config = ssl->sslConfiguration();
            config.addCaCertificates(QSslCertificate::fromPath(m_options.caFile, QSsl::Pem));
            ssl->setSslConfiguration(config);
        }
        m_socket = ssl;
        connect(ssl, &QSslSocket::encrypted, this, &AmiConnection::handleConnected);
        connect(ssl, &QSslSocket::sslErrors, this, [this, ssl](const QList<QSslError> &errors) {
            if (!m_options.verifyPeer) {
                ssl->ignoreSslErrors(errors);
                return;
            }
            const QString why = errors.isEmpty() ? u"TLS error"_s : errors.constFirst().errorString();
            // A certificate that does not verify will not verify on the next try either.
            m_wantOpen = false;
            setState(State::Failed);
            Q_EMIT loginFailed(why);
            ssl->abort();
        });
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, &AmiConnection::handleConnected);
    }
    QTcpSocket *socket = m_socket;
    connect(socket, &QTcpSocket::readyRead, this, &AmiConnection::handleReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
        if (socket == m_socket)
            handleSocketGone(u"Asterisk closed the connection"_s);
    });
    connect(socket, &QTcpSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError) {
        if (socket == m_socket)
            handleSocketGone(socket->errorString());
    });
    qCDebug(lcAmi) << "connecting to" << m_options.host << m_options.port << (m_options.tls ? "(TLS)" : "");
    if (auto *ssl = qobject_cast<QSslSocket *>(socket))
        ssl->connectToHostEncrypted(m_options.host, m_options.port);
    else
        socket->connectToHost(m_options.host, m_options.port);
}

void AmiConnection::handleConnected()
{
    qCDebug(lcAmi) << "connected" << (m_options.tls ? "(TLS established)" : "");
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
    setState(State::LoggingIn);
    m_stageDeadline = m_monotonic.elapsed() + m_options.responseTimeoutMs;
}

void AmiConnection::handleReadyRead()
{
    QPointer<QTcpSocket> socket = m_socket;
    if (!socket)
        return;
    m_parser.feed(socket->readAll());
    while (m_parser.hasMessage() && socket == m_socket)
        handleMessage(m_parser.takeMessage());
}

void AmiConnection::handleMessage(const AmiMessage &message)
{
    switch (message.kind()) {
    case AmiMessage::Kind::Banner:
        m_banner = message.banner.mid(message.banner.indexOf('/') + 1);
        qCDebug(lcAmi) << "banner" << message.banner;
        if (m_state == State::LoggingIn || m_state == State::Connecting)
            handleBanner();
        return;
    case AmiMessage::Kind::Response: {
        const QByteArray id = message.actionId();
        auto it = m_pending.find(id);
        if (it == m_pending.end()) {
            qCDebug(lcAmi) << "response for no pending action" << id;
            return;
        }
        if (is(message.value("EventList"), "start")) {
            it->second.listStarted = true;
            it->second.reply.response = message;
            it->second.deadline = m_monotonic.elapsed() + m_options.responseTimeoutMs;
            return;
        }
        Pending p = std::move(it->second);
        m_pending.erase(it);
        p.reply.response = message;
        if (p.handler)
            p.handler(std::move(p.reply));
        return;
    }
    case AmiMessage::Kind::Event: {
        const QByteArray id = message.actionId();
        if (!id.isEmpty()) {
            auto it = m_pending.find(id);
            if (it != m_pending.end() && it->second.listStarted) {
                if (is(message.value("EventList"), "Complete")) {
                    Pending p = std::move(it->second);
                    m_pending.erase(it);
                    if (p.handler)
                        p.handler(std::move(p.reply));
                } else {
                    it->second.reply.events.append(message);
                    it->second.deadline = m_monotonic.elapsed() + m_options.responseTimeoutMs;
                }
                return;
            }
        }
        if (m_state == State::Ready)
            Q_EMIT eventReceived(message);
        return;
    }
    case AmiMessage::Kind::Action:
    case AmiMessage::Kind::Unknown:
        return;
    }
}

void AmiConnection::handleBanner()
{
    setState(State::LoggingIn);
    if (!m_options.md5Challenge) {
        login({});
        return;
    }
    AmiMessage challenge = action("Challenge");
    challenge.append("AuthType", "MD5");
    write(
        std::move(challenge),
        [this](Result<Reply> r) {
            if (!r.ok())
                return;   // the link is gone; the reconnect path already runs
            const QByteArray value = r->response.value("Challenge");
            if (!r->success() || value.isEmpty()) {
                m_wantOpen = false;
                setState(State::Failed);
                Q_EMIT loginFailed(
                    QString::fromUtf8(r->message().isEmpty() ? QByteArray("MD5 challenge refused") : r->message()));
                if (m_socket)
                    m_socket->abort();
                return;
            }
            login(value);
        },
        true);
}

void AmiConnection::login(const QByteArray &challenge)
{
    AmiMessage m = action("Login");
    m.append("Username", m_options.username.toUtf8());
    if (challenge.isEmpty()) {
        m.append("Secret", m_options.secret.toUtf8());
    } else {
        m.append("AuthType", "MD5");
        m.append("Key",
                 QCryptographicHash::hash(QByteArray(challenge + m_options.secret.toUtf8()), QCryptographicHash::Md5)
                     .toHex());
    }
    write(
        std::move(m),
        [this](Result<Reply> r) {
            if (!r.ok())
                return;
            if (!r->success()) {
                // Asterisk says only "Authentication failed" (and closes); retrying cannot help.
                const QString reason
                    = QString::fromUtf8(r->message().isEmpty() ? QByteArray("Authentication failed") : r->message());
                m_wantOpen = false;
                setState(State::Failed);
                m_reconnectTimer.stop();
                Q_EMIT loginFailed(reason);
                if (m_socket)
                    handleSocketGone(reason);
                return;
            }
            enableEvents();
        },
        true);
}

void AmiConnection::enableEvents()
{
    AmiMessage m = action("Events");
    m.append("EventMask", "on");
    write(
        std::move(m),
        [this](Result<Reply> r) {
            if (!r.ok())
                return;
            if (!r->success())
                qCWarning(lcAmi) << "Asterisk refused 'Events: on':" << r->message();
            m_attempt = 0;
            setState(State::Ready);
            if (m_options.pingIntervalMs > 0)
                m_pingTimer.start(m_options.pingIntervalMs);
            Q_EMIT ready();
        },
        true);
}

QByteArray AmiConnection::send(AmiMessage message, ReplyHandler handler)
{
    if (m_state != State::Ready || !m_socket) {
        if (handler) {
            QTimer::singleShot(0, this, [handler = std::move(handler)] {
                handler(Error { Error::Kind::Unavailable, u"ami_not_connected"_s, telephony::notConnected(), {}, {} });
            });
        }
        return {};
    }
    return write(std::move(message), std::move(handler), false);
}

QByteArray AmiConnection::write(AmiMessage message, ReplyHandler handler, bool internal)
{
    QByteArray id = message.actionId();
    if (id.isEmpty()) {
        id = "enlace-" + QByteArray::number(++m_nextId);
        // Right after Action, where Asterisk's own examples put it.
        message.fields.insert(std::min<qsizetype>(1, message.fields.size()), { "ActionID", id });
    }
    Pending p;
    p.handler = std::move(handler);
    p.deadline = m_monotonic.elapsed() + m_options.responseTimeoutMs;
    p.internal = internal;
    m_pending[id] = std::move(p);
    if (!m_timeoutTimer.isActive())
        m_timeoutTimer.start();
    qCDebug(lcAmi).noquote() << "->" << message.redacted();
    m_socket->write(message.serialize());
    return id;
}

void AmiConnection::sendPing()
{
    if (m_state != State::Ready)
        return;
    for (const auto &[id, p] : m_pending) {
        if (p.internal)
            return;   // the previous ping is still out; its timeout decides
    }
    write(action("Ping"), {}, true);
}

void AmiConnection::checkTimeouts()
{
    const qint64 now = m_monotonic.elapsed();
    if ((m_state == State::Connecting || m_state == State::LoggingIn) && m_socket && now > m_stageDeadline
        && m_pending.empty()) {
        handleSocketGone(u"no answer from Asterisk while connecting"_s);
        return;
    }
    std::vector<QByteArray> expired;
    bool linkDead = false;
    for (const auto &[id, p] : m_pending) {
        if (now > p.deadline) {
            expired.push_back(id);
            linkDead = linkDead || p.internal;
        }
    }
    if (linkDead) {
        // A ping or a login step without an answer: the link is dead even if TCP has not noticed.
        handleSocketGone(u"Asterisk stopped answering"_s);
        return;
    }
    for (const QByteArray &id : expired) {
        auto it = m_pending.find(id);
        if (it == m_pending.end())
            continue;
        Pending p = std::move(it->second);
        m_pending.erase(it);
        if (p.handler)
            p.handler(
                Error { Error::Kind::Unavailable, u"ami_timeout"_s, {}, u"Asterisk did not answer in time"_s, {} });
    }
    if (m_pending.empty() && m_state != State::Connecting && m_state != State::LoggingIn)
        m_timeoutTimer.stop();
}

void AmiConnection::failAll(const Error &error)
{
    auto pending = std::exchange(m_pending, {});
    for (auto &[id, p] : pending) {
        if (p.handler)
            p.handler(error);
    }
}

void AmiConnection::handleSocketGone(const QString &reason)
{
    if (!m_socket)
        return;
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    m_pingTimer.stop();
    m_timeoutTimer.stop();
    qCDebug(lcAmi) << "link down:" << reason;
    failAll(Error { Error::Kind::Unavailable, u"ami_link_lost"_s, telephony::connectionLost(reason), {}, {} });
    if (m_state == State::Failed)
        return;
    setState(State::Disconnected);
    Q_EMIT disconnected(reason);
    if (m_wantOpen)
        scheduleReconnect();
}

void AmiConnection::scheduleReconnect()
{
    const int shift = std::min(m_attempt, 20);
    const qint64 delay = std::min<qint64>(qint64(m_options.reconnectMaxMs), qint64(m_options.reconnectMinMs) << shift);
    ++m_attempt;
    m_reconnectTimer.start(int(delay));
}

}   // namespace enlace
