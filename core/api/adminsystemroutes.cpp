#include <core/api/adminsystemroutes.h>
#include <core/api/answers.h>
#include <core/http/apirouter.h>
#include <core/identity/agentrepository.h>
#include <core/identity/externalsystemrepository.h>
#include <core/model/validationerrors.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

QJsonObject systemJson(const ExternalSystem &system)
{
    QJsonArray agents;
    for (const AgentExternalId &row : system.agents)
        agents.append(QJsonObject {
            { u"id"_s, row.id }, { u"id_externo_agente"_s, row.externalId }, { u"agente"_s, row.agentId } });
    return QJsonObject { { u"id"_s, system.id }, { u"nombre"_s, system.name }, { u"agentes"_s, agents } };
}

ApiResponse invalid(const ValidationErrors &errors, const ApiRequest &request, const ApiServices &s)
{
    const QJsonObject e = errors.toJson(s.catalog, request.language);
    return ApiResponse::json(
        400,
        QJsonObject { { u"status"_s, u"ERROR"_s },
                      { u"errors"_s, e },
                      { u"message"_s, QString::fromUtf8(QJsonDocument(e).toJson(QJsonDocument::Compact)) } });
}

ApiResponse fail(const Error &error, const ApiRequest &request, const ApiServices &s)
{
    if ((error.kind == Error::Kind::Invalid || error.kind == Error::Kind::Conflict) && !error.fields.isEmpty())
        return invalid(error.fields, request, s);
    return routes::fail(error, request, s);
}

// {nombre, agentes:[{id?, agente, id_externo_agente}]}; row errors name "agentes[i].<field>".
ExternalSystem readSystem(ApiJson &json)
{
    ExternalSystem system;
    system.name = json.string(u"nombre"_s, ApiJson::Need::Required, 128).value_or(QString()).trimmed();
    const QJsonArray rows = json.array(u"agentes"_s).value_or(QJsonArray());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QString prefix = u"agentes[%1]."_s.arg(i);
        if (!rows.at(i).isObject()) {
            json.addError(u"agentes[%1]"_s.arg(i), ApiJson::objectMessage());
            continue;
        }
        ApiJson row(rows.at(i).toObject());
        AgentExternalId a;
        a.id = row.integer(u"id"_s).value_or(0);
        a.agentId = row.integer(u"agente"_s, ApiJson::Need::Required).value_or(0);
        a.externalId = row.string(u"id_externo_agente"_s, ApiJson::Need::Required, 128).value_or(QString()).trimmed();
        for (const auto &e : row.errors().entries())
            json.addError(prefix + e.field, e.message);
        system.agents.append(a);
    }
    return system;
}

}   // namespace

namespace {

void handleListExternalSystems(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    auto systems = ExternalSystemRepository(s.db).list();
    if (!systems)
        return respond(routes::fail(systems.error(), r, s));
    QJsonArray out;
    for (const ExternalSystem &system : systems.value())
        out.append(systemJson(system));
    respond(ApiResponse::json(200, QJsonObject { { u"status"_s, u"SUCCESS"_s }, { u"externalSystems"_s, out } }));
}

void handleGetExternalSystem(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    const auto id = r.pathId(0);
    if (!id)
        return respond(routes::notFound(r, s));
    auto system = ExternalSystemRepository(s.db).find(*id);
    if (!system)
        return respond(fail(system.error(), r, s));
    respond(ApiResponse::json(
        200, QJsonObject { { u"status"_s, u"SUCCESS"_s }, { u"externalSystem"_s, systemJson(system.value()) } }));
}

void handleCreateExternalSystem(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    auto json = routes::body(r, s, respond);
    if (!json)
        return;
    const ExternalSystem system = readSystem(*json);
    if (!json->ok())
        return respond(invalid(json->errors(), r, s));
    auto created = ExternalSystemRepository(s.db).create(system);
    if (!created)
        return respond(fail(created.error(), r, s));
    respond(routes::saved(Message::make("Api", QT_TRANSLATE_NOOP("Api", "External system created successfully")), r, s,
                          QJsonObject { { u"externalSystem"_s, systemJson(created.value()) } }));
}

void handleUpdateExternalSystem(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    const auto id = r.pathId(0);
    if (!id)
        return respond(routes::notFound(r, s));
    ExternalSystemRepository systems(s.db);
    if (auto existing = systems.find(*id); !existing)
        return respond(fail(existing.error(), r, s));
    auto json = routes::body(r, s, respond);
    if (!json)
        return;
    ExternalSystem system = readSystem(*json);
    if (!json->ok())
        return respond(invalid(json->errors(), r, s));
    system.id = *id;
    auto updated = systems.update(system);
    if (!updated)
        return respond(fail(updated.error(), r, s));
    respond(routes::saved(Message::make("Api", QT_TRANSLATE_NOOP("Api", "External system updated successfully")), r, s,
                          QJsonObject { { u"externalSystem"_s, systemJson(updated.value()) } }));
}

void handlePostExternalSystemsIntegrationKey(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    const auto id = r.pathId(0);
    if (!id)
        return respond(routes::notFound(r, s));
    auto key = ExternalSystemRepository(s.db).rotateIntegrationKey(*id);
    if (!key)
        return respond(fail(key.error(), r, s));
    // The only answer that carries a secret: the key exists nowhere else (only its hash is stored).
    respond(ApiResponse::json(200, QJsonObject { { u"status"_s, u"SUCCESS"_s }, { u"integrationKey"_s, key.value() } })
                .withHeader("Cache-Control", "no-store"));
}

void handleListAgentsExternalSystem(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    auto agents = AgentRepository(s.db).list();
    if (!agents)
        return respond(routes::fail(agents.error(), r, s));
    QJsonArray out;
    for (const Agent &a : agents.value())
        out.append(QJsonObject { { u"id"_s, a.id }, { u"username"_s, a.username }, { u"full_name"_s, a.fullName } });
    respond(ApiResponse::json(200, QJsonObject { { u"status"_s, u"SUCCESS"_s }, { u"agents"_s, out } }));
}

void handleGetAgentList(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    auto agents = AgentRepository(s.db).list();
    if (!agents)
        return respond(routes::fail(agents.error(), r, s));
    QJsonArray out;
    for (const Agent &a : agents.value())
        out.append(QJsonObject { { u"id"_s, a.id },
                                 { u"username"_s, a.username },
                                 { u"full_name"_s, a.fullName },
                                 { u"sip_extension"_s, a.sipExtension },
                                 { u"active"_s, a.active } });
    respond(ApiResponse::json(200, out));
}

}   // namespace

void registerAdminSystemRoutes(ApiRouter &router, ApiServices &services)
{
    ApiServices &s = services;
    router.add("GET", u"/api/v1/external_systems/"_s, Access::Admin, routes::bound(s, handleListExternalSystems));
    router.add("GET", u"/api/v1/external_systems/<arg>/"_s, Access::Admin, routes::bound(s, handleGetExternalSystem));
    router.add("POST", u"/api/v1/external_systems/create/"_s, Access::Admin,
               routes::bound(s, handleCreateExternalSystem));
    router.add("PUT", u"/api/v1/external_systems/<arg>/update/"_s, Access::Admin,
               routes::bound(s, handleUpdateExternalSystem));
    router.add("POST", u"/api/v1/external_systems/<arg>/integration_key/"_s, Access::AdminOnly,
               routes::bound(s, handlePostExternalSystemsIntegrationKey));
    router.add("GET", u"/api/v1/agents_external_system/"_s, Access::Admin,
               routes::bound(s, handleListAgentsExternalSystem));
    router.add("GET", u"/api/v1/agent/list/"_s, Access::Admin, routes::bound(s, handleGetAgentList));
}

}   // namespace enlace
