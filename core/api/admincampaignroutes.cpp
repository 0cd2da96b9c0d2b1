#include <core/api/admincampaignroutes.h>
#include <core/api/answers.h>
#include <core/http/apirouter.h>
#include <core/identity/campaignrepository.h>
#include <core/identity/configaudit.h>
#include <core/model/validationerrors.h>
#include <core/sites/siterepository.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

QJsonArray idArray(const QList<qint64> &ids)
{
    QJsonArray out;
    for (qint64 id : ids)
        out.append(id);
    return out;
}

QJsonObject campaignJson(const Campaign &c)
{
    return QJsonObject { { u"id"_s, c.id },
                         { u"nombre"_s, c.name },
                         { u"tipo"_s, static_cast<int>(c.type) },
                         { u"estado"_s, static_cast<int>(c.state) },
                         { u"sistema_externo"_s, routes::idOrNull(c.externalSystemId) },
                         { u"id_externo"_s, routes::textOrNull(c.externalId) },
                         { u"bd_contacto"_s, routes::idOrNull(c.contactDatabaseId) },
                         { u"sitio_externo"_s, routes::idOrNull(c.siteId) },
                         { u"tipo_interaccion"_s, static_cast<int>(c.interactionType) },
                         { u"agentes"_s, idArray(c.agentIds) } };
}

QJsonObject optionJson(const DispositionOption &o)
{
    return QJsonObject { { u"id"_s, o.id },
                         { u"nombre"_s, o.name },
                         { u"oculta"_s, o.hidden },
                         { u"interaccion_crm"_s, o.crmInteraction },
                         { u"formulario"_s, o.engagement } };
}

QJsonObject parameterJson(const CrmParameter &p)
{
    return QJsonObject {
        { u"id"_s, p.id }, { u"nombre"_s, p.name }, { u"valor"_s, p.value }, { u"tipo"_s, static_cast<int>(p.type) }
    };
}

QJsonObject warningJson(const ConfigWarning &w, const ApiRequest &request, const ApiServices &s)
{
    QJsonObject o { { u"code"_s, w.code },
                    { u"message"_s, routes::text(w.message, request, s) },
                    { u"agentes"_s, idArray(w.agentIds) },
                    { u"campanas"_s, idArray(w.campaignIds) } };
    if (w.systemId)
        o.insert(u"sistema_externo"_s, w.systemId);
    if (w.databaseId)
        o.insert(u"bd_contacto"_s, w.databaseId);
    if (w.siteId)
        o.insert(u"sitio_externo"_s, w.siteId);
    return o;
}

QJsonArray warningsJson(const QList<ConfigWarning> &warnings, const ApiRequest &request, const ApiServices &s)
{
    QJsonArray out;
    for (const ConfigWarning &w : warnings)
        out.append(warningJson(w, request, s));
    return out;
}

ApiResponse invalid(const ValidationErrors &errors, const ApiRequest &request, const ApiServices &s)
{
    // The rules name the campaign type "type"; the API calls it "tipo".
    ValidationErrors renamed;
    for (const auto &e : errors.entries())
        renamed.add(e.field == u"type"_s ? u"tipo"_s : e.field, e.message);
    renamed.addOmitted(errors.omitted());
    return routes::adminInvalid(renamed, request, s);
}

ApiResponse fail(const Error &error, const ApiRequest &request, const ApiServices &s)
{
    return routes::adminFail(error, request, s,
                             [&](const ValidationErrors &fields) { return invalid(fields, request, s); });
}

QList<qint64> readIds(ApiJson &json, const QString &key)
{
    QList<qint64> out;
    const QJsonArray items = json.array(key).value_or(QJsonArray());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue v = items.at(i);
        if (v.isDouble() && v.toDouble() == static_cast<double>(v.toInteger()) && v.toInteger() > 0)
            out.append(v.toInteger());
        else
            json.addError(u"%1[%2]"_s.arg(key).arg(i), ApiJson::integerMessage());
    }
    return out;
}

template <typename E> E readEnum(ApiJson &json, const QString &key, int min, int max, E fallback)
{
    const auto v = json.integer(key);
    if (!v)
        return fallback;
    if (*v < min || *v > max) {
        json.addError(
            key,
            Message::make("Api", QT_TRANSLATE_NOOP("Api", "\"%1\" is not a valid choice."), { QString::number(*v) }));
        return fallback;
    }
    return static_cast<E>(*v);
}

struct CampaignBody
{
    Campaign campaign;
    std::optional<QList<qint64>> supervisors;
    std::optional<QList<DispositionOption>> options;
    std::optional<QList<CrmParameter>> parameters;
};

CampaignBody readCampaign(ApiJson &json, const Campaign &base)
{
    CampaignBody b;
    Campaign &c = b.campaign;
    c = base;
    c.name = json.string(u"nombre"_s, ApiJson::Need::Required, 128).value_or(QString()).trimmed();
    c.type = readEnum(json, u"tipo"_s, 1, 4, base.type);
    c.state = readEnum(json, u"estado"_s, 0, 5, base.state);
    c.interactionType = readEnum(json, u"tipo_interaccion"_s, 1, 3, base.interactionType);
    const auto optionalId = [&](const QString &key, std::optional<qint64> current) -> std::optional<qint64> {
        if (!json.has(key))
            return current;
        return json.integer(key);
    };
    c.externalSystemId = optionalId(u"sistema_externo"_s, base.externalSystemId);
    c.contactDatabaseId = optionalId(u"bd_contacto"_s, base.contactDatabaseId);
    c.siteId = optionalId(u"sitio_externo"_s, base.siteId);
    if (json.has(u"id_externo"_s))
        c.externalId = json.string(u"id_externo"_s, ApiJson::Need::Optional, 128).value_or(QString()).trimmed();
    if (json.has(u"agentes"_s))
        c.agentIds = readIds(json, u"agentes"_s);
    if (json.has(u"supervisores"_s))
        b.supervisors = readIds(json, u"supervisores"_s);
    // Rows per list: far above what a campaign has (OMniLeads' forms show them all on one page),
    // far below what would hold the server's thread.
    constexpr qsizetype kMaxRows = 1000;
    const auto tooMany = [&](const QString &field, const QJsonArray &rows) {
        if (rows.size() <= kMaxRows)
            return false;
        json.addError(field,
                      Message::make("Api", QT_TRANSLATE_NOOP("Api", "At most %1 rows, not %2."))
                          .arg(QString::number(kMaxRows))
                          .arg(QString::number(rows.size())));
        return true;
    };
    if (json.has(u"opciones_calificacion"_s)) {
        QList<DispositionOption> options;
        QJsonArray rows = json.array(u"opciones_calificacion"_s).value_or(QJsonArray());
        if (tooMany(u"opciones_calificacion"_s, rows))
            rows = {};
        for (qsizetype i = 0; i < rows.size(); ++i) {
            ApiJson row(rows.at(i).toObject());
            DispositionOption o;
            o.id = row.integer(u"id"_s).value_or(0);
            o.name = row.string(u"nombre"_s, ApiJson::Need::Required, 128).value_or(QString()).trimmed();
            o.hidden = row.boolean(u"oculta"_s).value_or(false);
            o.crmInteraction = row.boolean(u"interaccion_crm"_s).value_or(false);
            o.engagement = row.boolean(u"formulario"_s).value_or(false);
            if (!rows.at(i).isObject())
                row.addError(u"nombre"_s, ApiJson::objectMessage());
            for (const auto &e : row.errors().entries())
                json.addError(u"opciones_calificacion[%1].%2"_s.arg(i).arg(e.field), e.message);
            options.append(o);
        }
        b.options = options;
    }
    if (json.has(u"parametros_crm"_s)) {
        QList<CrmParameter> parameters;
        QJsonArray rows = json.array(u"parametros_crm"_s).value_or(QJsonArray());
        if (tooMany(u"parametros_crm"_s, rows))
            rows = {};
        for (qsizetype i = 0; i < rows.size(); ++i) {
            ApiJson row(rows.at(i).toObject());
            CrmParameter p;
            p.name = row.string(u"nombre"_s, ApiJson::Need::Required).value_or(QString());
            p.value = row.string(u"valor"_s, ApiJson::Need::Required).value_or(QString());
            p.type = readEnum(row, u"tipo"_s, 1, 6, CrmParameterType::Fixed);
            if (!row.has(u"tipo"_s))
                row.addError(u"tipo"_s, ApiJson::requiredMessage());
            for (const auto &e : row.errors().entries())
                json.addError(u"parametros[%1].%2"_s.arg(i).arg(e.field), e.message);
            parameters.append(p);
        }
        b.parameters = parameters;
    }
    return b;
}

// Writes the campaign and what comes with it, all or nothing.
Result<Campaign> save(ApiServices &s, const CampaignBody &body, bool create)
{
    CampaignRepository campaigns(s.db);
    Database::Transaction tx(*s.db);
    auto saved = create ? campaigns.create(body.campaign) : campaigns.update(body.campaign);
    if (!saved)
        return saved.error();
    const qint64 id = saved->id;
    if (body.supervisors)
        if (auto r = campaigns.setSupervisors(id, *body.supervisors); !r)
            return r.error();
    if (body.options) {
        auto read = campaigns.dispositionOptions(id);
        if (!read)
            return read.error();
        const QList<DispositionOption> existing = read.value();
        ValidationErrors errors;
        for (qsizetype i = 0; i < body.options->size(); ++i) {
            DispositionOption o = body.options->at(i);
            o.campaignId = id;
            if (o.id) {
                const bool ours = std::any_of(existing.cbegin(), existing.cend(),
                                              [&](const DispositionOption &e) { return e.id == o.id; });
                if (!ours) {
                    errors.add(u"opciones_calificacion[%1].id"_s.arg(i),
                               Message::make("Api", QT_TRANSLATE_NOOP("Api", "Disposition option id not found")));
                    continue;
                }
                if (auto r = campaigns.updateDispositionOption(o); !r)
                    return r.error();
            } else if (auto r = campaigns.addDispositionOption(o); !r) {
                return r.error();
            }
        }
        if (!errors.isEmpty())
            return Error::invalid(errors);
    }
    if (body.parameters) {
        SiteRepository sites(s.db, s.secrets);
        if (auto r = sites.setCrmParameters(id, *body.parameters); !r)
            return r.error();
    }
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return campaigns.find(id);
}

Result<QJsonObject> detailJson(ApiServices &s, const Campaign &c)
{
    CampaignRepository campaigns(s.db);
    auto supervisors = campaigns.supervisors(c.id);
    if (!supervisors)
        return supervisors.error();
    auto dispositionOptions = campaigns.dispositionOptions(c.id);
    if (!dispositionOptions)
        return dispositionOptions.error();
    auto crmParameters = SiteRepository(s.db, s.secrets).crmParameters(c.id);
    if (!crmParameters)
        return crmParameters.error();
    QJsonObject o = campaignJson(c);
    o.insert(u"supervisores"_s, idArray(supervisors.value()));
    QJsonArray options;
    for (const DispositionOption &option : dispositionOptions.value())
        options.append(optionJson(option));
    o.insert(u"opciones_calificacion"_s, options);
    QJsonArray parameters;
    for (const CrmParameter &p : crmParameters.value())
        parameters.append(parameterJson(p));
    o.insert(u"parametros_crm"_s, parameters);
    return o;
}

void handleSave(ApiServices &s, const ApiRequest &r, ApiResponder respond, bool create)
{
    Campaign base;
    if (!create) {
        const auto id = r.pathId(0);
        if (!id)
            return respond(routes::notFound(r, s));
        auto existing = CampaignRepository(s.db).find(*id);
        if (!existing)
            return respond(fail(existing.error(), r, s));
        base = existing.value();
    }
    auto json = routes::body(r, s, respond);
    if (!json)
        return;
    const CampaignBody body = readCampaign(*json, base);
    if (!json->ok())
        return respond(invalid(json->errors(), r, s));
    auto saved = save(s, body, create);
    if (!saved)
        return respond(fail(saved.error(), r, s));
    // Saved: what is read back for the answer may still fail (503), but the save stands.
    auto warnings = ConfigAudit(s.db).forCampaign(saved->id);
    if (!warnings)
        return respond(fail(warnings.error(), r, s));
    auto detail = detailJson(s, saved.value());
    if (!detail)
        return respond(fail(detail.error(), r, s));
    respond(routes::saved(create ? Message::make("Api", QT_TRANSLATE_NOOP("Api", "Campaign created successfully"))
                                 : Message::make("Api", QT_TRANSLATE_NOOP("Api", "Campaign updated successfully")),
                          r, s,
                          QJsonObject { { u"id"_s, saved->id },
                                        { u"campaign"_s, detail.value() },
                                        { u"warnings"_s, warningsJson(warnings.value(), r, s) } }));
}

}   // namespace

namespace {

void handleListCampaigns(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    respond(routes::listed(u"campaigns"_s, CampaignRepository(s.db).list(), campaignJson, r, s));
}

void handleGetCampaign(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    respond(routes::detail(
        r, s, u"campaign"_s, [&s](qint64 id) { return CampaignRepository(s.db).find(id); },
        [&s](const Campaign &c) { return detailJson(s, c); }));
}

void handleCreateCampaign(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    handleSave(s, r, std::move(respond), true);
}

void handleUpdateCampaign(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    handleSave(s, r, std::move(respond), false);
}

void handleGetCampaignsWarnings(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    const auto id = r.pathId(0);
    if (!id)
        return respond(routes::notFound(r, s));
    if (auto c = CampaignRepository(s.db).find(*id); !c)
        return respond(fail(c.error(), r, s));
    auto warnings = ConfigAudit(s.db).forCampaign(*id);
    if (!warnings)
        return respond(fail(warnings.error(), r, s));
    respond(ApiResponse::json(
        200, QJsonObject { { u"status"_s, u"SUCCESS"_s }, { u"warnings"_s, warningsJson(warnings.value(), r, s) } }));
}

void handleListConfigWarnings(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    auto warnings = ConfigAudit(s.db).all();
    if (!warnings)
        return respond(fail(warnings.error(), r, s));
    respond(ApiResponse::json(
        200, QJsonObject { { u"status"_s, u"SUCCESS"_s }, { u"warnings"_s, warningsJson(warnings.value(), r, s) } }));
}

}   // namespace

void registerAdminCampaignRoutes(ApiRouter &router, ApiServices &services)
{
    ApiServices &s = services;
    router.add("GET", u"/api/v1/campaigns/"_s, Access::Admin, routes::bound(s, handleListCampaigns));
    router.add("GET", u"/api/v1/campaigns/<arg>/"_s, Access::Admin, routes::bound(s, handleGetCampaign));
    router.add("POST", u"/api/v1/campaigns/create/"_s, Access::Admin, routes::bound(s, handleCreateCampaign));
    router.add("PUT", u"/api/v1/campaigns/<arg>/update/"_s, Access::Admin, routes::bound(s, handleUpdateCampaign));
    router.add("GET", u"/api/v1/campaigns/<arg>/warnings/"_s, Access::Admin,
               routes::bound(s, handleGetCampaignsWarnings));
    router.add("GET", u"/api/v1/config_warnings/"_s, Access::Admin, routes::bound(s, handleListConfigWarnings));
}

}   // namespace enlace
