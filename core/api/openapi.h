#pragma once

#include <core/http/apirouter.h>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace enlace {

struct ApiServices;

// What the reference documentation says about one route.
struct RouteDoc
{
    QByteArray method;
    QString pattern;   // as registered: "/api/v1/disposition/<arg>/"
    QStringList parameters;   // names of the <arg> segments, in order
    QString tag;
    Access access = Access::Authenticated;
    QString summary;
    QString description;
    // Body fields, "name:type" with type integer|string|boolean|array|object|id (integer or
    // numeric text) and a trailing '*' when required; empty for routes without a JSON body.
    QStringList body;
    QList<int> statuses;   // documented answers besides the envelope errors
};

// The OpenAPI 3 document of the API, built from the routes the router actually holds, so it
// cannot drift from them: every registered route appears, with its documentation from the
// catalogue, or flagged "x-undocumented" when the catalogue has none (tst_openapi fails then).
class OpenApi final
{
public:
    OpenApi() = delete;

    static const QList<RouteDoc> &catalogue();
    static const RouteDoc *find(const QByteArray &method, const QString &pattern);
    // routes: ApiRouter::routes() ("METHOD pattern"). serverUrl: the "servers" entry, may be empty.
    static QJsonObject document(const QStringList &routes, const QString &serverUrl = {});
    // "/api/v1/campaign/<arg>/dispositionOptions/" -> "/api/v1/campaign/{campaign}/dispositionOptions/"
    static QString openApiPath(const QString &pattern, const QStringList &parameters);
};

// GET /api/v1/openapi.json (public): the document of every route registered on router, at the
// time of the request. Register it last or first: it reads the router when asked.
void registerOpenApiRoute(ApiRouter &router, ApiServices &services);

}   // namespace enlace
