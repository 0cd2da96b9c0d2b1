#include "fakecrm.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>

namespace enlace::test {

FakeCrm::FakeCrm()
{
    m_server.route(QStringLiteral("/crm/<arg>"), [this](const QString &, const QHttpServerRequest &request) {
        Received r;
        switch (request.method()) {
        case QHttpServerRequest::Method::Get:
            r.method = "GET";
            break;
        case QHttpServerRequest::Method::Post:
            r.method = "POST";
            break;
        case QHttpServerRequest::Method::Put:
            r.method = "PUT";
            break;
        default:
            r.method = "OTHER";
            break;
        }
        r.path = request.url().path();
        r.query = request.query();
        for (const auto &[name, value] : request.headers())
            r.headers.insert(name.toLower(), value);
        r.body = request.body();
        m_received.append(r);
        return QHttpServerResponse("application/json", "{\"ok\":true}", QHttpServerResponse::StatusCode(m_status));
    });
    m_port = m_server.listen(QHostAddress::LocalHost, 0);
}

QString FakeCrm::url(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
}

}   // namespace enlace::test
