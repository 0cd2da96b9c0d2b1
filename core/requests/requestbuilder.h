#pragma once

#include <core/model/externalsite.h>
#include <core/requests/httprequest.h>
#include <core/requests/interaction.h>
#include <core/requests/parameterresolver.h>

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

#include <functional>

namespace enlace {

// Site + resolved parameters -> the exact HTTP request. The console (what the CRM tab loads),
// the server (what SiteDelivery sends) and the admin panel (the live preview) all come here, so
// they cannot disagree. Every value arrives unchanged at a standard decoder, whatever it holds.
//
// - URL placeholders `{N}` are filled on every path, each value percent-encoded for where it
//   stands (authority, path, query, fragment); a `{N}` without a value stays, encoded.
// - GET: parameters appended as an application/x-www-form-urlencoded query, after `&` when the
//   URL already has a query, before any fragment.
// - POST bodies: multipart/form-data (RFC 7578, plain fields), application/x-www-form-urlencoded
//   (WHATWG URL serializer), text/plain (HTML's `name=value` CRLF lines), JSON object of strings
//   in the parameters' order.
class RequestBuilder final
{
public:
    using Parameters = QList<QPair<QString, QString>>;
    enum class UrlPart { Authority, Path, Query, Fragment };

    static Interaction interaction(const ExternalSite &site, const ResolvedParameters &resolved);
    static HttpRequest build(const Interaction &interaction, const QByteArray &bearerToken = {});
    static HttpRequest build(const ExternalSite &site, const ResolvedParameters &resolved,
                             const QByteArray &bearerToken = {});

    // The request as it goes on the wire: request line, Host, the request's headers,
    // Content-Length for a body, blank line, body. The bearer token is masked unless asked.
    static QByteArray preview(const HttpRequest &request, bool revealAuthorization = false);
    static QByteArray preview(const ExternalSite &site, const ResolvedParameters &resolved);

    // The URL template with its placeholders filled; the rest of the template is kept, with only
    // characters that may not appear in a URL percent-encoded.
    static QString fillPlaceholders(const QString &urlTemplate, const QMap<int, QString> &values);
    static QByteArray percentEncode(const QString &value, UrlPart part);
    // `url` (encoded) with `query` appended: `?` or `&` as needed, before the fragment.
    static QString appendQuery(const QString &url, const QByteArray &query);

    static QByteArray formUrlEncode(const QString &text);
    static QByteArray formUrlEncoded(const Parameters &parameters);
    static QByteArray textPlainBody(const Parameters &parameters);
    static QByteArray jsonBody(const Parameters &parameters);
    static QByteArray multipartBody(const Parameters &parameters, const QByteArray &boundary);
    // A random boundary that occurs in no name and no value. `candidate` replaces the random
    // source (tests, fuzzing); it is asked again while its answer occurs in the parameters.
    static QByteArray chooseBoundary(const Parameters &parameters, const std::function<QByteArray()> &candidate = {});
    static QByteArray contentType(SiteFormat format, const QByteArray &boundary = {});
};

}   // namespace enlace
