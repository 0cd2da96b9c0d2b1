#include <core/api/adminuserroutes.h>
#include <core/api/answers.h>
#include <core/api/tokenstore.h>
#include <core/calls/eventlog.h>
#include <core/http/apirouter.h>
#include <core/identity/agentrepository.h>
#include <core/identity/userrepository.h>
#include <core/model/validationerrors.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

QJsonObject userJson(const User &u, const std::optional<Agent> &agent)
{
    QJsonObject o { { u"id"_s, u.id },
                    { u"username"_s, u.username },
                    { u"first_name"_s, u.firstName },
                    { u"last_name"_s, u.lastName },
                    { u"email"_s, u.email },
                    { u"role"_s, static_cast<int>(u.role) },
                    { u"active"_s, u.active },
                    { u"agent_id"_s, QJsonValue::Null },
                    { u"sip_extension"_s, QJsonValue::Null } };
    if (agent) {
        o.insert(u"agent_id"_s, agent->id);
        o.insert(u"sip_extension"_s, agent->sipExtension);
    }
    return o;
}

std::optional<Agent> agentOf(const AgentRepository &agents, qint64 userId)
{
    auto a = agents.findByUserId(userId);
    return a ? std::optional<Agent>(a.value()) : std::nullopt;
}

ApiResponse invalid(const ValidationErrors &errors, const ApiRequest &request, const ApiServices &s)
{
    return routes::adminInvalid(errors, request, s);
}

ApiResponse fail(const Error &error, const ApiRequest &request, const ApiServices &s)
{
    return routes::adminFail(error, request, s);
}

}   // namespace

namespace {

void handleListUsers(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    AgentRepository agents(s.db);
    auto users = UserRepository(s.db).list();
    if (!users)
        return respond(routes::fail(users.error(), r, s));
    QJsonArray out;
    for (const User &u : users.value())
        out.append(userJson(u, agentOf(agents, u.id)));
    respond(ApiResponse::json(200, QJsonObject { { u"status"_s, u"SUCCESS"_s }, { u"users"_s, out } }));
}

void handleGetUser(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    const auto id = r.pathId(0);
    if (!id)
        return respond(routes::notFound(r, s));
    auto u = UserRepository(s.db).find(*id);
    if (!u)
        return respond(fail(u.error(), r, s));
    respond(ApiResponse::json(200,
                              QJsonObject { { u"status"_s, u"SUCCESS"_s },
                                            { u"user"_s, userJson(u.value(), agentOf(AgentRepository(s.db), *id)) } }));
}

void handleCreateUser(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    auto json = routes::body(r, s, respond);
    if (!json)
        return;
    User u;
    u.username = json->string(u"username"_s, ApiJson::Need::Required, 150).value_or(QString()).trimmed();
    const QString password = json->string(u"password"_s, ApiJson::Need::Required).value_or(QString());
    u.firstName = json->string(u"first_name"_s, ApiJson::Need::Optional, 150).value_or(QString());
    u.lastName = json->string(u"last_name"_s, ApiJson::Need::Optional, 150).value_or(QString());
    u.email = json->string(u"email"_s, ApiJson::Need::Optional, 254).value_or(QString());
    const auto role = json->integer(u"role"_s, ApiJson::Need::Required);
    if (role && (*role < 1 || *role > 5))
        json->addError(u"role"_s,
                       Message::make("Api", QT_TRANSLATE_NOOP("Api", "\"%1\" is not a valid choice."),
                                     { QString::number(*role) }));
    else if (role)
        u.role = static_cast<Role>(*role);
    const QString extension
        = json->string(u"sip_extension"_s, ApiJson::Need::Optional, 32).value_or(QString()).trimmed();
    if (!json->ok())
        return respond(invalid(json->errors(), r, s));
    qint64 id = 0;
    if (u.role == Role::Agent) {
        auto agent = AgentRepository(s.db, PasswordHasher(), s.clock)
                         .createAgentUser(u.username, password, u.firstName, u.lastName, extension);
        if (!agent)
            return respond(fail(agent.error(), r, s));
        id = agent->userId;
    } else {
        auto created = UserRepository(s.db, PasswordHasher(), s.clock).create(u, password);
        if (!created)
            return respond(fail(created.error(), r, s));
        id = created.value();
    }
    auto stored = UserRepository(s.db).find(id);
    if (!stored)
        return respond(fail(stored.error(), r, s));
    respond(routes::saved(
        Message::make("Api", QT_TRANSLATE_NOOP("Api", "User created successfully")), r, s,
        QJsonObject { { u"id"_s, id }, { u"user"_s, userJson(stored.value(), agentOf(AgentRepository(s.db), id)) } }));
}

void handleUpdateUser(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    const auto id = r.pathId(0);
    if (!id)
        return respond(routes::notFound(r, s));
    UserRepository users(s.db, PasswordHasher(), s.clock);
    if (auto existing = users.find(*id); !existing)
        return respond(fail(existing.error(), r, s));
    auto json = routes::body(r, s, respond);
    if (!json)
        return;
    const auto password = json->string(u"password"_s);
    const auto active = json->boolean(u"active"_s);
    if (!json->ok())
        return respond(invalid(json->errors(), r, s));
    Database::Transaction tx(*s.db);
    if (password)
        if (auto done = users.setPassword(*id, *password); !done)
            return respond(fail(done.error(), r, s));
    if (active)
        if (auto done = users.setActive(*id, *active); !done)
            return respond(fail(done.error(), r, s));
    if (active && !*active) {
        // Deactivated: its tokens go, and its consoles' sessions close on every instance.
        if (auto done = TokenStore(s.db, *s.clock).revokeAll(*id); !done)
            return respond(fail(done.error(), r, s));
        if (const auto agent = agentOf(AgentRepository(s.db), *id); agent && s.events)
            if (auto done = s.events->append(agent->id, QString::fromLatin1(EventLog::SessionRevoked),
                                             QJsonObject { { u"reason"_s, u"deactivated"_s } });
                !done)
                return respond(fail(done.error(), r, s));
    }
    if (auto committed = tx.commit(); !committed)
        return respond(fail(committed.error(), r, s));
    auto stored = users.find(*id);
    if (!stored)
        return respond(fail(stored.error(), r, s));
    respond(
        routes::saved(Message::make("Api", QT_TRANSLATE_NOOP("Api", "User updated successfully")), r, s,
                      QJsonObject { { u"user"_s, userJson(stored.value(), agentOf(AgentRepository(s.db), *id)) } }));
}

}   // namespace

void registerAdminUserRoutes(ApiRouter &router, ApiServices &services)
{
    ApiServices &s = services;
    router.add("GET", u"/api/v1/users/"_s, Access::AdminOnly, routes::bound(s, handleListUsers));
    router.add("GET", u"/api/v1/users/<arg>/"_s, Access::AdminOnly, routes::bound(s, handleGetUser));
    router.add("POST", u"/api/v1/users/create/"_s, Access::AdminOnly, routes::bound(s, handleCreateUser));
    router.add("PUT", u"/api/v1/users/<arg>/update/"_s, Access::AdminOnly, routes::bound(s, handleUpdateUser));
}

}   // namespace enlace
