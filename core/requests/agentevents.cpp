#include <core/requests/agentevents.h>

#include <QJsonArray>
#include <QJsonValue>

#include <cmath>

using namespace Qt::StringLiterals;

namespace enlace::wire {

namespace {

Error malformed(const QString &field)
{
    return Error { Error::Kind::Invalid, u"events.malformed"_s, {}, field, {} };
}

// An error of a nested object, renamed to the path from the outer one ("interaction.url").
Error nested(const QString &prefix, const Error &error)
{
    return malformed(prefix + u'.' + error.detail);
}

QJsonValue optional(const std::optional<qint64> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonValue optional(const std::optional<QString> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonObject stringMap(const QHash<QString, QString> &map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

bool isInteger(const QJsonValue &v)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    return std::isfinite(d) && std::floor(d) == d;
}

// Reads the fields of one object; the first one that is missing or of the wrong type is kept
// (failed()) and every later read is a no-op, so a decoder reads everything, then checks once.
class FieldReader final
{
public:
    enum Presence { Required, Optional };

    explicit FieldReader(const QJsonObject &json)
        : m_json(json)
    { }

    bool ok() const { return m_failed.isEmpty(); }
    Error error() const { return malformed(m_failed); }
    bool has(const QString &key) const { return m_json.contains(key); }

    QString string(const QString &key)
    {
        const QJsonValue v = m_json.value(key);
        if (!v.isString()) {
            fail(key);
            return QString();
        }
        return v.toString();
    }
    // Null or (when Optional) absent: nullopt.
    std::optional<QString> nullableString(const QString &key, Presence presence = Required)
    {
        const QJsonValue v = m_json.value(key);
        if (v.isNull() || (presence == Optional && v.isUndefined()))
            return std::nullopt;
        if (!v.isString()) {
            fail(key);
            return std::nullopt;
        }
        return v.toString();
    }
    qint64 integer(const QString &key)
    {
        const QJsonValue v = m_json.value(key);
        if (!isInteger(v)) {
            fail(key);
            return 0;
        }
        return v.toInteger();
    }
    std::optional<qint64> nullableInteger(const QString &key, Presence presence = Required)
    {
        const QJsonValue v = m_json.value(key);
        if (v.isNull() || (presence == Optional && v.isUndefined()))
            return std::nullopt;
        if (!isInteger(v)) {
            fail(key);
            return std::nullopt;
        }
        return v.toInteger();
    }
    bool boolean(const QString &key)
    {
        const QJsonValue v = m_json.value(key);
        if (!v.isBool()) {
            fail(key);
            return false;
        }
        return v.toBool();
    }
    QJsonObject object(const QString &key)
    {
        const QJsonValue v = m_json.value(key);
        if (!v.isObject()) {
            fail(key);
            return QJsonObject();
        }
        return v.toObject();
    }
    // {name: text}: every value a string.
    QHash<QString, QString> strings(const QString &key)
    {
        const QJsonObject o = object(key);
        QHash<QString, QString> out;
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (!it.value().isString()) {
                fail(key + u'.' + it.key());
                return QHash<QString, QString>();
            }
            out.insert(it.key(), it.value().toString());
        }
        return out;
    }
    QJsonArray array(const QString &key)
    {
        const QJsonValue v = m_json.value(key);
        if (!v.isArray()) {
            fail(key);
            return QJsonArray();
        }
        return v.toArray();
    }
    void fail(const QString &field)
    {
        if (m_failed.isEmpty())
            m_failed = field;
    }

private:
    const QJsonObject &m_json;
    QString m_failed;
};

}   // namespace

QJsonObject AgentEvent::toJson() const
{
    return QJsonObject { { u"id"_s, id }, { u"type"_s, type }, { u"data"_s, data } };
}

Result<AgentEvent> AgentEvent::fromJson(const QJsonObject &json)
{
    FieldReader r(json);
    AgentEvent e;
    e.id = r.integer(u"id"_s);
    e.type = r.string(u"type"_s);
    e.data = r.object(u"data"_s);
    if (r.ok() && e.id <= 0)
        r.fail(u"id"_s);
    if (r.ok() && e.type.isEmpty())
        r.fail(u"type"_s);
    if (!r.ok())
        return r.error();
    return e;
}

QJsonObject CallEvent::toJson() const
{
    QJsonObject o {
        { u"call_id"_s, callId },
        { u"campaign_id"_s, optional(campaignId) },
        { u"campaign_name"_s, campaignName },
        { u"campaign_type"_s, campaignType ? QJsonValue(int(*campaignType)) : QJsonValue(QJsonValue::Null) },
        { u"agent_id"_s, optional(agentId) },
        { u"contact_id"_s, optional(contactId) },
        { u"phone"_s, phone },
        { u"call_type"_s, int(callType) },
        { u"recording_file"_s, recordingFile },
        { u"wait_seconds"_s, waitSeconds },
        { u"dialplan"_s, stringMap(dialplan) },
    };
    if (contactId)
        o.insert(u"contact"_s, stringMap(contact));
    return o;
}

Result<CallEvent> CallEvent::fromJson(const QJsonObject &json)
{
    FieldReader r(json);
    CallEvent c;
    c.callId = r.string(u"call_id"_s);
    c.campaignId = r.nullableInteger(u"campaign_id"_s);
    c.campaignName = r.string(u"campaign_name"_s);
    if (const auto type = r.nullableInteger(u"campaign_type"_s))
        c.campaignType = CampaignType(int(*type));
    c.agentId = r.nullableInteger(u"agent_id"_s);
    c.contactId = r.nullableInteger(u"contact_id"_s);
    c.phone = r.string(u"phone"_s);
    c.callType = CallType(int(r.integer(u"call_type"_s)));
    c.recordingFile = r.string(u"recording_file"_s);
    c.waitSeconds = int(r.integer(u"wait_seconds"_s));
    c.dialplan = r.strings(u"dialplan"_s);
    if (r.has(u"contact"_s))
        c.contact = r.strings(u"contact"_s);
    if (!r.ok())
        return r.error();
    return c;
}

CrmRequest CrmRequest::fromHttpRequest(const HttpRequest &request)
{
    CrmRequest out;
    out.method = QString::fromLatin1(request.method);
    out.url = QString::fromUtf8(request.url.toEncoded());
    for (const auto &[name, value] : request.headers)
        out.headers.append({ QString::fromLatin1(name), QString::fromUtf8(value) });
    out.contentType = QString::fromUtf8(request.header("Content-Type"));
    out.body = QString::fromUtf8(request.body);
    return out;
}

HttpRequest CrmRequest::toHttpRequest() const
{
    HttpRequest out;
    out.method = method.toLatin1();
    out.url = QUrl::fromEncoded(url.toUtf8(), QUrl::StrictMode);
    for (const auto &[name, value] : headers)
        out.headers.append({ name.toLatin1(), value.toUtf8() });
    out.body = body.toUtf8();
    return out;
}

QJsonObject CrmRequest::toJson() const
{
    QJsonArray h;
    for (const auto &[name, value] : headers)
        h.append(QJsonObject { { u"name"_s, name }, { u"value"_s, value } });
    return QJsonObject {
        { u"method"_s, method }, { u"url"_s, url }, { u"headers"_s, h }, { u"content_type"_s, contentType },
        { u"body"_s, body },
    };
}

Result<CrmRequest> CrmRequest::fromJson(const QJsonObject &json)
{
    FieldReader r(json);
    CrmRequest out;
    out.method = r.string(u"method"_s);
    out.url = r.string(u"url"_s);
    const QJsonArray headers = r.array(u"headers"_s);
    for (qsizetype i = 0; i < headers.size() && r.ok(); ++i) {
        const QJsonObject h = headers.at(i).toObject();
        if (!h.value(u"name"_s).isString() || !h.value(u"value"_s).isString())
            r.fail(u"headers[%1]"_s.arg(i));
        else
            out.headers.append({ h.value(u"name"_s).toString(), h.value(u"value"_s).toString() });
    }
    out.contentType = r.string(u"content_type"_s);
    out.body = r.string(u"body"_s);
    if (!r.ok())
        return r.error();
    return out;
}

QJsonObject CallInteraction::toJson() const
{
    QJsonObject o = interaction.toJson();
    if (request)
        o.insert(u"request"_s, request->toJson());
    if (deliveryKey)
        o.insert(u"delivery_key"_s, *deliveryKey);
    return o;
}

Result<CallInteraction> CallInteraction::fromJson(const QJsonObject &json)
{
    CallInteraction out;
    auto interaction = Interaction::fromJson(json);
    if (!interaction.ok())
        return malformed(interaction.error().detail);
    out.interaction = std::move(interaction).value();
    FieldReader r(json);
    if (r.has(u"request"_s)) {
        auto request = CrmRequest::fromJson(r.object(u"request"_s));
        if (!r.ok())
            return r.error();
        if (!request.ok())
            return nested(u"request"_s, request.error());
        out.request = std::move(request).value();
    }
    out.deliveryKey = r.nullableString(u"delivery_key"_s, FieldReader::Optional);
    if (!r.ok())
        return r.error();
    return out;
}

QJsonObject CallConnected::toJson() const
{
    QJsonObject o = call.toJson();
    o.insert(u"interaction"_s, interaction ? QJsonValue(interaction->toJson()) : QJsonValue(QJsonValue::Null));
    if (interactionError)
        o.insert(u"interaction_error"_s, *interactionError);
    return o;
}

Result<CallConnected> CallConnected::fromJson(const QJsonObject &json)
{
    auto call = CallEvent::fromJson(json);
    if (!call.ok())
        return call.error();
    CallConnected out;
    out.call = std::move(call).value();
    FieldReader r(json);
    const QJsonValue interaction = json.value(u"interaction"_s);
    if (interaction.isObject()) {
        auto decoded = CallInteraction::fromJson(interaction.toObject());
        if (!decoded.ok())
            return nested(u"interaction"_s, decoded.error());
        out.interaction = std::move(decoded).value();
    } else if (!interaction.isNull()) {
        r.fail(u"interaction"_s);
    }
    out.interactionError = r.nullableString(u"interaction_error"_s, FieldReader::Optional);
    if (!r.ok())
        return r.error();
    return out;
}

QJsonObject CallEnded::toJson() const
{
    QJsonObject o = call.toJson();
    o.insert(u"state"_s, int(state));
    if (durationSeconds)
        o.insert(u"duration_seconds"_s, *durationSeconds);
    return o;
}

Result<CallEnded> CallEnded::fromJson(const QJsonObject &json)
{
    auto call = CallEvent::fromJson(json);
    if (!call.ok())
        return call.error();
    CallEnded out;
    out.call = std::move(call).value();
    FieldReader r(json);
    out.state = CallState(int(r.integer(u"state"_s)));
    if (const auto duration = r.nullableInteger(u"duration_seconds"_s, FieldReader::Optional))
        out.durationSeconds = int(*duration);
    if (!r.ok())
        return r.error();
    return out;
}

QJsonObject ExternalSiteInteraction::toJson() const
{
    return QJsonObject {
        { u"delivered"_s, delivered },
        { u"error_msg"_s, optional(errorMessage) },
        { u"status"_s, status ? QJsonValue(*status) : QJsonValue(QJsonValue::Null) },
        { u"attempts"_s, attempts },
        { u"site_id"_s, optional(siteId) },
        { u"call_id"_s, callId },
        { u"key"_s, key },
    };
}

Result<ExternalSiteInteraction> ExternalSiteInteraction::fromJson(const QJsonObject &json)
{
    FieldReader r(json);
    ExternalSiteInteraction out;
    out.delivered = r.boolean(u"delivered"_s);
    out.errorMessage = r.nullableString(u"error_msg"_s);
    if (const auto status = r.nullableInteger(u"status"_s))
        out.status = int(*status);
    out.attempts = int(r.integer(u"attempts"_s));
    out.siteId = r.nullableInteger(u"site_id"_s);
    out.callId = r.string(u"call_id"_s);
    out.key = r.string(u"key"_s);
    if (!r.ok())
        return r.error();
    return out;
}

QJsonObject DispositionInteraction::toJson() const
{
    return QJsonObject { { u"call_id"_s, callId },
                         { u"disposition_id"_s, dispositionId },
                         { u"interaction"_s, interaction.toJson() } };
}

Result<DispositionInteraction> DispositionInteraction::fromJson(const QJsonObject &json)
{
    FieldReader r(json);
    DispositionInteraction out;
    out.callId = r.string(u"call_id"_s);
    out.dispositionId = r.integer(u"disposition_id"_s);
    const QJsonObject interaction = r.object(u"interaction"_s);
    if (!r.ok())
        return r.error();
    auto decoded = CallInteraction::fromJson(interaction);
    if (!decoded.ok())
        return nested(u"interaction"_s, decoded.error());
    out.interaction = std::move(decoded).value();
    return out;
}

QJsonObject ContactSaved::toJson() const
{
    return QJsonObject { { u"id"_s, callId }, { u"call_id"_s, callId }, { u"contact_id"_s, contactId } };
}

Result<ContactSaved> ContactSaved::fromJson(const QJsonObject &json)
{
    FieldReader r(json);
    ContactSaved out;
    out.callId = r.string(u"call_id"_s);
    out.contactId = r.integer(u"contact_id"_s);
    if (!r.ok())
        return r.error();
    return out;
}

namespace {

QJsonValue isoTime(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

}   // namespace

QJsonObject AgentCall::toJson() const
{
    QJsonObject o = connected.toJson();
    o.insert(u"state"_s, int(state));
    o.insert(u"offered_at"_s, isoTime(offeredAt));
    o.insert(u"connected_at"_s, isoTime(connectedAt));
    o.insert(u"ended_at"_s, isoTime(endedAt));
    o.insert(u"disposition"_s,
             disposition ? QJsonValue(QJsonObject { { u"id"_s, disposition->id },
                                                    { u"option_id"_s, disposition->optionId },
                                                    { u"comments"_s, disposition->comments } })
                         : QJsonValue(QJsonValue::Null));
    return o;
}

Result<AgentCall> AgentCall::fromJson(const QJsonObject &json)
{
    auto connected = CallConnected::fromJson(json);
    if (!connected.ok())
        return connected.error();
    AgentCall out;
    out.connected = std::move(connected).value();
    FieldReader r(json);
    const qint64 state = r.integer(u"state"_s);
    if (r.ok() && (state < int(CallState::Offered) || state > int(CallState::Failed)))
        r.fail(u"state"_s);
    out.state = CallState(int(state));
    const auto time = [&](const QString &key, FieldReader::Presence presence) {
        const auto text = r.nullableString(key, presence);
        if (!text)
            return QDateTime();
        QDateTime t = QDateTime::fromString(*text, Qt::ISODateWithMs);
        if (!t.isValid())
            r.fail(key);
        return t;
    };
    out.offeredAt = time(u"offered_at"_s, FieldReader::Required);
    out.connectedAt = time(u"connected_at"_s, FieldReader::Optional);
    out.endedAt = time(u"ended_at"_s, FieldReader::Optional);
    const QJsonValue d = json.value(u"disposition"_s);
    if (d.isObject()) {
        const QJsonObject dispositionJson = d.toObject();
        FieldReader dr(dispositionJson);
        Disposition disposition;
        disposition.id = dr.integer(u"id"_s);
        disposition.optionId = dr.integer(u"option_id"_s);
        disposition.comments = dr.string(u"comments"_s);
        if (!dr.ok())
            return nested(u"disposition"_s, dr.error());
        out.disposition = disposition;
    } else if (!d.isNull() && !d.isUndefined()) {
        r.fail(u"disposition"_s);
    }
    if (!r.ok())
        return r.error();
    return out;
}

}   // namespace enlace::wire
