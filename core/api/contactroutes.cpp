#include <core/api/answers.h>
#include <core/api/contactroutes.h>
#include <core/contacts/contactrepository.h>
#include <core/http/apirouter.h>
#include <core/model/validationerrors.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

Message validCampaignMessage()
{
    return Message::make("Api", QT_TRANSLATE_NOOP("Api", "You must provide a valid idCampaign"));
}

Message campaignNotFoundMessage()
{
    return Message::make("Api", QT_TRANSLATE_NOOP("Api", "Campaign not found"));
}

Message noPermissionMessage()
{
    return Message::make("Api", QT_TRANSLATE_NOOP("Api", "You don't have permission to edit the campaign"));
}

// The campaign a new_contact / database_metadata body names, checked against the caller, or the
// answer to give instead.
struct CampaignTarget
{
    std::optional<Campaign> campaign;
    std::optional<ApiResponse> response;
};

CampaignTarget resolveCampaign(ApiServices &s, const ApiRequest &request, ApiJson &json)
{
    CampaignTarget t;
    const routes::Lookup lookup(s, request);
    const Caller &caller = *request.caller;
    if (!caller.isIntegration() && caller.role == Role::Referent) {
        t.response = routes::forbidden(request, s);
        return t;
    }
    ValidationErrors errors;
    std::optional<qint64> campaignId;
    const bool bySystem = json.hasValue(u"idExternalSystem"_s)
        && !json.object().value(u"idExternalSystem"_s).toVariant().toString().isEmpty();
    if (bySystem) {
        ApiJson probe(json.object());
        const auto systemId = probe.integer(u"idExternalSystem"_s);
        bool known = false;
        if (systemId) {
            auto exists = lookup.systemExists(*systemId);
            if (!exists) {
                t.response = routes::fail(exists.error(), request, s);
                return t;
            }
            known = exists.value();
        }
        if (!known) {
            errors.add(u"idExternalSystem"_s, routes::unknownSystemMessage());
            t.response = routes::invalid(errors, request, s);
            return t;
        }
        if (caller.isIntegration() && *systemId != *caller.integrationSystemId) {
            t.response = routes::forbidden(request, s);
            return t;
        }
        const QString external = json.object().value(u"idCampaign"_s).toVariant().toString();
        if (external.isEmpty()) {
            errors.add(u"idCampaign"_s, validCampaignMessage());
        } else {
            auto id = lookup.campaignByExternalId(*systemId, external);
            if (!id) {
                t.response = routes::fail(id.error(), request, s);
                return t;
            }
            campaignId = id.value();
            if (!campaignId)
                errors.add(u"idCampaign"_s, campaignNotFoundMessage());
        }
    } else {
        ApiJson probe(json.object());
        campaignId = probe.integer(u"idCampaign"_s, ApiJson::Need::Required);
        if (!campaignId)
            errors.add(u"idCampaign"_s, validCampaignMessage());
    }
    if (campaignId) {
        auto c = lookup.campaign(*campaignId);
        if (!c) {
            t.response = routes::fail(c.error(), request, s);
            return t;
        }
        if (c.value() && c.value()->state == CampaignState::Active)
            t.campaign = c.value();
        else
            errors.add(u"idCampaign"_s, campaignNotFoundMessage());
    }
    if (t.campaign) {
        bool allowed = false;
        if (caller.isIntegration()) {
            allowed = t.campaign->externalSystemId == caller.integrationSystemId;
        } else if (caller.role == Role::Admin || caller.role == Role::Manager) {
            allowed = true;
        } else if (caller.role == Role::Agent) {
            allowed = caller.agentId && t.campaign->agentIds.contains(*caller.agentId);
        } else {
            auto supervises = lookup.isSupervisor(t.campaign->id, caller.userId);
            if (!supervises) {
                t.response = routes::fail(supervises.error(), request, s);
                return t;
            }
            allowed = supervises.value();
        }
        if (!allowed)
            errors.add(u"idCampaign"_s, noPermissionMessage());
    }
    if (!errors.isEmpty()) {
        t.campaign.reset();
        t.response = routes::invalid(errors, request, s);
    }
    return t;
}

// The body and the contact database of the campaign it names (idCampaign / idExternalSystem), or
// nothing when the answer was already given.
struct CampaignDatabase
{
    ApiJson json;
    ContactDatabase database;
};

std::optional<CampaignDatabase> campaignDatabase(ApiServices &s, const ApiRequest &request, ApiResponder &respond)
{
    auto json = routes::body(request, s, respond);
    if (!json)
        return std::nullopt;
    const CampaignTarget target = resolveCampaign(s, request, *json);
    if (target.response) {
        respond(*target.response);
        return std::nullopt;
    }
    if (!target.campaign->contactDatabaseId) {
        respond(routes::invalid(
            {}, request, s, Message::make("Api", QT_TRANSLATE_NOOP("Api", "The campaign has no contact database."))));
        return std::nullopt;
    }
    auto database = ContactRepository(s.db).findDatabase(*target.campaign->contactDatabaseId);
    if (!database) {
        respond(routes::fail(database.error(), request, s));
        return std::nullopt;
    }
    return CampaignDatabase { std::move(*json), std::move(database).value() };
}

void handleNewContact(ApiServices &s, const ApiRequest &request, ApiResponder respond)
{
    auto target = campaignDatabase(s, request, respond);
    if (!target)
        return;
    auto *json = &target->json;
    const ContactDatabase *database = &target->database;
    ContactRepository contacts(s.db);
    QStringList allowed = database->columns;
    allowed << u"idCampaign"_s << u"idExternalSystem"_s << u"confirmar_duplicado"_s;
    const QStringList unknown = json->unknownKeys(allowed);
    if (!unknown.isEmpty())
        return respond(ApiResponse::json(
            400,
            QJsonObject {
                { u"status"_s, u"ERROR"_s },
                { u"message"_s,
                  routes::text(Message::make("Api", QT_TRANSLATE_NOOP("Api", "Incorrect fields were received")),
                               request, s) },
                { u"errors"_s, QJsonArray::fromStringList(unknown) } }));
    QHash<QString, QString> values;
    for (const QString &column : database->columns) {
        if (!json->hasValue(column))
            continue;
        if (auto v = json->string(column))
            values.insert(column, *v);
    }
    ValidationErrors errors = json->errors();
    if (values.value(database->mainPhoneColumn()).trimmed().isEmpty() && !errors.has(database->mainPhoneColumn()))
        errors.add(database->mainPhoneColumn(),
                   Message::make("Api", QT_TRANSLATE_NOOP("Api", "The field is required")));
    if (!errors.isEmpty())
        return respond(routes::invalid(errors, request, s));
    auto id = contacts.addContact(database->id, values);
    if (!id) {
        if (id.error().kind == Error::Kind::Invalid && !id.error().fields.isEmpty())
            return respond(routes::invalid(id.error().fields, request, s));
        return respond(routes::fail(id.error(), request, s));
    }
    QJsonObject contacto;
    for (const QString &column : database->columns)
        contacto.insert(column, values.value(column));
    respond(ApiResponse::json(
        200,
        QJsonObject {
            { u"status"_s, u"OK"_s },
            { u"message"_s, routes::text(Message::make("Api", QT_TRANSLATE_NOOP("Api", "Contact added")), request, s) },
            { u"id"_s, id.value() },
            { u"contacto"_s, contacto } }));
}

void handleMetadata(ApiServices &s, const ApiRequest &request, ApiResponder respond)
{
    const auto target = campaignDatabase(s, request, respond);
    if (!target)
        return;
    const ContactDatabase *database = &target->database;
    respond(ApiResponse::json(200,
                              QJsonObject { { u"status"_s, u"OK"_s },
                                            { u"main_phone"_s, database->mainPhoneColumn() },
                                            { u"external_id"_s, routes::textOrNull(database->externalIdColumn) },
                                            { u"fields"_s, QJsonArray::fromStringList(database->columns) } }));
}

// A query parameter by its decoded name ("search[value]" may arrive as "search%5Bvalue%5D").
QString queryValue(const ApiRequest &request, const QString &name)
{
    for (const auto &[key, value] : request.query.queryItems(QUrl::FullyDecoded))
        if (key == name)
            return value;
    return {};
}

// DataTables' parameters; a value that is not a number falls back to the default.
int queryInt(const ApiRequest &request, const QString &name, int fallback, int min, int max)
{
    bool ok = false;
    const int v = queryValue(request, name).toInt(&ok);
    return ok ? std::clamp(v, min, max) : fallback;
}

void handleCampaignContacts(ApiServices &s, const ApiRequest &request, ApiResponder respond)
{
    const auto campaignId = request.pathId(0);
    if (!campaignId)
        return respond(routes::notFound(request, s));
    const routes::Lookup lookup(s, request);
    auto campaign = lookup.campaign(*campaignId);
    if (!campaign)
        return respond(routes::fail(campaign.error(), request, s));
    if (!campaign.value())
        return respond(routes::notFound(request, s));
    const Caller &caller = *request.caller;
    const bool allowed = caller.isIntegration() ? campaign.value()->externalSystemId == caller.integrationSystemId
                                                : campaign.value()->agentIds.contains(*caller.agentId);
    if (!allowed)
        return respond(routes::forbidden(request, s, noPermissionMessage()));
    const int draw = queryInt(request, u"draw"_s, 0, 0, std::numeric_limits<int>::max());
    const int start = queryInt(request, u"start"_s, 0, 0, std::numeric_limits<int>::max());
    const int length = queryInt(request, u"length"_s, 10, 1, 1000);
    const QString search = queryValue(request, u"search[value]"_s).trimmed().toLower();
    QJsonObject out {
        { u"draw"_s, draw }, { u"recordsTotal"_s, 0 }, { u"recordsFiltered"_s, 0 }, { u"data"_s, QJsonArray() }
    };
    if (!campaign.value()->contactDatabaseId)
        return respond(ApiResponse::json(200, out));
    ContactRepository contacts(s.db);
    auto database = contacts.findDatabase(*campaign.value()->contactDatabaseId);
    if (!database)
        return respond(routes::fail(database.error(), request, s));
    // Contacts already dispositioned on this campaign are left out, as OMniLeads does.
    const QString base = u"FROM contacts c WHERE c.database_id = ? AND NOT EXISTS (SELECT 1 FROM dispositions d "
                         "WHERE d.campaign_id = ? AND d.contact_id = c.id)"_s;
    const QVariantList baseValues { database->id, *campaignId };
    QString filter;
    QVariantList filterValues = baseValues;
    if (!search.isEmpty()) {
        QString pattern = search;
        pattern.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"\\%"_s).replace(u"_"_s, u"\\_"_s);
        filter = u" AND LOWER(c.values_json) LIKE ? ESCAPE '\\'"_s;
        filterValues << QString(u"%"_s + pattern + u"%"_s);
    }
    auto total = s.db->scalar(u"SELECT COUNT(*) "_s + base, baseValues);
    auto filtered = s.db->scalar(u"SELECT COUNT(*) "_s + base + filter, filterValues);
    if (!total)
        return respond(routes::fail(total.error(), request, s));
    if (!filtered)
        return respond(routes::fail(filtered.error(), request, s));
    QVariantList pageValues = filterValues;
    pageValues << length << start;
    auto rows = s.db->exec(u"SELECT c.id, c.phone, c.external_id, c.values_json "_s + base + filter
                               + u" ORDER BY c.id LIMIT ? OFFSET ?"_s,
                           pageValues);
    if (!rows)
        return respond(routes::fail(rows.error(), request, s));
    QJsonArray data;
    while (rows->next()) {
        const QStringList values = ContactRepository::fromJsonArray(rows->value(3).toString());
        QJsonObject fields;
        for (qsizetype i = 0; i < database->columns.size(); ++i)
            fields.insert(database->columns.at(i), values.value(i));
        data.append(QJsonObject { { u"id"_s, rows->value(0).toLongLong() },
                                  { u"phone"_s, rows->value(1).toString() },
                                  { u"externalId"_s, routes::textOrNull(rows->value(2).toString()) },
                                  { u"fields"_s, fields } });
    }
    out.insert(u"recordsTotal"_s, total->toLongLong());
    out.insert(u"recordsFiltered"_s, filtered->toLongLong());
    out.insert(u"data"_s, data);
    respond(ApiResponse::json(200, out));
}

}   // namespace

void registerContactRoutes(ApiRouter &router, ApiServices &services)
{
    ApiServices &s = services;
    router.add("POST", u"/api/v1/new_contact/"_s, Access::Authenticated, routes::bound(s, handleNewContact));
    router.add("POST", u"/api/v1/campaign/database_metadata/"_s, Access::Authenticated,
               routes::bound(s, handleMetadata));
    router.add("GET", u"/api/v1/campaign/<arg>/contacts/"_s, Access::AgentOrIntegration,
               routes::bound(s, handleCampaignContacts));
}

}   // namespace enlace
