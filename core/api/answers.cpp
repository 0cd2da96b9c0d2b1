#include <core/api/answers.h>
#include <core/api/referencecache.h>
#include <core/identity/agentrepository.h>
#include <core/model/logvalue.h>
#include <core/model/validationerrors.h>
#include <core/store/database.h>

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcRoutes, "enlace.api.routes")

namespace enlace::routes {

QString text(const Message &message, const ApiRequest &request, const ApiServices &services)
{
    return message.text(services.catalog, request.language);
}

ApiResponse fail(const Error &error, const ApiRequest &request, const ApiServices &services)
{
    if (error.kind == Error::Kind::Internal)
        qCWarning(lcRoutes).noquote() << u"request failed method=%1 path=%2 code=%3 detail=%4"_s.arg(
            LogValue::quoted(request.method), LogValue::quoted(request.path), LogValue::quoted(error.code),
            LogValue::quoted(error.detail));
    return ApiResponse::fromError(error, services.catalog, request.language);
}

Message receivedDataMessage()
{
    return Message::make("Api", QT_TRANSLATE_NOOP("Api", "There were errors on received data"));
}

Message unknownSystemMessage()
{
    return Message::make("Api", QT_TRANSLATE_NOOP("Api", "Unknown external system."));
}

ApiResponse invalid(const ValidationErrors &errors, const ApiRequest &request, const ApiServices &services,
                    const Message &message)
{
    return ApiResponse::validation(400, errors, services.catalog, request.language,
                                   text(message.isNull() ? receivedDataMessage() : message, request, services));
}

ApiResponse forbidden(const ApiRequest &request, const ApiServices &services, const Message &message)
{
    const Message m = message.isNull()
        ? Message::make("Api", QT_TRANSLATE_NOOP("Api", "You do not have permission to perform this action."))
        : message;
    return ApiResponse::error(403, text(m, request, services));
}

ApiResponse notFound(const ApiRequest &request, const ApiServices &services)
{
    return ApiResponse::error(404,
                              text(Message::make("Api", QT_TRANSLATE_NOOP("Api", "Not found.")), request, services));
}

std::optional<ApiJson> body(const ApiRequest &request, const ApiServices &services, ApiResponder &respond)
{
    auto object = request.jsonObject();
    if (!object) {
        respond(fail(object.error(), request, services));
        return std::nullopt;
    }
    return ApiJson(object.value());
}

ApiResponse adminInvalid(const ValidationErrors &errors, const ApiRequest &request, const ApiServices &services)
{
    const QJsonObject json = errors.toJson(services.catalog, request.language);
    return ApiResponse::json(
        400,
        QJsonObject { { u"status"_s, u"ERROR"_s },
                      { u"errors"_s, json },
                      { u"message"_s, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)) } });
}

ApiResponse adminFail(const Error &error, const ApiRequest &request, const ApiServices &services,
                      const std::function<ApiResponse(const ValidationErrors &)> &invalid)
{
    if ((error.kind == Error::Kind::Invalid || error.kind == Error::Kind::Conflict) && !error.fields.isEmpty())
        return invalid ? invalid(error.fields) : adminInvalid(error.fields, request, services);
    return fail(error, request, services);
}

QJsonValue idOrNull(const std::optional<qint64> &id)
{
    return id ? QJsonValue(*id) : QJsonValue(QJsonValue::Null);
}

QJsonValue textOrNull(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

ApiResponse saved(const Message &message, const ApiRequest &request, const ApiServices &services,
                  const QJsonObject &answer)
{
    QJsonObject o = answer;
    o.insert(u"status"_s, u"SUCCESS"_s);
    o.insert(u"errors"_s, QJsonObject());
    o.insert(u"message"_s, text(message, request, services));
    return ApiResponse::json(200, o);
}

QJsonObject success(const QString &message)
{
    QJsonObject o { { u"status"_s, u"SUCCESS"_s } };
    if (!message.isEmpty())
        o.insert(u"message"_s, message);
    return o;
}

namespace {

template <typename T> Result<std::optional<T>> optionalValue(const Result<QVariant> &v)
{
    if (!v)
        return v.error();
    if (!v->isValid() || v->isNull())
        return std::optional<T>();
    return std::optional<T>(v->value<T>());
}

}   // namespace

Lookup::Lookup(const ApiServices &services, const ApiRequest &request)
    : m_s(services)
    , m_requestSerial(request.serial)
{ }

template <typename Map, typename Key, typename Load>
auto Lookup::cached(Map ReferenceCache::Entries::*map, const Key &key, Load load) const -> decltype(load())
{
    return ReferenceCache::through(m_s.reference, m_requestSerial, map, key, load);
}

Result<std::optional<Campaign>> Lookup::campaign(qint64 id) const
{
    return cached(&ReferenceCache::Entries::campaign, id, [&]() -> Result<std::optional<Campaign>> {
        auto q = m_s.db->exec(
            u"SELECT id, name, type, state, external_system_id, external_id, contact_database_id, site_id, "
            "interaction_type FROM campaigns WHERE id = ?"_s,
            { id });
        if (!q)
            return q.error();
        if (!q->next())
            return std::optional<Campaign>();
        Campaign c;
        c.id = q->value(0).toLongLong();
        c.name = q->value(1).toString();
        c.type = static_cast<CampaignType>(q->value(2).toInt());
        c.state = static_cast<CampaignState>(q->value(3).toInt());
        if (!q->value(4).isNull())
            c.externalSystemId = q->value(4).toLongLong();
        c.externalId = q->value(5).toString();
        if (!q->value(6).isNull())
            c.contactDatabaseId = q->value(6).toLongLong();
        if (!q->value(7).isNull())
            c.siteId = q->value(7).toLongLong();
        c.interactionType = static_cast<InteractionType>(q->value(8).toInt());
        auto agents
            = m_s.db->exec(u"SELECT agent_id FROM campaign_agents WHERE campaign_id = ? ORDER BY agent_id"_s, { id });
        if (!agents)
            return agents.error();
        while (agents->next())
            c.agentIds.append(agents->value(0).toLongLong());
        return std::optional<Campaign>(c);
    });
}

Result<std::optional<qint64>> Lookup::campaignByExternalId(qint64 systemId, const QString &externalId) const
{
    return cached(&ReferenceCache::Entries::campaignByExternalId, std::pair(systemId, externalId),
                  [&]() -> Result<std::optional<qint64>> {
                      return optionalValue<qint64>(
                          m_s.db->scalar(u"SELECT id FROM campaigns WHERE external_system_id = ? AND external_id = ?"_s,
                                         { systemId, externalId }));
                  });
}

Result<std::optional<qint64>> Lookup::agentByExternalId(qint64 systemId, const QString &externalId) const
{
    return cached(&ReferenceCache::Entries::agentByExternalId, std::pair(systemId, externalId),
                  [&]() -> Result<std::optional<qint64>> {
                      return optionalValue<qint64>(m_s.db->scalar(
                          u"SELECT agent_id FROM agent_external_ids WHERE system_id = ? AND external_id = ?"_s,
                          { systemId, externalId }));
                  });
}

Result<std::optional<QString>> Lookup::agentExternalId(qint64 systemId, qint64 agentId) const
{
    return cached(&ReferenceCache::Entries::agentExternalId, std::pair(systemId, agentId),
                  [&]() -> Result<std::optional<QString>> {
                      return optionalValue<QString>(m_s.db->scalar(
                          u"SELECT external_id FROM agent_external_ids WHERE system_id = ? AND agent_id = ?"_s,
                          { systemId, agentId }));
                  });
}

Result<std::optional<qint64>> Lookup::contactByExternalId(qint64 databaseId, const QString &externalId) const
{
    return optionalValue<qint64>(m_s.db->scalar(u"SELECT id FROM contacts WHERE database_id = ? AND external_id = ?"_s,
                                                { databaseId, externalId }));
}

Result<std::optional<qint64>> Lookup::contactDatabaseOf(qint64 contactId) const
{
    return optionalValue<qint64>(m_s.db->scalar(u"SELECT database_id FROM contacts WHERE id = ?"_s, { contactId }));
}

Result<bool> Lookup::systemExists(qint64 systemId) const
{
    return cached(&ReferenceCache::Entries::systemExists, systemId, [&]() -> Result<bool> {
        auto v = m_s.db->scalar(u"SELECT id FROM external_systems WHERE id = ?"_s, { systemId });
        if (!v)
            return v.error();
        return v->isValid();
    });
}

Result<std::optional<Agent>> Lookup::agent(qint64 id) const
{
    return cached(&ReferenceCache::Entries::agent, id, [&]() -> Result<std::optional<Agent>> {
        AgentRepository agents(m_s.db);
        auto a = agents.find(id);
        if (a)
            return std::optional<Agent>(a.value());
        if (a.error().kind == Error::Kind::NotFound)
            return std::optional<Agent>();
        return a.error();
    });
}

namespace {

DispositionOption readOption(const QSqlQuery &q)
{
    DispositionOption o;
    o.id = q.value(0).toLongLong();
    o.campaignId = q.value(1).toLongLong();
    o.name = q.value(2).toString();
    o.hidden = q.value(3).toInt() != 0;
    o.crmInteraction = q.value(4).toInt() != 0;
    o.engagement = q.value(5).toInt() != 0;
    return o;
}

}   // namespace

Result<QList<DispositionOption>> Lookup::dispositionOptions(qint64 campaignId) const
{
    return cached(&ReferenceCache::Entries::dispositionOptions, campaignId, [&]() -> Result<QList<DispositionOption>> {
        auto q = m_s.db->exec(
            u"SELECT id, campaign_id, name, hidden, crm_interaction, engagement FROM disposition_options "
            "WHERE campaign_id = ? ORDER BY id"_s,
            { campaignId });
        if (!q)
            return q.error();
        QList<DispositionOption> out;
        while (q->next())
            out.append(readOption(q.value()));
        return out;
    });
}

Result<std::optional<DispositionOption>> Lookup::dispositionOption(qint64 id) const
{
    return cached(&ReferenceCache::Entries::dispositionOption, id, [&]() -> Result<std::optional<DispositionOption>> {
        auto q = m_s.db->exec(
            u"SELECT id, campaign_id, name, hidden, crm_interaction, engagement FROM disposition_options "
            "WHERE id = ?"_s,
            { id });
        if (!q)
            return q.error();
        if (!q->next())
            return std::optional<DispositionOption>();
        return std::optional<DispositionOption>(readOption(q.value()));
    });
}

Result<bool> Lookup::isSupervisor(qint64 campaignId, qint64 userId) const
{
    auto v = m_s.db->scalar(u"SELECT user_id FROM campaign_supervisors WHERE campaign_id = ? AND user_id = ?"_s,
                            { campaignId, userId });
    if (!v)
        return v.error();
    return v->isValid();
}

Result<QList<qint64>> Lookup::campaignsOfSystem(qint64 systemId) const
{
    return cached(&ReferenceCache::Entries::campaignsOfSystem, systemId, [&]() -> Result<QList<qint64>> {
        auto q = m_s.db->exec(u"SELECT id FROM campaigns WHERE external_system_id = ? ORDER BY id"_s, { systemId });
        if (!q)
            return q.error();
        QList<qint64> out;
        while (q->next())
            out.append(q->value(0).toLongLong());
        return out;
    });
}

}   // namespace enlace::routes
