#pragma once

#include <core/model/ratelimit.h>
#include <core/model/result.h>
#include <core/requests/agentevents.h>

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <atomic>
#include <memory>
#include <vector>

namespace enlace {

class Clock;
class Database;

// One event of an agent's channel. Ids are global and increasing (agent_events.id).
struct AgentEvent
{
    qint64 id = 0;
    qint64 agentId = 0;
    QString type;
    QJsonObject data;
    qint64 createdAtMs = 0;
    // What the console receives: {"id":N,"type":"...","data":{...}}
    QJsonObject toJson() const;
};

// The durable agent event log (agent_events). Events are appended inside the caller's
// transaction, so an event exists exactly when what it reports was committed; a console that
// reconnects with its last id gets what it missed from any server instance.
// Fan-out: after an append in this process a poll runs at once (the transaction has committed by
// the time the event loop runs again); other instances' events are found by polling and, on
// PostgreSQL, woken by LISTEN/NOTIFY (channel "enlace_agent_events", with "_<schema>" appended
// when the database url names a schema).
class EventLog final : public QObject
{
    Q_OBJECT

public:
    // Event types (the console's contract).
    static constexpr const char *CallOffered = wire::AgentEvent::CallOffered;
    static constexpr const char *CallConnected = wire::AgentEvent::CallConnected;
    static constexpr const char *CallEnded = wire::AgentEvent::CallEnded;
    static constexpr const char *ExternalSiteInteraction = wire::AgentEvent::ExternalSiteInteraction;
    static constexpr const char *ContactSaved = wire::AgentEvent::ContactSaved;
    // Not sent to consoles: tells every instance's channel that some of this agent's credentials
    // were revoked (logout, user deactivated), so each open session checks its own token again
    // and closes with 4401 if it no longer holds. data: {"reason": "logout" | "deactivated"}.
    static constexpr const char *SessionRevoked = "session.revoked";

    EventLog(std::shared_ptr<Database> db, const Clock &clock, QObject *parent = nullptr);
    ~EventLog() override;

    // Other instances are told of new events (PostgreSQL NOTIFY, delivered at commit) with each
    // append, or, for a caller that appends many in one transaction, once with notifyOthers()
    // after its commit.
    enum class Notify { WithAppend, Later };
    // Written in the caller's open transaction (if any). Returns the event id.
    Result<qint64> append(qint64 agentId, const QString &type, const QJsonObject &data,
                          Notify notify = Notify::WithAppend);
    // Several events at once, in this order (ids increase in it), in the caller's open
    // transaction: one statement per kMaxRowsPerInsert events instead of one per event.
    struct NewEvent
    {
        qint64 agentId = 0;
        QString type;
        QJsonObject data;
    };
    static constexpr int kMaxRowsPerInsert = 64;
    Result<void> appendAll(const std::vector<NewEvent> &events, Notify notify = Notify::WithAppend);
    // PostgreSQL: wakes every instance's event log (one NOTIFY); nothing on SQLite.
    void notifyOthers();
    // How many ids behind the highest seen an event may still appear (commit order differs from
    // id order on PostgreSQL; not on SQLite).
    qint64 lookBack() const;
    // Events of the agent with id > lastId, oldest first, at most limit.
    Result<QList<AgentEvent>> since(qint64 agentId, qint64 lastId, int limit = 500) const;
    // The newest event id of the whole log (0 when empty).
    qint64 latestId() const;
    // Deletes events older than the given age; returns how many.
    Result<int> prune(qint64 olderThanMs);

    // From any thread, after a commit that appended events: look for them soon (append() already
    // asks, but a poll that runs before the appending transaction commits cannot see them).
    void announce() { schedulePoll(); }
    // Starts watching for new events (polling every intervalMs; LISTEN on PostgreSQL).
    void start(int pollIntervalMs = 1000);
    void stop();

Q_SIGNALS:
    // New events for this agent were committed (here or by another instance).
    void eventsAvailable(qint64 agentId);

private:
    void poll();
    void schedulePoll();

    std::shared_ptr<Database> m_db;
    const Clock &m_clock;
    QTimer m_timer;
    qint64 m_highWater = 0;
    QSet<qint64> m_recent;   // ids seen near the high-water mark (commits may land out of id order)
    RateLimit m_pollFailures;   // a store outage fails every poll: logged every 10 s
    std::atomic<bool> m_pollQueued = false;   // set from any thread that appends
    std::atomic<bool> m_started = false;
    bool m_listening = false;
};

}   // namespace enlace
