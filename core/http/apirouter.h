#pragma once

#include <core/http/apirequest.h>
#include <core/http/apiresponse.h>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace enlace {

class MessageCatalog;

// Who may call a route. OMniLeads roles: Administrador(1), Gerente(2), Supervisor(3),
// Referente(4), Agente(5).
//   Public              anyone, no credentials (login, demo CRM). A valid token still sets caller.
//   Authenticated       any valid user token (every role) or integration key.
//   Admin               users with role Admin, Manager or Supervisor (OMniLeads' admin API roles).
//   AdminOnly           users with role Admin only (user management, secrets).
//   Agent               users with role Agent that have an agent profile (OMniLeads'
//                       "Agente"-only endpoints: makeCall, dispositionOptions, disposition, ...).
//   AgentOrIntegration  Agent, or an external system's integration key.
//   AdminOrIntegration  Admin (as above), or an external system's integration key.
// Referente has no route of its own beyond Authenticated. Missing/invalid/expired credentials
// answer 401 with `WWW-Authenticate: Bearer` (OMniLeads answers 403); a valid caller without the
// role answers 403.
enum class Access { Public, Authenticated, Admin, AdminOnly, Agent, AgentOrIntegration, AdminOrIntegration };

bool accessAllows(Access access, const Caller &caller);

using ApiHandler = std::function<void(const ApiRequest &, ApiResponder)>;

// Resolves the credentials of a request: ok(nullopt) = none given; ok(caller) = valid;
// error = given but invalid/expired/inactive (error.message is what the client reads).
using CallerResolver = std::function<Result<std::optional<Caller>>(const ApiRequest &)>;

// Maps method + path to a handler. Patterns are literal segments and "<arg>" (one non-empty
// segment, percent-decoded, appended to ApiRequest::pathArgs); a final "<rest>" takes the rest of
// the path (possibly empty, as one arg). A trailing slash is optional on both sides: "/api/v1/makeCall/"
// also answers "/api/v1/makeCall". Method "*" accepts any method.
// Unknown path -> 404 JSON; known path, other method -> 405 with Allow; errors use the OMniLeads
// envelope {"status":"ERROR","message":...}.
class ApiRouter final
{
public:
    ApiRouter();
    ~ApiRouter();
    ApiRouter(const ApiRouter &) = delete;
    ApiRouter &operator=(const ApiRouter &) = delete;

    void add(QByteArray method, QString pattern, Access access, ApiHandler handler);
    // A route whose body may be large (a file upload): the HTTP server streams it to a temporary
    // file (ApiRequest::bodyFile) under its own, larger limit, and only after admit() has let the
    // caller in, so nobody unauthorized gets to send a large body.
    void addUpload(QByteArray method, QString pattern, Access access, ApiHandler handler);

    // Called by the HTTP server once the headers are read, before the body.
    struct Admission
    {
        bool upload = false;   // the matched route is an upload route
        std::optional<ApiResponse> refusal;   // an upload route refused this caller (401 / 403)
    };
    Admission admit(const ApiRequest &request) const;

    void setCallerResolver(CallerResolver resolver) { m_resolver = std::move(resolver); }
    void setCatalog(const MessageCatalog *catalog) { m_catalog = catalog; }

    // Matches, authenticates, authorizes and runs the handler; respond is called exactly once.
    void dispatch(ApiRequest request, ApiResponder respond) const;

    // For tests and the docs: "METHOD pattern" of every route, in registration order.
    QStringList routes() const;
    bool hasRoute(const QByteArray &method, const QString &path) const;

private:
    struct Route
    {
        QByteArray method;
        QString pattern;
        QStringList segments;
        Access access;
        ApiHandler handler;
        bool upload = false;
    };
    static std::optional<QStringList> match(const Route &route, const QStringList &pathSegments);
    // The route for the request's method and path, with its <arg>s; else the 404 or 405 answer.
    struct Found
    {
        const Route *route = nullptr;
        QStringList args;
        std::optional<ApiResponse> refusal;
    };
    Found find(const ApiRequest &request) const;
    // Resolves the caller into request.caller; the 401 / 403 answer when the route refuses them.
    std::optional<ApiResponse> authorize(const Route &route, ApiRequest &request) const;

    QList<Route> m_routes;
    CallerResolver m_resolver;
    const MessageCatalog *m_catalog = nullptr;
};

}   // namespace enlace
