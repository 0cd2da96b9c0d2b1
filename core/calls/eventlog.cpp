#include <core/calls/eventlog.h>
#include <core/model/clock.h>
#include <core/model/logvalue.h>
#include <core/store/database.h>

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlDriver>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcEvents, "enlace.events", QtInfoMsg)

namespace enlace {

namespace {
// Transactions on PostgreSQL may commit in another order than their ids were taken: look back
// this many ids behind the highest seen and remember which of them were already announced.
constexpr qint64 kPostgresLookBack = 200;
const QString kChannel = u"enlace_agent_events"_s;

// NOTIFY channels are per database, not per schema: deployments (or test runs) that share a
// database in schemas of their own each get their own channel.
QString channelOf(const Database &db)
{
    const QString schema = db.postgresSchema();
    return schema.isEmpty() ? kChannel : QString(kChannel + u'_' + schema).left(63).toLower();
}
}   // namespace

QJsonObject AgentEvent::toJson() const
{
    return wire::AgentEvent { id, type, data }.toJson();   // the one definition of the envelope
}

EventLog::EventLog(std::shared_ptr<Database> db, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_clock(clock)
{
    connect(&m_timer, &QTimer::timeout, this, &EventLog::poll);
}

EventLog::~EventLog()
{
    stop();
}

Result<qint64> EventLog::append(qint64 agentId, const QString &type, const QJsonObject &data, Notify notify)
{
    auto id = m_db->insert(
        u"INSERT INTO agent_events (agent_id, type, payload_json, created_at) VALUES (?, ?, ?, ?)"_s,
        { agentId, type, QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)), m_clock.nowMs() });
    if (!id.ok())
        return id.error();
    if (notify == Notify::WithAppend)
        notifyOthers();   // delivered at commit
    schedulePoll();
    return id;
}

Result<void> EventLog::appendAll(const std::vector<NewEvent> &events, Notify notify)
{
    if (events.empty())
        return {};
    const qint64 now = m_clock.nowMs();
    for (size_t from = 0; from < events.size(); from += kMaxRowsPerInsert) {
        const size_t count = std::min<size_t>(kMaxRowsPerInsert, events.size() - from);
        QString sql = u"INSERT INTO agent_events (agent_id, type, payload_json, created_at) VALUES "_s;
        QVariantList values;
        values.reserve(int(count) * 4);
        for (size_t i = 0; i < count; ++i) {
            const NewEvent &e = events[from + i];
            sql += i == 0 ? u"(?, ?, ?, ?)"_s : u", (?, ?, ?, ?)"_s;
            values << e.agentId << e.type << QString::fromUtf8(QJsonDocument(e.data).toJson(QJsonDocument::Compact))
                   << now;
        }
        if (auto q = m_db->exec(sql, values); !q.ok())
            return q.error();
    }
    if (notify == Notify::WithAppend)
        notifyOthers();
    schedulePoll();
    return {};
}

void EventLog::notifyOthers()
{
    // The listeners poll the whole log: the payload says nothing more.
    if (m_db->dialect() == SqlDialect::Postgres)
        (void)m_db->exec(u"SELECT pg_notify(?, ?)"_s, { channelOf(*m_db), u"new"_s });
}

Result<QList<AgentEvent>> EventLog::since(qint64 agentId, qint64 lastId, int limit) const
{
    auto q = m_db->exec(
        u"SELECT id, type, payload_json, created_at FROM agent_events WHERE agent_id = ? AND id > ? ORDER BY id LIMIT ?"_s,
        { agentId, lastId, limit });
    if (!q.ok())
        return q.error();
    QList<AgentEvent> out;
    while (q->next()) {
        AgentEvent e;
        e.id = q->value(0).toLongLong();
        e.agentId = agentId;
        e.type = q->value(1).toString();
        e.data = QJsonDocument::fromJson(q->value(2).toString().toUtf8()).object();
        e.createdAtMs = q->value(3).toLongLong();
        out.append(e);
    }
    return out;
}

qint64 EventLog::latestId() const
{
    auto v = m_db->scalar(u"SELECT MAX(id) FROM agent_events"_s);
    return v.ok() && v->isValid() && !v->isNull() ? v->toLongLong() : 0;
}

Result<int> EventLog::prune(qint64 olderThanMs)
{
    auto q = m_db->exec(u"DELETE FROM agent_events WHERE created_at < ?"_s, { m_clock.nowMs() - olderThanMs });
    if (!q.ok())
        return q.error();
    return q->numRowsAffected();
}

qint64 EventLog::lookBack() const
{
    // SQLite has one writer at a time: ids are taken and committed in the same order, and a poll
    // need not read again what it has seen (at thousands of events a second that re-reading was
    // a seventh of the server thread's time).
    return m_db->dialect() == SqlDialect::Postgres ? kPostgresLookBack : 0;
}

void EventLog::start(int pollIntervalMs)
{
    if (!m_started) {
        m_started = true;
        m_highWater = latestId();
        m_recent.clear();
        if (auto q = m_db->exec(u"SELECT id FROM agent_events WHERE id > ?"_s,
                                { std::max<qint64>(0, m_highWater - lookBack()) });
            q.ok())
            while (q->next())
                m_recent.insert(q->value(0).toLongLong());
        if (m_db->dialect() == SqlDialect::Postgres) {
            QSqlDriver *driver = m_db->connection().driver();
            if (driver && driver->hasFeature(QSqlDriver::EventNotifications)
                && driver->subscribeToNotification(channelOf(*m_db))) {
                m_listening = true;
                connect(driver, &QSqlDriver::notification, this, [this](const QString &name) {
                    if (name == channelOf(*m_db))
                        schedulePoll();
                });
            }
        }
        qCInfo(lcEvents).noquote() << u"event log watching from=%1 poll_ms=%2 listen=%3"_s.arg(m_highWater)
                                          .arg(pollIntervalMs)
                                          .arg(m_listening);
    }
    m_timer.start(pollIntervalMs);
}

void EventLog::stop()
{
    m_timer.stop();
    if (m_listening) {
        if (QSqlDriver *driver = m_db->connection().driver())
            driver->unsubscribeFromNotification(channelOf(*m_db));
        m_listening = false;
    }
    m_started = false;
}

void EventLog::schedulePoll()
{
    if (!m_started || m_pollQueued.exchange(true))
        return;
    QMetaObject::invokeMethod(this, &EventLog::poll, Qt::QueuedConnection);
}

void EventLog::poll()
{
    m_pollQueued = false;
    if (!m_started)
        return;
    auto q = m_db->exec(u"SELECT id, agent_id FROM agent_events WHERE id > ? ORDER BY id"_s,
                        { std::max<qint64>(0, m_highWater - lookBack()) });
    if (!q.ok()) {
        if (m_pollFailures.allow())
            qCWarning(lcEvents).noquote() << u"event poll failed detail=%1 failures_unlogged=%2"_s.arg(
                LogValue::quoted(q.error().detail), QString::number(m_pollFailures.held()));
        return;
    }
    m_pollFailures.reset();
    if (m_listening) {
        // A new PostgreSQL session (the server restarted; Database reconnected) has no LISTEN:
        // take it up again, else other instances' events would arrive only with this poll.
        QSqlDriver *driver = m_db->connection().driver();
        if (driver && !driver->subscribedToNotifications().contains(channelOf(*m_db))) {
            const bool again = driver->subscribeToNotification(channelOf(*m_db));
            qCInfo(lcEvents).noquote() << u"event log listens again after a reconnect ok=%1"_s.arg(again);
        }
    }
    QList<qint64> agents;
    while (q->next()) {
        const qint64 id = q->value(0).toLongLong();
        if (m_recent.contains(id))
            continue;
        m_recent.insert(id);
        m_highWater = std::max(m_highWater, id);
        const qint64 agent = q->value(1).toLongLong();
        if (!agents.contains(agent))
            agents.append(agent);
    }
    // Forget ids that fell out of the look-back window.
    for (auto it = m_recent.begin(); it != m_recent.end();) {
        if (*it <= m_highWater - lookBack())
            it = m_recent.erase(it);
        else
            ++it;
    }
    for (qint64 agent : std::as_const(agents))
        Q_EMIT eventsAvailable(agent);
}

}   // namespace enlace
