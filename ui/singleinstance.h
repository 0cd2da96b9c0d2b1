#pragma once

#include <core/model/result.h>

#include <QLockFile>
#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>

class QLocalServer;
class QLocalSocket;

namespace enlace {

// One console per user (or per profile directory): the first start holds a QLockFile and listens
// on a QLocalServer (owner-only socket) in `directory`; a later start hands its arguments
// ("tel:+5491155550000", "--raise") to that one and quits. This also keeps two processes off one
// WebEngine profile directory, which Qt 6.4 does not prevent.
// Frames, both ways: a 4-byte big-endian length, then that many bytes; the request is a
// QDataStream (Qt 6.0) of a QStringList, the answer the three bytes "ack". A primary that
// crashed leaves a lock with a dead pid and a socket file behind: the next start takes both over.
class SingleInstance final : public QObject
{
    Q_OBJECT

public:
    using SendDone = std::function<void(Result<void>)>;
    // Larger requests are refused by the sender and dropped by the primary.
    static constexpr qint64 MaxMessageBytes = 64 * 1024;
    static constexpr int Retries = 2;
    static constexpr std::chrono::milliseconds DefaultTimeout { 2000 };

    // directory: created owner-only when missing; defaultDirectory() when empty.
    explicit SingleInstance(QString directory = {}, QObject *parent = nullptr);
    ~SingleInstance() override;

    // $XDG_RUNTIME_DIR/enlace-<user> (QStandardPaths::RuntimeLocation).
    static QString defaultDirectory();

    QString directory() const { return m_directory; }
    QString socketPath() const;
    QString lockPath() const;

    // Takes the lock (a stale one left by a dead process included) and starts listening; false
    // when another live instance holds it. Calling it again after success returns true.
    bool tryBecomePrimary();
    bool isPrimary() const { return m_primary; }

    // For each attempt (1 + Retries) how long connecting, sending and the ack may take.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // Delivers arguments to the primary and waits for its ack. done runs once, from the event
    // loop: Unavailable when no primary answered after the retries, Invalid when too large.
    // A primary that got the message but whose ack was lost may see it twice.
    void sendToPrimary(const QStringList &arguments, SendDone done);

Q_SIGNALS:
    // On the primary: a later start's arguments.
    void messageReceived(const QStringList &arguments);

private:
    struct Attempt;
    void handleNewConnection();
    void handleReadyRead(QLocalSocket *socket);
    void attempt(std::shared_ptr<Attempt> state);
    void retryOrFail(std::shared_ptr<Attempt> state, const QString &why);

    QString m_directory;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer *m_server = nullptr;
    std::chrono::milliseconds m_timeout = DefaultTimeout;
    bool m_primary = false;
};

}   // namespace enlace
