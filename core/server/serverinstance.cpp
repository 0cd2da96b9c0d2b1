#include <core/api/authenticator.h>
#include <core/api/eventchannel.h>
#include <core/api/referencecache.h>
#include <core/api/routes.h>
#include <core/calls/callflow.h>
#include <core/calls/eventlog.h>
#include <core/http/httpserver.h>
#include <core/model/logvalue.h>
#include <core/server/democrm.h>
#include <core/server/demoseeder.h>
#include <core/server/serverinstance.h>
#include <core/sites/secretbox.h>
#include <core/sites/sitedelivery.h>
#include <core/sites/tokenprovider.h>
#include <core/store/database.h>
#include <core/telephony/amipbx.h>
#include <core/telephony/pbxurl.h>
#include <core/telephony/simulatedpbx.h>

#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSqlError>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcServer, "enlace.server", QtInfoMsg)

namespace enlace {

ServerInstance::ServerInstance(ServerConfig config, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(clock ? *clock : m_systemClock)
{ }

ServerInstance::~ServerInstance()
{
    stop();
    // Consumers before what they consume.
    m_http.reset();
    m_channel.reset();
    m_demoCrm.reset();
    m_calls.reset();
    m_delivery.reset();
    m_tokens.reset();
    m_events.reset();
    m_auth.reset();
    m_pbx.reset();
    m_network.reset();
}

quint16 ServerInstance::port() const
{
    return m_http ? m_http->port() : 0;
}

QUrl ServerInstance::baseUrl() const
{
    return QUrl(m_config.effectivePublicUrl(port()));
}

Result<void> ServerInstance::start()
{
    if (m_started)
        return {};
    auto db = Database::open(m_config.effectiveDatabaseUrl());
    if (!db.ok())
        return db.error();
    m_db = db.value();
    m_schemaVersion = m_db->schemaVersion();   // Database::open migrated it: it stays so while this server runs
    qCInfo(lcServer).noquote() << u"database url=%1 schema=%2"_s.arg(LogValue::quoted(m_db->displayUrl()),
                                                                     QString::number(m_schemaVersion));

    auto box = SecretBox::loadOrCreate(m_config.effectiveSecretKeyFile());
    if (!box.ok())
        return box.error();
    m_box = std::make_unique<SecretBox>(box.value());

    auto pbxUrl = PbxUrl::parse(m_config.pbx);
    if (!pbxUrl.ok())
        return pbxUrl.error();
    if (pbxUrl->kind() == PbxUrl::Kind::Ami)
        m_pbx = std::make_unique<AmiPbx>(pbxUrl->amiOptions(), m_clock);
    else {
        SimulatedPbx::Options options;
        options.timeScale = m_config.simulatedTimeScale;
        // Servers that share a database each simulate a PBX of their own: their call ids must
        // not collide (two calls of the same second were one row, the second silently dropped).
        options.systemName = m_config.effectiveInstanceId();
        m_pbx = std::make_unique<SimulatedPbx>(m_clock, options);
    }
    qCInfo(lcServer).noquote() << u"pbx url=%1"_s.arg(LogValue::quoted(pbxUrl->toString()));

    m_network = std::make_unique<QNetworkAccessManager>();
    m_tokens = std::make_unique<TokenProvider>(m_db, *m_box, m_network.get(), m_clock);
    SiteDeliveryOptions delivery;
    delivery.instanceId = m_config.effectiveInstanceId();
    m_delivery = std::make_unique<SiteDelivery>(m_db, m_network.get(), m_tokens.get(), m_clock, *m_box, delivery);
    qCInfo(lcServer).noquote() << u"instance id=%1"_s.arg(LogValue::quoted(delivery.instanceId));
    m_events = std::make_unique<EventLog>(m_db, m_clock);
    m_calls = std::make_unique<CallFlow>(m_db, m_clock, &m_catalog, m_pbx.get(), m_delivery.get(), m_events.get(),
                                         m_box.get());
    m_calls->setLanguage(m_config.language);
    // PBX events are recorded on a thread (and connection) of their own, so a burst of calls never
    // holds up API requests, and makeCall waits when that thread falls behind (CallFlow's
    // backpressure). On SQLite this relies on the store's checkpointer taking the writer mutex to
    // start the WAL over (else a reader and a writer thread grow it without end). An in-memory
    // SQLite database (tests, one-off runs) records on the server's thread.
    m_calls->setRecordingThread(!m_db->isInMemory());
    AuthenticatorSettings authSettings;
    authSettings.tokenLifetimeMs = m_config.tokenLifetimeSeconds * 1000;
    authSettings.throttle.maxAddressFailures = int(qMin<qint64>(m_config.loginMaxFailuresPerAddress, 1 << 30));
    m_reference = std::make_unique<ReferenceCache>(m_db);
    m_auth = std::make_unique<Authenticator>(m_db, m_clock, &m_catalog, authSettings);
    m_auth->setReferenceCache(m_reference.get());
    m_auth->setEventLog(m_events.get());
    m_channel = std::make_unique<EventChannel>(
        m_events.get(), [auth = m_auth.get()](const QString &token) { return auth->callerForToken(token); },
        &m_catalog);

    m_services.db = m_db;
    m_services.clock = &m_clock;
    m_services.catalog = &m_catalog;
    m_services.pbx = m_pbx.get();
    m_services.delivery = m_delivery.get();
    m_services.events = m_events.get();
    m_services.calls = m_calls.get();
    m_services.network = m_network.get();
    m_services.secrets = m_box.get();
    m_services.auth = m_auth.get();
    m_services.reference = m_reference.get();

    m_router.setCatalog(&m_catalog);
    m_router.setCallerResolver([auth = m_auth.get()](const ApiRequest &r) { return auth->resolve(r); });
    m_auth->registerRoutes(m_router);
    registerHealthRoute();
    registerAllRoutes(m_router, m_services);

    m_http = std::make_unique<HttpServer>(&m_router, &m_catalog);
    HttpServerLimits limits;
    limits.maxBodyBytes = m_config.maxBodyBytes;
    limits.maxUploadBytes = m_config.maxUploadBytes;
    limits.maxConnectionsPerAddress = int(qMin<qint64>(m_config.maxConnectionsPerAddress, 1 << 30));
    limits.trustedProxies = m_config.trustedProxies;
    m_http->setLimits(limits);
    if (!m_config.tlsCertificate.isEmpty())
        if (auto r = m_http->setTlsFiles(m_config.tlsCertificate, m_config.tlsKey); !r.ok())
            return r.error();
    m_http->addWebSocketPath(u"/api/v1/events"_s, m_channel->webSocketServer());
    m_http->addWebSocketPath(u"/channels/agent-console"_s, m_channel->webSocketServer());
    const QHostAddress address(m_config.listenHost);
    if (auto r = m_http->listen(address, m_config.listenPort); !r.ok())
        return r.error();
    m_services.publicBaseUrl = baseUrl().toString();

    if (m_config.demo) {
        DemoSeeder seeder(m_db, m_box.get(), m_clock);
        auto summary = seeder.seedIfEmpty(m_services.publicBaseUrl);
        if (!summary.ok())
            return summary.error();
        m_demo = std::make_unique<DemoSummary>(summary.value());
        m_demoCrm = std::make_unique<DemoCrm>(m_db, m_clock, QString::fromLatin1(DemoSeeder::Password));
        m_demoCrm->registerRoutes(m_router);
        if (auto *simulated = qobject_cast<SimulatedPbx *>(m_pbx.get())) {
            for (const DemoSummary::Inbound &in : std::as_const(m_demo->inbound))
                simulated->addInboundCampaign(in.campaignId, in.agents, in.contacts, 2.0);
        }
    }

    m_events->start(m_config.eventPollMs);
    m_calls->start();
    m_delivery->start();
    m_pbx->start();
    m_started = true;
    qCInfo(lcServer).noquote() << u"listening url=%1 tls=%2 demo=%3"_s.arg(LogValue::quoted(baseUrl().toString()),
                                                                           QString::number(int(m_http->isTls())),
                                                                           QString::number(int(m_config.demo)));
    return {};
}

void ServerInstance::registerHealthRoute()
{
    // Liveness: what the server knows in memory, no store access (a load balancer may ask often;
    // it is also the benchmark's constant route).
    m_router.add("GET", u"/api/v1/health"_s, Access::Public, [this](const ApiRequest &, ApiResponder respond) {
        const bool pbx = m_pbx && m_pbx->isConnected();
        respond(
            ApiResponse::json(QJsonObject { { u"status"_s, u"OK"_s },
                                            { u"version"_s, QStringLiteral(ENLACE_VERSION) },
                                            { u"schema"_s, m_schemaVersion },
                                            { u"pbx_connected"_s, pbx },
                                            // PBX events waiting for the recording thread (backpressure)
                                            { u"pbx_events_waiting"_s, m_calls ? m_calls->recordingBacklog() : 0 } }));
    });
    // Readiness: the database answers a read and can take writes, else 503 with the reason (a
    // load balancer sends no traffic to an instance that could not save what it is sent).
    m_router.add("GET", u"/api/v1/ready"_s, Access::Public, [this](const ApiRequest &request, ApiResponder respond) {
        std::optional<Error> problem;
        auto version = m_db->readSchemaVersion();
        if (!version.ok())
            problem = version.error();
        if (!problem && m_db->dialect() == SqlDialect::Postgres) {
            // A standby, or a database set to default_transaction_read_only.
            auto ro = m_db->exec(u"SELECT pg_is_in_recovery(), current_setting('transaction_read_only')"_s);
            if (!ro.ok())
                problem = ro.error();
            else if (ro->next() && (ro->value(0).toBool() || ro->value(1).toString() == u"on"_s))
                problem = Database::errorFrom(
                    u"store.read_only"_s,
                    QSqlError(u"QPSQL: in recovery or read-only"_s, u"(25006)"_s, QSqlError::StatementError));
        }
        if (!problem)
            problem = m_db->problem();
        if (problem) {
            if (m_readyLog.allow())
                qCWarning(lcServer).noquote() << u"not ready: database reason=%1 detail=%2 held=%3"_s.arg(
                    LogValue::quoted(problem->code), LogValue::quoted(problem->detail),
                    QString::number(m_readyLog.held()));
            const Message message = problem->message.isNull()
                ? Message::make("Api", QT_TRANSLATE_NOOP("Api", "The database does not answer."))
                : problem->message;
            respond(ApiResponse::json(503,
                                      QJsonObject { { u"status"_s, u"ERROR"_s },
                                                    { u"reason"_s, problem->code },
                                                    { u"message"_s, message.text(&m_catalog, request.language) } }));
            return;
        }
        m_readyLog.reset();
        respond(ApiResponse::json(QJsonObject { { u"status"_s, u"OK"_s }, { u"schema"_s, version.value() } }));
    });
}

void ServerInstance::stop()
{
    if (!m_started)
        return;
    m_started = false;
    qCInfo(lcServer) << "stopping";
    if (m_http)
        m_http->close();
    if (m_channel)
        m_channel->closeAll();
    if (m_delivery)
        m_delivery->stop();
    if (m_events)
        m_events->stop();
}

}   // namespace enlace
