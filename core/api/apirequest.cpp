#include <core/api/apirequest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrl>

#include <atomic>

using namespace Qt::StringLiterals;

namespace enlace {

quint64 ApiRequest::nextSerial()
{
    static std::atomic<quint64> last{0};
    return ++last;
}

QByteArray ApiRequest::contentType() const
{
    const QByteArray raw = headers.value("content-type");
    const qsizetype semicolon = raw.indexOf(';');
    return (semicolon < 0 ? raw : raw.left(semicolon)).trimmed().toLower();
}

std::optional<qint64> ApiRequest::pathId(qsizetype index) const
{
    if (index < 0 || index >= pathArgs.size())
        return std::nullopt;
    const QString &text = pathArgs.at(index);
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    for (const QChar c : text)
        if (!c.isDigit() || c.unicode() > 127)
            return std::nullopt;
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return std::nullopt;
    return id;
}

Result<QJsonObject> ApiRequest::jsonObject() const
{
    if (body.trimmed().isEmpty())
        return QJsonObject{};
    if (contentType() == "application/x-www-form-urlencoded") {
        QByteArray form = body;
        form.replace('+', ' ');
        const QUrlQuery parsed(QString::fromUtf8(form));
        QJsonObject object;
        for (const auto &[key, ignored] : parsed.queryItems(QUrl::FullyDecoded)) {
            Q_UNUSED(ignored)
            if (object.contains(key))
                continue;
            const QStringList values = parsed.allQueryItemValues(key, QUrl::FullyDecoded);
            if (values.size() == 1)
                object.insert(key, values.first());
            else
                object.insert(key, QJsonArray::fromStringList(values));
        }
        return object;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{Error::Kind::Invalid, u"api.malformed_json"_s,
                     Message::make("Api", QT_TRANSLATE_NOOP("Api", "Malformed JSON in the request body.")),
                     {}, {}};
    if (!doc.isObject())
        return Error{Error::Kind::Invalid, u"api.not_an_object"_s,
                     Message::make("Api", QT_TRANSLATE_NOOP("Api", "The request body must be a JSON object.")),
                     {}, {}};
    return doc.object();
}

} // namespace enlace
