#pragma once

#include <core/api/apijson.h>
#include <core/api/apiservices.h>
#include <core/api/referencecache.h>
#include <core/http/apirequest.h>
#include <core/http/apiresponse.h>
#include <core/http/apirouter.h>
#include <core/model/agent.h>
#include <core/model/campaign.h>
#include <core/model/dispositionoption.h>
#include <core/model/message.h>
#include <core/model/result.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <functional>
#include <optional>
#include <type_traits>

namespace enlace {

class ApiRouter;

// What the endpoint files (*routes.cpp) share: rendering messages in the caller's language,
// mapping core errors to OMniLeads' envelopes, reading the body.
namespace routes {

QString text(const Message &message, const ApiRequest &request, const ApiServices &services);

// Error -> response (ApiResponse::fromError); internal errors are logged with their code and
// detail (never secrets: repositories put none there) and answered with a generic 500.
ApiResponse fail(const Error &error, const ApiRequest &request, const ApiServices &services);

// {"status":"ERROR","message":<message>,"errors":{field:[...]}} (400).
ApiResponse invalid(const ValidationErrors &errors, const ApiRequest &request, const ApiServices &services,
                    const Message &message = {});

// 403 / 404 in OMniLeads' envelope.
ApiResponse forbidden(const ApiRequest &request, const ApiServices &services, const Message &message = {});
ApiResponse notFound(const ApiRequest &request, const ApiServices &services);

// The body as an ApiJson, or the 400 answer for a malformed body.
std::optional<ApiJson> body(const ApiRequest &request, const ApiServices &services, ApiResponder &respond);

// The admin API's validation answer: 400 {"status":"ERROR","errors":{field:[...]},"message":<the
// errors as compact JSON>} (OMniLeads' admin views).
ApiResponse adminInvalid(const ValidationErrors &errors, const ApiRequest &request, const ApiServices &services);
// A repository's error for the admin API: its field errors as adminInvalid (through `invalid` when
// a route renames fields), anything else as fail().
ApiResponse adminFail(const Error &error, const ApiRequest &request, const ApiServices &services,
                      const std::function<ApiResponse(const ValidationErrors &)> &invalid = {});

// GET list: 200 {"status":"SUCCESS", key: [toJson(item), ...]}.
template <typename Items, typename ToJson> ApiResponse listed(const QString &key, const Items &items, ToJson toJson)
{
    QJsonArray out;
    for (const auto &item : items)
        out.append(toJson(item));
    return ApiResponse::json(200,
                             QJsonObject { { QStringLiteral("status"), QStringLiteral("SUCCESS") }, { key, out } });
}

// The same for a read that can fail: its error answered as fail() (503 when the store cannot answer).
template <typename Items, typename ToJson>
ApiResponse listed(const QString &key, const Result<Items> &items, ToJson toJson, const ApiRequest &request,
                   const ApiServices &services)
{
    if (!items)
        return fail(items.error(), request, services);
    return listed(key, items.value(), toJson);
}

// GET one by the path's id: 404 for an id that is not a number, the repository's error, else
// 200 {"status":"SUCCESS", key: toJson(found)}.
template <typename Find, typename ToJson>
ApiResponse detail(const ApiRequest &request, const ApiServices &services, const QString &key, Find find, ToJson toJson)
{
    const auto id = request.pathId(0);
    if (!id)
        return notFound(request, services);
    auto found = find(*id);
    if (!found)
        return adminFail(found.error(), request, services);
    auto json = toJson(found.value());
    if constexpr (std::is_same_v<decltype(json), Result<QJsonObject>>) {   // a rendering that reads more
        if (!json)
            return fail(json.error(), request, services);
        return ApiResponse::json(
            200, QJsonObject { { QStringLiteral("status"), QStringLiteral("SUCCESS") }, { key, json.value() } });
    } else {
        return ApiResponse::json(
            200, QJsonObject { { QStringLiteral("status"), QStringLiteral("SUCCESS") }, { key, json } });
    }
}

QJsonValue idOrNull(const std::optional<qint64> &id);
QJsonValue textOrNull(const QString &text);

Message receivedDataMessage();
Message unknownSystemMessage();

// The reads the external API needs to resolve what a request names, by Enlace id or by the
// external ids of one external system: the same indexed lookups as IdResolver, but a store failure
// is an error here (answered 500 and logged), never mistaken for an unknown id (a client error).
class Lookup final
{
public:
    // Lookups go through the services' ReferenceCache when there is one, synced once per request.
    Lookup(const ApiServices &services, const ApiRequest &request);

    Result<std::optional<Campaign>> campaign(qint64 id) const;   // with its queue (agentIds)
    Result<std::optional<qint64>> campaignByExternalId(qint64 systemId, const QString &externalId) const;
    Result<std::optional<qint64>> agentByExternalId(qint64 systemId, const QString &externalId) const;
    Result<std::optional<QString>> agentExternalId(qint64 systemId, qint64 agentId) const;
    Result<std::optional<qint64>> contactByExternalId(qint64 databaseId, const QString &externalId) const;
    Result<std::optional<qint64>> contactDatabaseOf(qint64 contactId) const;
    Result<bool> systemExists(qint64 systemId) const;
    Result<std::optional<Agent>> agent(qint64 id) const;
    Result<QList<DispositionOption>> dispositionOptions(qint64 campaignId) const;
    Result<std::optional<DispositionOption>> dispositionOption(qint64 id) const;
    Result<bool> isSupervisor(qint64 campaignId, qint64 userId) const;
    Result<QList<qint64>> campaignsOfSystem(qint64 systemId) const;

private:
    template <typename Map, typename Key, typename Load>
    auto cached(Map ReferenceCache::Entries::*map, const Key &key, Load load) const -> decltype(load());

    const ApiServices &m_s;
    quint64 m_requestSerial;
};

// What an admin save answers: 200 {"status":"SUCCESS","errors":{},"message":<message>, ...answer}.
ApiResponse saved(const Message &message, const ApiRequest &request, const ApiServices &services,
                  const QJsonObject &answer);

// A route's handler as the router takes it: handle(services, request, respond).
using Handle = void (*)(ApiServices &, const ApiRequest &, ApiResponder);
inline ApiHandler bound(ApiServices &services, Handle handle)
{
    return [&services, handle](const ApiRequest &request, ApiResponder respond) {
        handle(services, request, std::move(respond));
    };
}

// Messages the admin routes answer with: ok / created / deleted.
QJsonObject success(const QString &message = {});

}   // namespace routes
}   // namespace enlace
