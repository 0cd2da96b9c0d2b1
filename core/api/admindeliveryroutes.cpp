#include <core/api/admindeliveryroutes.h>
#include <core/api/answers.h>
#include <core/calls/callflow.h>
#include <core/calls/callrepository.h>
#include <core/calls/dispositionrepository.h>
#include <core/contacts/contactrepository.h>
#include <core/http/apirouter.h>
#include <core/model/clock.h>
#include <core/model/validationerrors.h>
#include <core/requests/parameterresolver.h>
#include <core/requests/requestbuilder.h>
#include <core/requests/siterules.h>
#include <core/sites/outbox.h>
#include <core/sites/sitedelivery.h>
#include <core/sites/siterepository.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringDecoder>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

constexpr int kMaxCalls = 100;
constexpr int kDefaultCalls = 20;
constexpr int kMaxPage = 500;
constexpr int kDefaultPage = 25;
constexpr qsizetype kMaxResendKeys = 500;

Message callNotInCampaignMessage()
{
    return Message::make("Api", QT_TRANSLATE_NOOP("Api", "Call not found in this campaign."));
}

Message campaignNotFoundMessage()
{
    return Message::make("Api", QT_TRANSLATE_NOOP("Api", "Campaign not found"));
}

// Who may see a campaign here: administrators and managers any, supervisors their own.
Result<bool> maySee(const ApiServices &s, const ApiRequest &r, qint64 campaignId)
{
    const Caller &caller = *r.caller;
    if (caller.role == Role::Admin || caller.role == Role::Manager)
        return true;
    if (caller.role != Role::Supervisor)
        return false;
    return routes::Lookup(s, r).isSupervisor(campaignId, caller.userId);
}

bool supervisorView(const ApiRequest &r)
{
    return r.caller->role == Role::Supervisor;
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// A body as text when it is valid UTF-8, otherwise base64 (and the flag says so).
void putBody(QJsonObject &o, const QByteArray &body, qsizetype limit = -1)
{
    const bool truncated = limit >= 0 && body.size() > limit;
    QByteArray shown = truncated ? body.left(limit) : body;
    auto decoder = QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(shown);
    bool valid = !decoder.hasError();
    if (!valid && truncated) {
        // A multi-byte character cut at the limit is not an encoding error: drop its first bytes.
        for (int cut = 1; cut <= 3 && !valid && cut < shown.size(); ++cut) {
            auto retry = QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            text = retry.decode(shown.left(shown.size() - cut));
            valid = !retry.hasError();
        }
    }
    o.insert(u"body_base64"_s, !valid);
    o.insert(u"body"_s, valid ? text : QString::fromLatin1(shown.toBase64()));
    o.insert(u"body_size"_s, body.size());
    if (limit >= 0)
        o.insert(u"body_truncated"_s, truncated);
}

bool isAuthorization(const QByteArray &name)
{
    return name.compare("Authorization", Qt::CaseInsensitive) == 0;
}

QByteArray masked(const QByteArray &value)
{
    const qsizetype space = value.indexOf(' ');
    return (space > 0 ? value.left(space + 1) : QByteArray()) + "********";
}

QJsonArray headersJson(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QJsonArray out;
    for (const auto &h : headers)
        out.append(QJsonObject {
            { u"name"_s, QString::fromLatin1(h.first) },
            { u"value"_s, QString::fromLatin1(isAuthorization(h.first) ? masked(h.second) : h.second) } });
    return out;
}

QString safeUrl(const QUrl &url)
{
    return url.adjusted(QUrl::RemovePassword).toString(QUrl::FullyEncoded);
}

QJsonObject requestJson(const HttpRequest &request, qsizetype bodyLimit = -1)
{
    QJsonObject o { { u"method"_s, QString::fromLatin1(request.method) },
                    { u"url"_s, safeUrl(request.url) },
                    { u"headers"_s, headersJson(request.headers) } };
    putBody(o, request.body, bodyLimit);
    return o;
}

template <typename E>
std::optional<E> readEnum(ApiJson &json, const QString &key, int min, int max, std::optional<E> fallback)
{
    if (!json.hasValue(key))
        return fallback;
    const auto v = json.integer(key);
    if (!v)
        return std::nullopt;
    if (*v < min || *v > max) {
        json.addError(
            key,
            Message::make("Api", QT_TRANSLATE_NOOP("Api", "\"%1\" is not a valid choice."), { QString::number(*v) }));
        return std::nullopt;
    }
    return static_cast<E>(*v);
}

// The site object of the body as the create route reads it (POST /api/v1/external_sites/create/,
// adminsiteroutes.cpp: the same fields, defaults and messages) and checked with the same SiteRules.
ExternalSite readSite(ApiJson &json)
{
    ExternalSite site;
    site.name = json.string(u"nombre"_s, ApiJson::Need::Required).value_or(QString()).trimmed();
    site.url = json.string(u"url"_s, ApiJson::Need::Required).value_or(QString()).trimmed();
    site.hidden = json.boolean(u"oculto"_s).value_or(false);
    site.trigger
        = readEnum<SiteTrigger>(json, u"disparador"_s, 1, 5, SiteTrigger::Server).value_or(SiteTrigger::Server);
    site.method = readEnum<SiteMethod>(json, u"metodo"_s, 1, 2, SiteMethod::Get).value_or(SiteMethod::Get);
    site.format = readEnum<SiteFormat>(json, u"formato"_s, 1, 4, std::nullopt);
    site.target = readEnum<SiteTarget>(json, u"objetivo"_s, 1, 2, std::nullopt);
    site.authenticationId = json.integer(u"autenticacion"_s);
    site.timeoutMs = static_cast<int>(json.integer(u"timeout_ms"_s).value_or(site.timeoutMs));
    site.maxAttempts = static_cast<int>(json.integer(u"max_attempts"_s).value_or(site.maxAttempts));
    site.signatureSecret = json.string(u"secreto_firma"_s).value_or(QString());
    return site;
}

// What the preview and the test send are about: the site, the campaign, the call.
struct Subject
{
    ExternalSite site;
    Campaign campaign;
    CallContext call;
    bool sample = true;
};

void fillSample(const ApiServices &s, const ApiRequest &r, Subject &t, const QList<CrmParameter> &parameters,
                const QJsonObject &overrides)
{
    CallContext &c = t.call;
    c.callId = u"sample-call"_s;
    c.phone = u"+5491155550000"_s;
    c.recordingFile = u"sample-recording.wav"_s;
    c.waitSeconds = 12;
    c.callDateTime = QDateTime::fromMSecsSinceEpoch(s.clock->nowMs(), Qt::UTC);
    c.campaignId = t.campaign.id;
    c.campaignName = t.campaign.name;
    c.campaignType = t.campaign.type;
    if (!t.campaign.agentIds.isEmpty()) {
        auto agent = routes::Lookup(s, r).agent(t.campaign.agentIds.first());
        if (agent && agent.value()) {
            c.agentId = agent.value()->id;
            c.agentUsername = agent.value()->username;
            c.agentName = agent.value()->fullName;
        }
    }
    if (overrides.contains(u"phone"_s))
        c.phone = overrides.value(u"phone"_s).toString();
    if (t.campaign.contactDatabaseId) {
        auto database = ContactRepository(s.db).findDatabase(*t.campaign.contactDatabaseId);
        if (database) {
            for (const QString &column : database->columns)
                c.contactValues.insert(column,
                                       database->phoneColumns.contains(column) ? c.phone : u"sample %1"_s.arg(column));
        }
    }
    for (const CrmParameter &p : parameters)
        if (p.type == CrmParameterType::Dialplan)
            c.dialplan.insert(p.value, u"sample %1"_s.arg(p.value));
    if (t.site.trigger == SiteTrigger::Disposition) {
        auto options = routes::Lookup(s, r).dispositionOptions(t.campaign.id);
        if (options && !options->isEmpty()) {
            c.dispositionId = options->first().id;
            c.dispositionOptionName = options->first().name;
        }
        c.subdisposition = u"sample subdisposition"_s;
    }
    // What the form's sample fields give, over the synthetic values.
    // A fixed time makes the sample's datetime parameters the same from one request to the next.
    if (const QDateTime when = QDateTime::fromString(overrides.value(u"datetime"_s).toString(), Qt::ISODateWithMs);
        when.isValid())
        c.callDateTime = when.toUTC();
    const QJsonObject contact = overrides.value(u"contact"_s).toObject();
    for (auto it = contact.begin(); it != contact.end(); ++it)
        c.contactValues.insert(it.key(), it.value().toString());
    const QJsonObject dialplan = overrides.value(u"dialplan"_s).toObject();
    for (auto it = dialplan.begin(); it != dialplan.end(); ++it)
        c.dialplan.insert(it.key(), it.value().toString());
}

// Reads the body into a Subject, or answers (400 field errors, 403, 404) and returns nothing.
std::optional<Subject> readSubject(ApiServices &s, const ApiRequest &r, ApiResponder &respond)
{
    auto json = routes::body(r, s, respond);
    if (!json)
        return std::nullopt;
    const auto campaignId = json->integer(u"campaign"_s, ApiJson::Need::Required);
    const auto siteId = json->integer(u"site_id"_s);
    const auto siteObject = json->objectField(u"site"_s);
    const auto callId = json->string(u"call_id"_s);
    const auto sample = json->objectField(u"sample"_s);
    if (!json->ok()) {
        respond(routes::adminInvalid(json->errors(), r, s));
        return std::nullopt;
    }
    Subject t;
    auto campaign = routes::Lookup(s, r).campaign(*campaignId);
    if (!campaign) {
        respond(routes::fail(campaign.error(), r, s));
        return std::nullopt;
    }
    if (!campaign.value()) {
        ValidationErrors errors;
        errors.add(u"campaign"_s, campaignNotFoundMessage());
        respond(routes::adminInvalid(errors, r, s));
        return std::nullopt;
    }
    t.campaign = *campaign.value();
    auto allowed = maySee(s, r, t.campaign.id);
    if (!allowed) {
        respond(routes::fail(allowed.error(), r, s));
        return std::nullopt;
    }
    if (!allowed.value()) {
        respond(routes::forbidden(r, s));
        return std::nullopt;
    }

    SiteRepository sites(s.db, s.secrets);
    if (siteObject) {
        // The form as it stands, checked as the create route checks it.
        ApiJson siteJson(*siteObject);
        t.site = readSite(siteJson);
        if (!siteJson.ok()) {
            respond(routes::adminInvalid(siteJson.errors(), r, s));
            return std::nullopt;
        }
        if (const ValidationErrors errors = SiteRules::validate(t.site); !errors.isEmpty()) {
            respond(routes::adminInvalid(errors, r, s));
            return std::nullopt;
        }
        if (siteId) {
            // Editing a saved site: its stored signature secret unless the form gives another.
            auto stored = sites.find(*siteId);
            if (!stored) {
                respond(routes::adminFail(stored.error(), r, s));
                return std::nullopt;
            }
            t.site.id = *siteId;
            if (t.site.signatureSecret.isEmpty())
                t.site.signatureSecret = stored->signatureSecret;
        }
    } else {
        const std::optional<qint64> id = siteId ? siteId : t.campaign.siteId;
        if (!id) {
            ValidationErrors errors;
            errors.add(u"site_id"_s, ApiJson::requiredMessage());
            respond(routes::adminInvalid(errors, r, s));
            return std::nullopt;
        }
        auto stored = sites.find(*id);
        if (!stored) {
            respond(routes::adminFail(stored.error(), r, s));
            return std::nullopt;
        }
        t.site = stored.value();
    }

    auto parameters = sites.crmParameters(t.campaign.id);
    if (!parameters) {
        respond(routes::fail(parameters.error(), r, s));
        return std::nullopt;
    }
    if (callId && !callId->isEmpty()) {
        auto call = CallRepository(s.db).find(*callId);
        if (!call && call.error().kind != Error::Kind::NotFound) {
            respond(routes::fail(call.error(), r, s));
            return std::nullopt;
        }
        if (!call || call->campaignId != t.campaign.id) {
            ValidationErrors errors;
            errors.add(u"call_id"_s, callNotInCampaignMessage());
            respond(routes::adminInvalid(errors, r, s));
            return std::nullopt;
        }
        if (!s.calls) {
            respond(routes::fail(Error::internal(u"api.no_calls"_s, u"no call flow"_s), r, s));
            return std::nullopt;
        }
        auto context = s.calls->contextFor(call.value());
        if (!context) {
            respond(routes::fail(context.error(), r, s));
            return std::nullopt;
        }
        t.call = context.value();
        t.sample = false;
        if (t.site.trigger == SiteTrigger::Disposition) {
            auto dispositions = DispositionRepository(s.db, *s.clock).listForCalls({ *callId });
            if (!dispositions) {
                respond(routes::fail(dispositions.error(), r, s));
                return std::nullopt;
            }
            if (!dispositions->isEmpty()) {
                const Disposition &d = dispositions->first();
                t.call.dispositionId = d.id;
                t.call.subdisposition = d.subdisposition;
                t.call.formJson = d.formJson;
                if (auto option = routes::Lookup(s, r).dispositionOption(d.optionId); option && option.value())
                    t.call.dispositionOptionName = option.value()->name;
            }
        }
    } else {
        fillSample(s, r, t, parameters.value(), sample.value_or(QJsonObject()));
    }
    return t;
}

Result<HttpRequest> buildRequest(const ApiServices &s, const ApiRequest &r, const Subject &t)
{
    auto parameters = SiteRepository(s.db, s.secrets).crmParameters(t.campaign.id);
    if (!parameters)
        return parameters.error();
    const ParameterResolver resolver(s.catalog, *s.clock);
    const ResolvedParameters resolved = resolver.resolve(t.campaign, t.site, parameters.value(), t.call, r.language);
    return RequestBuilder::build(t.site, resolved);
}

void handlePreview(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    auto subject = readSubject(s, r, respond);
    if (!subject)
        return;
    auto request = buildRequest(s, r, *subject);
    if (!request)
        return respond(routes::fail(request.error(), r, s));
    // With an authentication the server adds the bearer token when sending: shown masked.
    HttpRequest shown = request.value();
    if (subject->site.authenticationId)
        shown.setHeader("Authorization", "Bearer token");
    QJsonObject out = requestJson(shown);
    out.insert(u"preview"_s, QString::fromUtf8(RequestBuilder::preview(shown)));
    respond(ApiResponse::json(200,
                              QJsonObject { { u"status"_s, u"SUCCESS"_s },
                                            { u"sample"_s, subject->sample },
                                            { u"call_id"_s, subject->call.callId },
                                            { u"request"_s, out } }));
}

void handleSendTest(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    auto subject = readSubject(s, r, respond);
    if (!subject)
        return;
    if (!s.delivery)
        return respond(routes::fail(Error::internal(u"api.no_delivery"_s, u"no site delivery"_s), r, s));
    auto request = buildRequest(s, r, *subject);
    if (!request)
        return respond(routes::fail(request.error(), r, s));
    OutboxItem item;
    item.siteId = subject->site.id;
    item.callId = subject->call.callId;
    item.request = request.value();
    item.authId = subject->site.authenticationId;
    item.timeoutMs = subject->site.timeoutMs;
    item.maxAttempts = 1;
    item.signatureSecret = subject->site.signatureSecret.toUtf8();
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const bool sample = subject->sample;
    const QString callId = subject->call.callId;
    s.delivery->sendTest(item, key, [respond, sample, callId, key](TestSendResult result) {
        QJsonObject out { { u"status"_s, u"SUCCESS"_s },
                          { u"sample"_s, sample },
                          { u"call_id"_s, callId },
                          { u"idempotency_key"_s, key },
                          { u"sent"_s, requestJson(result.sent, TestSendResult::kMaxBody) },
                          { u"elapsed_ms"_s, result.elapsedMs } };
        if (result.answered) {
            QJsonObject received { { u"status"_s, result.status },
                                   { u"reason"_s, result.reason },
                                   { u"headers"_s, headersJson(result.headers) } };
            putBody(received, result.body, TestSendResult::kMaxBody);
            received.insert(u"body_truncated"_s, result.bodyTruncated);
            received.remove(u"body_size"_s);   // only the first bytes are read
            out.insert(u"received"_s, received);
            out.insert(u"error"_s, QJsonValue::Null);
        } else {
            out.insert(u"received"_s, QJsonValue::Null);
            out.insert(u"error"_s, QJsonObject { { u"code"_s, result.errorCode }, { u"message"_s, result.error } });
        }
        respond(ApiResponse::json(200, out));
    });
}

void handleCampaignCalls(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    const auto id = r.pathId(0);
    if (!id)
        return respond(routes::notFound(r, s));
    auto campaign = routes::Lookup(s, r).campaign(*id);
    if (!campaign)
        return respond(routes::fail(campaign.error(), r, s));
    if (!campaign.value())
        return respond(routes::notFound(r, s));
    auto allowed = maySee(s, r, *id);
    if (!allowed)
        return respond(routes::fail(allowed.error(), r, s));
    if (!allowed.value())
        return respond(routes::forbidden(r, s));
    int length = kDefaultCalls;
    if (r.query.hasQueryItem(u"length"_s)) {
        bool ok = false;
        length = r.query.queryItemValue(u"length"_s).toInt(&ok);
        if (!ok || length < 1) {
            ValidationErrors errors;
            errors.add(u"length"_s, ApiJson::integerMessage());
            return respond(routes::adminInvalid(errors, r, s));
        }
        length = std::min(length, kMaxCalls);
    }
    auto q = s.db->exec(u"SELECT call_id, agent_id, contact_id, phone, call_type, state, offered_at, connected_at, "
                        u"ended_at FROM calls WHERE campaign_id = ? ORDER BY id DESC LIMIT ?"_s,
                        { *id, length });
    if (!q)
        return respond(routes::fail(q.error(), r, s));
    const auto time = [&](int column) {
        return q->value(column).isNull() ? QJsonValue(QJsonValue::Null)
                                         : QJsonValue(iso(q->value(column).toLongLong()));
    };
    const auto id_ = [&](int column) {
        return q->value(column).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(q->value(column).toLongLong());
    };
    QJsonArray calls;
    while (q->next())
        calls.append(QJsonObject { { u"call_id"_s, q->value(0).toString() },
                                   { u"agent_id"_s, id_(1) },
                                   { u"contact_id"_s, id_(2) },
                                   { u"phone"_s, q->value(3).toString() },
                                   { u"call_type"_s, q->value(4).toInt() },
                                   { u"state"_s, q->value(5).toInt() },
                                   { u"offered_at"_s, time(6) },
                                   { u"connected_at"_s, time(7) },
                                   { u"ended_at"_s, time(8) } });
    respond(ApiResponse::json(200, QJsonObject { { u"status"_s, u"SUCCESS"_s }, { u"calls"_s, calls } }));
}

// A time filter: epoch milliseconds or an ISO 8601 date-time (UTC when it names no offset).
std::optional<qint64> readTime(const ApiRequest &r, const QString &key, ValidationErrors &errors)
{
    if (!r.query.hasQueryItem(key))
        return std::nullopt;
    const QString text = r.query.queryItemValue(key, QUrl::FullyDecoded).trimmed();
    bool ok = false;
    const qint64 ms = text.toLongLong(&ok);
    if (ok)
        return ms;
    QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (when.isValid()) {
        if (when.timeSpec() == Qt::LocalTime)
            when.setTimeSpec(Qt::UTC);
        return when.toMSecsSinceEpoch();
    }
    errors.add(key, Message::make("Api", QT_TRANSLATE_NOOP("Api", "Not a date: epoch milliseconds or ISO 8601.")));
    return std::nullopt;
}

std::optional<qint64> readId(const ApiRequest &r, const QString &key, ValidationErrors &errors)
{
    if (!r.query.hasQueryItem(key))
        return std::nullopt;
    bool ok = false;
    const qint64 v = r.query.queryItemValue(key).toLongLong(&ok);
    if (!ok || v < 0) {
        errors.add(key, ApiJson::integerMessage());
        return std::nullopt;
    }
    return v;
}

QJsonObject deliveryJson(const DeliveryRecord &d)
{
    QJsonArray attempts;
    int n = 0;
    for (const DeliveryAttempt &a : d.attempts)
        attempts.append(
            QJsonObject { { u"n"_s, ++n },
                          { u"at"_s, iso(a.atMs) },
                          { u"status"_s, a.httpStatus > 0 ? QJsonValue(a.httpStatus) : QJsonValue(QJsonValue::Null) },
                          { u"error"_s, routes::textOrNull(a.error) },
                          { u"elapsed_ms"_s, a.elapsedMs ? QJsonValue(*a.elapsedMs) : QJsonValue(QJsonValue::Null) } });
    return QJsonObject {
        { u"key"_s, d.key },
        { u"site_id"_s, d.siteId > 0 ? QJsonValue(d.siteId) : QJsonValue(QJsonValue::Null) },
        { u"campaign_id"_s, routes::idOrNull(d.campaignId) },
        { u"agent_id"_s, d.agentId > 0 ? QJsonValue(d.agentId) : QJsonValue(QJsonValue::Null) },
        { u"call_id"_s, routes::textOrNull(d.callId) },
        { u"state"_s, DeliveryRecord::stateName(d.state) },
        { u"method"_s, d.method.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(QString::fromLatin1(d.method)) },
        { u"url"_s, d.url.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(safeUrl(QUrl(d.url))) },
        { u"created_at"_s, iso(d.createdAtMs) },
        { u"updated_at"_s, iso(d.updatedAtMs) },
        { u"next_attempt_at"_s,
          d.nextAttemptAtMs ? QJsonValue(iso(*d.nextAttemptAtMs)) : QJsonValue(QJsonValue::Null) },
        { u"resendable"_s, d.state != DeliveryRecord::State::Pending && !d.method.isEmpty() },
        { u"attempts"_s, attempts }
    };
}

void handleDeliveries(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    if (!s.delivery)
        return respond(routes::fail(Error::internal(u"api.no_delivery"_s, u"no site delivery"_s), r, s));
    ValidationErrors errors;
    DeliveryFilter filter;
    filter.siteId = readId(r, u"site"_s, errors);
    filter.campaignId = readId(r, u"campaign"_s, errors);
    if (r.query.hasQueryItem(u"state"_s)) {
        filter.state = DeliveryRecord::stateFromName(r.query.queryItemValue(u"state"_s));
        if (!filter.state)
            errors.add(u"state"_s,
                       Message::make("Api", QT_TRANSLATE_NOOP("Api", "\"%1\" is not a valid choice."),
                                     { r.query.queryItemValue(u"state"_s, QUrl::FullyDecoded) }));
    }
    filter.fromMs = readTime(r, u"from"_s, errors);
    filter.toMs = readTime(r, u"to"_s, errors);
    const auto start = readId(r, u"start"_s, errors);
    const auto length = readId(r, u"length"_s, errors);
    if (!errors.isEmpty())
        return respond(routes::adminInvalid(errors, r, s));
    filter.start = int(std::min<qint64>(start.value_or(0), std::numeric_limits<int>::max()));
    filter.length = int(std::clamp<qint64>(length.value_or(kDefaultPage), 1, kMaxPage));
    if (filter.campaignId) {
        auto allowed = maySee(s, r, *filter.campaignId);
        if (!allowed)
            return respond(routes::fail(allowed.error(), r, s));
        if (!allowed.value())
            return respond(routes::forbidden(r, s));
    }
    if (supervisorView(r))
        filter.supervisorUserId = r.caller->userId;
    auto page = s.delivery->outbox().deliveries(filter);
    if (!page)
        return respond(routes::fail(page.error(), r, s));
    QJsonArray items;
    for (const DeliveryRecord &d : page->records)
        items.append(deliveryJson(d));
    respond(ApiResponse::json(200,
                              QJsonObject { { u"status"_s, u"SUCCESS"_s },
                                            { u"data"_s,
                                              QJsonObject { { u"total"_s, page->total },
                                                            { u"start"_s, filter.start },
                                                            { u"length"_s, filter.length },
                                                            { u"deliveries"_s, items } } } }));
}

void handleResend(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    if (!s.delivery)
        return respond(routes::fail(Error::internal(u"api.no_delivery"_s, u"no site delivery"_s), r, s));
    auto json = routes::body(r, s, respond);
    if (!json)
        return;
    const QJsonArray keys = json->array(u"keys"_s, ApiJson::Need::Required).value_or(QJsonArray());
    if (json->ok() && keys.isEmpty())
        json->addError(u"keys"_s, ApiJson::requiredMessage());
    if (keys.size() > kMaxResendKeys)
        json->addError(u"keys"_s,
                       Message::make("Api", QT_TRANSLATE_NOOP("Api", "At most %1 rows, not %2."))
                           .arg(QString::number(kMaxResendKeys))
                           .arg(QString::number(keys.size())));
    for (qsizetype i = 0; i < keys.size(); ++i)
        if (!keys.at(i).isString() || keys.at(i).toString().isEmpty())
            json->addError(u"keys[%1]"_s.arg(i), ApiJson::stringMessage());
    if (!json->ok())
        return respond(routes::adminInvalid(json->errors(), r, s));
    const Outbox &outbox = s.delivery->outbox();
    const qint64 now = s.clock->nowMs();
    QJsonArray results;
    bool any = false;
    for (const QJsonValue &v : keys) {
        const QString key = v.toString();
        QJsonObject result { { u"key"_s, key } };
        std::optional<Message> refusal;
        if (supervisorView(r)) {
            auto record = outbox.delivery(key);
            if (!record)
                return respond(routes::fail(record.error(), r, s));
            bool theirs = false;
            if (record.value() && record.value()->campaignId) {
                auto allowed = maySee(s, r, *record.value()->campaignId);
                if (!allowed)
                    return respond(routes::fail(allowed.error(), r, s));
                theirs = allowed.value();
            }
            if (!theirs)   // not theirs reads as unknown: a supervisor learns nothing of other campaigns
                refusal = Message::make("Api", QT_TRANSLATE_NOOP("Api", "Delivery not found."));
        }
        if (!refusal) {
            auto done = outbox.resend(key, now);
            if (!done)
                return respond(routes::fail(done.error(), r, s));
            switch (done.value()) {
            case Outbox::Resend::Accepted:
                any = true;
                break;
            case Outbox::Resend::NotFound:
                refusal = Message::make("Api", QT_TRANSLATE_NOOP("Api", "Delivery not found."));
                break;
            case Outbox::Resend::AlreadyPending:
                refusal
                    = Message::make("Api", QT_TRANSLATE_NOOP("Api", "Still waiting in the outbox: it will be sent."));
                break;
            case Outbox::Resend::NoRequest:
                refusal = Message::make(
                    "Api", QT_TRANSLATE_NOOP("Api", "Recorded before requests were kept: it cannot be re-sent."));
                break;
            }
        }
        result.insert(u"accepted"_s, !refusal);
        result.insert(u"reason"_s, refusal ? QJsonValue(routes::text(*refusal, r, s)) : QJsonValue(QJsonValue::Null));
        results.append(result);
    }
    if (any)
        s.delivery->wake();
    respond(ApiResponse::json(
        200, QJsonObject { { u"status"_s, u"SUCCESS"_s }, { u"data"_s, QJsonObject { { u"results"_s, results } } } }));
}

}   // namespace

void registerAdminDeliveryRoutes(ApiRouter &router, ApiServices &services)
{
    ApiServices &s = services;
    router.add("POST", u"/api/v1/external_sites/preview/"_s, Access::Admin, routes::bound(s, handlePreview));
    router.add("POST", u"/api/v1/external_sites/send_test/"_s, Access::Admin, routes::bound(s, handleSendTest));
    router.add("GET", u"/api/v1/campaigns/<arg>/calls/"_s, Access::Admin, routes::bound(s, handleCampaignCalls));
    router.add("GET", u"/api/v1/deliveries/"_s, Access::Admin, routes::bound(s, handleDeliveries));
    router.add("POST", u"/api/v1/deliveries/resend/"_s, Access::Admin, routes::bound(s, handleResend));
}

}   // namespace enlace
