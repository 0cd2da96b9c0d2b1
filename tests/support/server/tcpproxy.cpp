#include <tests/support/server/tcpproxy.h>

#include <QTcpSocket>

namespace enlace::test {

TcpProxy::TcpProxy(const QHostAddress &targetHost, quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_targetHost(targetHost)
    , m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpProxy::accept);
}

TcpProxy::~TcpProxy()
{
    cut();
}

bool TcpProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void TcpProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        if (m_cut) {
            client->abort();
            client->deleteLater();
            continue;
        }
        ++m_relayed;
        auto *upstream = new QTcpSocket(this);
        client->setParent(this);
        m_sockets << client << upstream;
        // Bytes either way as they come; the client's bytes wait until the upstream connects.
        connect(client, &QTcpSocket::readyRead, upstream, [client, upstream] {
            if (upstream->state() == QAbstractSocket::ConnectedState)
                upstream->write(client->readAll());
        });
        connect(upstream, &QTcpSocket::connected, client, [client, upstream] { upstream->write(client->readAll()); });
        connect(upstream, &QTcpSocket::readyRead, client, [client, upstream] { client->write(upstream->readAll()); });
        auto close = [client, upstream] {
            client->disconnectFromHost();
            upstream->disconnectFromHost();
        };
        connect(client, &QTcpSocket::disconnected, upstream, close);
        connect(upstream, &QTcpSocket::disconnected, client, close);
        connect(upstream, &QTcpSocket::errorOccurred, client, [client] { client->abort(); });
        upstream->connectToHost(m_targetHost, m_targetPort);
    }
}

void TcpProxy::cut()
{
    m_cut = true;
    const QList<QPointer<QTcpSocket>> sockets = std::exchange(m_sockets, {});
    for (const QPointer<QTcpSocket> &s : sockets)
        if (s) {
            s->abort();
            s->deleteLater();
        }
}

void TcpProxy::restore()
{
    m_cut = false;
}

}   // namespace enlace::test
