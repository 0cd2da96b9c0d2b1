#include <core/http/apiresponse.h>
#include <core/model/messagecatalog.h>
#include <core/model/validationerrors.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace enlace {

QByteArray ApiResponse::header(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

ApiResponse ApiResponse::json(int status, const QJsonValue &value)
{
    ApiResponse r;
    r.status = status;
    r.contentType = "application/json";
    if (value.isArray())
        r.body = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    else
        r.body = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    return r;
}

ApiResponse ApiResponse::html(int status, const QByteArray &utf8Html)
{
    return ApiResponse { status, "text/html; charset=utf-8", utf8Html, {} };
}

ApiResponse ApiResponse::text(int status, const QByteArray &utf8Text)
{
    return ApiResponse { status, "text/plain; charset=utf-8", utf8Text, {} };
}

ApiResponse ApiResponse::error(int status, const QString &message)
{
    return json(status, QJsonObject { { u"status"_s, u"ERROR"_s }, { u"message"_s, message } });
}

ApiResponse ApiResponse::validation(int status, const ValidationErrors &errors, const MessageCatalog *catalog,
                                    const QString &language, const QString &message)
{
    return json(status,
                QJsonObject { { u"status"_s, u"ERROR"_s },
                              { u"message"_s, message },
                              { u"errors"_s, errors.toJson(catalog, language) } });
}

ApiResponse ApiResponse::fromError(const Error &error, const MessageCatalog *catalog, const QString &language)
{
    const auto receivedDataMessage = [&] {
        if (!error.message.isNull())
            return error.message.text(catalog, language);
        return Message::make("Api", QT_TRANSLATE_NOOP("Api", "There were errors on received data"))
            .text(catalog, language);
    };
    // The detail of a client error is safe (it names what was wrong); of an internal error it is not.
    const auto clientMessage = [&](const char *fallback) {
        if (!error.message.isNull())
            return error.message.text(catalog, language);
        return Message::make("Api", fallback).text(catalog, language);
    };
    switch (error.kind) {
    case Error::Kind::Invalid:
        if (!error.fields.isEmpty())
            return validation(400, error.fields, catalog, language, receivedDataMessage());
        return ApiResponse::error(400, clientMessage(QT_TRANSLATE_NOOP("Api", "There were errors on received data")));
    case Error::Kind::NotFound:
        return ApiResponse::error(404, clientMessage(QT_TRANSLATE_NOOP("Api", "Not found.")));
    case Error::Kind::Conflict:
        if (!error.fields.isEmpty())
            return validation(400, error.fields, catalog, language, receivedDataMessage());
        return ApiResponse::error(
            409, clientMessage(QT_TRANSLATE_NOOP("Api", "The request conflicts with the current state.")));
    case Error::Kind::Forbidden:
        return ApiResponse::error(
            403, clientMessage(QT_TRANSLATE_NOOP("Api", "You do not have permission to perform this action.")));
    case Error::Kind::Unauthenticated: {
        ApiResponse r
            = ApiResponse::error(401, clientMessage(QT_TRANSLATE_NOOP("Api", "Invalid or missing credentials.")));
        r.withHeader("WWW-Authenticate", "Bearer");
        return r;
    }
    case Error::Kind::Unavailable:
        return ApiResponse::error(503,
                                  clientMessage(QT_TRANSLATE_NOOP("Api", "The service is temporarily unavailable.")));
    case Error::Kind::Internal:
        break;
    }
    return ApiResponse::error(
        500, Message::make("Api", QT_TRANSLATE_NOOP("Api", "Internal server error.")).text(catalog, language));
}

}   // namespace enlace
