#include "deliverycrmserver.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace enlace::test {

namespace {

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    default:
        return "OTHER";
    }
}

}   // namespace

QByteArray DeliveryCrmServer::Request::header(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

DeliveryCrmServer::DeliveryCrmServer()
    : m_server(std::make_unique<QHttpServer>())
{
    m_server->setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        Request r;
        r.method = methodName(request.method());
        r.path = request.url().path();
        r.query = request.url().query();
        r.headers = request.headers();
        r.body = request.body();
        m_received.append(r);

        const QList<Reply> script = m_scripts.value(r.path, { Reply {} });
        const int n = m_served.value(r.path);
        m_served[r.path] = n + 1;
        const Reply reply = script.at(std::min<qsizetype>(n, script.size() - 1));
        if (reply.hang)
            return;   // the responder goes away without a word; the connection stays open
        responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
        if (!reply.contentType.isEmpty())
            responder.writeHeader("Content-Type", reply.contentType);
        for (const auto &h : reply.headers)
            responder.writeHeader(h.first, h.second);
        responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
        responder.writeBody(reply.body);
    });
}

DeliveryCrmServer::~DeliveryCrmServer() = default;

bool DeliveryCrmServer::listen()
{
    m_port = m_server->listen(QHostAddress::LocalHost, 0);
    return m_port != 0;
}

QUrl DeliveryCrmServer::url(const QString &path) const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path));
}

void DeliveryCrmServer::script(const QString &path, const QList<Reply> &replies)
{
    m_scripts.insert(path, replies);
    m_served.remove(path);
}

QList<DeliveryCrmServer::Request> DeliveryCrmServer::received(const QString &path) const
{
    QList<Request> out;
    for (const Request &r : m_received)
        if (r.path == path)
            out.append(r);
    return out;
}

quint16 deliveryClosedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

}   // namespace enlace::test
