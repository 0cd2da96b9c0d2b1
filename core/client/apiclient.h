#pragma once

#include <core/model/result.h>
#include <core/requests/agentevents.h>

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

class QHttpMultiPart;
class QIODevice;
class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace enlace {

// Who logged in, as POST /api/v1/login answers.
struct LoginAnswer
{
    QString token;
    double expiresInSeconds = 0;
    QString firstName;
    QString lastName;
    QString email;
    std::optional<qint64> agentId;   // set for agents
};

// POST /api/v1/makeCall/: who calls whom in which campaign (Enlace ids, or external ids of one
// external system when externalSystemId is set: then campaign, agent and contact are its ids).
struct CallOrder
{
    QString campaign;
    QString agent;
    QString phone;
    QString contact;   // optional
    QString externalSystemId;   // optional
};

struct DispositionChoice
{
    qint64 id = 0;
    QString name;
    bool hidden = false;
};

// POST /api/v1/disposition/: qualifies a call (the option belongs to the campaign).
struct DispositionOrder
{
    qint64 optionId = 0;
    QString callId;
    std::optional<qint64> contactId;
    QString comments;
};

// GET /api/v1/agent/calls/: the agent's recent calls (newest first) and the event channel's
// position when they were read (open the channel from it to miss nothing after).
struct AgentCalls
{
    struct Campaign
    {
        qint64 id = 0;
        QString name;
        CampaignType type = CampaignType::Manual;
    };
    qint64 lastEventId = 0;
    QList<wire::AgentCall> calls;
    QList<Campaign> campaigns;   // the active campaigns the agent works in
};

// POST /api/v1/external_sites/preview/ and send_test/: which site, for which call of which campaign.
struct RequestPreviewOrder
{
    qint64 campaignId = 0;
    std::optional<qint64> siteId;   // a saved site (with site: the one being edited)
    std::optional<QJsonObject> site;   // the site form as it stands (the create route's fields)
    QString callId;   // one of the campaign's calls; empty: a synthetic sample
    // {"phone", "datetime" (ISO 8601), "contact": {column: value}, "dialplan": {variable: value}}
    QJsonObject sample;
    QJsonObject toJson() const;
};

// A request as those routes show it (Authorization masked).
struct CrmRequestView
{
    QString method;
    QString url;
    QList<QPair<QString, QString>> headers;   // in order
    QByteArray body;   // decoded from base64 when the server sent it so
    qint64 bodySize = 0;   // of the whole body
    bool bodyTruncated = false;   // body holds the first 4 KiB only (send_test)
    static CrmRequestView fromJson(const QJsonObject &o);
};

struct RequestPreview
{
    bool sample = true;
    QString callId;
    CrmRequestView request;
    QString preview;   // the request as text on the wire
};

struct TestSendAnswer
{
    struct Received
    {
        int status = 0;
        QString reason;
        QList<QPair<QString, QString>> headers;
        QByteArray body;   // the first 4 KiB
        bool bodyTruncated = false;
    };
    bool sample = true;
    QString callId;
    QString idempotencyKey;
    qint64 elapsedMs = 0;
    CrmRequestView sent;
    std::optional<Received> received;   // none: errorCode / error say why
    QString errorCode;   // "timeout", "tls", "token", "ConnectionRefusedError", ...
    QString error;
};

// GET /api/v1/campaigns/<id>/calls/
struct CampaignCall
{
    QString callId;
    std::optional<qint64> agentId;
    std::optional<qint64> contactId;
    QString phone;
    int callType = 0;
    int state = 0;
    QDateTime offeredAt, connectedAt, endedAt;   // invalid: none
};

// GET /api/v1/deliveries/
struct DeliveryQuery
{
    std::optional<qint64> siteId;
    std::optional<qint64> campaignId;
    QString state;   // "pending" | "delivered" | "failed"; empty: all
    QDateTime from, to;   // created at; invalid: no bound
    int start = 0;
    int length = 25;
};

struct DeliveryView
{
    struct Attempt
    {
        int n = 0;
        QDateTime at;
        int status = 0;   // 0: no answer
        QString error;
        std::optional<qint64> elapsedMs;
    };
    QString key;
    std::optional<qint64> siteId, campaignId, agentId;
    QString callId;
    QString state;
    QString method, url;
    QDateTime createdAt, updatedAt, nextAttemptAt;
    bool resendable = false;
    QList<Attempt> attempts;
};

struct DeliveryList
{
    qint64 total = 0;
    int start = 0;
    int length = 0;
    QList<DeliveryView> deliveries;
};

struct ResendResult
{
    QString key;
    bool accepted = false;
    QString reason;   // why not, in the language asked for
};

// The admin API's resources, each with its list, detail, create, update (and delete where the
// server has one) routes.
enum class AdminResource { ExternalSites, SiteAuthentications, ExternalSystems, Campaigns, ContactDatabases, Users };

// The console's and the admin panel's client of enlace-server's REST API. Every call is
// asynchronous and ends in exactly one callback with a Result: the server's answer decoded, or an
// Error built from the server's envelope (its message as the server worded it, in the language
// asked for; row and field errors in `fields`), from the network (Unavailable, code network.*), a
// timeout (network.timeout) or a TLS failure (network.tls: never ignored, unless the certificate is
// trusted through setSslConfiguration). Kinds: 400/413/431 Invalid, 401 Unauthenticated (log in
// again), 403 Forbidden, 404 NotFound, 409 Conflict, 429 and 503 Unavailable, other 5xx Internal.
// Callbacks run on the client's thread while the client lives; destroying it aborts what is
// pending without calling back. The token never goes into a URL or a log.
class ApiClient final : public QObject
{
    Q_OBJECT

public:
    template <typename T> using Callback = std::function<void(Result<T>)>;

    // network outlives the client. baseUrl: e.g. http://127.0.0.1:8080 (a path prefix is kept).
    ApiClient(QNetworkAccessManager *network, QUrl baseUrl, QObject *parent = nullptr);
    ~ApiClient() override;

    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }
    bool hasToken() const { return !m_token.isEmpty(); }
    // Accept-Language: the server words its messages in it (es, en, pt-BR).
    void setLanguage(const QString &language) { m_language = language; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }
    // For https: the CA certificates to trust (a self-signed server's certificate, for one).
    // The network's open connections are dropped, so a refused one is not reused with the new trust.
    void setSslConfiguration(const QSslConfiguration &configuration);

    // Session. login() keeps the token it gets; logout() forgets it whatever the server says.
    void login(const QString &username, const QString &password, Callback<LoginAnswer> done);
    void logout(Callback<void> done);

    // The external API the console uses.
    void makeCall(const CallOrder &order, Callback<void> done);
    void dispositionOptions(const QString &campaign, Callback<QList<DispositionChoice>> done,
                            const QString &externalSystemId = {});
    void dispose(const DispositionOrder &order, Callback<QJsonObject> done);
    void dispositions(Callback<QJsonArray> done);
    void updateDisposition(qint64 id, const DispositionOrder &order, Callback<QJsonObject> done);
    void agentCalls(Callback<AgentCalls> done);
    // GET /api/v1/campaign/<id>/contacts/: a page of the campaign's contacts matching search.
    void searchContacts(qint64 campaignId, const QString &search, int start, int length, Callback<QJsonObject> done);

    // The admin API. Objects are the server's JSON (OMniLeads' field names).
    void list(AdminResource resource, Callback<QJsonArray> done);
    void get(AdminResource resource, qint64 id, Callback<QJsonObject> done);
    void create(AdminResource resource, const QJsonObject &object, Callback<QJsonObject> done);
    void update(AdminResource resource, qint64 id, const QJsonObject &object, Callback<QJsonObject> done);
    void remove(AdminResource resource, qint64 id, Callback<void> done);   // sites and authentications
    void testSiteAuthentication(const QJsonObject &authentication, Callback<QJsonObject> done);
    void newIntegrationKey(qint64 externalSystemId, Callback<QString> done);
    void agents(Callback<QJsonArray> done);
    void campaignWarnings(qint64 campaignId, Callback<QJsonArray> done);
    void configWarnings(Callback<QJsonArray> done);
    // The site form's live preview and test send, the campaign's recent calls to pick from, the
    // server-side deliveries and their re-send.
    void previewRequest(const RequestPreviewOrder &order, Callback<RequestPreview> done);
    void sendTestRequest(const RequestPreviewOrder &order, Callback<TestSendAnswer> done);
    void campaignCalls(qint64 campaignId, int length, Callback<QList<CampaignCall>> done);
    void deliveries(const DeliveryQuery &query, Callback<DeliveryList> done);
    void resendDeliveries(const QStringList &keys, Callback<QList<ResendResult>> done);
    // POST /api/v1/crear_base_contactos/: uploads a CSV (its fields as the server names them); the
    // answer names the import job, then importJob() reads its progress. progress(sent, total).
    void uploadContacts(QIODevice *csv, const QString &fileName, const QHash<QString, QString> &fields,
                        Callback<QJsonObject> done, std::function<void(qint64, qint64)> progress = {});
    void importJob(const QString &jobId, Callback<QJsonObject> done);

    // Any route: the answer's JSON, or the Error. path: "/api/v1/...". For what has no typed call.
    void send(const QByteArray &method, const QString &path, const QJsonValue &body, Callback<QJsonValue> done);

    static QString resourcePath(AdminResource resource);

Q_SIGNALS:
    // The server refused the token (401) on a call made with it: the console asks for a login.
    void sessionExpired(const Error &error);
    // An https peer's certificate was refused (the callback gets network.tls too).
    void tlsErrors(const QList<QSslError> &errors);

private:
    struct Answer
    {
        int status = 0;
        QJsonValue json;
        QByteArray body;
    };
    using Handler = std::function<void(Result<Answer>)>;

    QNetworkRequest request(const QString &path) const;
    void start(QNetworkReply *reply, bool withToken, Handler handler);
    void call(const QByteArray &method, const QString &path, const QJsonValue &body, Handler handler,
              bool withToken = true);
    Error errorFrom(const Answer &answer) const;

    QPointer<QNetworkAccessManager> m_network;
    QUrl m_baseUrl;
    QString m_token;
    QString m_language = QStringLiteral("es");
    int m_timeoutMs = 15000;
    std::optional<QSslConfiguration> m_ssl;
    QList<QPointer<QNetworkReply>> m_pending;
};

}   // namespace enlace
