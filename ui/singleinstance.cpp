#include <ui/singleinstance.h>

#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTimer>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace enlace {

Q_LOGGING_CATEGORY(lcInstance, "enlace.instance", QtInfoMsg)

namespace {

constexpr qsizetype HeaderBytes = 4;
const QByteArray AckPayload = QByteArrayLiteral("ack");

QByteArray frame(const QByteArray &payload)
{
    QByteArray out(HeaderBytes, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(payload.size()), out.data());
    return out + payload;
}

// The payload length of the frame at the head of socket's buffer, or -1 while incomplete.
qint64 completeFrameLength(QLocalSocket *socket)
{
    if (socket->bytesAvailable() < HeaderBytes)
        return -1;
    const QByteArray header = socket->peek(HeaderBytes);
    const qint64 length = qFromBigEndian<quint32>(header.constData());
    if (length > SingleInstance::MaxMessageBytes)
        return length;   // the caller refuses it
    return socket->bytesAvailable() >= HeaderBytes + length ? length : -1;
}

}   // namespace

struct SingleInstance::Attempt
{
    QByteArray frame;
    SendDone done;
    int retriesLeft = SingleInstance::Retries;
};

SingleInstance::SingleInstance(QString directory, QObject *parent)
    : QObject(parent)
    , m_directory(directory.isEmpty() ? defaultDirectory() : std::move(directory))
{ }

SingleInstance::~SingleInstance()
{
    if (m_server)
        m_server->close();   // removes the socket file before the lock goes
}

QString SingleInstance::defaultDirectory()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME", QDir::home().dirName());
    return QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation) + u"/enlace-"_s + user;
}

QString SingleInstance::socketPath() const
{
    return m_directory + u"/console.socket"_s;
}

QString SingleInstance::lockPath() const
{
    return m_directory + u"/console.lock"_s;
}

bool SingleInstance::tryBecomePrimary()
{
    if (m_primary)
        return true;
    if (!QDir().mkpath(m_directory)) {
        qCWarning(lcInstance).noquote() << "cannot create" << m_directory;
        return false;
    }
    QFile::setPermissions(m_directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    auto lock = std::make_unique<QLockFile>(lockPath());
    // Never stale by age (a console runs for days); QLockFile still takes over a lock whose
    // process is gone from this host, which is what a crash leaves behind.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0))
        return false;
    m_lock = std::move(lock);
    m_primary = true;

    // Holding the lock, any socket file there is a crashed primary's.
    QLocalServer::removeServer(socketPath());
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    m_server->setMaxPendingConnections(8);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::handleNewConnection);
    if (!m_server->listen(socketPath()))
        qCWarning(lcInstance).noquote() << "primary cannot listen on" << socketPath() << m_server->errorString();
    return true;
}

void SingleInstance::handleNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { handleReadyRead(socket); });
        // A peer that never completes its frame does not keep a connection open.
        QTimer::singleShot(m_timeout * 2, socket, [socket] { socket->abort(); });
        if (socket->bytesAvailable() > 0)
            handleReadyRead(socket);
    }
}

void SingleInstance::handleReadyRead(QLocalSocket *socket)
{
    const qint64 length = completeFrameLength(socket);
    if (length < 0)
        return;
    if (length > MaxMessageBytes) {
        qCWarning(lcInstance) << "dropped an instance message of" << length << "bytes";
        socket->abort();
        return;
    }
    socket->skip(HeaderBytes);
    const QByteArray payload = socket->read(length);
    QDataStream in(payload);
    in.setVersion(QDataStream::Qt_6_0);
    QStringList arguments;
    in >> arguments;
    if (in.status() != QDataStream::Ok) {
        qCWarning(lcInstance) << "dropped a malformed instance message";
        socket->abort();
        return;
    }
    socket->write(frame(AckPayload));
    socket->disconnectFromServer();   // after the ack is written
    Q_EMIT messageReceived(arguments);
}

void SingleInstance::sendToPrimary(const QStringList &arguments, SendDone done)
{
    QByteArray payload;
    QDataStream out(&payload, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out << arguments;
    if (payload.size() > MaxMessageBytes) {
        Error error { Error::Kind::Invalid,
                      u"instance_message_too_large"_s,
                      Message::fromText(tr("The message for the running Enlace console is too large.")),
                      u"%1 bytes"_s.arg(payload.size()),
                      {} };
        QMetaObject::invokeMethod(
            this, [done = std::move(done), error] { done(error); }, Qt::QueuedConnection);
        return;
    }
    auto state = std::make_shared<Attempt>();
    state->frame = frame(payload);
    state->done = std::move(done);
    attempt(std::move(state));
}

void SingleInstance::attempt(std::shared_ptr<Attempt> state)
{
    auto *socket = new QLocalSocket(this);
    auto *timer = new QTimer(socket);
    timer->setSingleShot(true);
    auto settled = std::make_shared<bool>(false);
    auto fail = [this, state, socket, settled](const QString &why) {
        if (std::exchange(*settled, true))
            return;
        socket->abort();
        socket->deleteLater();
        retryOrFail(state, why);
    };
    connect(socket, &QLocalSocket::connected, socket, [socket, state] { socket->write(state->frame); });
    connect(socket, &QLocalSocket::readyRead, socket, [socket, state, settled, fail] {
        const qint64 length = completeFrameLength(socket);
        if (length < 0)
            return;
        if (length != AckPayload.size() || socket->read(HeaderBytes + length).mid(HeaderBytes) != AckPayload)
            return fail(u"unexpected answer"_s);
        *settled = true;
        socket->disconnectFromServer();
        socket->deleteLater();
        auto done = std::exchange(state->done, nullptr);
        done({});
    });
    connect(socket, &QLocalSocket::errorOccurred, socket, [socket, fail] { fail(socket->errorString()); });
    connect(timer, &QTimer::timeout, socket, [fail] { fail(u"no ack in time"_s); });
    timer->start(m_timeout);
    socket->connectToServer(socketPath());
}

void SingleInstance::retryOrFail(std::shared_ptr<Attempt> state, const QString &why)
{
    if (state->retriesLeft > 0) {
        const int attemptNumber = Retries - --state->retriesLeft;
        // A primary that is still starting listens a moment later.
        QTimer::singleShot(std::chrono::milliseconds(150 * attemptNumber), this, [this, state] { attempt(state); });
        return;
    }
    auto done = std::exchange(state->done, nullptr);
    Error error { Error::Kind::Unavailable,
                  u"no_primary_instance"_s,
                  Message::fromText(tr("The running Enlace console did not answer.")),
                  why,
                  {} };
    // Called from a socket's or timer's signal: already from the event loop.
    done(error);
}

}   // namespace enlace
