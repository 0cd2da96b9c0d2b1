#include <core/http/apirequest.h>
#include <core/http/apirouter.h>
#include <core/http/httpserver.h>
#include <core/model/logvalue.h>
#include <core/model/message.h>
#include <core/model/messagecatalog.h>

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryFile>
#include <QTimer>
#include <QUrl>
#include <QWebSocketServer>

#include <memory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHttp, "enlace.http", QtInfoMsg)

namespace enlace {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    case 507:
        return "Insufficient Storage";
    default:
        return status < 300 ? "OK" : status < 500 ? "Client Error" : "Server Error";
    }
}

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

QByteArray sanitizeHeaderValue(QByteArray value)
{
    value.replace('\r', ' ');
    value.replace('\n', ' ');
    return value;
}

class TlsCapableServer final : public QTcpServer
{
public:
    explicit TlsCapableServer(QObject *parent)
        : QTcpServer(parent)
    { }
    std::optional<QSslConfiguration> tls;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        if (!tls) {
            QTcpServer::incomingConnection(descriptor);
            return;
        }
        auto *socket = new QSslSocket(this);
        socket->setSslConfiguration(*tls);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        // A failed handshake (wrong client, plain HTTP on the TLS port) just drops the connection.
        connect(socket, &QSslSocket::sslErrors, socket, [socket](const QList<QSslError> &) { socket->abort(); });
        socket->startServerEncryption();
        addPendingConnection(socket);
        Q_EMIT newConnection();
    }
};

}   // namespace

// One client connection: parses requests one at a time and writes each answer whole.
class HttpConnection final : public QObject
{
public:
    HttpConnection(HttpServer *server, QTcpSocket *socket, QString address)
        : QObject(server)
        , m_server(server)
        , m_socket(socket)
        , m_address(std::move(address))
    {
        m_socket->setParent(this);
        m_idle.setSingleShot(true);
        m_idle.setInterval(server->m_limits.idleTimeoutMs);
        connect(&m_idle, &QTimer::timeout, this, &HttpConnection::handleIdle);
        m_headDeadline.setSingleShot(true);
        m_headDeadline.setInterval(server->m_limits.headTimeoutMs);
        connect(&m_headDeadline, &QTimer::timeout, this, [this] {
            if (m_state != State::Headers)
                return;
            // What arrived is dropped, so that closing does not reset the connection before the
            // client reads the answer.
            m_socket->readAll();
            sendErrorAndClose(408,
                              Message::make("Api", QT_TRANSLATE_NOOP("Api", "The request took too long to arrive.")));
        });
        connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::process);
        connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::finish);
        m_idle.start();
        if (m_socket->bytesAvailable() > 0)
            QTimer::singleShot(0, this, &HttpConnection::process);
    }
    ~HttpConnection() override
    {
        takeUpload();   // a client gone mid-upload: its file goes too
        m_server->connectionClosed(m_address);
    }

private:
    enum class State { Headers, Body, Waiting, Lingering, Closing, HandedOver };

    void finish()
    {
        if (m_state == State::HandedOver)
            return;
        m_state = State::Closing;
        m_idle.stop();
        deleteLater();
    }

    void handleIdle()
    {
        if (m_state == State::Waiting || m_state == State::HandedOver)
            return;
        const bool midRequest = m_state == State::Body || m_socket->bytesAvailable() > 0;
        if (midRequest)
            sendErrorAndClose(408,
                              Message::make("Api", QT_TRANSLATE_NOOP("Api", "The request took too long to arrive.")));
        else
            closeConnection();
    }

    QString text(const Message &m) const { return m.text(m_server->m_catalog, m_language); }

    void closeConnection()
    {
        m_state = State::Closing;
        m_idle.stop();
        m_headDeadline.stop();
        m_linger.stop();
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            finish();
        else
            m_socket->disconnectFromHost();
    }

    void sendErrorAndClose(int status, const Message &message)
    {
        m_keepAlive = false;
        write(ApiResponse::error(status, text(message)));
        closeAfterDraining();
    }

    // The answer is out, the request was not read whole: drop what still comes, then close.
    void closeAfterDraining()
    {
        m_socket->readAll();
        if (m_socket->state() != QAbstractSocket::ConnectedState) {
            closeConnection();
            return;
        }
        const HttpServerLimits &limits = m_server->m_limits;
        m_state = State::Lingering;
        m_idle.stop();
        m_headDeadline.stop();
        m_lingered = 0;
        m_lingerSince.start();
        m_linger.setSingleShot(true);
        m_linger.setInterval(limits.lingerTimeoutMs);
        connect(&m_linger, &QTimer::timeout, this, &HttpConnection::closeConnection, Qt::UniqueConnection);
        m_linger.start();
    }

    void drain()
    {
        const HttpServerLimits &limits = m_server->m_limits;
        while (m_socket->bytesAvailable() > 0 && m_lingered <= limits.lingerMaxBytes)
            m_lingered += m_socket->read(64 * 1024).size();
        if (m_lingered > limits.lingerMaxBytes || m_lingerSince.elapsed() >= limits.lingerTimeMs) {
            m_linger.stop();
            closeConnection();
            return;
        }
        m_linger.start();
    }

    void process()
    {
        if (m_state == State::Lingering)
            return drain();
        while (m_state == State::Headers || m_state == State::Body) {
            if (m_state == State::Headers && !readHeaders())
                return;
            if (m_state == State::Body && !readBody())
                return;
        }
    }

    // Peeks (does not consume) until the header block is complete, so that a WebSocket upgrade can
    // be handed over with its handshake still unread.
    bool readHeaders()
    {
        if (m_socket->bytesAvailable() == 0)
            return false;
        m_idle.start();
        const int limit = m_server->m_limits.maxHeaderBytes;
        const QByteArray peeked = m_socket->peek(limit + 4);
        qsizetype end = peeked.indexOf("\r\n\r\n");
        // Tolerate empty lines between requests (RFC 9112 §2.2).
        qsizetype skip = 0;
        while (skip + 1 < peeked.size() && peeked.at(skip) == '\r' && peeked.at(skip + 1) == '\n')
            skip += 2;
        if (skip > 0) {
            m_socket->read(skip);
            return m_socket->bytesAvailable() > 0 ? readHeaders() : false;
        }
        if (end < 0) {
            if (peeked.size() > limit) {
                sendErrorAndClose(431,
                                  Message::make("Api", QT_TRANSLATE_NOOP("Api", "The request headers are too large.")));
            } else if (!m_headDeadline.isActive()) {
                m_headDeadline.start();
            }
            return false;
        }
        m_headDeadline.stop();
        const QByteArray head = peeked.left(end);
        const qsizetype headLength = end + 4;
        m_requestTimer.start();
        m_request = ApiRequest {};
        m_request.serial = ApiRequest::nextSerial();
        m_request.peerAddress = m_socket->peerAddress().toString();

        const QList<QByteArray> lines = head.split('\n');
        QByteArray requestLine = lines.first();
        if (requestLine.endsWith('\r'))
            requestLine.chop(1);
        const QList<QByteArray> parts = requestLine.split(' ');
        if (parts.size() != 3 || parts.at(0).isEmpty() || !parts.at(1).startsWith('/')) {
            m_socket->read(headLength);
            sendErrorAndClose(400, Message::make("Api", QT_TRANSLATE_NOOP("Api", "Malformed HTTP request.")));
            return false;
        }
        for (char c : parts.at(0))
            if (c < 'A' || c > 'Z') {
                m_socket->read(headLength);
                sendErrorAndClose(400, Message::make("Api", QT_TRANSLATE_NOOP("Api", "Malformed HTTP request.")));
                return false;
            }
        const QByteArray version = parts.at(2);
        if (version != "HTTP/1.1" && version != "HTTP/1.0") {
            m_socket->read(headLength);
            sendErrorAndClose(
                505, Message::make("Api", QT_TRANSLATE_NOOP("Api", "Only HTTP/1.0 and HTTP/1.1 are supported.")));
            return false;
        }
        m_request.method = parts.at(0);
        const QByteArray target = parts.at(1);
        const qsizetype q = target.indexOf('?');
        m_request.rawPath = q < 0 ? target : target.left(q);
        m_request.path = QUrl::fromPercentEncoding(m_request.rawPath);
        if (q >= 0) {
            QByteArray query = target.mid(q + 1);
            query.replace('+', "%20");
            m_request.query = QUrlQuery(QString::fromUtf8(query));
        }
        for (qsizetype i = 1; i < lines.size(); ++i) {
            QByteArray line = lines.at(i);
            if (line.endsWith('\r'))
                line.chop(1);
            const qsizetype colon = line.indexOf(':');
            bool valid = colon > 0;
            for (qsizetype k = 0; valid && k < colon; ++k)
                valid = isTokenChar(line.at(k));
            if (!valid) {
                m_socket->read(headLength);
                sendErrorAndClose(400, Message::make("Api", QT_TRANSLATE_NOOP("Api", "Malformed HTTP request.")));
                return false;
            }
            const QByteArray name = line.left(colon).toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (m_request.headers.contains(name)) {
                if (name == "content-length" && m_request.headers.value(name) != value) {
                    m_socket->read(headLength);
                    sendErrorAndClose(400, Message::make("Api", QT_TRANSLATE_NOOP("Api", "Malformed HTTP request.")));
                    return false;
                }
                if (name != "content-length")
                    m_request.headers[name] += ", " + value;
            } else {
                m_request.headers.insert(name, value);
            }
        }
        if (m_server->m_catalog)
            m_language
                = m_server->m_catalog->negotiate(QString::fromLatin1(m_request.header("accept-language")), u"es"_s);
        m_request.language = m_language;
        m_request.peerAddress
            = m_server->m_limits.clientAddress(m_socket->peerAddress(), m_request.header("x-forwarded-for"));

        const QByteArray connection = m_request.header("connection").toLower();
        if (version == "HTTP/1.0")
            m_keepAlive = connection.contains("keep-alive");
        else
            m_keepAlive = !connection.contains("close");
        if (++m_served >= m_server->m_limits.maxRequestsPerConnection)
            m_keepAlive = false;

        if (m_request.method == "GET" && m_request.header("upgrade").toLower().contains("websocket")) {
            const auto ws = m_server->m_webSocketPaths.value(m_request.path);
            if (ws) {
                handOver(ws);
                return false;
            }
        }
        m_socket->read(headLength);

        m_chunked = false;
        if (m_request.headers.contains("transfer-encoding")) {
            // RFC 9112 §6.1: with both, the message is malformed (request smuggling).
            if (m_request.headers.contains("content-length")) {
                sendErrorAndClose(
                    400,
                    Message::make(
                        "Api",
                        QT_TRANSLATE_NOOP("Api", "A request may not have both Transfer-Encoding and Content-Length.")));
                return false;
            }
            if (m_request.header("transfer-encoding").toLower() != "chunked") {
                sendErrorAndClose(
                    501,
                    Message::make("Api", QT_TRANSLATE_NOOP("Api", "Only the chunked transfer coding is supported.")));
                return false;
            }
            m_chunked = true;
            m_chunkRemaining = 0;
            m_chunkStep = ChunkStep::Size;
            m_trailerBytes = 0;
            if (m_request.header("expect").toLower() == "100-continue")
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            m_state = State::Body;
            return true;
        }
        m_bodyLength = 0;
        if (m_request.headers.contains("content-length")) {
            const QByteArray raw = m_request.header("content-length");
            bool ok = !raw.isEmpty() && raw.size() <= 18;
            for (char c : raw)
                ok = ok && c >= '0' && c <= '9';
            m_bodyLength = ok ? raw.toLongLong(&ok) : -1;
            if (!ok || m_bodyLength < 0) {
                sendErrorAndClose(400, Message::make("Api", QT_TRANSLATE_NOOP("Api", "Malformed HTTP request.")));
                return false;
            }
            if (m_bodyLength > m_server->m_limits.maxBodyBytes && !startUpload())
                return false;
            if (m_bodyLength > 0 && m_request.header("expect").toLower() == "100-continue")
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        }
        m_state = State::Body;
        return true;
    }

    // A body above the body limit: only an upload route the caller may use takes it, into a
    // temporary file (readBody). False when the request was answered instead.
    bool startUpload()
    {
        const HttpServerLimits &limits = m_server->m_limits;
        const ApiRouter::Admission admission = m_server->m_router->admit(m_request);
        if (!admission.upload || m_bodyLength > limits.maxUploadBytes) {
            const qint64 limit = admission.upload ? limits.maxUploadBytes : limits.maxBodyBytes;
            sendErrorAndClose(
                413,
                Message::make("Api", QT_TRANSLATE_NOOP("Api", "The request body is too large (at most %1 bytes)."))
                    .arg(QString::number(limit)));
            return false;
        }
        if (admission.refusal) {
            // The body is never read: the connection closes after the answer (and the drain).
            m_keepAlive = false;
            write(*admission.refusal);
            closeAfterDraining();
            return false;
        }
        if (m_server->m_uploadsReceiving >= limits.maxConcurrentUploads) {
            sendErrorAndClose(
                503,
                Message::make("Api", QT_TRANSLATE_NOOP("Api", "Too many uploads at once; try again in a moment.")));
            return false;
        }
        const QString directory = limits.uploadDirectory.isEmpty() ? QDir::tempPath() : limits.uploadDirectory;
        auto file = std::make_shared<QTemporaryFile>(directory + u"/enlace-upload-XXXXXX"_s);
        if (!file->open()) {
            qCWarning(lcHttp).noquote() << u"upload refused: no temporary file detail=%1"_s.arg(
                LogValue::quoted(file->errorString()));
            sendErrorAndClose(
                507, Message::make("Api", QT_TRANSLATE_NOOP("Api", "The server has no room for the upload now.")));
            return false;
        }
        m_upload = std::move(file);
        m_uploadReceived = 0;
        ++m_server->m_uploadsReceiving;
        return true;
    }

    // The upload's bytes as they arrive, straight to its file.
    bool readUpload()
    {
        while (m_socket->bytesAvailable() > 0 && m_uploadReceived < m_bodyLength) {
            const QByteArray chunk = m_socket->read(qMin<qint64>(m_bodyLength - m_uploadReceived, 256 * 1024));
            m_uploadReceived += chunk.size();
            if (m_upload->write(chunk) != chunk.size()) {
                qCWarning(lcHttp).noquote() << u"upload dropped: writing its temporary file failed detail=%1"_s.arg(
                    LogValue::quoted(m_upload->errorString()));
                takeUpload();
                sendErrorAndClose(
                    507, Message::make("Api", QT_TRANSLATE_NOOP("Api", "The server has no room for the upload now.")));
                return false;
            }
            m_idle.start();
        }
        if (m_uploadReceived < m_bodyLength)
            return false;
        if (!m_upload->flush() || !m_upload->seek(0)) {
            takeUpload();
            sendErrorAndClose(
                507, Message::make("Api", QT_TRANSLATE_NOOP("Api", "The server has no room for the upload now.")));
            return false;
        }
        m_request.bodyFile = takeUpload();
        m_state = State::Waiting;
        m_idle.stop();
        dispatch();
        m_request.bodyFile.reset();   // the route holds it as long as it needs it
        return false;
    }

    // The upload being received, which no longer counts as one.
    std::shared_ptr<QTemporaryFile> takeUpload()
    {
        if (m_upload)
            --m_server->m_uploadsReceiving;
        return std::exchange(m_upload, {});
    }

    // A chunked body: chunk sizes and data as they arrive, into memory, never past the body limit
    // (chunked uploads are not streamed to a file: send those with a Content-Length).
    bool readChunked()
    {
        static constexpr qsizetype kMaxLine = 4096;   // a chunk-size line with its extensions
        const qint64 limit = m_server->m_limits.maxBodyBytes;
        for (;;) {
            if (m_chunkRemaining > 0) {
                const qint64 available = m_socket->bytesAvailable();
                if (available == 0)
                    return false;
                const QByteArray data = m_socket->read(qMin(m_chunkRemaining, available));
                m_request.body += data;
                m_chunkRemaining -= data.size();
                m_idle.start();
                if (m_chunkRemaining > 0)
                    return false;
                m_chunkStep = ChunkStep::DataEnd;
            }
            if (!m_socket->canReadLine()) {
                if (m_socket->bytesAvailable() > kMaxLine) {
                    sendErrorAndClose(400, Message::make("Api", QT_TRANSLATE_NOOP("Api", "Malformed HTTP request.")));
                    return false;
                }
                if (m_socket->bytesAvailable() > 0)
                    m_idle.start();
                return false;
            }
            QByteArray line = m_socket->readLine(kMaxLine + 2);
            if (!line.endsWith('\n')) {
                sendErrorAndClose(400, Message::make("Api", QT_TRANSLATE_NOOP("Api", "Malformed HTTP request.")));
                return false;
            }
            line.chop(line.endsWith("\r\n") ? 2 : 1);
            m_idle.start();
            switch (m_chunkStep) {
            case ChunkStep::DataEnd:
                if (!line.isEmpty()) {
                    sendErrorAndClose(400, Message::make("Api", QT_TRANSLATE_NOOP("Api", "Malformed HTTP request.")));
                    return false;
                }
                m_chunkStep = ChunkStep::Size;
                break;
            case ChunkStep::Size: {
                const qsizetype semicolon = line.indexOf(';');
                const QByteArray hex = (semicolon < 0 ? line : line.left(semicolon)).trimmed();
                bool ok = !hex.isEmpty() && hex.size() <= 15;
                for (char c : hex)
                    ok = ok && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
                const qint64 size = ok ? hex.toLongLong(&ok, 16) : -1;
                if (!ok || size < 0) {
                    sendErrorAndClose(400, Message::make("Api", QT_TRANSLATE_NOOP("Api", "Malformed HTTP request.")));
                    return false;
                }
                if (size == 0) {
                    m_chunkStep = ChunkStep::Trailers;
                    break;
                }
                if (m_request.body.size() + size > limit) {
                    sendErrorAndClose(
                        413,
                        Message::make("Api",
                                      QT_TRANSLATE_NOOP("Api", "The request body is too large (at most %1 bytes)."))
                            .arg(QString::number(limit)));
                    return false;
                }
                m_chunkRemaining = size;
                break;
            }
            case ChunkStep::Trailers:
                if (line.isEmpty()) {
                    // Trailer fields are read and dropped: none is used.
                    m_chunked = false;
                    m_state = State::Waiting;
                    m_idle.stop();
                    dispatch();
                    return false;
                }
                m_trailerBytes += line.size() + 2;
                if (m_trailerBytes > m_server->m_limits.maxHeaderBytes) {
                    sendErrorAndClose(
                        431, Message::make("Api", QT_TRANSLATE_NOOP("Api", "The request headers are too large.")));
                    return false;
                }
                break;
            }
        }
    }

    bool readBody()
    {
        if (m_chunked)
            return readChunked();
        if (m_upload)
            return readUpload();
        if (m_socket->bytesAvailable() < m_bodyLength) {
            if (m_socket->bytesAvailable() > 0)
                m_idle.start();
            return false;
        }
        m_request.body = m_socket->read(m_bodyLength);
        m_state = State::Waiting;
        m_idle.stop();
        dispatch();
        return false;
    }

    void handOver(QWebSocketServer *ws)
    {
        m_state = State::HandedOver;
        m_idle.stop();
        disconnect(m_socket, nullptr, this, nullptr);
        QTcpSocket *socket = m_socket;
        socket->setParent(nullptr);
        m_socket = nullptr;
        qCDebug(lcHttp).noquote() << u"websocket upgrade path=%1 peer=%2"_s.arg(
            LogValue::quoted(m_request.path), LogValue::quoted(m_request.peerAddress));
        ws->handleConnection(socket);
        // QWebSocketServer owns the socket from here on; this object is done.
        deleteLater();
    }

    void dispatch()
    {
        QPointer<HttpConnection> self(this);
        auto answered = std::make_shared<bool>(false);
        const QByteArray method = m_request.method;
        const QString path = m_request.path;
        ApiResponder respond = [self, answered, method, path](ApiResponse response) {
            if (*answered)
                return;
            *answered = true;
            if (!self)
                return;
            // Never write from inside the handler's call stack: finish the current request first.
            QMetaObject::invokeMethod(
                self.data(),
                [self, response = std::move(response), method, path]() mutable {
                    if (self)
                        self->complete(method, path, std::move(response));
                },
                Qt::QueuedConnection);
        };
        m_server->m_router->dispatch(m_request, std::move(respond));
    }

    void complete(const QByteArray &method, const QString &path, ApiResponse response)
    {
        if (m_state != State::Waiting)
            return;
        const qint64 elapsed = m_requestTimer.elapsed();
        if (method == "HEAD")
            m_head = true;
        write(response);
        m_head = false;
        const int status = response.status;
        if (status >= 500)
            qCWarning(lcHttp).noquote() << u"request method=%1 path=%2 status=%3 ms=%4"_s.arg(
                LogValue::quoted(method), LogValue::quoted(path), QString::number(status), QString::number(elapsed));
        else
            qCInfo(lcHttp).noquote() << u"request method=%1 path=%2 status=%3 ms=%4"_s.arg(
                LogValue::quoted(method), LogValue::quoted(path), QString::number(status), QString::number(elapsed));
        Q_EMIT m_server->requestServed(method, path, status, elapsed);
        if (!m_keepAlive) {
            closeConnection();
            return;
        }
        m_state = State::Headers;
        m_idle.start();
        process();
    }

    void write(const ApiResponse &response)
    {
        QByteArray out;
        out.reserve(256 + response.body.size());
        out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
        const QDateTime now = QDateTime::currentDateTimeUtc();
        out += "Date: " + QLocale::c().toString(now, u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s).toLatin1() + "\r\n";
        out += "Server: enlace\r\n";
        if (!response.contentType.isEmpty())
            out += "Content-Type: " + sanitizeHeaderValue(response.contentType) + "\r\n";
        if (response.status != 204 && response.status != 304)
            out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        out += m_keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
        out += "X-Content-Type-Options: nosniff\r\n";
        if (response.header("Cache-Control").isEmpty())
            out += "Cache-Control: no-store\r\n";
        for (const auto &[name, value] : response.headers) {
            bool valid = !name.isEmpty();
            for (char c : name)
                valid = valid && isTokenChar(c);
            if (valid)
                out += name + ": " + sanitizeHeaderValue(value) + "\r\n";
        }
        out += "\r\n";
        if (!m_head && response.status != 204 && response.status != 304)
            out += response.body;
        m_socket->write(out);
    }

    enum class ChunkStep { Size, DataEnd, Trailers };

    HttpServer *m_server;
    QTcpSocket *m_socket;
    QString m_address;   // the client's, as counted by the server
    QTimer m_idle;
    QTimer m_headDeadline;   // the headers of the request being read must be complete by then
    QTimer m_linger;   // Lingering: closes once the client has been quiet this long
    QElapsedTimer m_lingerSince;
    qint64 m_lingered = 0;
    bool m_chunked = false;
    ChunkStep m_chunkStep = ChunkStep::Size;
    qint64 m_chunkRemaining = 0;   // bytes of the current chunk still to read
    qint64 m_trailerBytes = 0;
    State m_state = State::Headers;
    ApiRequest m_request;
    QString m_language = u"es"_s;
    qint64 m_bodyLength = 0;
    bool m_keepAlive = true;
    bool m_head = false;
    int m_served = 0;
    QElapsedTimer m_requestTimer;
    std::shared_ptr<QTemporaryFile> m_upload;   // the body of an upload being received
    qint64 m_uploadReceived = 0;   // its bytes so far
};

HttpServer::HttpServer(ApiRouter *router, const MessageCatalog *catalog, QObject *parent)
    : QObject(parent)
    , m_router(router)
    , m_catalog(catalog)
{ }

HttpServer::~HttpServer()
{
    // The connections go while the counts they report to still exist.
    const QObjectList children = this->children();
    for (QObject *child : children)
        if (auto *connection = dynamic_cast<HttpConnection *>(child))
            delete connection;
}

Result<void> HttpServer::setTlsFiles(const QString &certificatePath, const QString &keyPath)
{
    QFile certFile(certificatePath);
    if (!certFile.open(QIODevice::ReadOnly))
        return Error { Error::Kind::Invalid,
                       u"http.tls_certificate"_s,
                       Message::make("Api", QT_TRANSLATE_NOOP("Api", "Cannot read the TLS certificate file %1."))
                           .arg(certificatePath),
                       {},
                       {} };
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (chain.isEmpty())
        return Error { Error::Kind::Invalid,
                       u"http.tls_certificate"_s,
                       Message::make("Api",
                                     QT_TRANSLATE_NOOP("Api", "The TLS certificate file %1 holds no PEM certificate."))
                           .arg(certificatePath),
                       {},
                       {} };
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return Error { Error::Kind::Invalid,
                       u"http.tls_key"_s,
                       Message::make("Api", QT_TRANSLATE_NOOP("Api", "Cannot read the TLS key file %1.")).arg(keyPath),
                       {},
                       {} };
    const QByteArray keyData = keyFile.readAll();
    QSslKey key(keyData, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyData, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return Error { Error::Kind::Invalid,
                       u"http.tls_key"_s,
                       Message::make(
                           "Api",
                           QT_TRANSLATE_NOOP("Api", "The TLS key file %1 holds no unencrypted PEM RSA or EC key."))
                           .arg(keyPath),
                       {},
                       {} };
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(chain.first());
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    m_tls = config;
    return {};
}

void HttpServer::addWebSocketPath(const QString &path, QWebSocketServer *server)
{
    m_webSocketPaths.insert(path, server);
}

void HttpServer::removeStaleUploads() const
{
    // Uploads of a server that was killed mid-import keep their name (the importer opens them by
    // path). Nothing still running is that old: an upload is received and imported in minutes.
    const QDir directory(m_limits.uploadDirectory.isEmpty() ? QDir::tempPath() : m_limits.uploadDirectory);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-3600);
    int removed = 0;
    for (const QFileInfo &file : directory.entryInfoList({ u"enlace-upload-*"_s }, QDir::Files | QDir::Hidden)) {
        if (file.lastModified().toUTC() < before && QFile::remove(file.absoluteFilePath()))
            ++removed;
    }
    if (removed > 0)
        qCInfo(lcHttp).noquote() << u"removed %1 upload file(s) left by an earlier run dir=%2"_s.arg(
            QString::number(removed), LogValue::quoted(directory.path()));
}

Result<void> HttpServer::listen(const QHostAddress &address, quint16 port)
{
    if (m_server)
        close();
    removeStaleUploads();
    if (m_tls && !QSslSocket::supportsSsl())
        return Error { Error::Kind::Unavailable,
                       u"http.no_tls"_s,
                       Message::make("Api", QT_TRANSLATE_NOOP("Api", "TLS is not available on this system.")),
                       {},
                       {} };
    auto *server = new TlsCapableServer(this);
    server->tls = m_tls;
    server->setMaxPendingConnections(128);
    if (!server->listen(address, port)) {
        const QString reason = server->errorString();
        delete server;
        return Error { Error::Kind::Unavailable,
                       u"http.listen"_s,
                       Message::make("Api", QT_TRANSLATE_NOOP("Api", "Cannot listen on %1:%2"))
                           .arg(address.toString())
                           .arg(QString::number(port)),
                       reason,
                       {} };
    }
    m_server = server;
    connect(m_server, &QTcpServer::newConnection, this, &HttpServer::handleNewConnection);
    return {};
}

void HttpServer::close()
{
    if (!m_server)
        return;
    m_server->close();
    m_server->deleteLater();
    m_server = nullptr;
}

quint16 HttpServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QHostAddress HttpServer::address() const
{
    return m_server ? m_server->serverAddress() : QHostAddress();
}

bool HttpServerLimits::isTrustedProxy(const QHostAddress &address) const
{
    QHostAddress a = address;
    bool isV4 = false;
    const quint32 v4 = a.toIPv4Address(&isV4);   // ::ffff:a.b.c.d (a dual-stack socket) is a.b.c.d
    if (isV4)
        a = QHostAddress(v4);
    for (const auto &subnet : trustedProxies)
        if (a.isInSubnet(subnet))
            return true;
    return false;
}

QString HttpServerLimits::clientAddress(const QHostAddress &peer, const QByteArray &forwardedFor) const
{
    if (forwardedFor.isEmpty() || !isTrustedProxy(peer))
        return peer.toString();
    const QList<QByteArray> hops = forwardedFor.split(',');
    QHostAddress client = peer;
    for (auto it = hops.crbegin(); it != hops.crend(); ++it) {
        const QHostAddress hop(QString::fromLatin1(it->trimmed()));
        if (hop.isNull())
            break;   // not an address (obfuscated, "unknown"): the last one believed stands
        client = hop;
        if (!isTrustedProxy(hop))
            break;
    }
    return client.toString();
}

void HttpServer::handleNewConnection()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        // Refused before any of the request is read: a 503 and the connection closes.
        const auto refuse = [socket](const QByteArray &body) {
            socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        };
        if (m_connections >= m_limits.maxConnections) {
            refuse(R"({"status":"ERROR","message":"Too many connections."})");
            continue;
        }
        const QString address = socket->peerAddress().toString();
        const int fromAddress = m_connectionsPerAddress.value(address);
        if (m_limits.maxConnectionsPerAddress > 0 && fromAddress >= m_limits.maxConnectionsPerAddress
            && !m_limits.isTrustedProxy(socket->peerAddress())) {
            refuse(R"({"status":"ERROR","message":"Too many connections from this address."})");
            ++m_refusedUnlogged;
            if (!m_refusalLogged.isValid() || m_refusalLogged.hasExpired(10'000)) {
                qCWarning(lcHttp).noquote()
                    << u"connections refused: too many from one address peer=%1 open=%2 refused=%3"_s.arg(
                           LogValue::quoted(address), QString::number(fromAddress), QString::number(m_refusedUnlogged));
                m_refusalLogged.start();
                m_refusedUnlogged = 0;
            }
            continue;
        }
        ++m_connections;
        m_connectionsPerAddress[address] = fromAddress + 1;
        new HttpConnection(this, socket, address);
    }
}

void HttpServer::connectionClosed(const QString &address)
{
    --m_connections;
    auto it = m_connectionsPerAddress.find(address);
    if (it != m_connectionsPerAddress.end() && --it.value() <= 0)
        m_connectionsPerAddress.erase(it);
}

}   // namespace enlace
