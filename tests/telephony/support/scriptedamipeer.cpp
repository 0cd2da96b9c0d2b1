#include <tests/telephony/support/scriptedamipeer.h>

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace enlace::test {

namespace {

const QRegularExpression &varPattern()
{
    static const QRegularExpression re(u"\\$\\{([A-Za-z0-9_]+)\\}"_s);
    return re;
}

}   // namespace

ScriptedAmiPeer::ScriptedAmiPeer(AmiTranscript script, QObject *parent)
    : QObject(parent)
    , m_script(std::move(script))
{ }

ScriptedAmiPeer::~ScriptedAmiPeer() = default;

bool ScriptedAmiPeer::listen()
{
    m_server = std::make_unique<QTcpServer>();
    connect(m_server.get(), &QTcpServer::newConnection, this, &ScriptedAmiPeer::handleNewConnection);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

bool ScriptedAmiPeer::listenTls(const QString &certificatePath, const QString &keyPath)
{
    QFile certFile(certificatePath);
    QFile keyFile(keyPath);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return false;
    const QSslCertificate certificate(&certFile, QSsl::Pem);
    const QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
    if (certificate.isNull() || key.isNull()) {
        qWarning("ScriptedAmiPeer: cannot load the TLS certificate or key");
        return false;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(certificate);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    auto server = std::make_unique<QSslServer>();
    server->setSslConfiguration(config);
    connect(server.get(), &QSslServer::errorOccurred, this, [this](QSslSocket *socket, QAbstractSocket::SocketError) {
        m_errors.append(u"TLS server: "_s + socket->errorString());
    });
    // QSslServer queues a connection only once its handshake is done, and says so with this signal.
    connect(server.get(), &QTcpServer::pendingConnectionAvailable, this, &ScriptedAmiPeer::handleNewConnection);
    m_server = std::move(server);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

void ScriptedAmiPeer::handleNewConnection()
{
    while (QTcpSocket *s = m_server->nextPendingConnection()) {
        s->setParent(this);
        s->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        ++m_connections;
        m_waitingSockets.append(s);
    }
    // The first connection starts the script; later ones only when the script accepts them.
    const bool atAccept
        = m_step < m_script.steps().size() && m_script.steps().at(m_step).type == AmiTranscript::Step::Type::Accept;
    if (atAccept && m_socket) {
        m_socket->disconnect(this);
        m_socket = nullptr;
    }
    if (!m_socket && (m_connections == 1 || atAccept)) {
        if (atAccept)
            ++m_step;
        m_socket = m_waitingSockets.takeFirst();
        m_parser.reset();
        connect(m_socket, &QTcpSocket::readyRead, this, &ScriptedAmiPeer::handleReadyRead);
        advance();
    }
}

QByteArray ScriptedAmiPeer::substitute(const QByteArray &text) const
{
    QString s = QString::fromUtf8(text);
    auto it = varPattern().globalMatch(s);
    QString out;
    qsizetype last = 0;
    while (it.hasNext()) {
        const auto m = it.next();
        out += s.mid(last, m.capturedStart() - last);
        out += QString::fromUtf8(m_vars.value(m.captured(1).toUtf8()));
        last = m.capturedEnd();
    }
    out += s.mid(last);
    return out.toUtf8();
}

void ScriptedAmiPeer::advance()
{
    using Type = AmiTranscript::Step::Type;
    const auto &steps = m_script.steps();
    while (m_step < steps.size()) {
        const auto &step = steps.at(m_step);
        if (step.type == Type::Send) {
            const QByteArray bytes = substitute(step.bytes);
            if (m_chunkSize <= 0) {
                m_out.push_back(bytes);
            } else {
                for (qsizetype i = 0; i < bytes.size(); i += m_chunkSize)
                    m_out.push_back(bytes.mid(i, m_chunkSize));
            }
            ++m_step;
            continue;
        }
        if (!m_out.empty()) {
            drain();
            return;   // drain() calls advance() again once everything is written
        }
        if (step.type == Type::Expect)
            return;   // handleClientMessage() moves on
        if (step.type == Type::Close) {
            ++m_step;
            if (m_socket) {
                m_socket->disconnectFromHost();
                m_socket = nullptr;
            }
            continue;
        }
        if (step.type == Type::Accept) {
            // The old connection stays open but silent (a hung Asterisk); the script talks to the next.
            if (m_socket) {
                m_socket->disconnect(this);
                m_socket = nullptr;
            }
            if (m_waitingSockets.isEmpty())
                return;   // handleNewConnection() moves on
            ++m_step;
            m_socket = m_waitingSockets.takeFirst();
            m_parser.reset();
            connect(m_socket, &QTcpSocket::readyRead, this, &ScriptedAmiPeer::handleReadyRead);
            continue;
        }
    }
    if (!m_out.empty()) {
        drain();
        return;
    }
    if (!m_announcedFinish) {
        m_announcedFinish = true;
        Q_EMIT scriptFinished();
    }
}

void ScriptedAmiPeer::drain()
{
    if (m_draining)
        return;
    if (m_out.empty()) {
        advance();
        return;
    }
    if (!m_socket) {
        m_out.clear();
        advance();
        return;
    }
    if (m_chunkSize <= 0) {
        while (!m_out.empty()) {
            m_socket->write(m_out.front());
            m_out.pop_front();
        }
        m_socket->flush();
        advance();
        return;
    }
    m_socket->write(m_out.front());
    m_socket->flush();
    m_out.pop_front();
    m_draining = true;
    // One piece per turn of the event loop, so the client really reads partial frames.
    QTimer::singleShot(0, this, [this] {
        m_draining = false;
        drain();
    });
}

void ScriptedAmiPeer::sendRaw(const QByteArray &bytes)
{
    if (m_socket) {
        m_socket->write(bytes);
        m_socket->flush();
    }
}

void ScriptedAmiPeer::dropConnection()
{
    if (m_socket) {
        m_socket->abort();
        m_socket = nullptr;
    }
}

void ScriptedAmiPeer::handleReadyRead()
{
    auto *socket = qobject_cast<QTcpSocket *>(sender());
    if (!socket || socket != m_socket)
        return;
    m_parser.feed(socket->readAll());
    while (m_parser.hasMessage())
        handleClientMessage(m_parser.takeMessage());
}

bool ScriptedAmiPeer::matches(const AmiMessage &pattern, const AmiMessage &got, QString *why)
{
    if (pattern.fields.size() != got.fields.size()) {
        *why = u"expected %1 fields, got %2"_s.arg(pattern.fields.size()).arg(got.fields.size());
        return false;
    }
    QHash<QByteArray, QByteArray> captures;
    for (qsizetype i = 0; i < pattern.fields.size(); ++i) {
        const auto &[pk, pv] = pattern.fields.at(i);
        const auto &[gk, gv] = got.fields.at(i);
        if (pk.compare(gk, Qt::CaseInsensitive) != 0) {
            *why = u"field %1: expected key %2, got %3"_s.arg(i).arg(QString::fromUtf8(pk), QString::fromUtf8(gk));
            return false;
        }
        if (pv == "*")
            continue;
        const auto whole = varPattern().match(QString::fromUtf8(pv));
        if (whole.hasMatch() && whole.capturedLength() == pv.size() && !m_vars.contains(whole.captured(1).toUtf8())) {
            captures.insert(whole.captured(1).toUtf8(), gv);
            continue;
        }
        QByteArray expected = pv;
        if (pv.startsWith("md5(") && pv.endsWith(')'))
            expected = QCryptographicHash::hash(substitute(pv.mid(4, pv.size() - 5)), QCryptographicHash::Md5).toHex();
        else
            expected = substitute(pv);
        if (expected != gv) {
            *why = u"%1: expected '%2', got '%3'"_s.arg(QString::fromUtf8(pk), QString::fromUtf8(expected),
                                                        QString::fromUtf8(gv));
            return false;
        }
    }
    for (auto it = captures.cbegin(); it != captures.cend(); ++it)
        m_vars.insert(it.key(), it.value());
    return true;
}

void ScriptedAmiPeer::handleClientMessage(const AmiMessage &message)
{
    m_received.append(message);
    const auto &steps = m_script.steps();
    // Reaching an Expect step means everything the script sends before it is already queued,
    // so a client that answers before the last piece is written is still on script.
    const bool expecting = m_step < steps.size() && steps.at(m_step).type == AmiTranscript::Step::Type::Expect;
    const bool isPing = message.value("Action").compare("Ping", Qt::CaseInsensitive) == 0;
    if (expecting) {
        const AmiMessage &pattern = steps.at(m_step).expect;
        const bool pingExpected = pattern.value("Action").compare("Ping", Qt::CaseInsensitive) == 0;
        if (!(isPing && !pingExpected)) {
            QString why;
            if (!matches(pattern, message, &why)) {
                m_errors.append(u"%1:%2: %3\n--- client sent:\n%4"_s.arg(m_script.name())
                                    .arg(steps.at(m_step).line)
                                    .arg(why, QString::fromUtf8(message.redacted())));
                m_step = steps.size();   // stop the script: what follows would be meaningless
                if (m_socket)
                    m_socket->abort();
                return;
            }
            ++m_step;
            advance();
            return;
        }
    }
    if (isPing) {
        ++m_autoPings;
        QByteArray reply = "Response: Success\r\n";
        if (message.has("ActionID"))
            reply += "ActionID: " + message.actionId() + "\r\n";
        reply += "Ping: Pong\r\nTimestamp: " + QByteArray::number(QDateTime::currentMSecsSinceEpoch() / 1000)
            + ".000000\r\n\r\n";
        sendRaw(reply);
        return;
    }
    m_unexpected.append(message);
}

}   // namespace enlace::test
