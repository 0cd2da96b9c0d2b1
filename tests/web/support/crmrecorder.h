#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

#include <memory>

class QTcpServer;
class QTcpSocket;

namespace enlace::test {

// A CRM for the WebEngine tests: a raw QTcpServer (or QSslServer) on a random loopback port that
// records every request exactly as it arrived (request line, headers in order, body bytes) and
// answers with the response configured for its path. /favicon.ico is answered 404 and not recorded.
class CrmRecorder final : public QObject
{
    Q_OBJECT

public:
    struct Received
    {
        QByteArray requestLine;
        QByteArray method;
        QByteArray target;   // path and query, as sent
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;

        QByteArray path() const { return target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?')); }
        QByteArray header(const QByteArray &name) const;
        bool hasHeader(const QByteArray &name) const;
    };
    struct Response
    {
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers { { "Content-Type", "text/html; charset=utf-8" } };
        QByteArray body
            = "<!doctype html><html><head><title>CRM</title></head><body><h1 id=\"h\">CRM</h1></body></html>";
    };

    // With a certificate and key it speaks TLS only.
    CrmRecorder();
    CrmRecorder(const QSslCertificate &certificate, const QSslKey &key);
    ~CrmRecorder() override;

    quint16 port() const { return m_port; }
    // "http://127.0.0.1:port/path" (host: "127.0.0.1" or "localhost").
    QString url(const QString &path, const QString &host = QStringLiteral("127.0.0.1")) const;
    void setResponse(const QByteArray &path, const Response &response) { m_responses.insert(path, response); }
    static Response html(const QByteArray &body, int status = 200);
    static Response redirect(const QByteArray &location, int status = 302);

    const QList<Received> &received() const { return m_received; }
    QList<Received> receivedFor(const QByteArray &path) const;
    int count() const { return int(m_received.size()); }
    void clear() { m_received.clear(); }

private:
    void onConnection();
    void onReadyRead(QTcpSocket *socket);

    std::unique_ptr<QTcpServer> m_server;
    quint16 m_port = 0;
    QHash<QByteArray, Response> m_responses;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<Received> m_received;
};

}   // namespace enlace::test
