#pragma once

#include <core/model/enums.h>
#include <core/model/result.h>

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <memory>
#include <optional>

class QFile;

namespace enlace {

// Who is calling: a user with a bearer token, or an external system with its integration key.
struct Caller
{
    qint64 userId = 0;   // 0 for an integration key
    Role role = Role::Agent;
    std::optional<qint64> agentId;   // set when the user has an agent profile
    std::optional<qint64> integrationSystemId;   // set for an integration key
    QString username;

    bool isIntegration() const { return integrationSystemId.has_value() && userId == 0; }
    bool isAgent() const { return !isIntegration() && role == Role::Agent && agentId.has_value(); }
};

// One parsed HTTP request as a route handler sees it.
struct ApiRequest
{
    QByteArray method;   // upper case: "GET", "POST", ...
    QString path;   // percent-decoded, without the query
    QByteArray rawPath;   // as received (percent-encoded); the router splits this
    QStringList pathArgs;   // the <arg> segments of the route, in order
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers;   // lower-case names
    QByteArray body;
    // Routes added with ApiRouter::addUpload: the body, written to a temporary file as it arrived
    // (body stays empty). The file is removed when the last holder lets it go.
    std::shared_ptr<QFile> bodyFile;
    QString language = QStringLiteral("es");   // negotiated from Accept-Language: es | en | pt_BR
    std::optional<Caller> caller;   // set by the router for non-public routes
    QString peerAddress;   // the client's address (logs, throttling)
    // Unique per request of this process (nextSerial()), 0 for one not made by the HTTP server:
    // what is read once per request (ReferenceCache::sync) is read once per serial.
    quint64 serial = 0;
    static quint64 nextSerial();

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
    // The media type of the body without parameters, lower case ("application/json").
    QByteArray contentType() const;
    // pathArgs[index] as a positive integer, or nothing (the route should answer 404).
    std::optional<qint64> pathId(qsizetype index) const;

    // The body as a JSON object. Like OMniLeads (Django REST framework) an
    // application/x-www-form-urlencoded body is accepted too and becomes an object of strings
    // (a repeated key becomes an array). An empty body is an empty object.
    // Malformed JSON, or JSON that is not an object: Error::Kind::Invalid with code
    // "api.malformed_json" / "api.not_an_object" (ApiResponse::fromError answers 400).
    Result<QJsonObject> jsonObject() const;
};

}   // namespace enlace
