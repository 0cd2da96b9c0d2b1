#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>

#include <functional>

namespace enlace::test {

// One parsed HTTP/1.1 answer, as read from the wire.
struct RawHttpResponse
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers;   // lower-case names
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    QJsonDocument document() const { return QJsonDocument::fromJson(body); }
};

// A byte-level HTTP client for testing the server's framing: it writes exactly what it is given
// and parses exactly what comes back (Content-Length framing), pumping the event loop so an
// in-process server keeps running.
class RawHttpClient final
{
public:
    RawHttpClient();
    ~RawHttpClient();
    bool connectTo(quint16 port, int timeoutMs = 5000);
    void send(const QByteArray &bytes);
    // Waits for one complete response; status 0 when none arrived in time or the server closed.
    RawHttpResponse read(int timeoutMs = 5000);
    // True once the server closed the connection (waits up to timeoutMs).
    bool waitClosed(int timeoutMs = 5000);
    QByteArray pending() const { return m_buffer; }
    QTcpSocket *socket() const { return m_socket; }

    // One request on a connection of its own (bytes as request() builds them); the answer, or
    // status 0 when none came in time.
    static RawHttpResponse exchange(quint16 port, const QByteArray &bytes, int timeoutMs = 20000);

    // Convenience: one request with Content-Length set from body.
    static QByteArray request(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
                              const QList<QPair<QByteArray, QByteArray>> &headers = {}, bool close = false);

private:
    bool tryParse(RawHttpResponse &out);
    bool waitFor(const std::function<bool()> &done, int timeoutMs);
    QTcpSocket *m_socket;
    QByteArray m_buffer;
};

}   // namespace enlace::test
