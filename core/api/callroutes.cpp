#include <core/api/answers.h>
#include <core/api/callroutes.h>
#include <core/calls/callflow.h>
#include <core/calls/dispositionrepository.h>
#include <core/calls/eventlog.h>
#include <core/http/apirouter.h>
#include <core/identity/campaignrepository.h>
#include <core/model/validationerrors.h>
#include <core/telephony/pbx.h>
#include <core/telephony/telephonymessages.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

Message invalidChoice()
{
    return Message::make(
        "Api", QT_TRANSLATE_NOOP("Api", "Select a valid choice. That choice is not one of the available choices."));
}

Message agentNotInCampaign()
{
    return Message::make("Api", QT_TRANSLATE_NOOP("Api", "The agent is not related to campaign."));
}

Message agentNotInSystem()
{
    return Message::make("Api", QT_TRANSLATE_NOOP("Api", "The agent is not related to external system."));
}

Message contactNotInCampaign()
{
    return Message::make("Api", QT_TRANSLATE_NOOP("Api", "The contact is not related to campaign."));
}

// What a valid makeCall names, once resolved to Enlace ids.
struct Target
{
    Campaign campaign;
    Agent agent;
    std::optional<qint64> contactId;
    QString phone;
};

// 200 {"status":"ERROR","message":"There were errors on received data","errors":{...}}
ApiResponse callErrors(const ValidationErrors &errors, const ApiRequest &request, const ApiServices &s)
{
    return ApiResponse::validation(200, errors, s.catalog, request.language,
                                   routes::text(routes::receivedDataMessage(), request, s));
}

void handleMakeCall(ApiServices &s, const ApiRequest &request, ApiResponder respond)
{
    auto json = routes::body(request, s, respond);
    if (!json)
        return;
    const routes::Lookup lookup(s, request);
    const Caller &caller = *request.caller;
    ValidationErrors errors;
    const auto addError = [&](const QString &field, const Message &m) { errors.add(field, m); };
    // Form fields in OMniLeads' order; every field is checked, then the relations between them.
    const bool bySystem = json->hasValue(u"idExternalSystem"_s)
        && !json->object().value(u"idExternalSystem"_s).toVariant().toString().isEmpty();
    // Plain values rather than std::optional: GCC's -Wmaybe-uninitialized misreads the optional here.
    bool haveSystem = false;
    qint64 system = 0;
    if (bySystem) {
        if (const auto given = json->integer(u"idExternalSystem"_s)) {
            auto exists = lookup.systemExists(*given);
            if (!exists)
                return respond(routes::fail(exists.error(), request, s));
            haveSystem = exists.value();
            system = *given;
        }
        if (!haveSystem)
            addError(u"idExternalSystem"_s, routes::unknownSystemMessage());
    }
    if (caller.isIntegration() && (!bySystem || (haveSystem && system != *caller.integrationSystemId)))
        return respond(routes::forbidden(
            request, s,
            Message::make(
                "Api",
                QT_TRANSLATE_NOOP(
                    "Api", "An integration key may only address its own external system's ids (idExternalSystem)."))));

    std::optional<Campaign> campaign;
    std::optional<Agent> agent;
    std::optional<qint64> contactId;
    ApiJson fields(json->object());
    if (bySystem) {
        const auto extCampaign = fields.string(u"idCampaign"_s, ApiJson::Need::Required, 128);
        const auto extAgent = fields.string(u"idAgent"_s, ApiJson::Need::Required, 128);
        const auto extContact = fields.string(u"idContact"_s, ApiJson::Need::Optional, 128);
        fields.string(u"phone"_s, ApiJson::Need::Required, 128);
        errors.append(fields.errors());
        if (haveSystem && extCampaign && !errors.has(u"idCampaign"_s)) {
            auto id = lookup.campaignByExternalId(system, *extCampaign);
            if (!id)
                return respond(routes::fail(id.error(), request, s));
            if (id.value()) {
                auto c = lookup.campaign(*id.value());
                if (!c)
                    return respond(routes::fail(c.error(), request, s));
                campaign = c.value();
            }
            if (!campaign)
                addError(u"idCampaign"_s, invalidChoice());
        }
        if (haveSystem && extAgent && !errors.has(u"idAgent"_s)) {
            auto id = lookup.agentByExternalId(system, *extAgent);
            if (!id)
                return respond(routes::fail(id.error(), request, s));
            if (id.value()) {
                auto a = lookup.agent(*id.value());
                if (!a)
                    return respond(routes::fail(a.error(), request, s));
                agent = a.value();
            }
            if (!agent)
                addError(u"idAgent"_s, agentNotInSystem());
        }
        // An unknown external contact id is ignored: the call is made without a contact (OMniLeads).
        if (campaign && extContact && !extContact->isEmpty() && campaign->contactDatabaseId) {
            auto id = lookup.contactByExternalId(*campaign->contactDatabaseId, *extContact);
            if (!id)
                return respond(routes::fail(id.error(), request, s));
            contactId = id.value();
        }
    } else {
        const auto campaignId = fields.integer(u"idCampaign"_s, ApiJson::Need::Required);
        const auto agentId = fields.integer(u"idAgent"_s, ApiJson::Need::Required);
        const auto contact = fields.integer(u"idContact"_s, ApiJson::Need::Optional);
        fields.string(u"phone"_s, ApiJson::Need::Required, 128);
        // A type error on an id field is the invalid-choice message, as a Django ModelChoiceField.
        for (const auto &e : fields.errors().entries())
            addError(e.field, e.field == u"phone"_s ? e.message : invalidChoice());
        if (campaignId) {
            auto c = lookup.campaign(*campaignId);
            if (!c)
                return respond(routes::fail(c.error(), request, s));
            if (c.value() && c.value()->state == CampaignState::Active)
                campaign = c.value();
            else
                addError(u"idCampaign"_s, invalidChoice());
        }
        if (agentId) {
            auto a = lookup.agent(*agentId);
            if (!a)
                return respond(routes::fail(a.error(), request, s));
            if (a.value() && a.value()->active)
                agent = a.value();
            else
                addError(u"idAgent"_s, invalidChoice());
        }
        if (contact) {
            auto db = lookup.contactDatabaseOf(*contact);
            if (!db)
                return respond(routes::fail(db.error(), request, s));
            if (!db.value())
                addError(u"idContact"_s, invalidChoice());
            else if (campaign && campaign->contactDatabaseId != db.value())
                addError(u"idContact"_s, contactNotInCampaign());
            else
                contactId = *contact;
        }
    }
    if (campaign && agent && !campaign->agentIds.contains(agent->id))
        addError(u"idAgent"_s, agentNotInCampaign());
    if (!errors.isEmpty())
        return respond(callErrors(errors, request, s));
    // An agent originates only as itself; OMniLeads lets any agent call for any other.
    if (caller.isAgent() && caller.agentId != agent->id)
        return respond(routes::forbidden(
            request, s, Message::make("Api", QT_TRANSLATE_NOOP("Api", "An agent may only place calls as itself."))));
    if (!s.calls && !s.pbx)
        return respond(routes::fail(Error::internal(u"api.no_pbx"_s, u"no PBX configured"_s), request, s));

    OriginateRequest originate;
    originate.agentId = agent->id;
    originate.agentExtension = agent->sipExtension;
    originate.agentName = agent->fullName;
    originate.campaignId = campaign->id;
    originate.campaignType = campaign->type;
    originate.contactId = contactId;
    originate.phone = json->object().value(u"phone"_s).toVariant().toString();
    const QString phone = originate.phone;
    const QString language = request.language;
    const MessageCatalog *catalog = s.catalog;
    auto done = [respond, phone, language, catalog](Result<QString> callId) {
        if (callId) {
            respond(ApiResponse::json(200, QJsonObject { { u"status"_s, u"OK"_s } }));
            return;
        }
        // A PBX already words its failure as OMniLeads does ("Originate failed by <reason> -
        // contacto: <phone>"); anything else (no PBX, a store error) is worded so here.
        const Error &error = callId.error();
        const QString detail = telephony::isOriginateFailure(error)
            ? error.text(catalog, language)
            : telephony::originateFailed(error.text(catalog, language), phone).text(catalog, language);
        ApiResponse response = ApiResponse::json(
            200,
            QJsonObject { { u"status"_s, u"ERROR"_s },
                          { u"message"_s,
                            Message::make("Api", QT_TRANSLATE_NOOP("Api", "Error when executing the call"))
                                .text(catalog, language) },
                          { u"errors"_s, QJsonArray { detail } } });
        // The server is recording a burst of calls (CallFlow's backpressure): worth retrying soon.
        if (CallFlow::isRecordingBehind(error))
            response.withHeader("Retry-After", "1");
        respond(std::move(response));
    };
    // Through the call flow when the server has one (it records the call), else straight to the PBX.
    if (s.calls)
        s.calls->originate(originate, std::move(done));
    else
        s.pbx->originate(originate, std::move(done));
}

// GET /api/v1/agent/calls/: the calling agent's recent calls, newest first, for a console that
// starts or reconnects; "last_event_id" is the event channel's position when they were read, so a
// console that opens the channel from it misses nothing after.
void handleAgentCalls(ApiServices &s, const ApiRequest &request, ApiResponder respond)
{
    if (!s.calls)
        return respond(routes::fail(Error::internal(u"api.no_calls"_s, u"no call flow"_s), request, s));
    const qint64 agentId = request.caller->agentId.value_or(0);
    const qint64 position = s.events ? s.events->latestId() : 0;
    auto calls = s.calls->calls().listForAgent(agentId, 50);
    if (!calls)
        return respond(routes::fail(calls.error(), request, s));
    QStringList callIds;
    for (const Call &call : calls.value())
        callIds.append(call.callId);
    DispositionRepository dispositions(s.db, *s.clock);
    auto mine = dispositions.listForCalls(callIds);
    if (!mine)
        return respond(routes::fail(mine.error(), request, s));
    QHash<QString, wire::AgentCall::Disposition> byCall;
    for (const Disposition &d : mine.value())
        if (!d.callId.isEmpty())
            byCall.insert(d.callId, wire::AgentCall::Disposition { d.id, d.optionId, d.comments });
    // Read per console start and reconnection: only the agent's own campaigns, not every queue.
    auto campaigns = CampaignRepository(s.db).activeForAgent(agentId);
    if (!campaigns)
        return respond(routes::fail(campaigns.error(), request, s));
    QJsonArray theirs;
    for (const Campaign &c : campaigns.value())
        theirs.append(QJsonObject { { u"id"_s, c.id }, { u"name"_s, c.name }, { u"type"_s, int(c.type) } });
    QJsonArray out;
    for (const Call &call : calls.value()) {
        auto described = s.calls->describe(call);
        if (!described)
            return respond(routes::fail(described.error(), request, s));
        wire::AgentCall item;
        item.connected = std::move(described).value();
        item.state = call.state;
        item.offeredAt = call.offeredAt;
        item.connectedAt = call.connectedAt;
        item.endedAt = call.endedAt;
        if (auto d = byCall.constFind(call.callId); d != byCall.cend())
            item.disposition = d.value();
        out.append(item.toJson());
    }
    respond(ApiResponse::json(200,
                              QJsonObject { { u"status"_s, u"OK"_s },
                                            { u"last_event_id"_s, position },
                                            { u"campaigns"_s, theirs },
                                            { u"calls"_s, out } }));
}

}   // namespace

void registerCallRoutes(ApiRouter &router, ApiServices &services)
{
    router.add("POST", u"/api/v1/makeCall/"_s, Access::AgentOrIntegration, routes::bound(services, handleMakeCall));
    router.add("GET", u"/api/v1/agent/calls/"_s, Access::Agent, routes::bound(services, handleAgentCalls));
}

}   // namespace enlace
