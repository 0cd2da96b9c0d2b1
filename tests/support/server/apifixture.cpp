#include <core/api/referencecache.h>
#include <core/api/routes.h>
#include <core/calls/callflow.h>
#include <core/calls/eventlog.h>
#include <core/contacts/contactrepository.h>
#include <core/http/httpserver.h>
#include <core/identity/agentrepository.h>
#include <core/identity/externalsystemrepository.h>
#include <core/identity/userrepository.h>
#include <core/model/messagecatalog.h>
#include <core/sites/secretbox.h>
#include <core/telephony/telephonymessages.h>
#include <tests/support/server/apifixture.h>

#include <QEventLoop>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace enlace::test {

void RecordingPbx::originate(const OriginateRequest &request, OriginateDone done)
{
    m_originated.append(request);
    const QString failure = std::exchange(m_failure, QString());
    const QString callId = u"rec-"_s + QString::number(m_originated.size());
    // Fails as the real PBX adapters do (SimulatedPbx, AmiPbx): with telephony::originateFailed.
    QTimer::singleShot(0, this, [done = std::move(done), failure, callId, phone = request.phone] {
        if (failure.isEmpty())
            done(callId);
        else
            done(telephony::originateFailed(failure, phone));
    });
}

ApiFixture::ApiFixture(const QString &backend)
    : m_scratch(backend)
    , m_catalog(std::make_unique<MessageCatalog>())
    , m_pbx(std::make_unique<RecordingPbx>())
{
    // The access log of every request would drown the test output.
    QLoggingCategory::setFilterRules(u"enlace.http.info=false"_s);
    if (m_scratch.skipped())
        return;
    if (!m_scratch.db()) {
        m_error = m_scratch.error();
        return;
    }
    m_services.db = m_scratch.db();
    m_services.clock = &m_clock;
    m_services.catalog = m_catalog.get();
    m_services.pbx = m_pbx.get();
    m_services.network = &m_network;
    m_secrets = std::make_unique<SecretBox>(SecretBox::fromKey(QByteArray(SecretBox::KeySize, '\x2a')).value());
    m_services.secrets = m_secrets.get();
    m_events = std::make_unique<EventLog>(m_scratch.db(), m_clock);
    m_calls = std::make_unique<CallFlow>(m_scratch.db(), m_clock, m_catalog.get(), m_pbx.get(), nullptr, m_events.get(),
                                         m_secrets.get());
    m_calls->start();
    m_services.events = m_events.get();
    m_services.calls = m_calls.get();
    // As the server runs: lookups through the reference cache (every test that changes the
    // configuration between requests checks that the cache follows).
    m_reference = std::make_unique<ReferenceCache>(m_scratch.db());
    m_services.reference = m_reference.get();
    m_router.setCatalog(m_catalog.get());
    m_router.setCallerResolver([this](const ApiRequest &r) { return resolve(r); });
    registerAllRoutes(m_router, m_services);
    m_server = std::make_unique<HttpServer>(&m_router, m_catalog.get());
    HttpServerLimits limits;
    limits.maxBodyBytes = 64 * 1024;
    m_server->setLimits(limits);
    if (auto listening = m_server->listen(QHostAddress::LocalHost, 0); !listening)
        m_error = listening.error().text();
}

ApiFixture::~ApiFixture()
{
    if (m_server)
        m_server->close();
    m_server.reset();
    m_calls.reset();
    m_events.reset();
}

quint16 ApiFixture::port() const
{
    return m_server ? m_server->port() : 0;
}

Result<std::optional<Caller>> ApiFixture::resolve(const ApiRequest &request) const
{
    const QByteArray authorization = request.header("authorization");
    if (authorization.isEmpty())
        return std::optional<Caller>();
    if (!authorization.startsWith("Bearer "))
        return Error { Error::Kind::Forbidden, u"auth.invalid"_s, Message::make("Api", "Invalid Token"), {}, {} };
    const auto it = m_credentials.constFind(QString::fromUtf8(authorization.mid(7)));
    if (it == m_credentials.constEnd())
        return Error { Error::Kind::Forbidden, u"auth.invalid"_s, Message::make("Api", "Invalid Token"), {}, {} };
    return std::optional<Caller>(it.value());
}

QString ApiFixture::World::substitute(QString text) const
{
    const QList<QPair<QString, qint64>> ids {
        { u"ana"_s, ana.id },  { u"beto"_s, beto.id }, { u"carla"_s, carla.id }, { u"s1"_s, s1 },
        { u"s2"_s, s2 },       { u"db1"_s, db1 },      { u"db2"_s, db2 },        { u"c1"_s, c1 },
        { u"c2"_s, c2 },       { u"c3"_s, c3 },        { u"camp"_s, camp },      { u"inactive"_s, inactive },
        { u"other"_s, other }, { u"venta"_s, venta },  { u"baja"_s, baja },      { u"otra"_s, otra },
        { u"sup"_s, sup },     { u"sup2"_s, sup2 },    { u"admin"_s, admin }
    };
    for (const auto &[name, id] : ids)
        text.replace(u'{' + name + u'}', QString::number(id));
    return text;
}

QJsonObject ApiFixture::World::body(const QString &jsonTemplate) const
{
    return QJsonDocument::fromJson(substitute(jsonTemplate).toUtf8()).object();
}

QString ApiFixture::tokenFor(qint64 userId)
{
    UserRepository users(db());
    auto user = users.find(userId);
    if (!user)
        qFatal("tokenFor: unknown user");
    Caller c;
    c.userId = userId;
    c.role = user->role;
    c.username = user->username;
    AgentRepository agents(db());
    if (auto agent = agents.findByUserId(userId))
        c.agentId = agent->id;
    const QString token = u"tok-"_s + QString::number(++m_tokenCounter) + u"-"_s + user->username;
    m_credentials.insert(token, c);
    return token;
}

QString ApiFixture::integrationKeyFor(qint64 systemId)
{
    Caller c;
    c.integrationSystemId = systemId;
    c.username = u"integration"_s;
    const QString key = u"key-"_s + QString::number(++m_tokenCounter);
    m_credentials.insert(key, c);
    return key;
}

HttpReply ApiFixture::send(const QByteArray &method, const QString &path, const QJsonValue &body, const QString &token)
{
    QByteArray bytes;
    if (body.isObject())
        bytes = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    else if (body.isArray())
        bytes = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
    return sendRaw(method, path, bytes, bytes.isEmpty() ? QByteArray() : QByteArray("application/json"), token);
}

HttpReply ApiFixture::sendRaw(const QByteArray &method, const QString &path, const QByteArray &body,
                              const QByteArray &contentType, const QString &token,
                              const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QUrl url(u"http://127.0.0.1:"_s + QString::number(port()));
    const qsizetype q = path.indexOf(u'?');
    url.setPath(q < 0 ? path : path.left(q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest request(url);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setRawHeader("Accept-Language", "en");
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    loop.exec();
    HttpReply out;
    if (!reply->isFinished()) {
        reply->abort();
        reply->deleteLater();
        return out;
    }
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    if (out.status == 0)   // no answer: say why in the test's output
        qWarning().noquote() << "no HTTP answer:" << reply->errorString();
    for (const auto &pair : reply->rawHeaderPairs())
        out.headers.insert(pair.first.toLower(), pair.second);
    reply->deleteLater();
    return out;
}

qint64 ApiFixture::addUser(const QString &username, Role role)
{
    UserRepository users(db(), PasswordHasher(1000), &m_clock);
    User u;
    u.username = username;
    u.firstName = username;
    u.lastName = u"Test"_s;
    u.role = role;
    auto id = users.create(u, u"S3cret-pass-1"_s);
    if (!id)
        qFatal("addUser: %s", qPrintable(id.error().text()));
    return id.value();
}

Agent ApiFixture::addAgent(const QString &username, const QString &extension)
{
    AgentRepository agents(db(), PasswordHasher(1000), &m_clock);
    auto agent = agents.createAgentUser(username, u"S3cret-pass-1"_s, username, u"Agente"_s, extension);
    if (!agent)
        qFatal("addAgent: %s", qPrintable(agent.error().text()));
    return agent.value();
}

qint64 ApiFixture::addSystem(const QString &name, const QList<QPair<qint64, QString>> &agentExternalIds)
{
    ExternalSystemRepository systems(db());
    ExternalSystem s;
    s.name = name;
    for (const auto &[agentId, externalId] : agentExternalIds)
        s.agents.append(AgentExternalId { 0, agentId, externalId });
    auto created = systems.create(s);
    if (!created)
        qFatal("addSystem: %s", qPrintable(created.error().text()));
    return created->id;
}

qint64 ApiFixture::addContactDatabase(const QString &name, const QStringList &columns, const QStringList &phoneColumns,
                                      const QString &externalIdColumn)
{
    ContactRepository contacts(db(), m_clock);
    ContactDatabase d;
    d.name = name;
    d.columns = columns;
    d.phoneColumns = phoneColumns;
    d.externalIdColumn = externalIdColumn;
    auto id = contacts.createDatabase(d);
    if (!id)
        qFatal("addContactDatabase: %s", qPrintable(id.error().text()));
    return id.value();
}

qint64 ApiFixture::addContact(qint64 databaseId, const QHash<QString, QString> &values)
{
    ContactRepository contacts(db(), m_clock);
    auto id = contacts.addContact(databaseId, values);
    if (!id)
        qFatal("addContact: %s", qPrintable(id.error().text()));
    return id.value();
}

qint64 ApiFixture::addCampaign(const CampaignSeed &seed)
{
    // Written directly until the campaign repository is available to the fixture.
    auto id = db()->insert(
        u"INSERT INTO campaigns (name, type, state, external_system_id, external_id, contact_database_id) "
        "VALUES (?, ?, ?, ?, ?, ?)"_s,
        { seed.name, static_cast<int>(seed.type), static_cast<int>(seed.state),
          seed.systemId ? QVariant(*seed.systemId) : QVariant(QMetaType::fromType<qint64>()),
          seed.externalId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(seed.externalId),
          seed.databaseId ? QVariant(*seed.databaseId) : QVariant(QMetaType::fromType<qint64>()) });
    if (!id)
        qFatal("addCampaign: %s", qPrintable(id.error().text()));
    for (qint64 agent : seed.agentIds)
        if (!db()->exec(u"INSERT INTO campaign_agents (campaign_id, agent_id) VALUES (?, ?)"_s, { id.value(), agent }))
            qFatal("addCampaign: agent");
    for (qint64 user : seed.supervisorUserIds)
        if (!db()->exec(u"INSERT INTO campaign_supervisors (campaign_id, user_id) VALUES (?, ?)"_s,
                        { id.value(), user }))
            qFatal("addCampaign: supervisor");
    return id.value();
}

qint64 ApiFixture::addOption(qint64 campaignId, const QString &name, bool hidden)
{
    auto id = db()->insert(u"INSERT INTO disposition_options (campaign_id, name, hidden) VALUES (?, ?, ?)"_s,
                           { campaignId, name, hidden ? 1 : 0 });
    if (!id)
        qFatal("addOption: %s", qPrintable(id.error().text()));
    return id.value();
}

qint64 ApiFixture::count(const QString &table) const
{
    auto n = db()->scalar(u"SELECT COUNT(*) FROM "_s + table);
    return n ? n->toLongLong() : -1;
}

ApiFixture::World ApiFixture::seedWorld()
{
    World w;
    w.ana = addAgent(u"ana"_s, u"1001"_s);
    w.beto = addAgent(u"beto"_s, u"1002"_s);
    w.carla = addAgent(u"carla"_s, u"1003"_s);
    w.sup = addUser(u"sup"_s, Role::Supervisor);
    w.sup2 = addUser(u"sup2"_s, Role::Supervisor);
    w.admin = addUser(u"admin"_s, Role::Admin);
    w.s1 = addSystem(u"S1"_s, { { w.ana.id, u"A-ANA"_s }, { w.beto.id, u"A-BETO"_s }, { w.carla.id, u"A-CARLA"_s } });
    w.s2 = addSystem(u"S2"_s, { { w.carla.id, u"X-CARLA"_s }, { w.ana.id, u"A-ANA"_s } });
    w.db1 = addContactDatabase(u"db1"_s, { u"telefono"_s, u"nombre"_s, u"id_ext"_s }, { u"telefono"_s }, u"id_ext"_s);
    w.db2 = addContactDatabase(u"db2"_s, { u"telefono"_s }, { u"telefono"_s });
    w.c1 = addContact(w.db1, { { u"telefono"_s, u"1111"_s }, { u"nombre"_s, u"Uno"_s }, { u"id_ext"_s, u"EXT-1"_s } });
    w.c2 = addContact(w.db1, { { u"telefono"_s, u"2222"_s }, { u"nombre"_s, u"Dos"_s }, { u"id_ext"_s, u"EXT-2"_s } });
    w.c3 = addContact(w.db2, { { u"telefono"_s, u"3333"_s } });
    w.camp = addCampaign({ u"camp"_s,
                           CampaignType::Manual,
                           CampaignState::Active,
                           w.s1,
                           u"C-1"_s,
                           w.db1,
                           { w.ana.id, w.beto.id },
                           { w.sup } });
    w.inactive = addCampaign(
        { u"inactive"_s, CampaignType::Manual, CampaignState::Inactive, w.s1, u"C-OFF"_s, w.db1, { w.ana.id }, {} });
    w.other = addCampaign({ u"other"_s,
                            CampaignType::Preview,
                            CampaignState::Active,
                            std::nullopt,
                            {},
                            w.db2,
                            { w.ana.id },
                            { w.sup2 } });
    w.venta = addOption(w.camp, u"Venta"_s);
    w.baja = addOption(w.camp, u"Baja"_s, true);
    w.otra = addOption(w.other, u"Otra"_s);
    return w;
}

}   // namespace enlace::test
