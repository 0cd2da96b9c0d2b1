#pragma once

#include <core/telephony/amiparser.h>
#include <tests/telephony/support/amitranscript.h>

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTcpServer>

#include <deque>
#include <memory>

class QTcpSocket;

namespace enlace::test {

// A stand-in for Asterisk's manager port: a real QTcpServer on 127.0.0.1 that plays an
// AmiTranscript, checks what the client sends against it, and can cut its writes into
// pieces of any size so the client sees frames split across TCP reads. A Ping the script
// does not expect is answered the way Asterisk answers it, so keep-alive timers never
// derail a script.
class ScriptedAmiPeer final : public QObject
{
    Q_OBJECT

public:
    explicit ScriptedAmiPeer(AmiTranscript script, QObject *parent = nullptr);
    ~ScriptedAmiPeer() override;

    bool listen();
    // Like Asterisk with tlsenable=yes: the handshake comes first, then the same conversation.
    bool listenTls(const QString &certificatePath, const QString &keyPath);
    quint16 port() const { return m_server ? m_server->serverPort() : 0; }
    // 0: write each batch at once; n: write n bytes per event-loop turn.
    void setChunkSize(int bytes) { m_chunkSize = bytes; }

    bool finished() const { return m_step >= m_script.steps().size() && m_out.empty(); }
    QStringList errors() const { return m_errors; }
    QList<AmiMessage> received() const { return m_received; }   // every client message
    QList<AmiMessage> unexpected() const { return m_unexpected; }   // beyond the script
    int connections() const { return m_connections; }
    int autoPings() const { return m_autoPings; }
    QByteArray variable(const QByteArray &name) const { return m_vars.value(name); }
    // Sends raw bytes now (for tests that inject events outside a script).
    void sendRaw(const QByteArray &bytes);
    void dropConnection();

Q_SIGNALS:
    void scriptFinished();

private:
    void handleNewConnection();
    void handleReadyRead();
    void advance();
    void drain();
    void handleClientMessage(const AmiMessage &message);
    bool matches(const AmiMessage &pattern, const AmiMessage &got, QString *why);
    QByteArray substitute(const QByteArray &text) const;

    AmiTranscript m_script;
    std::unique_ptr<QTcpServer> m_server;
    QPointer<QTcpSocket> m_socket;
    QList<QTcpSocket *> m_waitingSockets;
    AmiParser m_parser;
    qsizetype m_step = 0;
    std::deque<QByteArray> m_out;
    bool m_draining = false;
    int m_chunkSize = 0;
    int m_connections = 0;
    int m_autoPings = 0;
    bool m_announcedFinish = false;
    QHash<QByteArray, QByteArray> m_vars;
    QStringList m_errors;
    QList<AmiMessage> m_received;
    QList<AmiMessage> m_unexpected;
};

}   // namespace enlace::test
