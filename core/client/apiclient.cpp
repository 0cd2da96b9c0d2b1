#include <core/client/apiclient.h>

#include <QHttpMultiPart>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

Error networkError(QString code, Message message, QString detail = {})
{
    return Error { Error::Kind::Unavailable, std::move(code), std::move(message), std::move(detail), {} };
}

// The server's field and row errors, whatever their nesting: {"field": ["text", ...]} and
// {"rows": [{"column": ["text"]}, ...]} become ValidationErrors entries "field" and "rows[0].column".
void collect(ValidationErrors &out, const QString &path, const QJsonValue &value)
{
    if (value.isString()) {
        out.add(path.isEmpty() ? u"non_field_errors"_s : path, Message::fromText(value.toString()));
    } else if (value.isArray()) {
        const QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (items.at(i).isString())
                collect(out, path, items.at(i));
            else
                collect(out, path + u'[' + QString::number(i) + u']', items.at(i));
        }
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            collect(out, path.isEmpty() ? it.key() : path + u'.' + it.key(), it.value());
    } else if (!value.isNull() && !value.isUndefined()) {
        out.add(path.isEmpty() ? u"non_field_errors"_s : path, Message::fromText(value.toVariant().toString()));
    }
}

// The first member of an answer's envelope that holds an array (lists) or an object (details).
QJsonValue payload(const QJsonValue &answer, bool array)
{
    if (array && answer.isArray())
        return answer;
    const QJsonObject o = answer.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == u"errors"_s || it.key() == u"status"_s)
            continue;
        if (array ? it.value().isArray() : it.value().isObject())
            return it.value();
    }
    return array ? QJsonValue(QJsonArray()) : QJsonValue(QJsonObject());
}

// The handler of an answer: the error as it is, or what decode(answer) makes of it (a T or a Result<T>).
template <typename T, typename Decode> auto decodedBy(ApiClient::Callback<T> done, Decode decode)
{
    return [done = std::move(done), decode](auto answer) {
        if (!answer)
            return done(answer.error());
        done(decode(answer.value()));
    };
}

const auto asObject = [](const auto &answer) { return answer.json.toObject(); };
const auto asList = [](const auto &answer) { return payload(answer.json, true).toArray(); };
const auto asDetail = [](const auto &answer) { return payload(answer.json, false).toObject(); };
const auto asNothing = [](const auto &) { return Result<void>(); };

Error unexpected(const QString &what)
{
    return Error { Error::Kind::Internal,
                   u"api.unexpected_answer"_s,
                   Message::make("Client", QT_TRANSLATE_NOOP("Client", "The server's answer could not be read.")),
                   what,
                   {} };
}

}   // namespace

ApiClient::ApiClient(QNetworkAccessManager *network, QUrl baseUrl, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_baseUrl(std::move(baseUrl))
{ }

ApiClient::~ApiClient()
{
    // No callback after this: the replies' handlers are dropped with them.
    for (const QPointer<QNetworkReply> &reply : std::as_const(m_pending)) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
}

void ApiClient::setSslConfiguration(const QSslConfiguration &configuration)
{
    m_ssl = configuration;
    if (m_network)
        m_network->clearConnectionCache();
}

QString ApiClient::resourcePath(AdminResource resource)
{
    switch (resource) {
    case AdminResource::ExternalSites:
        return u"/api/v1/external_sites/"_s;
    case AdminResource::SiteAuthentications:
        return u"/api/v1/external_site_authentications/"_s;
    case AdminResource::ExternalSystems:
        return u"/api/v1/external_systems/"_s;
    case AdminResource::Campaigns:
        return u"/api/v1/campaigns/"_s;
    case AdminResource::ContactDatabases:
        return u"/api/v1/contact_databases/"_s;
    case AdminResource::Users:
        return u"/api/v1/users/"_s;
    }
    return {};
}

namespace {
// Where a resource is created: OMniLeads names some of these routes in the singular.
QString createPath(AdminResource resource)
{
    if (resource == AdminResource::ContactDatabases)
        return u"/api/v1/contact_database/create/"_s;
    return ApiClient::resourcePath(resource) + u"create/"_s;
}
}   // namespace

QNetworkRequest ApiClient::request(const QString &path) const
{
    QUrl url = m_baseUrl;
    const int query = path.indexOf(u'?');
    QString basePath = url.path();
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + (query < 0 ? path : path.left(query)));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest r(url);
    r.setRawHeader("Accept", "application/json");
    r.setRawHeader("Accept-Language", m_language.toUtf8());
    r.setTransferTimeout(m_timeoutMs);
    // A server's redirect is not followed with the token (it would go where the server points).
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (m_ssl)
        r.setSslConfiguration(*m_ssl);
    return r;
}

void ApiClient::call(const QByteArray &method, const QString &path, const QJsonValue &body, Handler handler,
                     bool withToken)
{
    QNetworkRequest r = request(path);
    if (withToken && !m_token.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    QByteArray bytes;
    if (!body.isUndefined() && !body.isNull()) {
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        bytes = body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                               : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    }
    if (!m_network) {
        handler(networkError(u"network.none"_s,
                             Message::make("Client", QT_TRANSLATE_NOOP("Client", "There is no network access."))));
        return;
    }
    QNetworkReply *reply = bytes.isEmpty() && method != "POST" && method != "PUT"
        ? m_network->sendCustomRequest(r, method)
        : m_network->sendCustomRequest(r, method, bytes);
    start(reply, withToken && !m_token.isEmpty(), std::move(handler));
}

void ApiClient::start(QNetworkReply *reply, bool withToken, Handler handler)
{
    m_pending.append(reply);
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        // Never ignored: the peer is not who it claims, or is not trusted here.
        reply->setProperty("enlace.tlsErrors", QVariant::fromValue(errors.size()));
        QStringList texts;
        for (const QSslError &e : errors)
            texts.append(e.errorString());
        reply->setProperty("enlace.tlsText", texts.join(u"; "_s));
        Q_EMIT tlsErrors(errors);
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, withToken, handler = std::move(handler)]() {
        m_pending.removeAll(reply);
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QNetworkReply::NetworkError failure = reply->error();
        if (status == 0) {
            if (reply->property("enlace.tlsErrors").isValid()) {
                handler(networkError(
                    u"network.tls"_s,
                    Message::make("Client", QT_TRANSLATE_NOOP("Client", "The server's certificate is not trusted.")),
                    reply->property("enlace.tlsText").toString()));
            } else if (failure == QNetworkReply::OperationCanceledError || failure == QNetworkReply::TimeoutError) {
                handler(networkError(
                    u"network.timeout"_s,
                    Message::make("Client", QT_TRANSLATE_NOOP("Client", "The server did not answer in time."))));
            } else if (failure == QNetworkReply::ConnectionRefusedError
                       || failure == QNetworkReply::HostNotFoundError) {
                handler(
                    networkError(u"network.unreachable"_s,
                                 Message::make("Client", QT_TRANSLATE_NOOP("Client", "The server cannot be reached.")),
                                 reply->errorString()));
            } else {
                handler(networkError(
                    u"network.failed"_s,
                    Message::make("Client", QT_TRANSLATE_NOOP("Client", "The connection to the server failed.")),
                    reply->errorString()));
            }
            return;
        }
        Answer answer;
        answer.status = status;
        answer.body = reply->readAll();
        if (!answer.body.isEmpty()) {
            QJsonParseError parse;
            const QJsonDocument doc = QJsonDocument::fromJson(answer.body, &parse);
            if (parse.error == QJsonParseError::NoError)
                answer.json = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
        }
        if (status >= 200 && status < 300) {
            handler(std::move(answer));
            return;
        }
        if (status >= 300 && status < 400) {
            handler(
                Error { Error::Kind::Internal,
                        u"api.redirected"_s,
                        Message::make("Client", QT_TRANSLATE_NOOP("Client", "The server answered with a redirection.")),
                        QString::fromUtf8(reply->rawHeader("Location")),
                        {} });
            return;
        }
        Error e = errorFrom(answer);
        if (status == 429 || status == 503) {
            const QByteArray retry = reply->rawHeader("Retry-After");
            if (!retry.isEmpty())
                e.detail = u"Retry-After: "_s + QString::fromLatin1(retry);
        }
        if (e.kind == Error::Kind::Unauthenticated && withToken)
            Q_EMIT sessionExpired(e);
        handler(std::move(e));
    });
}

Error ApiClient::errorFrom(const Answer &answer) const
{
    const QJsonObject o = answer.json.toObject();
    QString text = o.value(u"message"_s).toString();
    if (text.isEmpty())
        text = o.value(u"detail"_s).toString();
    ValidationErrors fields;
    const QJsonValue errors = o.value(u"errors"_s);
    collect(fields, {}, errors);
    // The admin API's 400 repeats the errors as compact JSON in "message": show the fields instead.
    if (text.startsWith(u'{') && !fields.isEmpty())
        text.clear();
    Error e;
    e.message = text.isEmpty() ? Message() : Message::fromText(text);
    e.fields = fields;
    e.code = u"http."_s + QString::number(answer.status);
    switch (answer.status) {
    case 400:
    case 413:
    case 422:
    case 431:
        e.kind = Error::Kind::Invalid;
        break;
    case 401:
        e.kind = Error::Kind::Unauthenticated;
        break;
    case 403:
        e.kind = Error::Kind::Forbidden;
        break;
    case 404:
        e.kind = Error::Kind::NotFound;
        break;
    case 409:
        e.kind = Error::Kind::Conflict;
        break;
    case 429:
    case 502:
    case 503:
    case 504:
        e.kind = Error::Kind::Unavailable;
        break;
    default:
        e.kind = answer.status >= 500 ? Error::Kind::Internal : Error::Kind::Invalid;
        break;
    }
    if (e.message.isNull() && e.fields.isEmpty())
        e.detail = QString::fromUtf8(answer.body.left(200));
    return e;
}

void ApiClient::send(const QByteArray &method, const QString &path, const QJsonValue &body, Callback<QJsonValue> done)
{
    call(method, path, body, decodedBy(std::move(done), [](const auto &answer) { return answer.json; }));
}

void ApiClient::login(const QString &username, const QString &password, Callback<LoginAnswer> done)
{
    const QJsonObject body { { u"username"_s, username }, { u"password"_s, password } };
    call(
        "POST", u"/api/v1/login"_s, body,
        [this, done = std::move(done)](Result<Answer> a) {
            if (!a) {
                Error e = a.error();
                // OMniLeads answers a wrong password with 404 "Invalid Credentials or activate account".
                if (e.code == u"http.404"_s) {
                    e.kind = Error::Kind::Unauthenticated;
                    e.code = u"api.bad_credentials"_s;
                }
                return done(e);
            }
            const QJsonObject o = a->json.toObject();
            LoginAnswer answer;
            answer.token = o.value(u"token"_s).toString();
            if (answer.token.isEmpty())
                return done(unexpected(u"login: no token"_s));
            answer.expiresInSeconds = o.value(u"expires_in"_s).toVariant().toDouble();
            const QJsonObject user = o.value(u"user"_s).toObject();
            answer.firstName = user.value(u"first_name"_s).toString();
            answer.lastName = user.value(u"last_name"_s).toString();
            answer.email = user.value(u"email"_s).toString();
            if (user.contains(u"agent_id"_s))
                answer.agentId = user.value(u"agent_id"_s).toVariant().toLongLong();
            m_token = answer.token;
            done(std::move(answer));
        },
        false);
}

void ApiClient::logout(Callback<void> done)
{
    call("POST", u"/api/v1/logout"_s, QJsonObject(), [this, done = std::move(done)](Result<Answer> a) {
        m_token.clear();
        if (!a)
            return done(a.error());
        done({});
    });
}

void ApiClient::makeCall(const CallOrder &order, Callback<void> done)
{
    QJsonObject body { { u"idCampaign"_s, order.campaign },
                       { u"idAgent"_s, order.agent },
                       { u"phone"_s, order.phone } };
    if (!order.contact.isEmpty())
        body.insert(u"idContact"_s, order.contact);
    if (!order.externalSystemId.isEmpty())
        body.insert(u"idExternalSystem"_s, order.externalSystemId);
    call("POST", u"/api/v1/makeCall/"_s, body, [done = std::move(done)](Result<Answer> a) {
        if (!a)
            return done(a.error());
        // makeCall answers 200 with {"status":"ERROR"} (OMniLeads' envelope): "errors" is an
        // object of field errors when the order is wrong, a list of reasons when the PBX refused.
        const QJsonObject o = a->json.toObject();
        if (o.value(u"status"_s).toString() != u"OK"_s && o.value(u"errors"_s).isObject()) {
            Error e = Error::invalid({}, u"api.invalid_call"_s);
            collect(e.fields, {}, o.value(u"errors"_s));
            e.message = Message::fromText(o.value(u"message"_s).toString());
            return done(e);
        }
        if (o.value(u"status"_s).toString() != u"OK"_s) {
            Error e;
            e.kind = Error::Kind::Unavailable;
            e.code = u"api.call_failed"_s;
            e.message = Message::fromText(o.value(u"message"_s).toString());
            QStringList reasons;
            for (const QJsonValue v : o.value(u"errors"_s).toArray())
                reasons.append(v.toString());
            e.detail = reasons.join(u"; "_s);
            return done(e);
        }
        done({});
    });
}

void ApiClient::dispositionOptions(const QString &campaign, Callback<QList<DispositionChoice>> done,
                                   const QString &externalSystemId)
{
    QString path
        = u"/api/v1/campaign/"_s + QString::fromLatin1(QUrl::toPercentEncoding(campaign)) + u"/dispositionOptions/"_s;
    if (!externalSystemId.isEmpty())
        path += QString::fromLatin1(QUrl::toPercentEncoding(externalSystemId)) + u'/';
    call("GET", path, {}, [done = std::move(done)](Result<Answer> a) {
        if (!a)
            return done(a.error());
        if (!a->json.isArray())
            return done(unexpected(u"dispositionOptions: not a list"_s));
        QList<DispositionChoice> out;
        for (const QJsonValue v : a->json.toArray()) {
            const QJsonObject o = v.toObject();
            out.append({ o.value(u"id"_s).toVariant().toLongLong(), o.value(u"name"_s).toString(),
                         o.value(u"hidden"_s).toBool() });
        }
        done(std::move(out));
    });
}

void ApiClient::agentCalls(Callback<AgentCalls> done)
{
    call("GET", u"/api/v1/agent/calls/"_s, {}, [done = std::move(done)](Result<Answer> a) {
        if (!a)
            return done(a.error());
        const QJsonObject o = a->json.toObject();
        if (!o.value(u"calls"_s).isArray())
            return done(unexpected(u"agent/calls: no list"_s));
        AgentCalls out;
        out.lastEventId = o.value(u"last_event_id"_s).toInteger();
        for (const QJsonValue v : o.value(u"calls"_s).toArray()) {
            auto decoded = wire::AgentCall::fromJson(v.toObject());
            if (!decoded)
                return done(unexpected(u"agent/calls: "_s + decoded.error().detail));
            out.calls.append(std::move(decoded).value());
        }
        for (const QJsonValue v : o.value(u"campaigns"_s).toArray()) {
            const QJsonObject c = v.toObject();
            out.campaigns.append({ c.value(u"id"_s).toInteger(), c.value(u"name"_s).toString(),
                                   CampaignType(c.value(u"type"_s).toInt()) });
        }
        done(std::move(out));
    });
}

namespace {
QJsonObject dispositionBody(const DispositionOrder &order)
{
    QJsonObject body { { u"idDispositionOption"_s, order.optionId },
                       { u"callid"_s, order.callId },
                       { u"comments"_s, order.comments } };
    if (order.contactId)
        body.insert(u"idContact"_s, *order.contactId);
    return body;
}
}   // namespace

void ApiClient::dispose(const DispositionOrder &order, Callback<QJsonObject> done)
{
    call("POST", u"/api/v1/disposition/"_s, dispositionBody(order), decodedBy(std::move(done), asObject));
}

void ApiClient::updateDisposition(qint64 id, const DispositionOrder &order, Callback<QJsonObject> done)
{
    call("PUT", u"/api/v1/disposition/"_s + QString::number(id) + u'/', dispositionBody(order),
         decodedBy(std::move(done), asObject));
}

void ApiClient::dispositions(Callback<QJsonArray> done)
{
    call("GET", u"/api/v1/disposition/"_s, {}, decodedBy(std::move(done), asList));
}

void ApiClient::searchContacts(qint64 campaignId, const QString &search, int start, int length,
                               Callback<QJsonObject> done)
{
    QUrlQuery q;
    q.addQueryItem(u"search[value]"_s, search);
    q.addQueryItem(u"start"_s, QString::number(start));
    q.addQueryItem(u"length"_s, QString::number(length));
    call("GET",
         u"/api/v1/campaign/"_s + QString::number(campaignId) + u"/contacts/?"_s + q.toString(QUrl::FullyEncoded), {},
         decodedBy(std::move(done), asObject));
}

void ApiClient::list(AdminResource resource, Callback<QJsonArray> done)
{
    call("GET", resourcePath(resource), {}, decodedBy(std::move(done), asList));
}

void ApiClient::get(AdminResource resource, qint64 id, Callback<QJsonObject> done)
{
    call("GET", resourcePath(resource) + QString::number(id) + u'/', {}, decodedBy(std::move(done), asDetail));
}

void ApiClient::create(AdminResource resource, const QJsonObject &object, Callback<QJsonObject> done)
{
    call("POST", createPath(resource), object, decodedBy(std::move(done), asObject));
}

void ApiClient::update(AdminResource resource, qint64 id, const QJsonObject &object, Callback<QJsonObject> done)
{
    call("PUT", resourcePath(resource) + QString::number(id) + u"/update/"_s, object,
         decodedBy(std::move(done), asObject));
}

void ApiClient::remove(AdminResource resource, qint64 id, Callback<void> done)
{
    call("DELETE", resourcePath(resource) + QString::number(id) + u"/delete/"_s, {},
         decodedBy(std::move(done), asNothing));
}

void ApiClient::testSiteAuthentication(const QJsonObject &authentication, Callback<QJsonObject> done)
{
    call("POST", u"/api/v1/external_site_authentications/test/"_s, authentication,
         decodedBy(std::move(done), asObject));
}

void ApiClient::newIntegrationKey(qint64 externalSystemId, Callback<QString> done)
{
    call("POST", u"/api/v1/external_systems/"_s + QString::number(externalSystemId) + u"/integration_key/"_s,
         QJsonObject(), [done = std::move(done)](Result<Answer> a) {
             if (!a)
                 return done(a.error());
             const QString key = a->json.toObject().value(u"integrationKey"_s).toString();
             if (key.isEmpty())
                 return done(unexpected(u"integration_key: no key"_s));
             done(key);
         });
}

void ApiClient::agents(Callback<QJsonArray> done)
{
    call("GET", u"/api/v1/agent/list/"_s, {}, decodedBy(std::move(done), asList));
}

void ApiClient::campaignWarnings(qint64 campaignId, Callback<QJsonArray> done)
{
    call("GET", u"/api/v1/campaigns/"_s + QString::number(campaignId) + u"/warnings/"_s, {},
         decodedBy(std::move(done), asList));
}

void ApiClient::configWarnings(Callback<QJsonArray> done)
{
    call("GET", u"/api/v1/config_warnings/"_s, {}, decodedBy(std::move(done), asList));
}

QJsonObject RequestPreviewOrder::toJson() const
{
    QJsonObject o { { u"campaign"_s, campaignId } };
    if (siteId)
        o.insert(u"site_id"_s, *siteId);
    if (site)
        o.insert(u"site"_s, *site);
    if (!callId.isEmpty())
        o.insert(u"call_id"_s, callId);
    if (!sample.isEmpty())
        o.insert(u"sample"_s, sample);
    return o;
}

namespace {

QList<QPair<QString, QString>> headerPairs(const QJsonValue &value)
{
    QList<QPair<QString, QString>> out;
    for (const QJsonValue h : value.toArray())
        out.append({ h[u"name"_s].toString(), h[u"value"_s].toString() });
    return out;
}

QByteArray bodyOf(const QJsonObject &o)
{
    const QString body = o.value(u"body"_s).toString();
    return o.value(u"body_base64"_s).toBool() ? QByteArray::fromBase64(body.toLatin1()) : body.toUtf8();
}

QDateTime timeOf(const QJsonValue &value)
{
    return value.isString() ? QDateTime::fromString(value.toString(), Qt::ISODateWithMs) : QDateTime();
}

std::optional<qint64> idOf(const QJsonValue &value)
{
    return value.isDouble() ? std::optional<qint64>(value.toInteger()) : std::nullopt;
}

QString timeText(const QDateTime &when)
{
    return QString::number(when.toMSecsSinceEpoch());
}

}   // namespace

CrmRequestView CrmRequestView::fromJson(const QJsonObject &o)
{
    CrmRequestView v;
    v.method = o.value(u"method"_s).toString();
    v.url = o.value(u"url"_s).toString();
    v.headers = headerPairs(o.value(u"headers"_s));
    v.body = bodyOf(o);
    v.bodySize = o.value(u"body_size"_s).toInteger(v.body.size());
    v.bodyTruncated = o.value(u"body_truncated"_s).toBool();
    return v;
}

void ApiClient::previewRequest(const RequestPreviewOrder &order, Callback<RequestPreview> done)
{
    call("POST", u"/api/v1/external_sites/preview/"_s, order.toJson(), [done = std::move(done)](Result<Answer> a) {
        if (!a)
            return done(a.error());
        const QJsonObject o = a->json.toObject();
        if (!o.value(u"request"_s).isObject())
            return done(unexpected(u"external_sites/preview: no request"_s));
        RequestPreview out;
        out.sample = o.value(u"sample"_s).toBool();
        out.callId = o.value(u"call_id"_s).toString();
        const QJsonObject request = o.value(u"request"_s).toObject();
        out.request = CrmRequestView::fromJson(request);
        out.preview = request.value(u"preview"_s).toString();
        done(std::move(out));
    });
}

void ApiClient::sendTestRequest(const RequestPreviewOrder &order, Callback<TestSendAnswer> done)
{
    call("POST", u"/api/v1/external_sites/send_test/"_s, order.toJson(), [done = std::move(done)](Result<Answer> a) {
        if (!a)
            return done(a.error());
        const QJsonObject o = a->json.toObject();
        if (!o.value(u"sent"_s).isObject())
            return done(unexpected(u"external_sites/send_test: nothing sent"_s));
        TestSendAnswer out;
        out.sample = o.value(u"sample"_s).toBool();
        out.callId = o.value(u"call_id"_s).toString();
        out.idempotencyKey = o.value(u"idempotency_key"_s).toString();
        out.elapsedMs = o.value(u"elapsed_ms"_s).toInteger();
        out.sent = CrmRequestView::fromJson(o.value(u"sent"_s).toObject());
        if (o.value(u"received"_s).isObject()) {
            const QJsonObject r = o.value(u"received"_s).toObject();
            out.received = TestSendAnswer::Received { r.value(u"status"_s).toInt(), r.value(u"reason"_s).toString(),
                                                      headerPairs(r.value(u"headers"_s)), bodyOf(r),
                                                      r.value(u"body_truncated"_s).toBool() };
        } else {
            const QJsonObject e = o.value(u"error"_s).toObject();
            out.errorCode = e.value(u"code"_s).toString();
            out.error = e.value(u"message"_s).toString();
        }
        done(std::move(out));
    });
}

void ApiClient::campaignCalls(qint64 campaignId, int length, Callback<QList<CampaignCall>> done)
{
    call("GET", u"/api/v1/campaigns/"_s + QString::number(campaignId) + u"/calls/?length="_s + QString::number(length),
         {}, [done = std::move(done)](Result<Answer> a) {
             if (!a)
                 return done(a.error());
             const QJsonValue calls = a->json.toObject().value(u"calls"_s);
             if (!calls.isArray())
                 return done(unexpected(u"campaigns/calls: no list"_s));
             QList<CampaignCall> out;
             for (const QJsonValue v : calls.toArray()) {
                 const QJsonObject c = v.toObject();
                 out.append(CampaignCall { c.value(u"call_id"_s).toString(), idOf(c.value(u"agent_id"_s)),
                                           idOf(c.value(u"contact_id"_s)), c.value(u"phone"_s).toString(),
                                           c.value(u"call_type"_s).toInt(), c.value(u"state"_s).toInt(),
                                           timeOf(c.value(u"offered_at"_s)), timeOf(c.value(u"connected_at"_s)),
                                           timeOf(c.value(u"ended_at"_s)) });
             }
             done(std::move(out));
         });
}

void ApiClient::deliveries(const DeliveryQuery &query, Callback<DeliveryList> done)
{
    QUrlQuery q;
    if (query.siteId)
        q.addQueryItem(u"site"_s, QString::number(*query.siteId));
    if (query.campaignId)
        q.addQueryItem(u"campaign"_s, QString::number(*query.campaignId));
    if (!query.state.isEmpty())
        q.addQueryItem(u"state"_s, query.state);
    if (query.from.isValid())
        q.addQueryItem(u"from"_s, timeText(query.from));
    if (query.to.isValid())
        q.addQueryItem(u"to"_s, timeText(query.to));
    q.addQueryItem(u"start"_s, QString::number(query.start));
    q.addQueryItem(u"length"_s, QString::number(query.length));
    call("GET", u"/api/v1/deliveries/?"_s + q.toString(QUrl::FullyEncoded), {},
         [done = std::move(done)](Result<Answer> a) {
             if (!a)
                 return done(a.error());
             const QJsonObject data = a->json.toObject().value(u"data"_s).toObject();
             if (!data.value(u"deliveries"_s).isArray())
                 return done(unexpected(u"deliveries: no list"_s));
             DeliveryList out;
             out.total = data.value(u"total"_s).toInteger();
             out.start = data.value(u"start"_s).toInt();
             out.length = data.value(u"length"_s).toInt();
             for (const QJsonValue v : data.value(u"deliveries"_s).toArray()) {
                 const QJsonObject d = v.toObject();
                 DeliveryView view;
                 view.key = d.value(u"key"_s).toString();
                 view.siteId = idOf(d.value(u"site_id"_s));
                 view.campaignId = idOf(d.value(u"campaign_id"_s));
                 view.agentId = idOf(d.value(u"agent_id"_s));
                 view.callId = d.value(u"call_id"_s).toString();
                 view.state = d.value(u"state"_s).toString();
                 view.method = d.value(u"method"_s).toString();
                 view.url = d.value(u"url"_s).toString();
                 view.createdAt = timeOf(d.value(u"created_at"_s));
                 view.updatedAt = timeOf(d.value(u"updated_at"_s));
                 view.nextAttemptAt = timeOf(d.value(u"next_attempt_at"_s));
                 view.resendable = d.value(u"resendable"_s).toBool();
                 for (const QJsonValue av : d.value(u"attempts"_s).toArray()) {
                     const QJsonObject at = av.toObject();
                     view.attempts.append(DeliveryView::Attempt {
                         at.value(u"n"_s).toInt(), timeOf(at.value(u"at"_s)), at.value(u"status"_s).toInt(),
                         at.value(u"error"_s).toString(), idOf(at.value(u"elapsed_ms"_s)) });
                 }
                 out.deliveries.append(std::move(view));
             }
             done(std::move(out));
         });
}

void ApiClient::resendDeliveries(const QStringList &keys, Callback<QList<ResendResult>> done)
{
    call("POST", u"/api/v1/deliveries/resend/"_s, QJsonObject { { u"keys"_s, QJsonArray::fromStringList(keys) } },
         [done = std::move(done)](Result<Answer> a) {
             if (!a)
                 return done(a.error());
             const QJsonValue results = a->json.toObject().value(u"data"_s).toObject().value(u"results"_s);
             if (!results.isArray())
                 return done(unexpected(u"deliveries/resend: no results"_s));
             QList<ResendResult> out;
             for (const QJsonValue v : results.toArray()) {
                 const QJsonObject r = v.toObject();
                 out.append(ResendResult { r.value(u"key"_s).toString(), r.value(u"accepted"_s).toBool(),
                                           r.value(u"reason"_s).toString() });
             }
             done(std::move(out));
         });
}

void ApiClient::uploadContacts(QIODevice *csv, const QString &fileName, const QHash<QString, QString> &fields,
                               Callback<QJsonObject> done, std::function<void(qint64, qint64)> progress)
{
    if (!m_network)
        return done(networkError(u"network.none"_s,
                                 Message::make("Client", QT_TRANSLATE_NOOP("Client", "There is no network access."))));
    auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QByteArray("form-data; name=\"" + it.key().toUtf8() + '"'));
        part.setBody(it.value().toUtf8());
        multi->append(part);
    }
    QHttpPart file;
    QString safeName = fileName;
    safeName.remove(u'"').remove(u'\r').remove(u'\n');
    file.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("text/csv"));
    file.setHeader(QNetworkRequest::ContentDispositionHeader,
                   QByteArray("form-data; name=\"filename\"; filename=\"" + safeName.toUtf8() + '"'));
    file.setBodyDevice(csv);
    multi->append(file);
    QNetworkRequest r = request(u"/api/v1/crear_base_contactos/"_s);
    r.setTransferTimeout(0);   // a large file takes as long as it takes; progress shows it moves
    if (!m_token.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    QNetworkReply *reply = m_network->post(r, multi);
    multi->setParent(reply);
    if (progress)
        connect(reply, &QNetworkReply::uploadProgress, this,
                [progress](qint64 sent, qint64 total) { progress(sent, total); });
    start(reply, !m_token.isEmpty(), decodedBy(std::move(done), asObject));
}

void ApiClient::importJob(const QString &jobId, Callback<QJsonObject> done)
{
    call("GET", u"/api/v1/contact_imports/"_s + QString::fromLatin1(QUrl::toPercentEncoding(jobId)) + u'/', {},
         decodedBy(std::move(done), asDetail));
}

}   // namespace enlace
