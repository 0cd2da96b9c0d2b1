#pragma once

#include <core/calls/callrepository.h>
#include <core/calls/eventlog.h>
#include <core/model/call.h>
#include <core/model/result.h>
#include <core/requests/agentevents.h>
#include <core/requests/callcontext.h>
#include <core/requests/interaction.h>
#include <core/store/database.h>
#include <core/telephony/pbx.h>

#include <QAtomicInt>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace enlace {

class Clock;
class MessageCatalog;
class SecretBox;
class SiteDelivery;
struct DeliveryOutcome;
struct ExternalSite;

// What happened to a "call disposition" (trigger 4) site when a call was dispositioned.
struct DispositionInteraction
{
    enum class Mode { None, Server, Console };
    Mode mode = Mode::None;   // None: the option has no CRM interaction or the site another trigger
    std::optional<Interaction> interaction;
    QString deliveryKey;   // Server: the outbox idempotency key
    qint64 eventId = 0;   // Console: the "disposition.interaction" event
};

// One call, end to end (ARCHITECTURE.md): the PBX reports, the server records the call, resolves
// the campaign's site and CRM parameters and tells the agent's console on its event channel.
//   callOffered   -> calls row, event "call.offered"
//   callConnected -> calls row, and by the site's trigger:
//                    agent (1) / automatic (2): event "call.connected" carrying the interaction and
//                    the exact request the console must make;
//                    server (3): the request is queued in SiteDelivery in the same transaction as
//                    the call row and the event ("call.connected" carries the delivery key); the
//                    outcome later becomes "external_site_interaction"
//   callEnded     -> calls row, event "call.ended"
// Several instances may hear the same PBX events: CallRepository lets exactly one record each
// transition, and only that one emits events or queues requests.
class CallFlow final : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *DispositionInteractionEvent = wire::AgentEvent::DispositionInteraction;

    // delivery may be null (no server-side sites then: the event says so).
    CallFlow(std::shared_ptr<Database> db, const Clock &clock, const MessageCatalog *catalog, Pbx *pbx,
             SiteDelivery *delivery, EventLog *events, const SecretBox *secrets, QObject *parent = nullptr);
    ~CallFlow() override;

    // Language of resolved values such as the campaign type name (default "es").
    void setLanguage(const QString &language) { m_language = language; }
    // Before start(): record PBX events on a thread of their own, so a burst of calls never holds
    // up API requests on the server's thread. Signals are then emitted from that thread. The server
    // turns it on (except for an in-memory SQLite database); without it events are recorded on the
    // CallFlow's own thread.
    void setRecordingThread(bool on) { m_useRecordingThread = on; }
    // With the recording thread: past this many PBX events waiting to be recorded, makeCall
    // requests wait (first in, first out) until the store has caught up, so a burst of calls slows
    // the callers down instead of piling up unrecorded events. A request that waited `holdMs`
    // is answered "busy"; so is one that finds `maxHeld` others waiting.
    struct Backpressure
    {
        int holdAboveEvents = 400;
        int maxHeld = 5000;
        int holdMs = 10000;
    };
    void setBackpressure(const Backpressure &b) { m_backpressure = b; }
    // The answer to an originate held back too long, or refused because too many wait.
    static bool isRecordingBehind(const Error &error);
    // PBX events handed to the recording thread and not yet taken up by it (any thread).
    int recordingBacklog() const { return m_handedOver.loadRelaxed(); }
    // Connects to the PBX and SiteDelivery signals.
    void start();

    CallRepository &calls() { return m_calls; }

    // makeCall: hands the request to the PBX; done gets the call id or why not.
    void originate(const OriginateRequest &request, Pbx::OriginateDone done);
    // After a disposition was stored (inside the caller's transaction, if any): fires the
    // campaign's "call disposition" site when the chosen option has crm_interaction, server-side
    // when the site has no target, else as a "disposition.interaction" event for the console.
    Result<DispositionInteraction> fireDispositionInteraction(qint64 dispositionId);
    // A contact was created during a call: links it and tells the console ("contact_saved").
    Result<qint64> contactSaved(const QString &callId, qint64 contactId);

    // Everything a CRM parameter may ask for about this call.
    Result<CallContext> contextFor(const Call &call) const;
    // The call as the events carry it (wire::CallEvent::toJson() is what the console receives).
    wire::CallEvent callEvent(const Call &call, const CallContext &context) const;
    // The call as call.connected would carry it now, for a console that (re)starts during it: the
    // interaction and request only while it is connected and its site is one the console opens
    // (agent or automatic trigger); nothing is queued or announced.
    Result<wire::CallConnected> describe(const Call &call) const;

    void handleCallOffered(const PbxCallEvent &event);
    void handleCallConnected(const PbxCallEvent &event);
    void handleCallEnded(const PbxCallEvent &event);
    void handleDeliveryFinished(const DeliveryOutcome &outcome);

Q_SIGNALS:
    // After the transition was committed (only on the instance that won it).
    void callRecorded(const QString &callId, enlace::CallState state);
    void interactionQueued(const QString &callId, const QString &deliveryKey);

private:
    // PBX events are recorded in batches: the events that arrive in one pass of the event loop
    // (up to kMaxBatch) share one transaction, so a busy server commits once per pass instead of
    // once per event; a failing event does not undo the others (eventNesting()). Signals are
    // emitted after the commit.
    static constexpr int kMaxBatch = 64;   // short write locks: other writers wait at most one batch
    struct PendingEvent
    {
        PbxCallEvent event;
        CallState state;
    };
    void queueEvent(const PbxCallEvent &event, CallState state);
    void pushEvent(const PbxCallEvent &event, CallState state);   // on the recording thread
    void noteStoreFailure(const Error &error);   // a store outage: the event is retried
    void flushEvents();
    void announceCommitted();
    bool mustHold() const;
    void releaseHeld();   // on the CallFlow's thread
    void handle(const PendingEvent &pending);
    void afterCommit(std::function<void()> emit);
    Database::Transaction::Nesting eventNesting() const;
    // The agent's event for a call transition: in a batch it is kept and written with the
    // batch's others in one statement before the commit (writeBatchEvents), else at once.
    bool appendCallEvent(qint64 agentId, const char *type, const QJsonObject &data, const QString &callId);
    Result<void> writeBatchEvents();

    PbxCallEvent withAgent(PbxCallEvent event) const;
    void recordSimple(const PbxCallEvent &event, CallState state, const char *type);
    struct ContextParts;
    // The campaign's site; its id is taken from known when that was read for this campaign.
    Result<std::optional<ExternalSite>> campaignSite(qint64 campaignId, const ContextParts *known = nullptr) const;
    Result<Interaction> resolve(const ExternalSite &site, const CallContext &context) const;
    Result<QString> enqueue(const ExternalSite &site, const Interaction &interaction, qint64 agentId,
                            const QString &callId);
    static wire::CrmRequest crmRequest(const Interaction &interaction);

    std::shared_ptr<Database> m_db;
    const Clock &m_clock;
    const MessageCatalog *m_catalog;
    QPointer<Pbx> m_pbx;
    QPointer<SiteDelivery> m_delivery;
    EventLog *m_events;
    const SecretBox *m_secrets;
    CallRepository m_calls;
    // What contextFor read from the store (agent, campaign, contact) for calls in progress, so the
    // connected and ended events of a call do not read it again. Dropped when the call ends.
    struct ContextParts
    {
        std::optional<qint64> agentId, campaignId, contactId;
        QString agentUsername, agentName, campaignName;
        CampaignType campaignType = CampaignType::Manual;
        bool campaignFound = false;
        std::optional<qint64> siteId;   // the campaign's, when it was found
        QHash<QString, QString> contactValues;
    };
    Result<ContextParts> readContextParts(const Call &call) const;
    Result<CallContext> contextFor(const Call &call, ContextParts *parts) const;
    mutable QMutex m_liveMutex;   // m_live is read by the recording thread and by routes
    mutable QHash<QString, ContextParts> m_live;
    bool m_useRecordingThread = false;
    std::atomic<bool> m_enqueuedSinceAnnounce = false;   // set by enqueue() on any thread
    static constexpr int kBehindWarning = 5000;
    QAtomicInt m_handedOver;   // events handed to the recording thread, not yet taken
    QElapsedTimer m_behindWarned;   // main thread only
    struct HeldOriginate
    {
        OriginateRequest request;
        Pbx::OriginateDone done;
        QElapsedTimer since;
    };
    Backpressure m_backpressure;
    std::deque<HeldOriginate> m_held;   // CallFlow's thread only
    QAtomicInt m_heldCount;   // m_held.size(), for the recording thread
    std::atomic<bool> m_releaseQueued = false;
    QTimer *m_heldTimer = nullptr;   // while requests are held: expiry and a missed wake-up
    std::unique_ptr<QThread> m_recordingThread;
    std::unique_ptr<QObject> m_recordingContext;   // lives on m_recordingThread
    std::vector<PendingEvent> m_pending;
    bool m_flushQueued = false;
    bool m_inBatch = false;
    bool m_notifyAfterBatch = false;
    std::vector<std::function<void()>> m_afterCommit;
    std::vector<EventLog::NewEvent> m_batchEvents;   // the events of the batch being recorded
    QString m_language = QStringLiteral("es");
    bool m_started = false;
    bool m_storeFailed = false;   // the event being handled hit a store outage (recording thread)
    int m_retryDelayMs = 0;   // before the next try of events that met an outage, doubling to 5 s
};

}   // namespace enlace
