#include "crmrecorder.h"

#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace enlace::test {

QByteArray CrmRecorder::Received::header(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

bool CrmRecorder::Received::hasHeader(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

CrmRecorder::CrmRecorder()
    : CrmRecorder(QSslCertificate(QByteArray()), QSslKey())
{ }

CrmRecorder::CrmRecorder(const QSslCertificate &certificate, const QSslKey &key)
{
    if (!certificate.isNull()) {
        auto server = std::make_unique<QSslServer>();
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(certificate);
        config.setPrivateKey(key);
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        server->setSslConfiguration(config);
        m_server = std::move(server);
    } else {
        m_server = std::make_unique<QTcpServer>();
    }
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &CrmRecorder::onConnection);
    // Dual stack: "localhost" may be tried on ::1 first.
    if (!m_server->listen(QHostAddress::Any, 0))
        qFatal("CrmRecorder: cannot listen: %s", qPrintable(m_server->errorString()));
    m_port = m_server->serverPort();
}

CrmRecorder::~CrmRecorder()
{
    // The sockets' slots use members that are gone before m_server: cut them first.
    for (QTcpSocket *socket : m_buffers.keys()) {
        socket->disconnect(this);
        socket->abort();
    }
    m_buffers.clear();
    m_server->close();
}

QString CrmRecorder::url(const QString &path, const QString &host) const
{
    const bool tls = qobject_cast<QSslServer *>(m_server.get()) != nullptr;
    return u"%1://%2:%3%4"_s.arg(tls ? u"https"_s : u"http"_s, host).arg(m_port).arg(path);
}

CrmRecorder::Response CrmRecorder::html(const QByteArray &body, int status)
{
    Response r;
    r.status = status;
    r.body = body;
    return r;
}

CrmRecorder::Response CrmRecorder::redirect(const QByteArray &location, int status)
{
    Response r;
    r.status = status;
    r.headers = { { "Location", location } };
    r.body.clear();
    return r;
}

QList<CrmRecorder::Received> CrmRecorder::receivedFor(const QByteArray &path) const
{
    QList<Received> out;
    for (const Received &r : m_received)
        if (r.path() == path)
            out.append(r);
    return out;
}

void CrmRecorder::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void CrmRecorder::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const int end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        Received r;
        r.requestLine = lines.value(0).chopped(lines.value(0).endsWith('\r') ? 1 : 0);
        const QList<QByteArray> parts = r.requestLine.split(' ');
        r.method = parts.value(0);
        r.target = parts.value(1);
        qsizetype length = 0;
        for (int i = 1; i < lines.size(); ++i) {
            QByteArray line = lines.at(i);
            if (line.endsWith('\r'))
                line.chop(1);
            const int colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon);
            const QByteArray value = line.mid(colon + 1).trimmed();
            r.headers.append({ name, value });
            if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return;
        r.body = buffer.mid(end + 4, length);
        buffer.remove(0, end + 4 + length);

        Response response;
        if (r.path() == "/favicon.ico")
            response = html({}, 404);
        else {
            response = m_responses.value(r.path(), Response());
            m_received.append(r);
        }
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " X\r\n";
        for (const auto &h : response.headers)
            out += h.first + ": " + h.second + "\r\n";
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\nConnection: close\r\n\r\n";
        out += response.body;
        socket->write(out);
        socket->disconnectFromHost();
        return;
    }
}

}   // namespace enlace::test
