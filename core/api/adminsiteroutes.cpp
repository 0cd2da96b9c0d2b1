#include <core/api/adminsiteroutes.h>
#include <core/api/answers.h>
#include <core/http/apirouter.h>
#include <core/model/messagecatalog.h>
#include <core/model/validationerrors.h>
#include <core/requests/siterules.h>
#include <core/sites/authenticationtester.h>
#include <core/sites/siteauthenticationrepository.h>
#include <core/sites/siterepository.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

Message notAChoice(const QString &value)
{
    return Message::make("Api", QT_TRANSLATE_NOOP("Api", "\"%1\" is not a valid choice."), { value });
}

QJsonValue enumOrNull(const auto &value)
{
    return value ? QJsonValue(static_cast<int>(*value)) : QJsonValue(QJsonValue::Null);
}

QJsonObject siteJson(const ExternalSite &site)
{
    return QJsonObject { { u"id"_s, site.id },
                         { u"nombre"_s, site.name },
                         { u"url"_s, site.url },
                         { u"oculto"_s, site.hidden },
                         { u"disparador"_s, static_cast<int>(site.trigger) },
                         { u"metodo"_s, static_cast<int>(site.method) },
                         // OMniLeads stores and returns 1 (multipart) for a GET site.
                         { u"formato"_s, static_cast<int>(SiteRules::storedFormat(site)) },
                         { u"objetivo"_s, enumOrNull(site.target) },
                         { u"autenticacion"_s, routes::idOrNull(site.authenticationId) },
                         { u"timeout_ms"_s, site.timeoutMs },
                         { u"max_attempts"_s, site.maxAttempts } };
}

QJsonObject authJson(const SiteAuthentication &a)
{
    return QJsonObject { { u"id"_s, a.id },
                         { u"nombre"_s, a.name },
                         { u"url"_s, a.url },
                         { u"username"_s, a.username },
                         { u"campo_token"_s, a.tokenField },
                         { u"duracion"_s, a.duration },
                         { u"campo_duracion"_s, a.durationField },
                         { u"ssl_estricto"_s, a.sslStrict } };
}

// OMniLeads' admin error: 400 {"status":"ERROR","errors":{field:[...]},"message":<errors as JSON text>}.
ApiResponse adminInvalid(const ValidationErrors &errors, const ApiRequest &request, const ApiServices &s)
{
    const QJsonObject e = errors.toJson(s.catalog, request.language);
    return ApiResponse::json(
        400,
        QJsonObject { { u"status"_s, u"ERROR"_s },
                      { u"errors"_s, e },
                      { u"message"_s, QString::fromUtf8(QJsonDocument(e).toJson(QJsonDocument::Compact)) } });
}

ApiResponse adminFail(const Error &error, const ApiRequest &request, const ApiServices &s)
{
    if ((error.kind == Error::Kind::Invalid || error.kind == Error::Kind::Conflict) && !error.fields.isEmpty())
        return adminInvalid(error.fields, request, s);
    if (error.kind == Error::Kind::Conflict)   // in use: OMniLeads answers 400
        return ApiResponse::error(400, error.message.isNull() ? error.code : routes::text(error.message, request, s));
    return routes::fail(error, request, s);
}

ApiResponse adminOk(const Message &message, const ApiRequest &request, const ApiServices &s, QJsonObject extra = {})
{
    extra.insert(u"status"_s, u"SUCCESS"_s);
    extra.insert(u"errors"_s, QJsonObject());
    extra.insert(u"message"_s, routes::text(message, request, s));
    return ApiResponse::json(200, extra);
}

template <typename E>
std::optional<E> readEnum(ApiJson &json, const QString &key, int min, int max, std::optional<E> fallback)
{
    if (!json.hasValue(key))
        return fallback;
    const auto v = json.integer(key);
    if (!v)
        return std::nullopt;
    if (*v < min || *v > max) {
        json.addError(key, notAChoice(QString::number(*v)));
        return std::nullopt;
    }
    return static_cast<E>(*v);
}

// The site a create/update body describes (missing trigger and method default to 3 and 1, as the
// admin panel of OMniLeads does; a missing format or target is none).
ExternalSite readSite(ApiJson &json)
{
    ExternalSite site;
    site.name = json.string(u"nombre"_s, ApiJson::Need::Required).value_or(QString()).trimmed();
    site.url = json.string(u"url"_s, ApiJson::Need::Required).value_or(QString()).trimmed();
    site.hidden = json.boolean(u"oculto"_s).value_or(false);
    site.trigger
        = readEnum<SiteTrigger>(json, u"disparador"_s, 1, 5, SiteTrigger::Server).value_or(SiteTrigger::Server);
    site.method = readEnum<SiteMethod>(json, u"metodo"_s, 1, 2, SiteMethod::Get).value_or(SiteMethod::Get);
    site.format = readEnum<SiteFormat>(json, u"formato"_s, 1, 4, std::nullopt);
    site.target = readEnum<SiteTarget>(json, u"objetivo"_s, 1, 2, std::nullopt);
    site.authenticationId = json.integer(u"autenticacion"_s);
    site.timeoutMs = static_cast<int>(json.integer(u"timeout_ms"_s).value_or(site.timeoutMs));
    site.maxAttempts = static_cast<int>(json.integer(u"max_attempts"_s).value_or(site.maxAttempts));
    site.signatureSecret = json.string(u"secreto_firma"_s).value_or(QString());
    return site;
}

SiteAuthentication readAuth(ApiJson &json, bool needName, bool needPassword)
{
    SiteAuthentication a;
    a.name = json.string(u"nombre"_s, needName ? ApiJson::Need::Required : ApiJson::Need::Optional)
                 .value_or(QString())
                 .trimmed();
    a.url = json.string(u"url"_s, ApiJson::Need::Required).value_or(QString()).trimmed();
    a.username = json.string(u"username"_s, ApiJson::Need::Required).value_or(QString());
    a.password = json.string(u"password"_s, needPassword ? ApiJson::Need::Required : ApiJson::Need::Optional)
                     .value_or(QString());
    a.tokenField = json.string(u"campo_token"_s).value_or(u"token"_s);
    a.duration = static_cast<int>(json.integer(u"duracion"_s).value_or(0));
    a.durationField = json.string(u"campo_duracion"_s).value_or(QString());
    a.sslStrict = json.boolean(u"ssl_estricto"_s).value_or(true);
    return a;
}

void registerSites(ApiRouter &router, ApiServices &s)
{
    router.add("GET", u"/api/v1/external_sites/"_s, Access::Admin, [&s](const ApiRequest &r, ApiResponder respond) {
        auto list = SiteRepository(s.db, s.secrets).list();
        if (!list)
            return respond(adminFail(list.error(), r, s));
        QJsonArray out;
        for (const ExternalSite &site : list.value())
            out.append(siteJson(site));
        respond(ApiResponse::json(200, QJsonObject { { u"status"_s, u"SUCCESS"_s }, { u"externalSites"_s, out } }));
    });
    router.add("GET", u"/api/v1/external_sites/<arg>/"_s, Access::Admin,
               [&s](const ApiRequest &r, ApiResponder respond) {
                   const auto id = r.pathId(0);
                   if (!id)
                       return respond(routes::notFound(r, s));
                   auto site = SiteRepository(s.db, s.secrets).find(*id);
                   if (!site)
                       return respond(adminFail(site.error(), r, s));
                   respond(ApiResponse::json(200,
                                             QJsonObject { { u"status"_s, u"SUCCESS"_s },
                                                           { u"externalSiteDetail"_s, siteJson(site.value()) } }));
               });
    router.add("POST", u"/api/v1/external_sites/create/"_s, Access::Admin,
               [&s](const ApiRequest &r, ApiResponder respond) {
                   auto json = routes::body(r, s, respond);
                   if (!json)
                       return;
                   const ExternalSite site = readSite(*json);
                   if (!json->ok())
                       return respond(adminInvalid(json->errors(), r, s));
                   auto id = SiteRepository(s.db, s.secrets).create(site);
                   if (!id)
                       return respond(adminFail(id.error(), r, s));
                   respond(adminOk(Message::make("Api", QT_TRANSLATE_NOOP("Api", "External site created successfully")),
                                   r, s, QJsonObject { { u"id"_s, id.value() } }));
               });
    router.add("PUT", u"/api/v1/external_sites/<arg>/update/"_s, Access::Admin,
               [&s](const ApiRequest &r, ApiResponder respond) {
                   const auto id = r.pathId(0);
                   if (!id)
                       return respond(routes::notFound(r, s));
                   SiteRepository sites(s.db, s.secrets);
                   auto existing = sites.find(*id);
                   if (!existing)
                       return respond(adminFail(existing.error(), r, s));
                   auto json = routes::body(r, s, respond);
                   if (!json)
                       return;
                   ExternalSite site = readSite(*json);
                   if (!json->ok())
                       return respond(adminInvalid(json->errors(), r, s));
                   site.id = *id;
                   if (!json->has(u"oculto"_s))
                       site.hidden = existing->hidden;
                   if (auto updated = sites.update(site); !updated)
                       return respond(adminFail(updated.error(), r, s));
                   respond(adminOk(Message::make("Api", QT_TRANSLATE_NOOP("Api", "External site updated successfully")),
                                   r, s, QJsonObject { { u"id"_s, *id } }));
               });
    router.add("DELETE", u"/api/v1/external_sites/<arg>/delete/"_s, Access::Admin,
               [&s](const ApiRequest &r, ApiResponder respond) {
                   const auto id = r.pathId(0);
                   if (!id)
                       return respond(routes::notFound(r, s));
                   if (auto removed = SiteRepository(s.db, s.secrets).remove(*id); !removed)
                       return respond(adminFail(removed.error(), r, s));
                   respond(adminOk(Message::make("Api", QT_TRANSLATE_NOOP("Api", "External site deleted successfully")),
                                   r, s));
               });
    for (const bool hide : { true, false }) {
        router.add("PUT", hide ? u"/api/v1/external_sites/<arg>/hide/"_s : u"/api/v1/external_sites/<arg>/show/"_s,
                   Access::Admin, [&s, hide](const ApiRequest &r, ApiResponder respond) {
                       const auto id = r.pathId(0);
                       if (!id)
                           return respond(routes::notFound(r, s));
                       if (auto done = SiteRepository(s.db, s.secrets).setHidden(*id, hide); !done)
                           return respond(adminFail(done.error(), r, s));
                       respond(adminOk(hide ? Message::make("Api", QT_TRANSLATE_NOOP("Api", "External site hidden"))
                                            : Message::make("Api", QT_TRANSLATE_NOOP("Api", "External site shown")),
                                       r, s));
                   });
    }
}

void registerAuthentications(ApiRouter &router, ApiServices &s)
{
    const auto repo = [&s] { return SiteAuthenticationRepository(s.db, *s.secrets); };
    router.add("GET", u"/api/v1/external_site_authentications/"_s, Access::Admin,
               [&s, repo](const ApiRequest &r, ApiResponder respond) {
                   auto list = repo().list();
                   if (!list)
                       return respond(adminFail(list.error(), r, s));
                   QJsonArray out;
                   for (const SiteAuthentication &a : list.value())
                       out.append(authJson(a));
                   respond(ApiResponse::json(
                       200, QJsonObject { { u"status"_s, u"SUCCESS"_s }, { u"externalSiteAuthentications"_s, out } }));
               });
    router.add("GET", u"/api/v1/external_site_authentications/<arg>/"_s, Access::Admin,
               [&s, repo](const ApiRequest &r, ApiResponder respond) {
                   const auto id = r.pathId(0);
                   if (!id)
                       return respond(routes::notFound(r, s));
                   auto a = repo().find(*id);
                   if (!a)
                       return respond(adminFail(a.error(), r, s));
                   respond(ApiResponse::json(200,
                                             QJsonObject { { u"status"_s, u"SUCCESS"_s },
                                                           { u"externalSiteAuthentication"_s, authJson(a.value()) } }));
               });
    router.add("POST", u"/api/v1/external_site_authentications/create/"_s, Access::Admin,
               [&s, repo](const ApiRequest &r, ApiResponder respond) {
                   auto json = routes::body(r, s, respond);
                   if (!json)
                       return;
                   const SiteAuthentication a = readAuth(*json, true, true);
                   if (!json->ok())
                       return respond(adminInvalid(json->errors(), r, s));
                   auto id = repo().create(a);
                   if (!id)
                       return respond(adminFail(id.error(), r, s));
                   respond(
                       adminOk(Message::make("Api", QT_TRANSLATE_NOOP("Api", "Authentication created successfully")), r,
                               s, QJsonObject { { u"id"_s, id.value() } }));
               });
    router.add("PUT", u"/api/v1/external_site_authentications/<arg>/update/"_s, Access::Admin,
               [&s, repo](const ApiRequest &r, ApiResponder respond) {
                   const auto id = r.pathId(0);
                   if (!id)
                       return respond(routes::notFound(r, s));
                   if (auto existing = repo().find(*id); !existing)
                       return respond(adminFail(existing.error(), r, s));
                   auto json = routes::body(r, s, respond);
                   if (!json)
                       return;
                   SiteAuthentication a = readAuth(*json, true, false);   // no password = keep the stored one
                   if (!json->ok())
                       return respond(adminInvalid(json->errors(), r, s));
                   a.id = *id;
                   if (auto updated = repo().update(a); !updated)
                       return respond(adminFail(updated.error(), r, s));
                   respond(
                       adminOk(Message::make("Api", QT_TRANSLATE_NOOP("Api", "Authentication updated successfully")), r,
                               s, QJsonObject { { u"id"_s, *id } }));
               });
    router.add("DELETE", u"/api/v1/external_site_authentications/<arg>/delete/"_s, Access::Admin,
               [&s, repo](const ApiRequest &r, ApiResponder respond) {
                   const auto id = r.pathId(0);
                   if (!id)
                       return respond(routes::notFound(r, s));
                   if (auto removed = repo().remove(*id); !removed)
                       return respond(adminFail(removed.error(), r, s));
                   respond(adminOk(
                       Message::make("Api", QT_TRANSLATE_NOOP("Api", "Authentication deleted successfully")), r, s));
               });
    // Tries the authentication without storing anything. Beyond OMniLeads: with "id" and no
    // password, the stored password of that authentication is used (editing without retyping it).
    router.add(
        "POST", u"/api/v1/external_site_authentications/test/"_s, Access::Admin,
        [&s, repo](const ApiRequest &r, ApiResponder respond) {
            auto json = routes::body(r, s, respond);
            if (!json)
                return;
            const auto storedId = json->integer(u"id"_s);
            SiteAuthentication a = readAuth(*json, false, !storedId);
            if (!json->ok())
                return respond(adminInvalid(json->errors(), r, s));
            if (a.password.isEmpty() && storedId) {
                auto password = repo().password(*storedId);
                if (!password)
                    return respond(adminFail(password.error(), r, s));
                a.password = password.value();
            }
            auto *tester = new AuthenticationTester(s.network);
            const QString language = r.language;
            const MessageCatalog *catalog = s.catalog;
            tester->test(a, [tester, respond, language, catalog](Result<void> outcome) {
                tester->deleteLater();
                if (outcome) {
                    respond(ApiResponse::json(
                        200,
                        QJsonObject {
                            { u"status"_s, u"SUCCESS"_s },
                            { u"message"_s, AuthenticationTester::successMessage().text(catalog, language) } }));
                    return;
                }
                // OMniLeads answers 500; the CRM's refusal is not a fault of this server: 400.
                respond(ApiResponse::error(400,
                                           AuthenticationTester::failureMessage(outcome.error().text(catalog, language))
                                               .text(catalog, language)));
            });
        });
}

}   // namespace

void registerAdminSiteRoutes(ApiRouter &router, ApiServices &services)
{
    registerSites(router, services);
    registerAuthentications(router, services);
}

}   // namespace enlace
