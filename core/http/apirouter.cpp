#include <core/http/apirouter.h>
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
    ApiResponse r = ApiResponse::json(
        status, QJsonObject { { u"status"_s, u"ERROR"_s }, { u"message"_s, message }, { u"detail"_s, message } });
    if (status == 401)
        r.withHeader("WWW-Authenticate", "Bearer");
    return r;
}

}   // namespace

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
    Route route { method.toUpper(), pattern, pattern.split(u'/', Qt::SkipEmptyParts), access, std::move(handler) };
    m_routes.append(std::move(route));
}

void ApiRouter::addUpload(QByteArray method, QString pattern, Access access, ApiHandler handler)
{
    add(std::move(method), std::move(pattern), access, std::move(handler));
    m_routes.last().upload = true;
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

ApiRouter::Found ApiRouter::find(const ApiRequest &request) const
{
    const QStringList segments = splitPath(request);
    QList<QByteArray> allowed;
    for (const Route &r : m_routes) {
        auto m = match(r, segments);
        if (!m)
            continue;
        if (r.method == request.method || r.method == "*" || (request.method == "HEAD" && r.method == "GET"))
            return Found { &r, *m, {} };
        if (!allowed.contains(r.method))
            allowed.append(r.method);
    }
    if (!allowed.isEmpty()) {
        if (allowed.contains("GET") && !allowed.contains("HEAD"))
            allowed.append("HEAD");
        ApiResponse r = ApiResponse::error(405,
                                           Message::make("Api", QT_TRANSLATE_NOOP("Api", "Method \"%1\" not allowed."))
                                               .arg(QString::fromLatin1(request.method))
                                               .text(m_catalog, request.language));
        r.withHeader("Allow", allowed.join(", "));
        return Found { nullptr, {}, std::move(r) };
    }
    return Found {
        nullptr,
        {},
        ApiResponse::error(
            404, Message::make("Api", QT_TRANSLATE_NOOP("Api", "Not found.")).text(m_catalog, request.language))
    };
}

std::optional<ApiResponse> ApiRouter::authorize(const Route &route, ApiRequest &request) const
{
    Result<std::optional<Caller>> resolved
        = m_resolver ? m_resolver(request) : Result<std::optional<Caller>>(std::optional<Caller> {});
    if (resolved.ok())
        request.caller = resolved.value();
    if (route.access == Access::Public)
        return std::nullopt;
    if (!resolved.ok()) {
        // Credentials that could not be looked up are not wrong: a store outage answers 503 (the
        // console keeps its session and tries again), never 401 (which sends it to its login).
        const Error::Kind kind = resolved.error().kind;
        if (kind == Error::Kind::Unavailable || kind == Error::Kind::Internal)
            return ApiResponse::fromError(resolved.error(), m_catalog, request.language);
        return authError(401, resolved.error().text(m_catalog, request.language));
    }
    if (!request.caller)
        return authError(401,
                         Message::make("Api", QT_TRANSLATE_NOOP("Api", "Authentication credentials were not provided."))
                             .text(m_catalog, request.language));
    if (!accessAllows(route.access, *request.caller))
        return authError(
            403,
            Message::make("Api", QT_TRANSLATE_NOOP("Api", "You do not have permission to perform this action."))
                .text(m_catalog, request.language));
    return std::nullopt;
}

ApiRouter::Admission ApiRouter::admit(const ApiRequest &request) const
{
    const Found found = find(request);
    if (!found.route || !found.route->upload)
        return {};   // everything else is checked whole by dispatch(), body and all
    ApiRequest checked = request;
    checked.pathArgs = found.args;
    return Admission { true, authorize(*found.route, checked) };
}

void ApiRouter::dispatch(ApiRequest request, ApiResponder respond) const
{
    Found found = find(request);
    if (!found.route) {
        respond(std::move(*found.refusal));
        return;
    }
    request.pathArgs = found.args;
    if (auto refusal = authorize(*found.route, request)) {
        respond(std::move(*refusal));
        return;
    }
    found.route->handler(request, std::move(respond));
}

}   // namespace enlace
