#include <core/api/apiservices.h>
#include <core/api/openapi.h>

#include <QHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

const QString kCalls = u"Calls and dispositions"_s;
const QString kContacts = u"Contacts"_s;
const QString kSites = u"External sites"_s;
const QString kSystems = u"External systems"_s;
const QString kCampaigns = u"Campaigns"_s;
const QString kDatabases = u"Contact databases"_s;
const QString kUsers = u"Users"_s;
const QString kServer = u"Server"_s;

// JSON schema pieces for the routes documented with full schemas.
QJsonObject schemaOf(const QString &type, const QString &description = {})
{
    QJsonObject o { { u"type"_s, type } };
    if (!description.isEmpty())
        o.insert(u"description"_s, description);
    return o;
}

QJsonObject nullable(QJsonObject schema)
{
    schema.insert(u"nullable"_s, true);
    return schema;
}

QJsonObject objectOf(const QJsonObject &properties, const QStringList &required = {}, const QString &description = {})
{
    QJsonObject o { { u"type"_s, u"object"_s }, { u"properties"_s, properties } };
    if (!required.isEmpty())
        o.insert(u"required"_s, QJsonArray::fromStringList(required));
    if (!description.isEmpty())
        o.insert(u"description"_s, description);
    return o;
}

QJsonObject arrayOf(const QJsonObject &items)
{
    return QJsonObject { { u"type"_s, u"array"_s }, { u"items"_s, items } };
}

QJsonObject headerListSchema()
{
    return arrayOf(objectOf({ { u"name"_s, schemaOf(u"string"_s) }, { u"value"_s, schemaOf(u"string"_s) } },
                            { u"name"_s, u"value"_s }));
}

// The request of a preview or a test send: Authorization masked ("Bearer ********").
QJsonObject httpRequestSchema(bool truncated)
{
    QJsonObject p { { u"method"_s, schemaOf(u"string"_s) },
                    { u"url"_s, schemaOf(u"string"_s, u"Fully encoded, as sent"_s) },
                    { u"headers"_s, headerListSchema() },
                    { u"body"_s, schemaOf(u"string"_s, u"UTF-8 text, or base64 when body_base64"_s) },
                    { u"body_base64"_s, schemaOf(u"boolean"_s) },
                    { u"body_size"_s, schemaOf(u"integer"_s, u"Bytes of the whole body"_s) } };
    if (truncated)
        p.insert(u"body_truncated"_s, schemaOf(u"boolean"_s, u"Only the first 4096 bytes are shown"_s));
    return objectOf(p);
}

QJsonObject subjectSchema(const QStringList &siteFields)
{
    QJsonObject site;
    for (const QString &f : siteFields) {
        QString type = f.section(u':', 1);
        type.remove(u'*');
        site.insert(f.section(u':', 0, 0), schemaOf(type));
    }
    return objectOf(
        { { u"campaign"_s, schemaOf(u"integer"_s, u"The campaign whose CRM parameters and calls are used"_s) },
          { u"site_id"_s, schemaOf(u"integer"_s, u"A saved site; without site and site_id, the campaign's site"_s) },
          { u"site"_s,
            objectOf(site, { u"nombre"_s, u"url"_s },
                     u"An unsaved site as the create route takes it, checked with the same rules "
                     "(errors keyed by its fields: nombre, url, formato, ...). With site_id too, the "
                     "saved site's signature secret is kept unless secreto_firma is given."_s) },
          { u"call_id"_s, schemaOf(u"string"_s, u"One of the campaign's calls; without it, a synthetic sample"_s) },
          { u"sample"_s,
            objectOf({ { u"phone"_s, schemaOf(u"string"_s) },
                       { u"datetime"_s, schemaOf(u"string"_s, u"ISO 8601; default: now"_s) },
                       { u"contact"_s, schemaOf(u"object"_s, u"Column -> value"_s) },
                       { u"dialplan"_s, schemaOf(u"object"_s, u"Variable -> value"_s) } },
                     {}, u"Values over the synthetic sample's"_s) } },
        { u"campaign"_s });
}

QJsonObject deliverySchema()
{
    const QJsonObject attempt
        = objectOf({ { u"n"_s, schemaOf(u"integer"_s, u"1 for the first attempt of the key, re-sends continue"_s) },
                     { u"at"_s, schemaOf(u"string"_s, u"ISO 8601, UTC"_s) },
                     { u"status"_s, nullable(schemaOf(u"integer"_s, u"HTTP status; null: no answer"_s)) },
                     { u"error"_s, nullable(schemaOf(u"string"_s)) },
                     { u"elapsed_ms"_s, nullable(schemaOf(u"integer"_s)) } });
    return objectOf({ { u"key"_s, schemaOf(u"string"_s, u"Idempotency-Key"_s) },
                      { u"site_id"_s, nullable(schemaOf(u"integer"_s)) },
                      { u"campaign_id"_s, nullable(schemaOf(u"integer"_s)) },
                      { u"agent_id"_s, nullable(schemaOf(u"integer"_s)) },
                      { u"call_id"_s, nullable(schemaOf(u"string"_s)) },
                      { u"state"_s,
                        QJsonObject { { u"type"_s, u"string"_s },
                                      { u"enum"_s, QJsonArray { u"pending"_s, u"delivered"_s, u"failed"_s } } } },
                      { u"method"_s, nullable(schemaOf(u"string"_s)) },
                      { u"url"_s, nullable(schemaOf(u"string"_s)) },
                      { u"created_at"_s, schemaOf(u"string"_s) },
                      { u"updated_at"_s, schemaOf(u"string"_s) },
                      { u"next_attempt_at"_s, nullable(schemaOf(u"string"_s)) },
                      { u"resendable"_s, schemaOf(u"boolean"_s) },
                      { u"attempts"_s, arrayOf(attempt) } });
}

// Full request and 200-answer schemas of the routes documented with them, by "METHOD pattern"
// (the others show the generic envelope).
struct Schemas
{
    QJsonObject request;
    QJsonObject response;
};

const QHash<QString, Schemas> &detailedSchemas()
{
    const QStringList site { u"nombre:string*"_s,        u"url:string*"_s,         u"disparador:integer"_s,
                             u"metodo:integer"_s,        u"formato:integer"_s,     u"objetivo:integer"_s,
                             u"autenticacion:integer"_s, u"oculto:boolean"_s,      u"timeout_ms:integer"_s,
                             u"max_attempts:integer"_s,  u"secreto_firma:string"_s };
    static const QHash<QString, Schemas> schemas {
        { u"POST /api/v1/external_sites/preview/"_s,
          { subjectSchema(site),
            objectOf({ { u"status"_s, schemaOf(u"string"_s) },
                       { u"sample"_s, schemaOf(u"boolean"_s, u"A synthetic sample, not a recorded call"_s) },
                       { u"call_id"_s, schemaOf(u"string"_s) },
                       { u"request"_s,
                         [] {
                             QJsonObject r = httpRequestSchema(false);
                             QJsonObject p = r.value(u"properties"_s).toObject();
                             p.insert(
                                 u"preview"_s,
                                 schemaOf(u"string"_s, u"The request as text on the wire (RequestBuilder::preview)"_s));
                             r.insert(u"properties"_s, p);
                             return r;
                         }() } }) } },
        { u"POST /api/v1/external_sites/send_test/"_s,
          { subjectSchema(site),
            objectOf({ { u"status"_s, schemaOf(u"string"_s) },
                       { u"sample"_s, schemaOf(u"boolean"_s) },
                       { u"call_id"_s, schemaOf(u"string"_s) },
                       { u"idempotency_key"_s, schemaOf(u"string"_s) },
                       { u"elapsed_ms"_s, schemaOf(u"integer"_s) },
                       { u"sent"_s, httpRequestSchema(true) },
                       { u"received"_s,
                         nullable(objectOf({ { u"status"_s, schemaOf(u"integer"_s) },
                                             { u"reason"_s, schemaOf(u"string"_s) },
                                             { u"headers"_s, headerListSchema() },
                                             { u"body"_s, schemaOf(u"string"_s) },
                                             { u"body_base64"_s, schemaOf(u"boolean"_s) },
                                             { u"body_truncated"_s, schemaOf(u"boolean"_s) } })) },
                       { u"error"_s,
                         nullable(objectOf({ { u"code"_s,
                                               schemaOf(u"string"_s,
                                                        u"timeout, tls, token, or a QNetworkReply error name such as "
                                                        "ConnectionRefusedError"_s) },
                                             { u"message"_s, schemaOf(u"string"_s) } })) } }) } },
        { u"GET /api/v1/campaigns/<arg>/calls/"_s,
          { {},
            objectOf({ { u"status"_s, schemaOf(u"string"_s) },
                       { u"calls"_s,
                         arrayOf(objectOf({ { u"call_id"_s, schemaOf(u"string"_s) },
                                            { u"agent_id"_s, nullable(schemaOf(u"integer"_s)) },
                                            { u"contact_id"_s, nullable(schemaOf(u"integer"_s)) },
                                            { u"phone"_s, schemaOf(u"string"_s) },
                                            { u"call_type"_s, schemaOf(u"integer"_s) },
                                            { u"state"_s, schemaOf(u"integer"_s) },
                                            { u"offered_at"_s, nullable(schemaOf(u"string"_s)) },
                                            { u"connected_at"_s, nullable(schemaOf(u"string"_s)) },
                                            { u"ended_at"_s, nullable(schemaOf(u"string"_s)) } })) } }) } },
        { u"GET /api/v1/deliveries/"_s,
          { {},
            objectOf({ { u"status"_s, schemaOf(u"string"_s) },
                       { u"data"_s,
                         objectOf({ { u"total"_s, schemaOf(u"integer"_s, u"Matching, all pages"_s) },
                                    { u"start"_s, schemaOf(u"integer"_s) },
                                    { u"length"_s, schemaOf(u"integer"_s) },
                                    { u"deliveries"_s, arrayOf(deliverySchema()) } }) } }) } },
        { u"POST /api/v1/deliveries/resend/"_s,
          { objectOf({ { u"keys"_s, arrayOf(schemaOf(u"string"_s)) } }, { u"keys"_s }, u"At most 500 keys"_s),
            objectOf(
                { { u"status"_s, schemaOf(u"string"_s) },
                  { u"data"_s,
                    objectOf({ { u"results"_s,
                                 arrayOf(objectOf({ { u"key"_s, schemaOf(u"string"_s) },
                                                    { u"accepted"_s, schemaOf(u"boolean"_s) },
                                                    { u"reason"_s, nullable(schemaOf(u"string"_s)) } })) } }) } }) } },
    };
    return schemas;
}

QList<RouteDoc> buildCatalogue()
{
    using A = Access;
    const QStringList site { u"nombre:string*"_s,        u"url:string*"_s,         u"disparador:integer"_s,
                             u"metodo:integer"_s,        u"formato:integer"_s,     u"objetivo:integer"_s,
                             u"autenticacion:integer"_s, u"oculto:boolean"_s,      u"timeout_ms:integer"_s,
                             u"max_attempts:integer"_s,  u"secreto_firma:string"_s };
    const QStringList auth { u"nombre:string*"_s,        u"url:string*"_s,         u"username:string*"_s,
                             u"password:string*"_s,      u"campo_token:string"_s,  u"duracion:integer"_s,
                             u"campo_duracion:string"_s, u"ssl_estricto:boolean"_s };
    const QStringList system { u"nombre:string*"_s, u"agentes:array"_s };
    const QStringList campaign { u"nombre:string*"_s,
                                 u"tipo:integer"_s,
                                 u"estado:integer"_s,
                                 u"sistema_externo:integer"_s,
                                 u"id_externo:string"_s,
                                 u"bd_contacto:integer"_s,
                                 u"sitio_externo:integer"_s,
                                 u"tipo_interaccion:integer"_s,
                                 u"agentes:array"_s,
                                 u"supervisores:array"_s,
                                 u"opciones_calificacion:array"_s,
                                 u"parametros_crm:array"_s };
    const QStringList disposition { u"idContact:id*"_s, u"idDispositionOption:id*"_s, u"comments:string"_s,
                                    u"callid:string"_s, u"idExternalSystem:id"_s,     u"idAgent:id"_s };
    return {
        // Server (owned by the server part; documented here so the document is complete).
        { "POST",
          u"/api/v1/login"_s,
          {},
          kServer,
          A::Public,
          u"Log in: a bearer token with its expiry"_s,
          u"OMniLeads' login. Bad credentials answer 404 {\"detail\": ...}, as OMniLeads. Too many failed attempts from the client (or from its address) answer 429 with Retry-After."_s,
          { u"username:string*"_s, u"password:string*"_s },
          { 200, 400, 404, 429 } },
        { "POST", u"/api/v1/logout"_s, {}, kServer, A::Authenticated, u"Revoke the caller's token"_s, {}, {}, { 200 } },
        { "GET",
          u"/api/v1/health"_s,
          {},
          kServer,
          A::Public,
          u"Liveness (no database access)"_s,
          u"{status, version, schema (as migrated at start), pbx_connected, pbx_events_waiting (PBX events not yet taken up by the recording thread)}."_s,
          {},
          { 200 } },
        { "GET",
          u"/api/v1/ready"_s,
          {},
          kServer,
          A::Public,
          u"Readiness: the database answers"_s,
          u"200 {status: OK, schema}; 503 {status: ERROR, message} when the database does not answer."_s,
          {},
          { 200, 503 } },
        { "GET", u"/api/v1/openapi.json"_s, {}, kServer, A::Public, u"This document"_s, {}, {}, { 200 } },
        { "GET", u"/demo/crm"_s, {}, kServer, A::Public, u"Demo CRM page (demo mode)"_s, {}, {}, { 200 } },
        { "GET",
          u"/demo/crm/requests"_s,
          {},
          kServer,
          A::Public,
          u"What the demo CRM received (demo mode)"_s,
          {},
          {},
          { 200 } },
        { "*",
          u"/demo/crm/hook/<rest>"_s,
          { u"rest"_s },
          kServer,
          A::Public,
          u"Demo CRM endpoint echoing any request (demo mode)"_s,
          {},
          {},
          { 200 } },
        { "POST",
          u"/demo/crm/token"_s,
          {},
          kServer,
          A::Public,
          u"Demo CRM token endpoint (demo mode)"_s,
          {},
          {},
          { 200 } },
        // Calls and dispositions (reference §5.2).
        { "POST",
          u"/api/v1/makeCall/"_s,
          {},
          kCalls,
          A::AgentOrIntegration,
          u"Originate a call for an agent (click2call)"_s,
          u"Ids are Enlace ids, or the external ids of idExternalSystem. Always HTTP 200: {\"status\":\"OK\"} or "
          "{\"status\":\"ERROR\",\"message\":...,\"errors\":...}, as OMniLeads. An agent calls only as itself; an "
          "integration key only with its own system's ids. While the server records a burst of calls the request "
          "waits; one held 10 s is answered ERROR with a Retry-After: 1 header."_s,
          { u"idCampaign:id*"_s, u"idAgent:id*"_s, u"idContact:id"_s, u"phone:string*"_s, u"idExternalSystem:id"_s },
          { 200 } },
        { "GET",
          u"/api/v1/agent/calls/"_s,
          {},
          kCalls,
          A::Agent,
          u"The calling agent's recent calls (newest first, at most 50)"_s,
          u"Enlace only (the console's start-up and reconnect). {status: OK, last_event_id: the event channel's "
          "position when read, campaigns: [{id, name, type}] (the agent's active campaigns), calls: "
          "[{...call.connected's fields, state: 1..4, offered_at, connected_at, ended_at, "
          "disposition: {id, option_id, comments}|null}]}; interaction (with its request) only while a call is "
          "connected and its site is opened by the console."_s,
          {},
          { 200, 401, 403, 503 } },
        { "GET",
          u"/api/v1/campaign/<arg>/dispositionOptions/"_s,
          { u"campaign"_s },
          kCalls,
          A::AgentOrIntegration,
          u"Disposition options of a campaign (hidden ones flagged)"_s,
          u"Plain array [{id, name, hidden}]."_s,
          {},
          { 200, 404 } },
        { "GET",
          u"/api/v1/campaign/<arg>/dispositionOptions/<arg>/"_s,
          { u"campaign_external_id"_s, u"system"_s },
          kCalls,
          A::AgentOrIntegration,
          u"Disposition options of a campaign named by its external id"_s,
          {},
          {},
          { 200, 404 } },
        { "GET",
          u"/api/v1/disposition/"_s,
          {},
          kCalls,
          A::AgentOrIntegration,
          u"The caller's dispositions"_s,
          u"An agent sees its own; an integration key those of its system's campaigns."_s,
          {},
          { 200 } },
        { "POST",
          u"/api/v1/disposition/"_s,
          {},
          kCalls,
          A::AgentOrIntegration,
          u"Disposition a contact"_s,
          u"One per (contact, campaign). With idExternalSystem, idContact is the contact's external id. Fires the "
          "campaign's \"call disposition\" site interaction. Errors are flat: {\"status\":\"ERROR\",\"<field>\":\"...\"}."_s,
          disposition,
          { 201, 400 } },
        { "GET",
          u"/api/v1/disposition/<arg>/"_s,
          { u"id"_s },
          kCalls,
          A::AgentOrIntegration,
          u"One of the caller's dispositions"_s,
          {},
          {},
          { 200, 404 } },
        { "PUT",
          u"/api/v1/disposition/<arg>/"_s,
          { u"id"_s },
          kCalls,
          A::AgentOrIntegration,
          u"Change one of the caller's dispositions"_s,
          u"A hidden option is accepted only if unchanged; callid absent becomes null."_s,
          disposition,
          { 200, 400, 404 } },
        { "POST",
          u"/api/v1/new_contact/disposition/"_s,
          {},
          kCalls,
          A::AgentOrIntegration,
          u"Create a contact and disposition it"_s,
          u"Data columns of the campaign's database are posted by name (accents removed; a column named \"telefono\" "
          u"as "
          "input_telefono_en_datos_OML). All or nothing."_s,
          { u"phone:string*"_s, u"idExternalContact:string"_s, u"idDispositionOption:id*"_s, u"comments:string"_s,
            u"callid:string"_s, u"idAgent:id"_s },
          { 201, 400 } },
        // Contacts (reference §5.2e-g).
        { "POST",
          u"/api/v1/new_contact/"_s,
          {},
          kContacts,
          A::Authenticated,
          u"Add a contact to a campaign's database"_s,
          u"Columns of the database as keys; agents must be in the campaign's queue, supervisors assigned to it."_s,
          { u"idCampaign:id*"_s, u"idExternalSystem:id"_s, u"confirmar_duplicado:boolean"_s },
          { 200, 400 } },
        { "POST",
          u"/api/v1/campaign/database_metadata/"_s,
          {},
          kContacts,
          A::Authenticated,
          u"Columns of a campaign's contact database"_s,
          {},
          { u"idCampaign:id*"_s, u"idExternalSystem:id"_s },
          { 200, 400 } },
        { "GET",
          u"/api/v1/campaign/<arg>/contacts/"_s,
          { u"campaign"_s },
          kContacts,
          A::AgentOrIntegration,
          u"Contacts not yet dispositioned (DataTables: draw, start, length, search[value])"_s,
          {},
          {},
          { 200, 403, 404 } },
        // External sites and authentications (reference §1.7, §1.8).
        { "GET",
          u"/api/v1/external_sites/"_s,
          {},
          kSites,
          A::Admin,
          u"List external sites (hidden ones too)"_s,
          {},
          {},
          { 200 } },
        { "GET",
          u"/api/v1/external_sites/<arg>/"_s,
          { u"pk"_s },
          kSites,
          A::Admin,
          u"One external site"_s,
          {},
          {},
          { 200, 404 } },
        { "POST",
          u"/api/v1/external_sites/create/"_s,
          {},
          kSites,
          A::Admin,
          u"Create an external site"_s,
          u"Rules of reference §1.3; secreto_firma is write-only."_s,
          site,
          { 200, 400 } },
        { "PUT",
          u"/api/v1/external_sites/<arg>/update/"_s,
          { u"pk"_s },
          kSites,
          A::Admin,
          u"Change an external site"_s,
          {},
          site,
          { 200, 400, 404 } },
        { "DELETE",
          u"/api/v1/external_sites/<arg>/delete/"_s,
          { u"pk"_s },
          kSites,
          A::Admin,
          u"Delete an unused external site"_s,
          {},
          {},
          { 200, 400, 404 } },
        { "PUT",
          u"/api/v1/external_sites/<arg>/hide/"_s,
          { u"pk"_s },
          kSites,
          A::Admin,
          u"Hide an external site"_s,
          {},
          {},
          { 200, 404 } },
        { "PUT",
          u"/api/v1/external_sites/<arg>/show/"_s,
          { u"pk"_s },
          kSites,
          A::Admin,
          u"Show a hidden external site"_s,
          {},
          {},
          { 200, 404 } },
        { "GET",
          u"/api/v1/external_site_authentications/"_s,
          {},
          kSites,
          A::Admin,
          u"List site authentications (never passwords)"_s,
          {},
          {},
          { 200 } },
        { "GET",
          u"/api/v1/external_site_authentications/<arg>/"_s,
          { u"pk"_s },
          kSites,
          A::Admin,
          u"One site authentication"_s,
          {},
          {},
          { 200, 404 } },
        { "POST",
          u"/api/v1/external_site_authentications/create/"_s,
          {},
          kSites,
          A::Admin,
          u"Create a site authentication"_s,
          {},
          auth,
          { 200, 400 } },
        { "PUT",
          u"/api/v1/external_site_authentications/<arg>/update/"_s,
          { u"pk"_s },
          kSites,
          A::Admin,
          u"Change a site authentication"_s,
          u"Without password the stored one is kept."_s,
          auth,
          { 200, 400, 404 } },
        { "DELETE",
          u"/api/v1/external_site_authentications/<arg>/delete/"_s,
          { u"pk"_s },
          kSites,
          A::Admin,
          u"Delete an unused site authentication"_s,
          {},
          {},
          { 200, 400, 404 } },
        { "POST",
          u"/api/v1/external_site_authentications/test/"_s,
          {},
          kSites,
          A::Admin,
          u"Try an authentication against the CRM"_s,
          u"Stores nothing. With id and no password, the stored password is used. Failure answers 400 (OMniLeads: 500)."_s,
          { u"id:integer"_s, u"url:string*"_s, u"username:string*"_s, u"password:string"_s, u"campo_token:string"_s,
            u"duracion:integer"_s, u"campo_duracion:string"_s, u"ssl_estricto:boolean"_s },
          { 200, 400 } },
        // The admin panel's delivery views (beyond OMniLeads; admindeliveryroutes.h).
        { "POST",
          u"/api/v1/external_sites/preview/"_s,
          {},
          kSites,
          A::Admin,
          u"The exact request a site makes for a sample call or a recent call of a campaign"_s,
          u"Nothing is sent or stored. Authorization is shown masked; the Idempotency-Key and signature headers, "
          "added at send time, are not shown. A supervisor may preview only the campaigns they supervise (403)."_s,
          {},
          { 200, 400, 403, 404 } },
        { "POST",
          u"/api/v1/external_sites/send_test/"_s,
          {},
          kSites,
          A::Admin,
          u"Send the previewed request to the CRM once, for real"_s,
          u"Through the server's delivery code: the site's authentication token, its signature, TLS policy and "
          "timeout, a fresh Idempotency-Key. Not recorded as a delivery, never retried. The CRM's answer (any status) "
          "or the network, TLS or timeout error is answered with 200: received or error is null."_s,
          {},
          { 200, 400, 403, 404 } },
        { "GET",
          u"/api/v1/campaigns/<arg>/calls/"_s,
          { u"pk"_s },
          kCampaigns,
          A::Admin,
          u"The campaign's recent calls, newest first"_s,
          u"Query: length (default 20, at most 100). To pick one for the request preview."_s,
          {},
          { 200, 400, 403, 404 } },
        { "GET",
          u"/api/v1/deliveries/"_s,
          {},
          kSites,
          A::Admin,
          u"Server-side deliveries to CRMs with their attempts, newest first"_s,
          u"Query: site, campaign (ids), state (pending | delivered | failed: given up after its attempts), from and "
          "to (created at, epoch ms or ISO 8601; from inclusive, to exclusive), start (default 0), length (default 25, "
          "at most 500). A supervisor sees only the campaigns they supervise (campaign= of another answers 403)."_s,
          {},
          { 200, 400, 403 } },
        { "POST",
          u"/api/v1/deliveries/resend/"_s,
          {},
          kSites,
          A::Admin,
          u"Send delivered or failed deliveries again"_s,
          u"Each key goes back to the outbox with its request as first built and the same Idempotency-Key (the CRM "
          "sees that key again: it may tell a re-send from a new request), with a fresh attempt budget; its attempts "
          "continue in the list. A pending key, an unknown one (or, for a supervisor, one of another campaign) is "
          "refused with its reason."_s,
          {},
          { 200, 400 } },
        // External systems and agents (reference §4.2).
        { "GET",
          u"/api/v1/external_systems/"_s,
          {},
          kSystems,
          A::Admin,
          u"List external systems with their agents' ids"_s,
          {},
          {},
          { 200 } },
        { "GET",
          u"/api/v1/external_systems/<arg>/"_s,
          { u"pk"_s },
          kSystems,
          A::Admin,
          u"One external system"_s,
          {},
          {},
          { 200, 404 } },
        { "POST",
          u"/api/v1/external_systems/create/"_s,
          {},
          kSystems,
          A::Admin,
          u"Create an external system"_s,
          u"agentes: [{agente, id_externo_agente}]. Repeated ids answer 400 naming the rows (OMniLeads: 500)."_s,
          system,
          { 200, 400 } },
        { "PUT",
          u"/api/v1/external_systems/<arg>/update/"_s,
          { u"pk"_s },
          kSystems,
          A::Admin,
          u"Change an external system"_s,
          u"Rows with id change their external id, rows without id are created, rows not listed are deleted."_s,
          system,
          { 200, 400, 404 } },
        { "POST",
          u"/api/v1/external_systems/<arg>/integration_key/"_s,
          { u"pk"_s },
          kSystems,
          A::AdminOnly,
          u"Issue the system's integration key (shown once)"_s,
          {},
          {},
          { 200, 404 } },
        { "GET",
          u"/api/v1/agents_external_system/"_s,
          {},
          kSystems,
          A::Admin,
          u"Agents, for choosing external ids"_s,
          {},
          {},
          { 200 } },
        { "GET",
          u"/api/v1/agent/list/"_s,
          {},
          kSystems,
          A::Admin,
          u"Agents with extension and state"_s,
          {},
          {},
          { 200 } },
        // Campaigns (beyond OMniLeads' REST API).
        { "GET", u"/api/v1/campaigns/"_s, {}, kCampaigns, A::Admin, u"List campaigns"_s, {}, {}, { 200 } },
        { "GET",
          u"/api/v1/campaigns/<arg>/"_s,
          { u"pk"_s },
          kCampaigns,
          A::Admin,
          u"One campaign with supervisors, options and CRM parameters"_s,
          {},
          {},
          { 200, 404 } },
        { "POST",
          u"/api/v1/campaigns/create/"_s,
          {},
          kCampaigns,
          A::Admin,
          u"Create a campaign"_s,
          u"All or nothing; configuration warnings come back in \"warnings\"."_s,
          campaign,
          { 200, 400 } },
        { "PUT",
          u"/api/v1/campaigns/<arg>/update/"_s,
          { u"pk"_s },
          kCampaigns,
          A::Admin,
          u"Change a campaign"_s,
          u"Fields not sent keep their value."_s,
          campaign,
          { 200, 400, 404 } },
        { "GET",
          u"/api/v1/campaigns/<arg>/warnings/"_s,
          { u"pk"_s },
          kCampaigns,
          A::Admin,
          u"Configuration warnings of a campaign"_s,
          {},
          {},
          { 200, 404 } },
        { "GET",
          u"/api/v1/config_warnings/"_s,
          {},
          kCampaigns,
          A::Admin,
          u"Every configuration warning"_s,
          {},
          {},
          { 200 } },
        // Contact databases (reference §4.4).
        { "GET",
          u"/api/v1/contact_databases/"_s,
          {},
          kDatabases,
          A::Admin,
          u"List contact databases"_s,
          {},
          {},
          { 200 } },
        { "GET",
          u"/api/v1/contact_databases/<arg>/"_s,
          { u"pk"_s },
          kDatabases,
          A::Admin,
          u"One contact database"_s,
          {},
          {},
          { 200, 404 } },
        { "POST",
          u"/api/v1/contact_database/create/"_s,
          {},
          kDatabases,
          A::Admin,
          u"Create an empty contact database"_s,
          {},
          { u"name:string*"_s, u"phone_fields:array*"_s, u"data_fields:array"_s, u"external_id_field:string"_s },
          { 200, 400 } },
        { "POST",
          u"/api/v1/contact_database/<arg>/contact/"_s,
          { u"pk"_s },
          kDatabases,
          A::Admin,
          u"Add one contact"_s,
          u"Column names as keys."_s,
          {},
          { 200, 400, 404 } },
        { "POST",
          u"/api/v1/crear_base_contactos/"_s,
          {},
          kDatabases,
          A::Admin,
          u"Upload a CSV file (multipart) and import it"_s,
          u"Parts: filename (the file), nombre, campos_telefono (comma list), id_externo; or base_datos to add to an "
          u"existing "
          "database. Answers 202 with a job id at once. A body over max_body_bytes (1 MiB) is streamed to a temporary "
          "file, "
          "up to max_upload_bytes (256 MiB); the caller is checked before it is read."_s,
          {},
          { 202, 400, 413, 507 } },
        { "GET",
          u"/api/v1/contact_imports/<arg>/"_s,
          { u"job"_s },
          kDatabases,
          A::Admin,
          u"Progress and outcome of an upload"_s,
          {},
          {},
          { 200, 404 } },
        // Users.
        { "GET", u"/api/v1/users/"_s, {}, kUsers, A::AdminOnly, u"List users (never passwords)"_s, {}, {}, { 200 } },
        { "GET", u"/api/v1/users/<arg>/"_s, { u"pk"_s }, kUsers, A::AdminOnly, u"One user"_s, {}, {}, { 200, 404 } },
        { "POST",
          u"/api/v1/users/create/"_s,
          {},
          kUsers,
          A::AdminOnly,
          u"Create a user (role 5 also creates the agent profile)"_s,
          {},
          { u"username:string*"_s, u"password:string*"_s, u"first_name:string"_s, u"last_name:string"_s,
            u"email:string"_s, u"role:integer*"_s, u"sip_extension:string"_s },
          { 200, 400 } },
        { "PUT",
          u"/api/v1/users/<arg>/update/"_s,
          { u"pk"_s },
          kUsers,
          A::AdminOnly,
          u"Change a user's password or state"_s,
          {},
          { u"password:string"_s, u"active:boolean"_s },
          { 200, 400, 404 } },
    };
}

QString accessText(Access access)
{
    switch (access) {
    case Access::Public:
        return u"public"_s;
    case Access::Authenticated:
        return u"any user or integration key"_s;
    case Access::Admin:
        return u"administrator, manager or supervisor"_s;
    case Access::AdminOnly:
        return u"administrator"_s;
    case Access::Agent:
        return u"agent"_s;
    case Access::AgentOrIntegration:
        return u"agent or integration key"_s;
    case Access::AdminOrIntegration:
        return u"administrator, manager, supervisor or integration key"_s;
    }
    return {};
}

QJsonObject fieldSchema(const QString &type)
{
    if (type == u"id"_s)
        return QJsonObject { { u"oneOf"_s,
                               QJsonArray { QJsonObject { { u"type"_s, u"integer"_s } },
                                            QJsonObject { { u"type"_s, u"string"_s } } } } };
    if (type == u"array"_s)
        return QJsonObject { { u"type"_s, u"array"_s }, { u"items"_s, QJsonObject() } };
    return QJsonObject { { u"type"_s, type } };
}

QJsonObject bodySchema(const QStringList &fields)
{
    QJsonObject properties;
    QJsonArray required;
    for (const QString &f : fields) {
        QString name = f.section(u':', 0, 0);
        QString type = f.section(u':', 1);
        if (type.endsWith(u'*')) {
            type.chop(1);
            required.append(name);
        }
        properties.insert(name, fieldSchema(type));
    }
    QJsonObject schema { { u"type"_s, u"object"_s },
                         { u"properties"_s, properties },
                         { u"additionalProperties"_s, true } };
    if (!required.isEmpty())
        schema.insert(u"required"_s, required);
    return schema;
}

QString statusText(int status)
{
    switch (status) {
    case 200:
        return u"OK"_s;
    case 201:
        return u"Created"_s;
    case 202:
        return u"Accepted; the work continues"_s;
    case 400:
        return u"Invalid data: OMniLeads' error envelope"_s;
    case 401:
        return u"Missing, invalid or expired credentials"_s;
    case 403:
        return u"The caller's role may not do this"_s;
    case 404:
        return u"Unknown id"_s;
    case 405:
        return u"Method not allowed on this path"_s;
    case 413:
        return u"Body too large"_s;
    case 429:
        return u"Too many failed attempts: wait for Retry-After seconds"_s;
    case 503:
        return u"The store cannot take the request now (read-only, full or unreachable): the reason is in message"_s;
    case 507:
        return u"No room to store the upload"_s;
    }
    return u"Answer"_s;
}

}   // namespace

const QList<RouteDoc> &OpenApi::catalogue()
{
    static const QList<RouteDoc> docs = buildCatalogue();
    return docs;
}

const RouteDoc *OpenApi::find(const QByteArray &method, const QString &pattern)
{
    for (const RouteDoc &d : catalogue())
        if (d.method == method && d.pattern == pattern)
            return &d;
    return nullptr;
}

QString OpenApi::openApiPath(const QString &pattern, const QStringList &parameters)
{
    QStringList segments = pattern.split(u'/');
    int n = 0;
    for (QString &s : segments)
        if (s == u"<arg>"_s || s == u"<rest>"_s) {
            s = u'{' + parameters.value(n, u"arg%1"_s.arg(n + 1)) + u'}';
            ++n;
        }
    return segments.join(u'/');
}

QJsonObject OpenApi::document(const QStringList &routes, const QString &serverUrl)
{
    QJsonObject paths;
    QStringList tags;
    for (const QString &route : routes) {
        const QByteArray method = route.section(u' ', 0, 0).toLatin1();
        const QString pattern = route.section(u' ', 1);
        const RouteDoc *doc = find(method, pattern);
        const QStringList parameters = doc ? doc->parameters : QStringList();
        const QString path = openApiPath(pattern, parameters);
        QJsonObject operation;
        operation.insert(u"operationId"_s, QString(QString::fromLatin1(method).toLower() + path));
        if (doc) {
            operation.insert(u"summary"_s, doc->summary);
            operation.insert(u"tags"_s, QJsonArray { doc->tag });
            if (!tags.contains(doc->tag))
                tags.append(doc->tag);
            operation.insert(u"x-access"_s, accessText(doc->access));
            QString description = doc->description;
            description
                += (description.isEmpty() ? u""_s : u"\n\n"_s) + u"Who may call: "_s + accessText(doc->access) + u'.';
            operation.insert(u"description"_s, description);
            if (doc->access != Access::Public)
                operation.insert(u"security"_s, QJsonArray { QJsonObject { { u"bearer"_s, QJsonArray() } } });
            else
                operation.insert(u"security"_s, QJsonArray());
        } else {
            operation.insert(u"summary"_s, u"(undocumented)"_s);
            operation.insert(u"x-undocumented"_s, true);
        }
        QJsonArray params;
        const qsizetype argCount = pattern.count(u"<arg>"_s) + pattern.count(u"<rest>"_s);
        for (qsizetype i = 0; i < argCount; ++i)
            params.append(QJsonObject { { u"name"_s, parameters.value(i, u"arg%1"_s.arg(i + 1)) },
                                        { u"in"_s, u"path"_s },
                                        { u"required"_s, true },
                                        { u"schema"_s, QJsonObject { { u"type"_s, u"string"_s } } } });
        if (!params.isEmpty())
            operation.insert(u"parameters"_s, params);
        const Schemas detailed = detailedSchemas().value(route);
        if (doc && (!doc->body.isEmpty() || !detailed.request.isEmpty())) {
            const QJsonObject schema = detailed.request.isEmpty() ? bodySchema(doc->body) : detailed.request;
            operation.insert(
                u"requestBody"_s,
                QJsonObject { { u"required"_s, true },
                              { u"content"_s,
                                QJsonObject { { u"application/json"_s, QJsonObject { { u"schema"_s, schema } } },
                                              { u"application/x-www-form-urlencoded"_s,
                                                QJsonObject { { u"schema"_s, schema } } } } } });
        }
        QJsonObject responses;
        const QJsonObject jsonContent {
            { u"application/json"_s,
              QJsonObject { { u"schema"_s, QJsonObject { { u"$ref"_s, u"#/components/schemas/Envelope"_s } } } } }
        };
        QList<int> statuses = doc ? doc->statuses : QList<int> { 200 };
        if (!doc || doc->access != Access::Public)
            statuses << 401 << 403;
        statuses << 405;
        for (int status : statuses) {
            QJsonObject content = jsonContent;
            if (status == 200 && doc && !detailed.response.isEmpty())
                content = QJsonObject { { u"application/json"_s, QJsonObject { { u"schema"_s, detailed.response } } } };
            responses.insert(QString::number(status),
                             QJsonObject { { u"description"_s, statusText(status) }, { u"content"_s, content } });
        }
        operation.insert(u"responses"_s, responses);
        QJsonObject item = paths.value(path).toObject();
        const QStringList methods = method == "*" ? QStringList { u"get"_s, u"post"_s, u"put"_s, u"delete"_s }
                                                  : QStringList { QString::fromLatin1(method).toLower() };
        for (const QString &m : methods)
            item.insert(m, operation);
        paths.insert(path, item);
    }
    QJsonArray tagList;
    for (const QString &t : tags)
        tagList.append(QJsonObject { { u"name"_s, t } });
    QJsonObject doc {
        { u"openapi"_s, u"3.0.3"_s },
        { u"info"_s,
          QJsonObject { { u"title"_s, u"Enlace REST API"_s },
                        { u"version"_s, u"v1"_s },
                        { u"description"_s,
                          u"OMniLeads-compatible API of Enlace: paths, field names, numeric enums and "
                          "envelopes as OMniLeads (see docs/api/differences.md for what Enlace fixes)."_s } } },
        { u"tags"_s, tagList },
        { u"paths"_s, paths },
        { u"components"_s,
          QJsonObject {
              { u"securitySchemes"_s,
                QJsonObject {
                    { u"bearer"_s,
                      QJsonObject {
                          { u"type"_s, u"http"_s },
                          { u"scheme"_s, u"bearer"_s },
                          { u"description"_s,
                            u"A user token from POST /api/v1/login, or an external system's integration key."_s } } } } },
              { u"schemas"_s,
                QJsonObject {
                    { u"Envelope"_s,
                      QJsonObject {
                          { u"type"_s, u"object"_s },
                          { u"description"_s,
                            u"OMniLeads' envelope: status OK/SUCCESS/ERROR, message, errors {field: [messages]}; "
                            "some routes answer a plain array."_s },
                          { u"additionalProperties"_s, true } } } } } } }
    };
    if (!serverUrl.isEmpty())
        doc.insert(u"servers"_s, QJsonArray { QJsonObject { { u"url"_s, serverUrl } } });
    return doc;
}

void registerOpenApiRoute(ApiRouter &router, ApiServices &services)
{
    router.add("GET", u"/api/v1/openapi.json"_s, Access::Public,
               [&router, &services](const ApiRequest &, ApiResponder respond) {
                   respond(ApiResponse::json(200, OpenApi::document(router.routes(), services.publicBaseUrl)));
               });
}

}   // namespace enlace
