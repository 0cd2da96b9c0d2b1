#pragma once

#include <core/api/apiservices.h>
#include <core/http/apirouter.h>
#include <core/model/clock.h>
#include <core/model/messagecatalog.h>
#include <core/model/ratelimit.h>
#include <core/model/result.h>
#include <core/server/serverconfig.h>

#include <QObject>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace enlace {

class Authenticator;
class CallFlow;
class DemoCrm;
class EventChannel;
class EventLog;
class HttpServer;
class Pbx;
class ReferenceCache;
class SecretBox;
class SiteDelivery;
class TokenProvider;
struct DemoSummary;

// One running enlace-server: the composition of every service (database, secret box, PBX,
// delivery, event log and channel, call flow, authenticator, routes, HTTP server, demo CRM).
// main() and the tests start the same object, so what is tested is what runs.
class ServerInstance final : public QObject
{
    Q_OBJECT

public:
    // clock: null = the system clock.
    explicit ServerInstance(ServerConfig config, const Clock *clock = nullptr, QObject *parent = nullptr);
    ~ServerInstance() override;

    // Opens the store (migrating it), wires the services, seeds the demo when asked and listens.
    Result<void> start();
    // Stops accepting, closes the consoles' channels, releases the outbox leases.
    void stop();

    const ServerConfig &config() const { return m_config; }
    quint16 port() const;
    QUrl baseUrl() const;   // what clients use (public URL, or http://listen-host:port)

    ApiServices &services() { return m_services; }
    ApiRouter &router() { return m_router; }
    const std::shared_ptr<Database> &database() const { return m_db; }
    Pbx *pbx() const { return m_pbx.get(); }
    EventLog *events() const { return m_events.get(); }
    EventChannel *channel() const { return m_channel.get(); }
    CallFlow *calls() const { return m_calls.get(); }
    SiteDelivery *delivery() const { return m_delivery.get(); }
    Authenticator *authenticator() const { return m_auth.get(); }
    HttpServer *http() const { return m_http.get(); }
    DemoCrm *demoCrm() const { return m_demoCrm.get(); }
    // After start() with --demo: what the demo seeded (credentials, URLs), for printing.
    const DemoSummary *demoSummary() const { return m_demo.get(); }

private:
    void registerHealthRoute();

    ServerConfig m_config;
    SystemClock m_systemClock;
    const Clock &m_clock;
    MessageCatalog m_catalog;
    std::shared_ptr<Database> m_db;
    std::unique_ptr<SecretBox> m_box;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Pbx> m_pbx;
    std::unique_ptr<TokenProvider> m_tokens;
    std::unique_ptr<SiteDelivery> m_delivery;
    std::unique_ptr<EventLog> m_events;
    std::unique_ptr<CallFlow> m_calls;
    std::unique_ptr<ReferenceCache> m_reference;
    std::unique_ptr<Authenticator> m_auth;
    std::unique_ptr<EventChannel> m_channel;
    std::unique_ptr<DemoCrm> m_demoCrm;
    std::unique_ptr<DemoSummary> m_demo;
    ApiRouter m_router;
    ApiServices m_services;
    std::unique_ptr<HttpServer> m_http;
    bool m_started = false;
    int m_schemaVersion = 0;
    RateLimit m_readyLog { std::chrono::minutes(1) };   // a load balancer asks every few seconds
};

}   // namespace enlace
