#pragma once

#include <core/api/apijson.h>
#include <core/api/apirequest.h>
#include <core/api/apiresponse.h>
#include <core/api/apiservices.h>
#include <core/model/agent.h>
#include <core/model/campaign.h>
#include <core/model/dispositionoption.h>
#include <core/model/message.h>
#include <core/model/result.h>

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

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
    explicit Lookup(const ApiServices &services) : m_s(services) {}

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
    const ApiServices &m_s;
};

// Messages the admin routes answer with: ok / created / deleted.
QJsonObject success(const QString &message = {});

} // namespace routes
} // namespace enlace
