#pragma once

#include <QString>

#include <memory>

class QNetworkAccessManager;

namespace enlace {

class Authenticator;
class CallFlow;
class Clock;
class Database;
class EventLog;
class MessageCatalog;
class Pbx;
class ReferenceCache;
class SecretBox;
class SiteDelivery;

// The injected bundle every route uses. The server composition owns the objects; routes hold a
// reference to this struct for the life of the server. Repositories (UserRepository,
// CampaignRepository, ContactRepository, SiteRepository, IdResolver, ...) are cheap: construct
// them where needed from `db` (and `secrets` for the sites), e.g. `CampaignRepository campaigns(s.db);`.
struct ApiServices
{
    std::shared_ptr<Database> db;
    const Clock *clock = nullptr;
    const MessageCatalog *catalog = nullptr;
    Pbx *pbx = nullptr;
    SiteDelivery *delivery = nullptr;
    EventLog *events = nullptr;
    CallFlow *calls = nullptr;
    QNetworkAccessManager *network = nullptr;
    const SecretBox *secrets = nullptr;
    Authenticator *auth = nullptr;
    // The configuration the hot routes read, kept in memory between changes (routes::Lookup uses
    // it when set; without it every lookup goes to the store).
    ReferenceCache *reference = nullptr;
    // How clients reach this server, e.g. "http://127.0.0.1:8080" (demo URLs, docs).
    QString publicBaseUrl;
};

}   // namespace enlace
