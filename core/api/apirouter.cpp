#include <core/api/apirouter.h>

#include <core/model/message.h>

#include <QJsonObject>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

bool isAdminRole(Role role)
{
    return role == Role::Admin || role == Role::Manager || role == Role::Supervisor;
}

QStringList splitPath(const ApiRequest &request)
{
    QStringList out;
    if (!request.rawPath.isEmpty()) {
        for (const QByteArray &piece : request.rawPath.split('/'))
            if (!piece.isEmpty())
                out.append(QUrl::fromPercentEncoding(piece));
        return out;
    }
    return request.path.split(u'/', Qt::SkipEmptyParts);
}

ApiResponse authError(int status, const QString &message)
{
    // OMniLeads' clients (Django REST framework) read "detail"; ours read the envelope.
    ApiResponse r = ApiResponse::json(status, QJsonObject{{u"status"_s, u"ERROR"_s}, {u"message"_s, message}, {u"detail"_s, message}});
    if (status == 401)
        r.withHeader("WWW-Authenticate", "Bearer");
    return r;
}

} // namespace

bool accessAllows(Access access, const Caller &caller)
{
    const bool integration = caller.isIntegration();
    switch (access) {
    case Access::Public:
    case Access::Authenticated:
        return true;
    case Access::Admin:
        return !integration && isAdminRole(caller.role);
    case Access::AdminOnly:
        return !integration && caller.role == Role::Admin;
    case Access::Agent:
        return caller.isAgent();
    case Access::AgentOrIntegration:
        return integration || caller.isAgent();
    case Access::AdminOrIntegration:
        return integration || isAdminRole(caller.role);
    }
    return false;
}

ApiRouter::ApiRouter() = default;
ApiRouter::~ApiRouter() = default;

void ApiRouter::add(QByteArray method, QString pattern, Access access, ApiHandler handler)
{
    Route route{method.toUpper(), pattern, pattern.split(u'/', Qt::SkipEmptyParts), access, std::move(handler)};
    m_routes.append(std::move(route));
}

std::optional<QStringList> ApiRouter::match(const Route &route, const QStringList &pathSegments)
{
    QStringList args;
    const qsizetype n = route.segments.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QString &seg = route.segments.at(i);
        if (seg == u"<rest>"_s && i == n - 1) {
            args.append(pathSegments.mid(i).join(u'/'));
            return args;
        }
        if (i >= pathSegments.size())
            return std::nullopt;
        if (seg == u"<arg>"_s)
            args.append(pathSegments.at(i));
        else if (seg != pathSegments.at(i))
            return std::nullopt;
    }
    if (pathSegments.size() != n)
        return std::nullopt;
    return args;
}

QStringList ApiRouter::routes() const
{
    QStringList out;
    for (const Route &r : m_routes)
        out.append(QString::fromLatin1(r.method) + u' ' + r.pattern);
    return out;
}

bool ApiRouter::hasRoute(const QByteArray &method, const QString &path) const
{
    const QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
    for (const Route &r : m_routes)
        if ((r.method == method.toUpper() || r.method == "*") && match(r, segments))
            return true;
    return false;
}

void ApiRouter::dispatch(ApiRequest request, ApiResponder respond) const
{
    const QStringList segments = splitPath(request);
    const Route *found = nullptr;
    QStringList args;
    QList<QByteArray> allowed;
    for (const Route &r : m_routes) {
        auto m = match(r, segments);
        if (!m)
            continue;
        if (r.method == request.method || r.method == "*" || (request.method == "HEAD" && r.method == "GET")) {
            found = &r;
            args = *m;
            break;
        }
        if (!allowed.contains(r.method))
            allowed.append(r.method);
    }
    if (!found) {
        if (!allowed.isEmpty()) {
            if (allowed.contains("GET") && !allowed.contains("HEAD"))
                allowed.append("HEAD");
            ApiResponse r = ApiResponse::error(
                405, Message::make("Api", QT_TRANSLATE_NOOP("Api", "Method \"%1\" not allowed."))
                         .arg(QString::fromLatin1(request.method))
                         .text(m_catalog, request.language));
            r.withHeader("Allow", allowed.join(", "));
            respond(std::move(r));
            return;
        }
        respond(ApiResponse::error(404, Message::make("Api", QT_TRANSLATE_NOOP("Api", "Not found.")).text(m_catalog, request.language)));
        return;
    }
    request.pathArgs = args;

    Result<std::optional<Caller>> resolved = m_resolver ? m_resolver(request) : Result<std::optional<Caller>>(std::optional<Caller>{});
    if (resolved.ok())
        request.caller = resolved.value();
    if (found->access != Access::Public) {
        if (!resolved.ok()) {
            respond(authError(401, resolved.error().text(m_catalog, request.language)));
            return;
        }
        if (!request.caller) {
            respond(authError(401, Message::make("Api", QT_TRANSLATE_NOOP("Api", "Authentication credentials were not provided."))
                                       .text(m_catalog, request.language)));
            return;
        }
        if (!accessAllows(found->access, *request.caller)) {
            respond(authError(403, Message::make("Api", QT_TRANSLATE_NOOP("Api", "You do not have permission to perform this action."))
                                       .text(m_catalog, request.language)));
            return;
        }
    }
    found->handler(request, std::move(respond));
}

} // namespace enlace
