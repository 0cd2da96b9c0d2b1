#include <core/identity/agentrepository.h>
#include <core/identity/externalsystemrepository.h>
#include <core/identity/userrepository.h>
#include <core/model/clock.h>
#include <core/model/crmparameter.h>
#include <core/model/externalsite.h>
#include <core/model/siteauthentication.h>
#include <core/model/user.h>
#include <core/server/demoseeder.h>
#include <core/sites/siteauthenticationrepository.h>
#include <core/sites/siterepository.h>
#include <core/store/database.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDemo, "enlace.demo", QtInfoMsg)

namespace enlace {

namespace {

const QStringList kColumns { u"telefono"_s, u"nombre"_s, u"apellido"_s, u"email"_s, u"id_cliente"_s };
const QStringList kFirstNames { u"Ana"_s,      u"Bruno"_s, u"Carla"_s, u"Diego"_s,   u"Elena"_s, u"Facundo"_s,
                                u"Gabriela"_s, u"Hugo"_s,  u"Inés"_s,  u"Joaquín"_s, u"Lucía"_s, u"Martín"_s,
                                u"Noelia"_s,   u"Óscar"_s, u"Paula"_s, u"Ramiro"_s };
const QStringList kLastNames { u"García"_s, u"Fernández"_s, u"López"_s,   u"Martínez"_s, u"Rodríguez"_s,
                               u"Pérez"_s,  u"Gómez"_s,     u"Sánchez"_s, u"Díaz"_s,     u"Álvarez"_s,
                               u"Romero"_s, u"Souza"_s,     u"O'Brien"_s };

QString jsonArray(const QStringList &values)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

Error wrap(const Error &e, const QString &what)
{
    Error out = e;
    out.detail = what + u": "_s + (e.detail.isEmpty() ? e.code : e.detail);
    for (const auto &f : e.fields.entries())
        out.detail += u" ["_s + f.field + u']';
    return out;
}

}   // namespace

QStringList DemoSummary::describe(const QString &baseUrl) const
{
    QStringList out;
    out << (seededNow ? u"Demo data seeded: %1 contacts, %2 campaigns."_s.arg(contacts).arg(campaignIds.size())
                      : u"Demo data already present (not reseeded)."_s);
    out << u"Demo CRM page:   %1/demo/crm"_s.arg(baseUrl);
    out << u"API login:       POST %1/api/v1/login"_s.arg(baseUrl);
    out << u"Agent events:    %1/api/v1/events (first message {\"type\":\"auth\",\"token\":...})"_s.arg(
        QString(baseUrl).replace(u"http"_s, u"ws"_s));
    for (const auto &[user, password] : logins)
        out << u"  login %1 / %2"_s.arg(user, password);
    if (!integrationKey.isEmpty())
        out << u"  \"Demo CRM\" integration key (X-Enlace-Integration-Key): %1"_s.arg(integrationKey);
    return out;
}

DemoSeeder::DemoSeeder(std::shared_ptr<Database> db, const SecretBox *secrets, const Clock &clock)
    : m_db(std::move(db))
    , m_secrets(secrets)
    , m_clock(clock)
{ }

Result<DemoSummary> DemoSeeder::seedIfEmpty(const QString &baseUrl)
{
    auto users = m_db->scalar(u"SELECT COUNT(*) FROM users"_s);
    if (!users.ok())
        return users.error();
    const bool empty = users->toLongLong() == 0;
    if (empty) {
        if (auto r = seed(baseUrl); !r.ok())
            return r.error();
    }
    auto summary = describe();
    if (!summary.ok())
        return summary;
    summary->seededNow = empty;
    // A fresh integration key at each demo start: the only way to show one (only its hash is kept).
    if (summary->systemId != 0) {
        ExternalSystemRepository systems(m_db);
        if (auto key = systems.rotateIntegrationKey(summary->systemId); key.ok())
            summary->integrationKey = key.value();
    }
    return summary;
}

Result<void> DemoSeeder::seed(const QString &baseUrl)
{
    const QString password = QString::fromLatin1(Password);
    const PasswordHasher hasher;
    Database::Transaction tx(*m_db);

    UserRepository users(m_db, hasher, &m_clock);
    for (const auto &[name, role, first] : { std::tuple { u"admin"_s, Role::Admin, u"Admin"_s },
                                             std::tuple { u"supervisor"_s, Role::Supervisor, u"Sofía"_s } }) {
        User u;
        u.username = name;
        u.firstName = first;
        u.lastName = u"Demo"_s;
        u.email = name + u"@demo.enlace.invalid"_s;
        u.role = role;
        if (auto id = users.create(u, password); !id.ok())
            return wrap(id.error(), u"user "_s + name);
    }

    AgentRepository agents(m_db, hasher, &m_clock);
    QList<qint64> agentIds;
    const QList<std::tuple<QString, QString, QString>> agentRows { { QString::fromLatin1(demo::FirstAgent),
                                                                     u"Valeria"_s, u"Núñez"_s },
                                                                   { u"agente2"_s, u"Tomás"_s, u"Ibarra"_s },
                                                                   { u"agente3"_s, u"Renata"_s, u"Quispe"_s },
                                                                   { u"agente4"_s, u"Julián"_s, u"Duarte"_s } };
    for (qsizetype i = 0; i < agentRows.size(); ++i) {
        const auto &[name, first, last] = agentRows.at(i);
        auto agent = agents.createAgentUser(name, password, first, last, QString::number(1001 + i));
        if (!agent.ok())
            return wrap(agent.error(), u"agent "_s + name);
        agentIds.append(agent->id);
    }

    ExternalSystem system;
    system.name = u"Demo CRM"_s;
    for (qsizetype i = 0; i < agentIds.size(); ++i)
        system.agents.append(AgentExternalId { 0, agentIds.at(i), u"crm-agent-%1"_s.arg(i + 1) });
    ExternalSystemRepository systems(m_db);
    auto stored = systems.create(system);
    if (!stored.ok())
        return wrap(stored.error(), u"external system"_s);
    const qint64 systemId = stored->id;

    auto contactDb = m_db->insert(
        u"INSERT INTO contact_databases (name, columns_json, phone_columns_json, external_id_column, created_at) VALUES (?, ?, ?, ?, ?)"_s,
        { u"Demo contacts"_s, jsonArray(kColumns), jsonArray({ u"telefono"_s }), u"id_cliente"_s, m_clock.nowMs() });
    if (!contactDb.ok())
        return wrap(contactDb.error(), u"contact database"_s);
    for (int i = 1; i <= m_contacts; ++i) {
        const QString first = kFirstNames.at(i % kFirstNames.size());
        const QString last = kLastNames.at((i * 7) % kLastNames.size());
        const QString phone = u"+5411%1"_s.arg(55500000 + i, 8, 10, QLatin1Char('0'));
        const QString external = u"CLI-%1"_s.arg(i, 4, 10, QLatin1Char('0'));
        const QString email
            = (first + u'.' + last).toLower().replace(u' ', u'.').replace(u'\'', QString()) + u"@example.com"_s;
        auto c
            = m_db->insert(u"INSERT INTO contacts (database_id, external_id, phone, values_json) VALUES (?, ?, ?, ?)"_s,
                           { contactDb.value(), external, phone, jsonArray({ phone, first, last, email, external }) });
        if (!c.ok())
            return wrap(c.error(), u"contact"_s);
    }

    SiteAuthenticationRepository auths(m_db, *m_secrets);
    SiteAuthentication auth;
    auth.name = u"Demo CRM token"_s;
    auth.url = baseUrl + u"/demo/crm/token"_s;
    auth.username = u"demo"_s;
    auth.password = password;
    auth.tokenField = u"token"_s;
    auth.duration = 0;
    auth.durationField = u"expires_in"_s;
    auth.sslStrict = false;
    auto authId = auths.create(auth);
    if (!authId.ok())
        return wrap(authId.error(), u"site authentication"_s);

    struct SiteRow
    {
        QString slug;
        SiteTrigger trigger;
        SiteMethod method;
        std::optional<SiteFormat> format;
        std::optional<SiteTarget> target;
        bool authenticated = false;
    };
    const QList<SiteRow> siteRows {
        { u"agent-get"_s, SiteTrigger::Agent, SiteMethod::Get, std::nullopt, SiteTarget::Embedded },
        { u"agent-post-multipart"_s, SiteTrigger::Agent, SiteMethod::Post, SiteFormat::Multipart,
          SiteTarget::NewWindow },
        { u"automatic-get"_s, SiteTrigger::Automatic, SiteMethod::Get, std::nullopt, SiteTarget::Embedded },
        { u"automatic-post-form"_s, SiteTrigger::Automatic, SiteMethod::Post, SiteFormat::FormUrlEncoded,
          SiteTarget::Embedded },
        { u"automatic-post-text"_s, SiteTrigger::Automatic, SiteMethod::Post, SiteFormat::TextPlain,
          SiteTarget::NewWindow },
        { u"server-get"_s, SiteTrigger::Server, SiteMethod::Get, std::nullopt, std::nullopt },
        { u"server-post-json"_s, SiteTrigger::Server, SiteMethod::Post, SiteFormat::Json, std::nullopt, true },
        { u"server-post-multipart"_s, SiteTrigger::Server, SiteMethod::Post, SiteFormat::Multipart, std::nullopt },
        { u"disposition-post-json"_s, SiteTrigger::Disposition, SiteMethod::Post, SiteFormat::Json, std::nullopt },
        { u"disposition-post-form"_s, SiteTrigger::Disposition, SiteMethod::Post, SiteFormat::FormUrlEncoded,
          SiteTarget::NewWindow },
    };
    SiteRepository sites(m_db, m_secrets);
    QHash<QString, qint64> siteIds;
    for (const SiteRow &row : siteRows) {
        ExternalSite site;
        site.name = u"Demo CRM · "_s + row.slug;
        // {1} is filled with the call id (a placeholder parameter), on every path.
        site.url = baseUrl + u"/demo/crm/hook/"_s + row.slug + u"/{1}"_s;
        site.trigger = row.trigger;
        site.method = row.method;
        site.format = row.format;
        site.target = row.target;
        if (row.authenticated)
            site.authenticationId = authId.value();
        site.maxAttempts = 3;
        auto id = sites.create(site);
        if (!id.ok())
            return wrap(id.error(), u"site "_s + row.slug);
        siteIds.insert(row.slug, id.value());
    }

    struct CampaignRow
    {
        QString name;
        QString externalId;
        CampaignType type;
        QString site;
    };
    const QList<CampaignRow> campaignRows {
        { u"Demo inbound · CRM opens automatically"_s, u"CAMP-IN"_s, CampaignType::Inbound, u"automatic-get"_s },
        { u"Demo manual · CRM button"_s, u"CAMP-MAN"_s, CampaignType::Manual, u"agent-get"_s },
        { u"Demo preview · server notifies the CRM"_s, u"CAMP-SRV"_s, CampaignType::Preview, u"server-post-json"_s },
        { u"Demo dialer · CRM on disposition"_s, u"CAMP-DISP"_s, CampaignType::Dialer, u"disposition-post-json"_s },
    };
    for (const CampaignRow &row : campaignRows) {
        const qint64 siteId = siteIds.value(row.site);
        auto campaign = m_db->insert(u"INSERT INTO campaigns (name, type, state, external_system_id, external_id, "
                                     u"contact_database_id, site_id, interaction_type) "
                                     "VALUES (?, ?, 2, ?, ?, ?, ?, 3)"_s,
                                     { row.name, int(row.type), systemId, row.externalId, contactDb.value(), siteId });
        if (!campaign.ok())
            return wrap(campaign.error(), u"campaign "_s + row.name);
        for (qint64 agent : std::as_const(agentIds))
            if (auto r = m_db->exec(u"INSERT INTO campaign_agents (campaign_id, agent_id) VALUES (?, ?)"_s,
                                    { campaign.value(), agent });
                !r.ok())
                return wrap(r.error(), u"campaign agents"_s);
        const bool disposition = row.site.startsWith(u"disposition"_s);
        QList<CrmParameter> parameters {
            { 0, campaign.value(), u"{1}"_s, u"call_id"_s, CrmParameterType::Call },
            { 0, campaign.value(), u"campaign_id"_s, u"id"_s, CrmParameterType::Campaign },
            { 0, campaign.value(), u"campaign_name"_s, u"nombre"_s, CrmParameterType::Campaign },
            { 0, campaign.value(), u"campaign_type"_s, u"tipo"_s, CrmParameterType::Campaign },
            { 0, campaign.value(), u"customer_id"_s, u"id_cliente"_s, CrmParameterType::Contact },
            { 0, campaign.value(), u"customer_name"_s, u"nombre"_s, CrmParameterType::Contact },
            { 0, campaign.value(), u"call_id"_s, u"call_id"_s, CrmParameterType::Call },
            { 0, campaign.value(), u"agent_id"_s, u"agent_id"_s, CrmParameterType::Call },
            { 0, campaign.value(), u"phone"_s, u"telefono"_s, CrmParameterType::Call },
            { 0, campaign.value(), u"when"_s, u"datetime"_s, CrmParameterType::Call },
            { 0, campaign.value(), u"source"_s, u"enlace-demo"_s, CrmParameterType::Fixed },
            { 0, campaign.value(), u"origin"_s, u"Omlcrmorigin"_s, CrmParameterType::Dialplan },
        };
        if (disposition) {
            parameters.append({ 0, campaign.value(), u"disposition"_s, u"name"_s, CrmParameterType::Disposition });
            parameters.append({ 0, campaign.value(), u"disposition_id"_s, u"id"_s, CrmParameterType::Disposition });
        }
        if (auto r = sites.setCrmParameters(campaign.value(), parameters); !r.ok())
            return wrap(r.error(), u"CRM parameters of "_s + row.name);
        const QList<std::tuple<QString, bool, bool>> options { { u"Venta"_s, true, false },
                                                               { u"No contesta"_s, false, false },
                                                               { u"Volver a llamar"_s, false, false },
                                                               { u"Baja (oculta)"_s, false, true } };
        for (const auto &[name, crm, hidden] : options)
            if (auto r = m_db->insert(
                    u"INSERT INTO disposition_options (campaign_id, name, hidden, crm_interaction) VALUES (?, ?, ?, ?)"_s,
                    { campaign.value(), name, hidden ? 1 : 0, crm ? 1 : 0 });
                !r.ok())
                return wrap(r.error(), u"disposition options"_s);
    }
    if (auto c = tx.commit(); !c.ok())
        return c.error();
    qCInfo(lcDemo).noquote() << u"demo seeded contacts=%1 campaigns=%2 sites=%3"_s.arg(m_contacts)
                                    .arg(campaignRows.size())
                                    .arg(siteRows.size());
    return {};
}

Result<DemoSummary> DemoSeeder::describe() const
{
    DemoSummary s;
    const QString password = QString::fromLatin1(Password);
    for (const QString &name : { u"admin"_s, u"supervisor"_s, u"agente1"_s, u"agente2"_s, u"agente3"_s, u"agente4"_s })
        s.logins.append({ name, password });
    auto system = m_db->scalar(u"SELECT id FROM external_systems WHERE name = ?"_s, { u"Demo CRM"_s });
    if (!system.ok())
        return system.error();
    s.systemId = system->isValid() && !system->isNull() ? system->toLongLong() : 0;
    auto count = m_db->scalar(
        u"SELECT COUNT(*) FROM contacts c JOIN contact_databases d ON d.id = c.database_id WHERE d.name = ?"_s,
        { u"Demo contacts"_s });
    if (count.ok())
        s.contacts = count->toInt();
    auto campaigns
        = m_db->exec(u"SELECT id, type FROM campaigns WHERE external_system_id = ? ORDER BY id"_s, { s.systemId });
    if (!campaigns.ok())
        return campaigns.error();
    QList<QPair<qint64, int>> rows;
    while (campaigns->next())
        rows.append({ campaigns->value(0).toLongLong(), campaigns->value(1).toInt() });
    for (const auto &[campaignId, type] : rows) {
        s.campaignIds.append(campaignId);
        if (CampaignType(type) != CampaignType::Inbound)
            continue;
        DemoSummary::Inbound in;
        in.campaignId = campaignId;
        auto agents
            = m_db->exec(u"SELECT a.id, a.sip_extension FROM campaign_agents ca JOIN agents a ON a.id = ca.agent_id "
                         "WHERE ca.campaign_id = ? AND a.active = 1 ORDER BY a.id"_s,
                         { campaignId });
        if (!agents.ok())
            return agents.error();
        while (agents->next())
            in.agents.append({ agents->value(0).toLongLong(), agents->value(1).toString() });
        auto contacts = m_db->exec(
            u"SELECT c.id, c.phone FROM contacts c JOIN campaigns k ON k.contact_database_id = c.database_id "
            "WHERE k.id = ? ORDER BY c.id LIMIT 200"_s,
            { campaignId });
        if (!contacts.ok())
            return contacts.error();
        while (contacts->next()) {
            SimulatedPbx::Contact c;
            c.contactId = contacts->value(0).toLongLong();
            c.phone = contacts->value(1).toString();
            c.dialplanData.insert(u"Omlcrmorigin"_s, u"simulated-inbound"_s);
            in.contacts.append(c);
        }
        s.inbound.append(in);
    }
    return s;
}

}   // namespace enlace
