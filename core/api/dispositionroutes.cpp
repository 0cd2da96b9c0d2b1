#include <core/api/answers.h>
#include <core/api/dispositionroutes.h>
#include <core/calls/callflow.h>
#include <core/calls/dispositionrepository.h>
#include <core/contacts/contactrepository.h>
#include <core/http/apirouter.h>
#include <core/model/validationerrors.h>

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

Message optionNotFound()
{
    return Message::make("Api", QT_TRANSLATE_NOOP("Api", "Disposition option id not found"));
}

Message contactNotFound()
{
    return Message::make("Api", QT_TRANSLATE_NOOP("Api", "Contact id not found"));
}

Message notInCampaign()
{
    return Message::make("Api", QT_TRANSLATE_NOOP("Api", "You do not work in this campaign."));
}

Message agentNotFound()
{
    return Message::make("Api", QT_TRANSLATE_NOOP("Api", "Agent id not found"));
}

// OMniLeads' disposition errors are flat: {"status":"ERROR","<field>":"<message>"}.
ApiResponse flatError(const QString &field, const Message &message, const ApiRequest &request, const ApiServices &s)
{
    return ApiResponse::json(400,
                             QJsonObject { { u"status"_s, u"ERROR"_s }, { field, routes::text(message, request, s) } });
}

ApiResponse flatErrors(const ValidationErrors &errors, const ApiRequest &request, const ApiServices &s)
{
    QJsonObject o { { u"status"_s, u"ERROR"_s } };
    for (const auto &e : errors.entries())
        if (!o.contains(e.field))
            o.insert(e.field, routes::text(e.message, request, s));
    return ApiResponse::json(400, o);
}

QJsonObject toJson(const Disposition &d, const QJsonValue &contact)
{
    return QJsonObject { { u"id"_s, d.id },
                         { u"idContact"_s, contact },
                         { u"callid"_s, routes::textOrNull(d.callId) },
                         { u"idDispositionOption"_s, d.optionId },
                         { u"comments"_s, d.comments } };
}

// Fires the campaign's "call disposition" interaction for a disposition stored through the API,
// inside the transaction that stores it (OMniLeads fires none from its API).
Result<void> fireInteraction(ApiServices &s, const Disposition &d, const DispositionOption &option)
{
    // Only an option marked crm_interaction fires anything (CallFlow checks it too; knowing it
    // here saves reading the disposition back).
    if (!s.calls || !option.crmInteraction)
        return {};
    auto fired = s.calls->fireDispositionInteraction(d.id);
    if (!fired)
        return fired.error();
    return {};
}

// The fields every disposition body shares, read and resolved. On failure `response` is set.
struct DispositionInput
{
    std::optional<DispositionOption> option;
    std::optional<Campaign> campaign;   // the option's campaign, when readCommon had to read it
    std::optional<qint64> agentId;
    QString comments;
    QString callId;
    bool bySystem = false;
    std::optional<ApiResponse> response;
};

DispositionInput readCommon(ApiServices &s, const ApiRequest &request, ApiJson &json,
                            const std::optional<qint64> &unchangedOptionId)
{
    DispositionInput in;
    const routes::Lookup lookup(s, request);
    const Caller &caller = *request.caller;
    in.bySystem = json.has(u"idExternalSystem"_s);
    const auto optionId = json.integer(u"idDispositionOption"_s, ApiJson::Need::Required);
    in.comments = json.string(u"comments"_s).value_or(QString());
    in.callId = json.string(u"callid"_s, ApiJson::Need::Optional, 32).value_or(QString());
    std::optional<QString> agentText;
    if (caller.isIntegration())
        agentText = json.string(u"idAgent"_s, ApiJson::Need::Required, 128);
    if (!json.ok()) {
        in.response = flatErrors(json.errors(), request, s);
        return in;
    }
    auto option = lookup.dispositionOption(*optionId);
    if (!option) {
        in.response = routes::fail(option.error(), request, s);
        return in;
    }
    // A hidden option is refused, unless an update keeps the one it had.
    if (!option.value() || (option.value()->hidden && unchangedOptionId != option.value()->id)) {
        in.response = flatError(u"idDispositionOption"_s, optionNotFound(), request, s);
        return in;
    }
    in.option = option.value();
    auto campaign = lookup.campaign(in.option->campaignId);
    if (!campaign) {
        in.response = routes::fail(campaign.error(), request, s);
        return in;
    }
    if (!campaign.value()) {
        in.response = flatError(u"idDispositionOption"_s, optionNotFound(), request, s);
        return in;
    }
    in.campaign = campaign.value();
    if (caller.isIntegration()) {
        if (in.campaign->externalSystemId != caller.integrationSystemId) {
            in.response = routes::forbidden(request, s);
            return in;
        }
        // The agent the integration qualifies for: its external id (with idExternalSystem) or its
        // Enlace id, and it must belong to the integration's system either way.
        std::optional<qint64> agentId;
        if (in.bySystem) {
            auto id = lookup.agentByExternalId(*caller.integrationSystemId, *agentText);
            if (!id) {
                in.response = routes::fail(id.error(), request, s);
                return in;
            }
            agentId = id.value();
        } else {
            bool ok = false;
            const qint64 id = agentText->toLongLong(&ok);
            if (ok) {
                auto ext = lookup.agentExternalId(*caller.integrationSystemId, id);
                if (!ext) {
                    in.response = routes::fail(ext.error(), request, s);
                    return in;
                }
                if (ext.value())
                    agentId = id;
            }
        }
        if (!agentId) {
            in.response = flatError(u"idAgent"_s, agentNotFound(), request, s);
            return in;
        }
        // The qualified agent works the campaign, as makeCall's agent must.
        if (!in.campaign->agentIds.contains(*agentId)) {
            in.response = flatError(
                u"idAgent"_s, Message::make("Api", QT_TRANSLATE_NOOP("Api", "The agent is not related to campaign.")),
                request, s);
            return in;
        }
        in.agentId = agentId;
    } else {
        // An agent qualifies only within the campaigns it works.
        if (!caller.agentId || !in.campaign->agentIds.contains(*caller.agentId)) {
            in.response = routes::forbidden(request, s, notInCampaign());
            return in;
        }
        in.agentId = caller.agentId;
    }
    return in;
}

// The contact named by idContact, in the contact database of the option's campaign.
std::optional<qint64> resolveContact(ApiServices &s, const ApiRequest &request, ApiJson &json,
                                     const DispositionInput &in, std::optional<ApiResponse> &response)
{
    const routes::Lookup lookup(s, request);
    const auto text = json.string(u"idContact"_s, ApiJson::Need::Required, 128);
    if (!text) {
        response = flatErrors(json.errors(), request, s);
        return std::nullopt;
    }
    Result<std::optional<Campaign>> campaign
        = in.campaign ? Result<std::optional<Campaign>>(in.campaign) : lookup.campaign(in.option->campaignId);
    if (!campaign) {
        response = routes::fail(campaign.error(), request, s);
        return std::nullopt;
    }
    std::optional<qint64> contactId;
    if (campaign.value() && campaign.value()->contactDatabaseId) {
        const qint64 databaseId = *campaign.value()->contactDatabaseId;
        if (in.bySystem) {
            auto id = lookup.contactByExternalId(databaseId, *text);
            if (!id) {
                response = routes::fail(id.error(), request, s);
                return std::nullopt;
            }
            contactId = id.value();
        } else {
            bool ok = false;
            const qint64 id = text->toLongLong(&ok);
            if (ok) {
                auto db = lookup.contactDatabaseOf(id);
                if (!db) {
                    response = routes::fail(db.error(), request, s);
                    return std::nullopt;
                }
                if (db.value() == databaseId)
                    contactId = id;
            }
        }
    }
    if (!contactId)
        response = flatError(u"idContact"_s, contactNotFound(), request, s);
    return contactId;
}

QJsonValue contactValue(const ApiJson &json, const DispositionInput &in, qint64 contactId)
{
    if (in.bySystem)
        return json.object().value(u"idContact"_s).toVariant().toString();
    return contactId;
}

// The disposition id of the path, if the caller may see it; else the 404 answer.
std::optional<Disposition> ownDisposition(ApiServices &s, const ApiRequest &request,
                                          std::optional<ApiResponse> &response)
{
    const auto id = request.pathId(0);
    if (!id) {
        response = routes::notFound(request, s);
        return std::nullopt;
    }
    DispositionRepository repo(s.db, *s.clock);
    auto d = repo.find(*id);
    if (!d) {
        response = d.error().kind == Error::Kind::NotFound ? routes::notFound(request, s)
                                                           : routes::fail(d.error(), request, s);
        return std::nullopt;
    }
    const Caller &caller = *request.caller;
    bool mine = false;
    if (caller.isIntegration()) {
        auto campaign = routes::Lookup(s, request).campaign(d->campaignId);
        if (!campaign) {
            response = routes::fail(campaign.error(), request, s);
            return std::nullopt;
        }
        mine = campaign.value() && campaign.value()->externalSystemId == caller.integrationSystemId;
    } else {
        mine = caller.agentId == d->agentId;
    }
    if (!mine) {
        response = routes::notFound(request, s);
        return std::nullopt;
    }
    return d.value();
}

void handleOptions(ApiServices &s, const ApiRequest &request, ApiResponder respond, bool bySystem)
{
    const routes::Lookup lookup(s, request);
    const Caller &caller = *request.caller;
    std::optional<qint64> campaignId;
    if (bySystem) {
        const auto systemId = request.pathId(1);
        if (!systemId)
            return respond(routes::notFound(request, s));
        if (caller.isIntegration() && *systemId != *caller.integrationSystemId)
            return respond(routes::forbidden(request, s));
        auto id = lookup.campaignByExternalId(*systemId, request.pathArgs.value(0));
        if (!id)
            return respond(routes::fail(id.error(), request, s));
        campaignId = id.value();
    } else {
        campaignId = request.pathId(0);
    }
    if (!campaignId)
        return respond(routes::notFound(request, s));
    auto campaign = lookup.campaign(*campaignId);
    if (!campaign)
        return respond(routes::fail(campaign.error(), request, s));
    if (!campaign.value())
        return respond(routes::notFound(request, s));
    if (caller.isIntegration() && campaign.value()->externalSystemId != caller.integrationSystemId)
        return respond(routes::forbidden(request, s));
    if (!caller.isIntegration() && (!caller.agentId || !campaign.value()->agentIds.contains(*caller.agentId)))
        return respond(routes::forbidden(request, s, notInCampaign()));
    auto options = lookup.dispositionOptions(*campaignId);
    if (!options)
        return respond(routes::fail(options.error(), request, s));
    QJsonArray out;
    for (const DispositionOption &o : options.value())
        out.append(QJsonObject { { u"id"_s, o.id }, { u"name"_s, o.name }, { u"hidden"_s, o.hidden } });
    respond(ApiResponse::json(200, out));
}

void handleOptionsById(ApiServices &s, const ApiRequest &request, ApiResponder respond)
{
    handleOptions(s, request, std::move(respond), false);
}

void handleOptionsByExternalIds(ApiServices &s, const ApiRequest &request, ApiResponder respond)
{
    handleOptions(s, request, std::move(respond), true);
}

void handleList(ApiServices &s, const ApiRequest &request, ApiResponder respond)
{
    DispositionRepository repo(s.db, *s.clock);
    const Caller &caller = *request.caller;
    QList<Disposition> list;
    if (caller.isIntegration()) {
        auto campaigns = routes::Lookup(s, request).campaignsOfSystem(*caller.integrationSystemId);
        if (!campaigns)
            return respond(routes::fail(campaigns.error(), request, s));
        for (qint64 c : campaigns.value()) {
            auto part = repo.listByCampaign(c);
            if (!part)
                return respond(routes::fail(part.error(), request, s));
            list.append(part.value());
        }
    } else {
        auto mine = repo.listByAgent(*caller.agentId);
        if (!mine)
            return respond(routes::fail(mine.error(), request, s));
        list = mine.value();
    }
    QJsonArray out;
    for (const Disposition &d : list)
        out.append(toJson(d, d.contactId));
    respond(ApiResponse::json(200, out));
}

void handleGet(ApiServices &s, const ApiRequest &request, ApiResponder respond)
{
    std::optional<ApiResponse> response;
    const auto d = ownDisposition(s, request, response);
    if (!d)
        return respond(*response);
    respond(ApiResponse::json(200, toJson(*d, d->contactId)));
}

void handleCreate(ApiServices &s, const ApiRequest &request, ApiResponder respond)
{
    auto json = routes::body(request, s, respond);
    if (!json)
        return;
    DispositionInput in = readCommon(s, request, *json, std::nullopt);
    if (in.response)
        return respond(*in.response);
    std::optional<ApiResponse> response;
    const auto contactId = resolveContact(s, request, *json, in, response);
    if (!contactId)
        return respond(*response);
    Disposition d;
    d.campaignId = in.option->campaignId;
    d.contactId = *contactId;
    d.optionId = in.option->id;
    d.agentId = *in.agentId;
    d.callId = in.callId;
    d.comments = in.comments;
    DispositionRepository repo(s.db, *s.clock);
    Database::Transaction tx(*s.db);
    auto created = repo.create(d);
    if (!created) {
        if (created.error().code == u"disposition.duplicate"_s)
            return respond(flatError(u"msg"_s, created.error().message, request, s));
        return respond(routes::fail(created.error(), request, s));
    }
    if (auto fired = fireInteraction(s, created.value(), *in.option); !fired)
        return respond(routes::fail(fired.error(), request, s));
    if (auto committed = tx.commit(); !committed)
        return respond(routes::fail(committed.error(), request, s));
    respond(ApiResponse::json(201, toJson(created.value(), contactValue(*json, in, *contactId))));
}

void handleUpdate(ApiServices &s, const ApiRequest &request, ApiResponder respond)
{
    std::optional<ApiResponse> response;
    const auto existing = ownDisposition(s, request, response);
    if (!existing)
        return respond(*response);
    auto json = routes::body(request, s, respond);
    if (!json)
        return;
    DispositionInput in = readCommon(s, request, *json, existing->optionId);
    if (in.response)
        return respond(*in.response);
    const auto contactId = resolveContact(s, request, *json, in, response);
    if (!contactId)
        return respond(*response);
    Disposition d = *existing;
    d.campaignId = in.option->campaignId;
    d.contactId = *contactId;
    d.optionId = in.option->id;
    d.agentId = *in.agentId;
    d.callId = in.callId;   // absent = null, as OMniLeads
    d.comments = in.comments;
    DispositionRepository repo(s.db, *s.clock);
    Database::Transaction tx(*s.db);
    auto updated = repo.update(d);
    if (!updated) {
        if (updated.error().code == u"disposition.duplicate"_s)
            return respond(flatError(u"msg"_s, updated.error().message, request, s));
        return respond(routes::fail(updated.error(), request, s));
    }
    if (auto fired = fireInteraction(s, updated.value(), *in.option); !fired)
        return respond(routes::fail(fired.error(), request, s));
    if (auto committed = tx.commit(); !committed)
        return respond(routes::fail(committed.error(), request, s));
    respond(ApiResponse::json(200, toJson(updated.value(), contactValue(*json, in, *contactId))));
}

// A column name as OMniLeads posts it: accents removed; a data column literally named
// "telefono" travels as "input_telefono_en_datos_OML".
QString postedName(const QString &column)
{
    QString folded;
    for (const QChar c : column.normalized(QString::NormalizationForm_D))
        if (c.category() != QChar::Mark_NonSpacing)
            folded.append(c);
    if (folded == u"telefono"_s)
        return u"input_telefono_en_datos_OML"_s;
    return folded;
}

void handleNewContact(ApiServices &s, const ApiRequest &request, ApiResponder respond)
{
    auto json = routes::body(request, s, respond);
    if (!json)
        return;
    const auto phone = json->string(u"phone"_s, ApiJson::Need::Required, 128);
    const auto externalId = json->string(u"idExternalContact"_s, ApiJson::Need::Optional, 128);
    DispositionInput in = readCommon(s, request, *json, std::nullopt);
    if (in.response)
        return respond(*in.response);
    const routes::Lookup lookup(s, request);
    // readCommon read the option's campaign.
    const std::optional<Campaign> &campaign = in.campaign;
    if (!campaign || !campaign->contactDatabaseId)
        return respond(flatError(
            u"contacto"_s, Message::make("Api", QT_TRANSLATE_NOOP("Api", "Contact data is invalid")), request, s));
    ContactRepository contacts(s.db);
    auto database = contacts.findDatabase(*campaign->contactDatabaseId);
    if (!database)
        return respond(routes::fail(database.error(), request, s));
    QHash<QString, QString> values;
    for (const QString &column : database->columns) {
        if (column == database->mainPhoneColumn())
            values.insert(column, *phone);
        else if (column == database->externalIdColumn)
            values.insert(column, externalId.value_or(QString()));
        else if (json->hasValue(postedName(column)))
            values.insert(column, json->object().value(postedName(column)).toVariant().toString());
    }
    Database::Transaction tx(*s.db);
    if (externalId && !externalId->isEmpty()) {
        auto taken = lookup.contactByExternalId(database->id, *externalId);
        if (!taken)
            return respond(routes::fail(taken.error(), request, s));
        if (taken.value())
            return respond(flatError(
                u"idExternalContact"_s,
                Message::make(
                    "Api", QT_TRANSLATE_NOOP("Api", "There is another contact with this external id on this database")),
                request, s));
    }
    auto contactId = contacts.addContact(database->id, values);
    if (!contactId) {
        if (contactId.error().kind == Error::Kind::Invalid)
            return respond(flatError(
                u"contacto"_s, Message::make("Api", QT_TRANSLATE_NOOP("Api", "Contact data is invalid")), request, s));
        return respond(routes::fail(contactId.error(), request, s));
    }
    Disposition d;
    d.campaignId = in.option->campaignId;
    d.contactId = contactId.value();
    d.optionId = in.option->id;
    d.agentId = *in.agentId;
    d.callId = in.callId;
    d.comments = in.comments;
    DispositionRepository repo(s.db, *s.clock);
    auto created = repo.create(d);
    if (!created)
        return respond(routes::fail(created.error(), request, s));
    if (auto fired = fireInteraction(s, created.value(), *in.option); !fired)
        return respond(routes::fail(fired.error(), request, s));
    if (auto committed = tx.commit(); !committed)
        return respond(routes::fail(committed.error(), request, s));
    respond(ApiResponse::json(201,
                              QJsonObject { { u"id"_s, created->id },
                                            { u"callid"_s, routes::textOrNull(created->callId) },
                                            { u"idDispositionOption"_s, created->optionId },
                                            { u"comments"_s, created->comments } }));
}

}   // namespace

void registerDispositionRoutes(ApiRouter &router, ApiServices &services)
{
    ApiServices &s = services;
    router.add("GET", u"/api/v1/campaign/<arg>/dispositionOptions/"_s, Access::AgentOrIntegration,
               routes::bound(s, handleOptionsById));
    router.add("GET", u"/api/v1/campaign/<arg>/dispositionOptions/<arg>/"_s, Access::AgentOrIntegration,
               routes::bound(s, handleOptionsByExternalIds));
    router.add("GET", u"/api/v1/disposition/"_s, Access::AgentOrIntegration, routes::bound(s, handleList));
    router.add("POST", u"/api/v1/disposition/"_s, Access::AgentOrIntegration, routes::bound(s, handleCreate));
    router.add("GET", u"/api/v1/disposition/<arg>/"_s, Access::AgentOrIntegration, routes::bound(s, handleGet));
    router.add("PUT", u"/api/v1/disposition/<arg>/"_s, Access::AgentOrIntegration, routes::bound(s, handleUpdate));
    router.add("POST", u"/api/v1/new_contact/disposition/"_s, Access::AgentOrIntegration,
               routes::bound(s, handleNewContact));
}

}   // namespace enlace
