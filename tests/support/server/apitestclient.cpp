#include "apitestclient.h"

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>

namespace enlace::test {

QUrl ApiTestClient::url(const QString &pathAndQuery) const
{
    QUrl u = m_base;
    const qsizetype q = pathAndQuery.indexOf(QLatin1Char('?'));
    u.setPath(q < 0 ? pathAndQuery : pathAndQuery.left(q));
    if (q >= 0)
        u.setQuery(pathAndQuery.mid(q + 1));
    return u;
}

ApiReply ApiTestClient::call(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                             const QByteArray &contentType, const QString &token,
                             const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url(pathAndQuery));
    if (!contentType.isEmpty() && (!body.isEmpty() || method == "POST" || method == "PUT"))
        request.setRawHeader("Content-Type", contentType);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
    ApiReply out;
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000)) {
        reply->abort();
        reply->deleteLater();
        return out;
    }
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        out.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return out;
}

QString ApiTestClient::login(const QString &username, const QString &password)
{
    const ApiReply r
        = post(QStringLiteral("/api/v1/login"),
               QJsonObject { { QStringLiteral("username"), username }, { QStringLiteral("password"), password } });
    return r.json().value(QStringLiteral("token")).toString();
}

}   // namespace enlace::test
