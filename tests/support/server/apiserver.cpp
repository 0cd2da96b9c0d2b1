#include "apiserver.h"

#include <core/api/tokenstore.h>
#include <core/identity/externalsystemrepository.h>
#include <tests/support/server/serverconfigs.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace enlace::test {

ApiServer::ApiServer(const QString &backend)
    : m_scratch(backend)
{
    // The access log of every request would drown the test output.
    QLoggingCategory::setFilterRules(u"enlace.http.info=false"_s);
    if (m_scratch.skipped())
        return;
    if (!m_scratch.db()) {
        m_error = m_scratch.error();
        return;
    }
    ServerConfig config = localServerConfig(m_scratch.url(), m_dir);
    config.maxBodyBytes = 64 * 1024;
    m_server = std::make_unique<ServerInstance>(config, &m_clock);
    if (auto started = m_server->start(); !started)
        m_error = started.error().text();
}

ApiServer::~ApiServer()
{
    if (m_server)
        m_server->stop();
}

QString ApiServer::tokenFor(qint64 userId)
{
    TokenStore tokens(database(), m_clock);
    auto issued = tokens.issue(userId, m_server->config().tokenLifetimeSeconds * 1000);
    if (!issued)
        qFatal("tokenFor: %s", qPrintable(issued.error().text()));
    return issued->token;
}

QString ApiServer::integrationKeyFor(qint64 systemId)
{
    ExternalSystemRepository systems(database());
    auto key = systems.rotateIntegrationKey(systemId);
    if (!key)
        qFatal("integrationKeyFor: %s", qPrintable(key.error().text()));
    return key.value();
}

RawHttpResponse ApiServer::send(const QByteArray &method, const QString &pathAndQuery, const QJsonValue &body,
                                const QString &token)
{
    QByteArray bytes;
    if (body.isObject())
        bytes = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    else if (body.isArray())
        bytes = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
    return sendRaw(method, pathAndQuery, bytes, bytes.isEmpty() ? QByteArray() : QByteArray("application/json"), token);
}

RawHttpResponse ApiServer::sendRaw(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                                   const QByteArray &contentType, const QString &token,
                                   const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QList<QPair<QByteArray, QByteArray>> all;
    const bool languageGiven = std::any_of(headers.begin(), headers.end(), [](const auto &h) {
        return h.first.compare("Accept-Language", Qt::CaseInsensitive) == 0;
    });
    if (!languageGiven)
        all.append(qMakePair(QByteArray("Accept-Language"), QByteArray("en")));
    if (!contentType.isEmpty())
        all.append({ "Content-Type", contentType });
    if (!token.isEmpty())
        all.append({ "Authorization", "Bearer " + token.toUtf8() });
    all.append(headers);
    const RawHttpResponse r
        = RawHttpClient::exchange(m_server->port(), RawHttpClient::request(method, pathAndQuery.toUtf8(), body, all));
    if (r.status == 0)
        qWarning().noquote() << "no HTTP answer to" << method << pathAndQuery;
    return r;
}

}   // namespace enlace::test
