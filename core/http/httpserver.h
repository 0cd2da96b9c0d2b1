#pragma once

#include <core/http/apiresponse.h>
#include <core/model/result.h>

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QString>

#include <optional>
#include <utility>

class QTcpServer;
class QTcpSocket;
class QWebSocketServer;

namespace enlace {

class ApiRouter;
class MessageCatalog;

struct HttpServerLimits
{
    int maxHeaderBytes = 16 * 1024;   // request line + headers; more -> 431
    qint64 maxBodyBytes = 1024 * 1024;   // Content-Length above -> 413 before the body is read
    int idleTimeoutMs = 30'000;   // an idle or stalled connection is closed (408 mid-request)
    int maxConnections = 1024;   // beyond -> 503 and close
    int maxRequestsPerConnection = 1000;
    // Upload routes (ApiRouter::addUpload): a body above maxBodyBytes goes to a temporary file as
    // it arrives, up to this (more -> 413); the caller is authorized before any of it is read.
    qint64 maxUploadBytes = 256LL * 1024 * 1024;
    QString uploadDirectory;   // where uploads are written as they arrive; empty: QDir::tempPath() ($TMPDIR)
    int maxConcurrentUploads = 4;   // uploads being received at once; one more -> 503
    // From a request's first byte to the end of its headers, however slowly they trickle in (each
    // byte restarts the idle timer, not this one); more -> 408 and close.
    int headTimeoutMs = 10'000;
    // Lingering close (as nginx's): after an answer sent before the request was read whole (413,
    // 431, 401 to an upload, ...), what the client still sends is read and dropped, so that a
    // client that writes its whole body before it reads (Python's http.client, Java's
    // HttpURLConnection, Qt's QNetworkAccessManager) sees the answer and not a reset. Bounded: the
    // connection closes once the client is quiet for lingerTimeoutMs, after lingerTimeMs in all, or
    // after lingerMaxBytes dropped.
    int lingerTimeoutMs = 2'000;
    int lingerTimeMs = 15'000;
    qint64 lingerMaxBytes = 64LL * 1024 * 1024;
    // Open HTTP connections from one client address (a console holds one or two); one more -> 503
    // and close. 0: no bound. Behind a reverse proxy every client has the proxy's address: raise it
    // there (or set 0) and let the proxy bound its clients.
    int maxConnectionsPerAddress = 256;
    // Reverse proxies (address or CIDR subnet) whose X-Forwarded-For is believed: a request from
    // one of them has as its peer address the right-most X-Forwarded-For entry that is not itself
    // a trusted proxy (what the login throttle counts by and the log shows). Their connections are
    // not bound by maxConnectionsPerAddress. From any other peer X-Forwarded-For is ignored.
    QList<std::pair<QHostAddress, int>> trustedProxies;
    bool isTrustedProxy(const QHostAddress &address) const;
    // The client behind a request from peer with this X-Forwarded-For header, as above.
    QString clientAddress(const QHostAddress &peer, const QByteArray &forwardedFor) const;
};

// A small HTTP/1.1 server for the API. Qt 6.4's QHttpServer is a technical preview with no request
// body limit and no asynchronous responses, so Enlace parses HTTP itself:
// - request line and headers with a size limit; Content-Length checked against the body limit
//   before any of the body is read (413); chunked bodies (Transfer-Encoding: chunked) within
//   the body limit, counted as they arrive (413 past it; 400 with a Content-Length too, 501 for
//   another transfer coding); a time bound on the headers (408) and a bound per client address;
// - large uploads: on an upload route a body above the body limit is admitted by the router
//   (401 / 403 before it is read) and streamed to a temporary file, up to the upload limit;
// - keep-alive and pipelining (one request at a time per connection, in order);
// - asynchronous answers: the route gets an ApiResponder it may call later;
// - every error is a JSON answer in the OMniLeads envelope, written whole;
// - WebSocket upgrades on registered paths are handed, unread, to a QWebSocketServer;
// - optional TLS with a PEM certificate and key.
class HttpServer final : public QObject
{
    Q_OBJECT

public:
    explicit HttpServer(ApiRouter *router, const MessageCatalog *catalog, QObject *parent = nullptr);
    ~HttpServer() override;

    void setLimits(const HttpServerLimits &limits) { m_limits = limits; }
    const HttpServerLimits &limits() const { return m_limits; }

    // PEM files. Without this the server speaks plain HTTP.
    Result<void> setTlsFiles(const QString &certificatePath, const QString &keyPath);
    void setTlsConfiguration(const QSslConfiguration &configuration) { m_tls = configuration; }
    bool isTls() const { return m_tls.has_value(); }

    // Upgrade requests (GET + Upgrade: websocket) for this path go to server->handleConnection.
    void addWebSocketPath(const QString &path, QWebSocketServer *server);

    // port 0 -> a free port (see port()).
    Result<void> listen(const QHostAddress &address, quint16 port);
    void close();
    quint16 port() const;
    QHostAddress address() const;
    int openConnections() const { return m_connections; }
    int uploadsReceiving() const { return m_uploadsReceiving; }

Q_SIGNALS:
    // After each answer: for the access log and the tests.
    void requestServed(const QByteArray &method, const QString &path, int status, qint64 elapsedMs);

private:
    friend class HttpConnection;
    void handleNewConnection();
    void removeStaleUploads() const;   // at listen(): files of uploads an earlier run left behind
    void connectionClosed(const QString &address);

    ApiRouter *m_router;
    const MessageCatalog *m_catalog;
    HttpServerLimits m_limits;
    std::optional<QSslConfiguration> m_tls;
    QHash<QString, QPointer<QWebSocketServer>> m_webSocketPaths;
    QTcpServer *m_server = nullptr;
    int m_connections = 0;
    int m_uploadsReceiving = 0;
    QHash<QString, int> m_connectionsPerAddress;
    QElapsedTimer m_refusalLogged;   // refusals are logged at most every 10 s, with their count
    int m_refusedUnlogged = 0;
};

}   // namespace enlace
