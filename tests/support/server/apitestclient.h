#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrl>

namespace enlace::test {

struct ApiReply
{
    int status = 0;   // 0: no answer (connection refused, timeout)
    QByteArray body;
    QHash<QByteArray, QByteArray> headers;   // lower-case names
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
};

// A synchronous (event-loop pumping) HTTP client for tests against an in-process server.
class ApiTestClient final
{
public:
    explicit ApiTestClient(QUrl base)
        : m_base(std::move(base))
    { }
    void setBase(const QUrl &base) { m_base = base; }
    QUrl url(const QString &pathAndQuery) const;

    ApiReply call(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                  const QByteArray &contentType = "application/json", const QString &token = {},
                  const QList<QPair<QByteArray, QByteArray>> &headers = {});
    ApiReply get(const QString &path, const QString &token = {}) { return call("GET", path, {}, {}, token); }
    ApiReply post(const QString &path, const QJsonObject &body, const QString &token = {})
    {
        return call("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", token);
    }
    // POST /api/v1/login; the token or an empty string.
    QString login(const QString &username, const QString &password);

private:
    QUrl m_base;
    QNetworkAccessManager m_nam;
};

}   // namespace enlace::test
