#include <core/http/apirequest.h>
#include <core/model/validationerrors.h>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrl>

#include <atomic>

using namespace Qt::StringLiterals;

namespace enlace {

quint64 ApiRequest::nextSerial()
{
    static std::atomic<quint64> last { 0 };
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

namespace {

// Django's DATA_UPLOAD_MAX_NUMBER_FIELDS: a form with more fields is refused whole.
constexpr qsizetype kMaxFormFields = 1000;

// One form component: '+' is a space, then percent-decoding (invalid escapes stay as they are).
QString formDecode(QByteArrayView raw)
{
    QByteArray bytes = raw.toByteArray();
    bytes.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
}

// application/x-www-form-urlencoded in one pass: a name given several times becomes an array of
// its values in order, the names keep their first order. Linear in the body's size.
Result<QJsonObject> parseForm(QByteArrayView body)
{
    QList<QString> order;
    QHash<QString, QStringList> values;
    qsizetype fields = 0;
    qsizetype from = 0;
    while (from <= body.size()) {
        qsizetype to = body.indexOf('&', from);
        if (to < 0)
            to = body.size();
        const QByteArrayView pair = body.sliced(from, to - from);
        from = to + 1;
        if (pair.isEmpty())
            continue;
        if (++fields > kMaxFormFields) {
            ValidationErrors errors;
            errors.add(u"non_field_errors"_s,
                       Message::make("Api", QT_TRANSLATE_NOOP("Api", "The form has more than %1 fields."))
                           .arg(QString::number(kMaxFormFields)));
            return Error::invalid(std::move(errors), u"api.too_many_fields"_s);
        }
        const qsizetype equals = pair.indexOf('=');
        const QString key = formDecode(equals < 0 ? pair : pair.first(equals));
        const QString value = equals < 0 ? QString() : formDecode(pair.sliced(equals + 1));
        auto it = values.find(key);
        if (it == values.end()) {
            order.append(key);
            values.insert(key, QStringList { value });
        } else {
            it->append(value);
        }
    }
    QJsonObject object;
    for (const QString &key : order) {
        const QStringList &list = values[key];
        if (list.size() == 1)
            object.insert(key, list.first());
        else
            object.insert(key, QJsonArray::fromStringList(list));
    }
    return object;
}

// Text with U+0000 can be neither stored (PostgreSQL refuses it) nor shown: the field is named.
void findNul(const QJsonValue &value, const QString &path, ValidationErrors &errors)
{
    const auto flag = [&](const QString &at) {
        errors.add(at.isEmpty() ? u"non_field_errors"_s : at,
                   Message::make("Api", QT_TRANSLATE_NOOP("Api", "Text may not contain the NUL character.")));
    };
    if (value.isString()) {
        if (value.toString().contains(QChar(u'\0')))
            flag(path);
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            findNul(array.at(i), path + u'[' + QString::number(i) + u']', errors);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString at = path.isEmpty() ? it.key() : path + u'.' + it.key();
            if (it.key().contains(QChar(u'\0')))
                flag(path);
            else
                findNul(it.value(), at, errors);
        }
    }
}

Result<QJsonObject> withoutNul(QJsonObject object)
{
    ValidationErrors errors;
    findNul(object, QString(), errors);
    if (!errors.isEmpty())
        return Error::invalid(std::move(errors), u"api.nul_in_text"_s);
    return object;
}

}   // namespace

Result<QJsonObject> ApiRequest::jsonObject() const
{
    if (body.trimmed().isEmpty())
        return QJsonObject {};
    if (contentType() == "application/x-www-form-urlencoded") {
        auto form = parseForm(body);
        if (!form.ok())
            return form.error();
        return withoutNul(std::move(form.value()));
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error { Error::Kind::Invalid,
                       u"api.malformed_json"_s,
                       Message::make("Api", QT_TRANSLATE_NOOP("Api", "Malformed JSON in the request body.")),
                       {},
                       {} };
    if (!doc.isObject())
        return Error { Error::Kind::Invalid,
                       u"api.not_an_object"_s,
                       Message::make("Api", QT_TRANSLATE_NOOP("Api", "The request body must be a JSON object.")),
                       {},
                       {} };
    return withoutNul(doc.object());
}

}   // namespace enlace
