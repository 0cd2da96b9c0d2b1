#include <core/sites/dynamiclistfetcher.h>
#include <core/sites/tokenprovider.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSqlQuery>
#include <QSslConfiguration>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDynamicList, "enlace.delivery.dynamiclist", QtInfoMsg)

namespace enlace {

DynamicListFetcher::DynamicListFetcher(std::shared_ptr<Database> db, QNetworkAccessManager *network,
                                       TokenProvider *tokens, const MessageCatalog *catalog, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_network(network)
    , m_tokens(tokens)
    , m_catalog(catalog)
{ }

Message DynamicListFetcher::unavailableMessage(const QString &siteName)
{
    return Message::make("Delivery", QT_TRANSLATE_NOOP("Delivery", "ERROR: Service %1 not available")).arg(siteName);
}

void DynamicListFetcher::fail(const ExternalSite &site, const QString &why, const QString &language,
                              const Callback &done)
{
    qCWarning(lcDynamicList) << "dynamic list of site" << site.id << "unavailable:" << why;
    const QStringList options { unavailableMessage(site.name).text(m_catalog, language) };
    QTimer::singleShot(0, this, [done, options] { done(options); });
}

void DynamicListFetcher::fetch(qint64 siteId, const QString &language, Callback done)
{
    ExternalSite site;
    site.id = siteId;
    site.name = QString::number(siteId);
    auto q = m_db->exec(u"SELECT name, url, method, authentication_id FROM external_sites WHERE id = ?"_s, { siteId });
    if (!q || !q->next()) {
        fail(site, q ? u"unknown site"_s : q.error().detail, language, done);
        return;
    }
    site.name = q->value(0).toString();
    site.url = q->value(1).toString();
    site.method = SiteMethod(q->value(2).toInt());
    site.trigger = SiteTrigger::DynamicList;
    if (!q->value(3).isNull())
        site.authenticationId = q->value(3).toLongLong();
    fetch(site, language, std::move(done));
}

void DynamicListFetcher::fetch(const ExternalSite &site, const QString &language, Callback done)
{
    if (site.method != SiteMethod::Get) {
        fail(site, u"the site's method is not GET"_s, language, done);
        return;
    }
    const QUrl url(site.url, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)) {
        fail(site, u"invalid URL"_s, language, done);
        return;
    }
    if (!site.authenticationId) {
        get(site, {}, language, done);
        return;
    }
    if (!m_tokens) {
        fail(site, u"no token provider"_s, language, done);
        return;
    }
    QPointer<DynamicListFetcher> self(this);
    m_tokens->token(*site.authenticationId, [self, site, language, done](Result<QString> token) {
        if (!self)
            return;
        if (!token)
            self->fail(site, token.error().text(), language, done);
        else
            self->get(site, token.value(), language, done);
    });
}

void DynamicListFetcher::get(const ExternalSite &site, const QString &token, const QString &language,
                             const Callback &done)
{
    QNetworkRequest request { QUrl(site.url, QUrl::StrictMode) };
    request.setRawHeader("Accept"_ba, "application/json"_ba);
    if (!token.isEmpty())
        request.setRawHeader("Authorization"_ba, "Bearer "_ba + token.toUtf8());
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    if (site.authenticationId && m_tokens && !m_tokens->sslStrict(*site.authenticationId)) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        request.setSslConfiguration(ssl);
    }
    QNetworkReply *reply = m_network->get(request);
    TokenProvider::abortAfter(reply, m_timeoutMs);
    connect(reply, &QNetworkReply::finished, this, [this, reply, site, language, done] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0) {
            fail(site, TokenProvider::timedOut(reply) ? u"timeout"_s : reply->errorString(), language, done);
            return;
        }
        if (status != 200) {
            fail(site, u"HTTP "_s + QString::number(status), language, done);
            return;
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isArray()) {
            fail(site, u"the answer is not a JSON array"_s, language, done);
            return;
        }
        QStringList options;
        const QJsonArray array = doc.array();
        for (const QJsonValue &v : array) {
            if (v.isString())
                options.append(v.toString());
            else if (v.isDouble())
                options.append(QString::number(v.toDouble(), 'g', 15));
            else if (v.isBool())
                options.append(v.toBool() ? u"True"_s : u"False"_s);
            else if (v.isNull())
                options.append(u"None"_s);
            else
                options.append(QString::fromUtf8(v.isArray()
                                                     ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                                     : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)));
        }
        done(options);
    });
}

}   // namespace enlace
