#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QUrl>

#include <memory>

class QHttpServer;

namespace enlace::test {

// A real local CRM for the delivery tests: an HTTP server on 127.0.0.1:<free port> that records
// every request and answers each path from a script (one reply per request, the last one repeats).
// Not a QObject: support files are compiled into every test of the part, without moc.
class DeliveryCrmServer final
{
public:
    struct Request
    {
        QByteArray method;
        QString path;
        QString query;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(const QByteArray &name) const;
    };
    struct Reply
    {
        int status = 200;
        QByteArray body = "{}";
        QByteArray contentType = "application/json";
        QList<QPair<QByteArray, QByteArray>> headers;
        bool hang = false;   // never answer (the client must time out)
    };

    DeliveryCrmServer();
    ~DeliveryCrmServer();
    DeliveryCrmServer(const DeliveryCrmServer &) = delete;
    DeliveryCrmServer &operator=(const DeliveryCrmServer &) = delete;

    bool listen();
    quint16 port() const { return m_port; }
    QUrl url(const QString &path) const;

    void script(const QString &path, const QList<Reply> &replies);
    QList<Request> received(const QString &path) const;
    int count(const QString &path) const { return int(received(path).size()); }
    int total() const { return int(m_received.size()); }

    static Reply json(int status, const QByteArray &body)
    {
        return Reply { status, body, "application/json", {}, false };
    }
    static Reply status(int status) { return Reply { status, "{}", "application/json", {}, false }; }
    static Reply hang() { return Reply { 200, {}, {}, {}, true }; }

private:
    std::unique_ptr<QHttpServer> m_server;
    quint16 m_port = 0;
    QList<Request> m_received;
    QHash<QString, QList<Reply>> m_scripts;
    QHash<QString, int> m_served;
};

// A TCP port on 127.0.0.1 where nothing listens (connection refused).
quint16 deliveryClosedPort();

}   // namespace enlace::test
