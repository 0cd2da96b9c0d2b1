#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>

class QTcpSocket;

namespace enlace::test {

// A TCP relay between a client and a server on this machine that a test cuts as a network outage
// would: cut() drops every relayed connection and refuses the next ones (accepted, then closed at
// once, as a dead route behind a load balancer looks), restore() relays again. The server on the
// other side keeps running; its clients only lose the way to it.
class TcpProxy final : public QObject
{
    Q_OBJECT

public:
    TcpProxy(const QHostAddress &targetHost, quint16 targetPort, QObject *parent = nullptr);
    ~TcpProxy() override;

    bool listen();   // on 127.0.0.1, a free port
    quint16 port() const { return m_server.serverPort(); }
    void cut();
    void restore();
    bool isCut() const { return m_cut; }
    int relayed() const { return m_relayed; }   // connections relayed so far

private:
    void accept();

    QTcpServer m_server;
    QHostAddress m_targetHost;
    quint16 m_targetPort;
    bool m_cut = false;
    int m_relayed = 0;
    QList<QPointer<QTcpSocket>> m_sockets;
};

}   // namespace enlace::test
