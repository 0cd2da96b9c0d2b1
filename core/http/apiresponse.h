#pragma once

#include <core/model/result.h>

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>

namespace enlace {

class MessageCatalog;
class ValidationErrors;

// What a route answers. The server writes it whole (status line, headers, Content-Length, body):
// a response is never half-written.
struct ApiResponse
{
    int status = 200;
    QByteArray contentType;   // empty with an empty body
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;   // extra headers (Allow, WWW-Authenticate, ...)

    ApiResponse &withHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({ name, value });
        return *this;
    }
    QByteArray header(const QByteArray &name) const;

    // application/json; the value is an object or an array.
    static ApiResponse json(int status, const QJsonValue &value);
    static ApiResponse json(const QJsonValue &value) { return json(200, value); }
    static ApiResponse html(int status, const QByteArray &utf8Html);
    static ApiResponse text(int status, const QByteArray &utf8Text);
    static ApiResponse noContent() { return ApiResponse { 204, {}, {}, {} }; }

    // OMniLeads' envelope: {"status":"ERROR","message":"..."}
    static ApiResponse error(int status, const QString &message);
    // {"status":"ERROR","message":"...","errors":{"field":["...", ...]}}; the errors are rendered
    // in `language` by the catalog (English when catalog is null).
    static ApiResponse validation(int status, const ValidationErrors &errors, const MessageCatalog *catalog,
                                  const QString &language, const QString &message);
    // Error::Kind -> status:
    //   Invalid 400 (validation envelope when error.fields is not empty, with the message
    //   "There were errors on received data" unless error.message is set),
    //   NotFound 404, Conflict 409 (400 with the validation envelope when error.fields is set),
    //   Forbidden 403, Unavailable 503, Internal 500 with a generic message: the code and the
    //   detail of an internal error are logged by the caller, never sent.
    static ApiResponse fromError(const Error &error, const MessageCatalog *catalog, const QString &language);
};

// Called exactly once per request with the answer. May be called later (asynchronously, e.g. from a
// network reply or a PBX callback) on the server's thread; calling it after the client went away is
// harmless.
using ApiResponder = std::function<void(ApiResponse)>;

}   // namespace enlace
