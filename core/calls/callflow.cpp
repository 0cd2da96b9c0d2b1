#include <core/calls/callflow.h>
#include <core/calls/eventlog.h>
#include <core/identity/agentrepository.h>
#include <core/model/agent.h>
#include <core/model/clock.h>
#include <core/model/externalsite.h>
#include <core/model/logvalue.h>
#include <core/model/messagecatalog.h>
#include <core/requests/parameterresolver.h>
#include <core/requests/requestbuilder.h>
#include <core/sites/sitedelivery.h>
#include <core/sites/siterepository.h>
#include <core/store/database.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcCalls, "enlace.calls", QtInfoMsg)

namespace enlace {

namespace {

Error busyError()
{
    return Error { Error::Kind::Unavailable,
                   u"api.calls_behind"_s,
                   Message::make(
                       "Api", QT_TRANSLATE_NOOP("Api", "The server is busy recording calls; try again in a moment.")),
                   {},
                   {} };
}

QStringList jsonStrings(const QString &text)
{
    QStringList out;
    for (const QJsonValue v : QJsonDocument::fromJson(text.toUtf8()).array())
        out.append(v.toString());
    return out;
}

}   // namespace

CallFlow::CallFlow(std::shared_ptr<Database> db, const Clock &clock, const MessageCatalog *catalog, Pbx *pbx,
                   SiteDelivery *delivery, EventLog *events, const SecretBox *secrets, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_catalog(catalog)
    , m_pbx(pbx)
    , m_delivery(delivery)
    , m_events(events)
    , m_secrets(secrets)
    , m_calls(db)
{ }

CallFlow::~CallFlow()
{
    // Events the PBX reported are recorded even when the server stops right after.
    if (m_recordingThread) {
        // Runs after every event already handed to the thread (its queue is first in, first out).
        QMetaObject::invokeMethod(
            m_recordingContext.get(),
            [this] {
                flushEvents();
                m_db->releaseThisThread();
            },
            Qt::BlockingQueuedConnection);
        m_recordingThread->quit();
        m_recordingThread->wait();
        m_recordingContext.reset();
    }
    flushEvents();
    // Requests still waiting for the store are answered, not dropped.
    for (HeldOriginate &held : std::exchange(m_held, {}))
        held.done(busyError());
}

void CallFlow::start()
{
    if (m_started)
        return;
    m_started = true;
    if (m_useRecordingThread) {
        m_recordingThread = std::make_unique<QThread>();
        m_recordingThread->setObjectName(u"enlace-calls"_s);
        m_recordingContext = std::make_unique<QObject>();
        m_recordingContext->moveToThread(m_recordingThread.get());
        m_recordingThread->start();
        m_heldTimer = new QTimer(this);
        m_heldTimer->setInterval(100);
        connect(m_heldTimer, &QTimer::timeout, this, &CallFlow::releaseHeld);
    }
    if (m_pbx) {
        connect(m_pbx, &Pbx::callOffered, this, [this](const PbxCallEvent &e) { queueEvent(e, CallState::Offered); });
        connect(m_pbx, &Pbx::callConnected, this,
                [this](const PbxCallEvent &e) { queueEvent(e, CallState::Connected); });
        connect(m_pbx, &Pbx::callEnded, this, [this](const PbxCallEvent &e) { queueEvent(e, CallState::Ended); });
    }
    if (m_delivery)
        connect(m_delivery, &SiteDelivery::deliveryFinished, this, &CallFlow::handleDeliveryFinished);
}

void CallFlow::queueEvent(const PbxCallEvent &event, CallState state)
{
    if (m_recordingContext) {
        // Not bounded (a PBX event is never dropped), but an operator is told when the store does
        // not keep up with the calls: at most once a minute while more than kBehindWarning wait.
        const int behind = m_handedOver.fetchAndAddRelaxed(1) + 1;
        if (behind > kBehindWarning && (!m_behindWarned.isValid() || m_behindWarned.hasExpired(60000))) {
            m_behindWarned.start();
            qCWarning(lcCalls).noquote()
                << u"PBX events wait to be recorded: %1 behind (the database does not keep up with the calls)"_s.arg(
                       behind);
        }
        QMetaObject::invokeMethod(
            m_recordingContext.get(),
            [this, event, state] {
                m_handedOver.fetchAndSubRelaxed(1);
                pushEvent(event, state);
            },
            Qt::QueuedConnection);
        return;
    }
    pushEvent(event, state);
}

void CallFlow::pushEvent(const PbxCallEvent &event, CallState state)
{
    m_pending.push_back({ event, state });
    if (int(m_pending.size()) >= kMaxBatch) {
        flushEvents();
        return;
    }
    if (!m_flushQueued) {
        m_flushQueued = true;
        // Queued behind the events already waiting on this thread: they join the batch.
        QObject *context = m_recordingContext ? m_recordingContext.get() : static_cast<QObject *>(this);
        QMetaObject::invokeMethod(
            context, [this] { flushEvents(); }, Qt::QueuedConnection);
    }
}

void CallFlow::announceCommitted()
{
    // On the recording thread the event log's and the delivery's own wake-ups may have run before
    // the commit: wake them again now that the rows are visible.
    if (!m_recordingContext)
        return;
    if (m_heldCount.loadRelaxed() > 0 && !mustHold() && !m_releaseQueued.exchange(true))
        QMetaObject::invokeMethod(this, &CallFlow::releaseHeld, Qt::QueuedConnection);
    if (m_events)
        m_events->announce();
    if (m_delivery && m_enqueuedSinceAnnounce.exchange(false))
        QMetaObject::invokeMethod(m_delivery.data(), &SiteDelivery::wake, Qt::QueuedConnection);
}

void CallFlow::handle(const PendingEvent &pending)
{
    switch (pending.state) {
    case CallState::Offered:
        handleCallOffered(pending.event);
        break;
    case CallState::Connected:
        handleCallConnected(pending.event);
        break;
    default:
        handleCallEnded(pending.event);
        break;
    }
}

bool CallFlow::appendCallEvent(qint64 agentId, const char *type, const QJsonObject &data, const QString &callId)
{
    if (m_inBatch) {
        m_batchEvents.push_back({ agentId, QString::fromLatin1(type), data });
        return true;
    }
    if (auto id = m_events->append(agentId, QString::fromLatin1(type), data); !id.ok()) {
        noteStoreFailure(id.error());
        qCWarning(lcCalls).noquote() << u"event append failed call=%1 detail=%2"_s.arg(
            LogValue::quoted(callId), LogValue::quoted(id.error().detail));
        return false;
    }
    return true;
}

Result<void> CallFlow::writeBatchEvents()
{
    // Other instances are told once, after the commit (flushEvents).
    const std::vector<EventLog::NewEvent> events = std::exchange(m_batchEvents, {});
    if (events.empty())
        return {};
    m_notifyAfterBatch = true;
    return m_events->appendAll(events, EventLog::Notify::Later);
}

Database::Transaction::Nesting CallFlow::eventNesting() const
{
    // In a batch the events join its transaction without a savepoint of their own: a savepoint is
    // two round trips per event on PostgreSQL, and on SQLite two statements and the pager's
    // savepoint bookkeeping per event. An event that fails dooms the batch, which flushEvents()
    // then redoes one event at a time, so a failing event still does not undo the others.
    return m_inBatch ? Database::Transaction::Nesting::Join : Database::Transaction::Nesting::Savepoint;
}

void CallFlow::flushEvents()
{
    m_flushQueued = false;
    if (m_pending.empty())
        return;
    const std::vector<PendingEvent> batch = std::exchange(m_pending, {});
    if (batch.size() > 1) {
        Database::Transaction tx(*m_db);
        if (tx.active()) {
            m_inBatch = true;
            for (const PendingEvent &p : batch)
                handle(p);   // see eventNesting(): a failing event does not undo the others
            m_inBatch = false;
            // The agents' events of the whole batch in one statement, inside its transaction.
            auto written = writeBatchEvents();
            auto c = written.ok() ? tx.commit() : Result<void>(written.error());
            if (c.ok()) {
                if (std::exchange(m_notifyAfterBatch, false))
                    m_events->notifyOthers();
                for (const auto &emitIt : std::exchange(m_afterCommit, {}))
                    emitIt();
                announceCommitted();
                return;
            }
            qCWarning(lcCalls).noquote() << u"call batch failed events=%1 detail=%2; recording them one by one"_s.arg(
                QString::number(batch.size()), LogValue::quoted(c.error().detail));
        }
        m_inBatch = false;
        m_batchEvents.clear();
        m_notifyAfterBatch = false;
        m_afterCommit.clear();
        // What the failed batch wrote was rolled back with it (and with it the per-call context
        // read for it, which is still valid): record each event on its own.
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
        m_storeFailed = false;
        handle(batch[i]);
        if (m_storeFailed) {
            // The store is down (PostgreSQL restarting, a full disk): this event and the ones
            // after it, in order, wait and are recorded once it answers again, instead of being
            // dropped (which left calls offered or connected for ever and consoles untold).
            m_pending.insert(m_pending.begin(), batch.begin() + qsizetype(i), batch.end());
            m_retryDelayMs = m_retryDelayMs == 0 ? 100 : std::min(m_retryDelayMs * 2, 5000);
            QObject *context = m_recordingContext ? m_recordingContext.get() : static_cast<QObject *>(this);
            if (!m_flushQueued) {
                m_flushQueued = true;
                QTimer::singleShot(m_retryDelayMs, context, [this] { flushEvents(); });
            }
            announceCommitted();
            return;
        }
    }
    m_retryDelayMs = 0;
    announceCommitted();
}

void CallFlow::noteStoreFailure(const Error &error)
{
    if (error.kind == Error::Kind::Unavailable && error.code.startsWith(u"store."_s))
        m_storeFailed = true;
}

bool CallFlow::isRecordingBehind(const Error &error)
{
    return error.code == busyError().code;
}

bool CallFlow::mustHold() const
{
    return m_recordingContext && recordingBacklog() > m_backpressure.holdAboveEvents;
}

void CallFlow::releaseHeld()
{
    m_releaseQueued = false;
    // Each released call brings its own events (three) later: release only what the backlog has
    // room for, the rest on the next wake-up.
    int room = (m_backpressure.holdAboveEvents - recordingBacklog()) / 3 + 1;
    while (!m_held.empty() && (m_held.front().since.hasExpired(m_backpressure.holdMs) || (room > 0 && !mustHold()))) {
        HeldOriginate held = std::move(m_held.front());
        m_held.pop_front();
        m_heldCount.storeRelaxed(int(m_held.size()));
        if (held.since.hasExpired(m_backpressure.holdMs)) {
            held.done(busyError());
            continue;
        }
        --room;
        if (m_pbx)
            m_pbx->originate(held.request, std::move(held.done));
        else
            held.done(busyError());
    }
    if (m_held.empty())
        m_heldTimer->stop();
}

void CallFlow::afterCommit(std::function<void()> emitIt)
{
    if (m_inBatch)
        m_afterCommit.push_back(std::move(emitIt));
    else
        emitIt();
}

void CallFlow::originate(const OriginateRequest &request, Pbx::OriginateDone done)
{
    if (!m_pbx) {
        done(Error { Error::Kind::Unavailable,
                     u"api.no_pbx"_s,
                     Message::make("Api", QT_TRANSLATE_NOOP("Api", "The telephony server is not available.")),
                     {},
                     {} });
        return;
    }
    qCInfo(lcCalls).noquote() << u"originate agent=%1 campaign=%2"_s.arg(request.agentId).arg(request.campaignId);
    if (!m_held.empty() || mustHold()) {
        if (int(m_held.size()) >= m_backpressure.maxHeld) {
            done(busyError());
            return;
        }
        HeldOriginate held { request, std::move(done), {} };
        held.since.start();
        m_held.push_back(std::move(held));
        m_heldCount.storeRelaxed(int(m_held.size()));
        if (!m_heldTimer->isActive())
            m_heldTimer->start();
        return;
    }
    m_pbx->originate(request, std::move(done));
}

PbxCallEvent CallFlow::withAgent(PbxCallEvent event) const
{
    if (!event.agentId && !event.agentExtension.isEmpty()) {
        AgentRepository agents(m_db);
        if (auto agent = agents.findByExtension(event.agentExtension); agent.ok())
            event.agentId = agent->id;
    }
    return event;
}

Result<CallFlow::ContextParts> CallFlow::readContextParts(const Call &call) const
{
    ContextParts p;
    p.agentId = call.agentId;
    p.campaignId = call.campaignId;
    p.contactId = call.contactId;
    if (!call.agentId && !call.campaignId && !call.contactId)
        return p;
    // One statement for the three (one round trip on PostgreSQL); an absent id joins nothing.
    static const QString sql
        = u"SELECT u.username, u.first_name, u.last_name, c.id, c.name, c.type, c.site_id, k.values_json, "
          u"d.columns_json "
          "FROM (SELECT 1 AS one) o "
          "LEFT JOIN agents a ON a.id = ? LEFT JOIN users u ON u.id = a.user_id "
          "LEFT JOIN campaigns c ON c.id = ? "
          "LEFT JOIN contacts k ON k.id = ? LEFT JOIN contact_databases d ON d.id = k.database_id"_s;
    auto q = m_db->exec(sql,
                        { Database::nullableId(call.agentId), Database::nullableId(call.campaignId),
                          Database::nullableId(call.contactId) });
    if (!q.ok())
        return q.error();
    if (!q->next())
        return p;
    if (!q->value(0).isNull()) {
        p.agentUsername = q->value(0).toString();
        p.agentName = Agent::fullNameOf(q->value(1).toString(), q->value(2).toString());
    }
    if (!q->value(3).isNull()) {
        p.campaignFound = true;
        p.campaignName = q->value(4).toString();
        p.campaignType = static_cast<CampaignType>(q->value(5).toInt());
        if (!q->value(6).isNull())
            p.siteId = q->value(6).toLongLong();
    }
    if (!q->value(7).isNull()) {
        const QStringList values = jsonStrings(q->value(7).toString());
        const QStringList columns = jsonStrings(q->value(8).toString());
        for (qsizetype i = 0; i < columns.size(); ++i)
            p.contactValues.insert(columns.at(i), values.value(i));
    }
    return p;
}

Result<CallContext> CallFlow::contextFor(const Call &call) const
{
    return contextFor(call, nullptr);
}

Result<CallContext> CallFlow::contextFor(const Call &call, ContextParts *partsOut) const
{
    CallContext c;
    c.callId = call.callId;
    c.phone = call.phone;
    c.contactId = call.contactId;
    c.recordingFile = call.recordingFile;
    c.waitSeconds = call.waitSeconds;
    c.callDateTime = call.connectedAt.isValid() ? call.connectedAt : call.offeredAt;
    c.dialplan = call.dialplanData;

    const bool inProgress = call.state == CallState::Offered || call.state == CallState::Connected;
    std::optional<ContextParts> known;
    {
        QMutexLocker lock(&m_liveMutex);
        auto live = m_live.constFind(call.callId);
        if (live != m_live.cend() && live->agentId == call.agentId && live->campaignId == call.campaignId
            && live->contactId == call.contactId)
            known = live.value();
        if (!inProgress)
            m_live.remove(call.callId);
    }
    ContextParts parts;
    if (known) {
        parts = std::move(*known);
    } else {
        auto read = readContextParts(call);
        if (!read.ok())
            return read.error();
        parts = std::move(read).value();
        if (inProgress && !call.callId.isEmpty()) {
            QMutexLocker lock(&m_liveMutex);
            if (m_live.size() >= 100000)
                m_live.clear();   // calls whose end the PBX never reported: start over rather than grow
            m_live.insert(call.callId, parts);
        }
    }
    if (call.agentId) {
        c.agentId = *call.agentId;
        c.agentUsername = parts.agentUsername;
        c.agentName = parts.agentName;
    }
    if (call.campaignId) {
        c.campaignId = *call.campaignId;
        c.campaignName = parts.campaignName;
        c.campaignType = parts.campaignType;
    }
    c.contactValues = parts.contactValues;
    if (partsOut)
        *partsOut = std::move(parts);
    return c;
}

wire::CallEvent CallFlow::callEvent(const Call &call, const CallContext &context) const
{
    wire::CallEvent e;
    e.callId = call.callId;
    e.campaignId = call.campaignId;
    e.campaignName = context.campaignName;
    if (call.campaignId)
        e.campaignType = context.campaignType;
    e.agentId = call.agentId;
    e.contactId = call.contactId;
    e.phone = call.phone;
    e.callType = call.type;
    e.recordingFile = call.recordingFile;
    e.waitSeconds = call.waitSeconds;
    e.dialplan = call.dialplanData;
    if (call.contactId)
        e.contact = context.contactValues;
    return e;
}

Result<wire::CallConnected> CallFlow::describe(const Call &call) const
{
    ContextParts parts;
    auto context = contextFor(call, &parts);
    if (!context.ok())
        return context.error();
    wire::CallConnected out;
    out.call = callEvent(call, context.value());
    if (call.state != CallState::Connected || !call.campaignId)
        return out;
    auto site = campaignSite(*call.campaignId, &parts);
    if (!site.ok())
        return site.error();
    if (!site->has_value())
        return out;
    const ExternalSite &s = site->value();
    if (s.trigger != SiteTrigger::Agent && s.trigger != SiteTrigger::Automatic)
        return out;
    auto interaction = resolve(s, context.value());
    if (!interaction.ok()) {
        if (interaction.error().kind == Error::Kind::Unavailable)
            return interaction.error();
        out.interactionError = interaction.error().text(m_catalog, m_language);
        return out;
    }
    out.interaction = wire::CallInteraction { interaction.value(), crmRequest(interaction.value()), std::nullopt };
    return out;
}

Result<std::optional<ExternalSite>> CallFlow::campaignSite(qint64 campaignId, const ContextParts *known) const
{
    std::optional<qint64> siteId;
    if (known && known->campaignFound && known->campaignId == campaignId) {
        siteId = known->siteId;   // read with the call's context
    } else {
        auto read = m_db->scalar(u"SELECT site_id FROM campaigns WHERE id = ?"_s, { campaignId });
        if (!read.ok())
            return read.error();
        if (read->isValid() && !read->isNull())
            siteId = read->toLongLong();
    }
    if (!siteId)
        return std::optional<ExternalSite>();
    SiteRepository sites(m_db, m_secrets);
    auto site = sites.find(*siteId);
    if (!site.ok())
        return site.error();
    return std::optional<ExternalSite>(site.value());
}

Result<Interaction> CallFlow::resolve(const ExternalSite &site, const CallContext &context) const
{
    SiteRepository sites(m_db, m_secrets);
    // Parameters that cannot be read fail the interaction (it is reported and retried), never
    // send the request without them.
    auto parameters = sites.crmParameters(context.campaignId);
    if (!parameters)
        return parameters.error();
    ParameterResolver resolver(m_catalog, m_clock);
    const ResolvedParameters resolved = resolver.resolve(context, site.trigger, parameters.value(), m_language);
    return RequestBuilder::interaction(site, resolved);
}

wire::CrmRequest CallFlow::crmRequest(const Interaction &interaction)
{
    return wire::CrmRequest::fromHttpRequest(RequestBuilder::build(interaction));
}

Result<QString> CallFlow::enqueue(const ExternalSite &site, const Interaction &interaction, qint64 agentId,
                                  const QString &callId)
{
    if (!m_delivery)
        return Error { Error::Kind::Unavailable,
                       u"api.no_delivery"_s,
                       Message::make("Api", QT_TRANSLATE_NOOP("Api", "Server-side delivery is not available.")),
                       {},
                       {} };
    OutboxItem item;
    item.siteId = site.id;
    item.agentId = agentId;
    item.callId = callId;
    item.request = RequestBuilder::build(interaction);
    item.authId = site.authenticationId;
    item.timeoutMs = site.timeoutMs;
    item.maxAttempts = site.maxAttempts;
    item.signatureSecret = site.signatureSecret.toUtf8();
    m_enqueuedSinceAnnounce = true;
    return m_delivery->enqueue(item);
}

void CallFlow::recordSimple(const PbxCallEvent &raw, CallState state, const char *type)
{
    const PbxCallEvent event = withAgent(raw);
    Database::Transaction tx(*m_db, eventNesting());
    auto recorded = m_calls.record(event, state, m_clock.nowMs());
    if (!recorded.ok()) {
        noteStoreFailure(recorded.error());
        qCWarning(lcCalls).noquote() << u"call record failed call=%1 code=%2 detail=%3"_s.arg(
            LogValue::quoted(event.callId), LogValue::quoted(recorded.error().code),
            LogValue::quoted(recorded.error().detail));
        return;
    }
    if (!recorded->has_value()) {
        // Another instance (or a repeated event) already recorded it: nothing was written, and
        // the batch this event joined goes on (an uncommitted joined part would doom it).
        (void)tx.commit();
        return;
    }
    const Call call = recorded->value();
    if (call.agentId) {
        auto context = contextFor(call);
        wire::CallEvent callData = callEvent(call, context.ok() ? context.value() : CallContext());
        QJsonObject data;
        if (state == CallState::Ended || state == CallState::Failed) {
            wire::CallEnded ended { std::move(callData), state, std::nullopt };
            if (call.connectedAt.isValid() && call.endedAt.isValid())
                ended.durationSeconds = int(call.connectedAt.secsTo(call.endedAt));
            data = ended.toJson();
        } else {
            data = callData.toJson();
        }
        if (!appendCallEvent(*call.agentId, type, data, call.callId))
            return;
    }
    if (auto c = tx.commit(); !c.ok()) {
        noteStoreFailure(c.error());
        qCWarning(lcCalls).noquote() << u"call commit failed call=%1 detail=%2"_s.arg(
            LogValue::quoted(call.callId), LogValue::quoted(c.error().detail));
        return;
    }
    qCInfo(lcCalls).noquote() << u"call %1 call=%2 agent=%3 campaign=%4"_s
                                     .arg(QString::fromLatin1(type), LogValue::quoted(call.callId))
                                     .arg(call.agentId ? QString::number(*call.agentId) : u"-"_s)
                                     .arg(call.campaignId ? QString::number(*call.campaignId) : u"-"_s);
    afterCommit([this, id = call.callId, state] { Q_EMIT callRecorded(id, state); });
}

void CallFlow::handleCallOffered(const PbxCallEvent &event)
{
    recordSimple(event, CallState::Offered, EventLog::CallOffered);
}

void CallFlow::handleCallEnded(const PbxCallEvent &event)
{
    recordSimple(event, CallState::Ended, EventLog::CallEnded);
}

void CallFlow::handleCallConnected(const PbxCallEvent &raw)
{
    const PbxCallEvent event = withAgent(raw);
    Database::Transaction tx(*m_db, eventNesting());
    auto recorded = m_calls.record(event, CallState::Connected, m_clock.nowMs());
    if (!recorded.ok()) {
        noteStoreFailure(recorded.error());
        qCWarning(lcCalls).noquote() << u"call record failed call=%1 code=%2 detail=%3"_s.arg(
            LogValue::quoted(event.callId), LogValue::quoted(recorded.error().code),
            LogValue::quoted(recorded.error().detail));
        return;
    }
    if (!recorded->has_value()) {
        (void)tx.commit();   // recorded elsewhere, as in recordSimple()
        return;
    }
    const Call call = recorded->value();
    ContextParts parts;
    auto context = contextFor(call, &parts);
    wire::CallConnected connected;
    connected.call = callEvent(call, context.ok() ? context.value() : CallContext());
    QString deliveryKey;

    // The interaction never keeps the call from being recorded and announced: a failure to
    // resolve it is reported in the event.
    const auto interactionError = [&](const Error &error) {
        qCWarning(lcCalls).noquote() << u"interaction failed call=%1 code=%2 detail=%3"_s.arg(
            LogValue::quoted(call.callId), LogValue::quoted(error.code), LogValue::quoted(error.detail));
        connected.interactionError = error.text(m_catalog, m_language);
    };
    if (call.campaignId && context.ok()) {
        auto site = campaignSite(*call.campaignId, &parts);
        if (!site.ok()) {
            interactionError(site.error());
        } else if (site->has_value()) {
            const ExternalSite &s = site->value();
            const bool atConnect = s.trigger == SiteTrigger::Agent || s.trigger == SiteTrigger::Automatic
                || s.trigger == SiteTrigger::Server;
            if (atConnect) {
                auto interaction = resolve(s, context.value());
                if (!interaction.ok()) {
                    interactionError(interaction.error());
                } else {
                    wire::CallInteraction offered { interaction.value(), std::nullopt, std::nullopt };
                    if (s.trigger == SiteTrigger::Server) {
                        auto key = enqueue(s, interaction.value(), call.agentId.value_or(0), call.callId);
                        if (!key.ok()) {
                            // Without the queued request nothing is stored: the transaction rolls back
                            // and the PBX event is not lost to a half-written state.
                            // (The store itself unavailable is not a site error: the call is not recorded.)
                            if (key.error().kind != Error::Kind::Unavailable
                                || key.error().code.startsWith(u"store."_s)) {
                                noteStoreFailure(key.error());
                                qCWarning(lcCalls).noquote() << u"enqueue failed call=%1 detail=%2"_s.arg(
                                    LogValue::quoted(call.callId), LogValue::quoted(key.error().detail));
                                return;
                            }
                            interactionError(key.error());
                        } else {
                            deliveryKey = key.value();
                            offered.deliveryKey = deliveryKey;
                        }
                    } else {
                        offered.request = crmRequest(interaction.value());
                    }
                    connected.interaction = std::move(offered);
                }
            }
        }
    } else if (!context.ok()) {
        interactionError(context.error());
    }

    if (call.agentId) {
        if (!appendCallEvent(*call.agentId, EventLog::CallConnected, connected.toJson(), call.callId))
            return;
    }
    if (auto c = tx.commit(); !c.ok()) {
        noteStoreFailure(c.error());
        qCWarning(lcCalls).noquote() << u"call commit failed call=%1 detail=%2"_s.arg(
            LogValue::quoted(call.callId), LogValue::quoted(c.error().detail));
        return;
    }
    qCInfo(lcCalls).noquote() << u"call connected call=%1 agent=%2 interaction=%3"_s.arg(LogValue::quoted(call.callId))
                                     .arg(call.agentId ? QString::number(*call.agentId) : u"-"_s)
                                     .arg(connected.interaction
                                              ? QString::number(int(connected.interaction->interaction.trigger))
                                              : u"none"_s);
    afterCommit([this, id = call.callId, deliveryKey] {
        Q_EMIT callRecorded(id, CallState::Connected);
        if (!deliveryKey.isEmpty())
            Q_EMIT interactionQueued(id, deliveryKey);
    });
}

void CallFlow::handleDeliveryFinished(const DeliveryOutcome &outcome)
{
    if (outcome.agentId == 0)
        return;
    wire::ExternalSiteInteraction data;
    data.delivered = outcome.delivered;
    if (!outcome.delivered)
        data.errorMessage = !outcome.lastError.isEmpty() ? outcome.lastError : u"HTTP %1"_s.arg(outcome.httpStatus);
    if (outcome.httpStatus != 0)
        data.status = outcome.httpStatus;
    data.attempts = outcome.attempts;
    if (outcome.siteId != 0)
        data.siteId = outcome.siteId;
    data.callId = outcome.callId;
    data.key = outcome.key;
    if (auto id
        = m_events->append(outcome.agentId, QString::fromLatin1(EventLog::ExternalSiteInteraction), data.toJson());
        !id.ok())
        qCWarning(lcCalls).noquote() << u"event append failed key=%1 detail=%2"_s.arg(
            LogValue::quoted(outcome.key), LogValue::quoted(id.error().detail));
    qCInfo(lcCalls).noquote() << u"delivery finished key=%1 call=%2 delivered=%3 status=%4 attempts=%5"_s
                                     .arg(LogValue::quoted(outcome.key), LogValue::quoted(outcome.callId))
                                     .arg(outcome.delivered)
                                     .arg(outcome.httpStatus)
                                     .arg(outcome.attempts);
}

Result<DispositionInteraction> CallFlow::fireDispositionInteraction(qint64 dispositionId)
{
    auto q = m_db->exec(
        u"SELECT d.campaign_id, d.contact_id, d.agent_id, d.call_id, d.subdisposition, d.form_json, "
        "o.name, o.crm_interaction FROM dispositions d JOIN disposition_options o ON o.id = d.option_id WHERE d.id = ?"_s,
        { dispositionId });
    if (!q.ok())
        return q.error();
    if (!q->next())
        return Error::notFound(u"api.disposition_not_found"_s,
                               Message::make("Api", QT_TRANSLATE_NOOP("Api", "Disposition not found.")));
    const qint64 campaignId = q->value(0).toLongLong();
    const qint64 contactId = q->value(1).toLongLong();
    const qint64 agentId = q->value(2).toLongLong();
    const QString callId = q->value(3).toString();
    const QString subdisposition = q->value(4).toString();
    const QString formJson = q->value(5).toString();
    const QString optionName = q->value(6).toString();
    const bool crmInteraction = q->value(7).toInt() != 0;
    DispositionInteraction out;
    if (!crmInteraction)
        return out;
    auto site = campaignSite(campaignId);
    if (!site.ok())
        return site.error();
    if (!site->has_value() || site->value().trigger != SiteTrigger::Disposition)
        return out;
    const ExternalSite &s = site->value();

    Call call;
    if (!callId.isEmpty()) {
        if (auto found = m_calls.find(callId); found.ok())
            call = found.value();
    }
    call.callId = callId;
    call.campaignId = campaignId;
    call.agentId = agentId;
    call.contactId = contactId;
    if (call.phone.isEmpty()) {
        if (auto phone = m_db->scalar(u"SELECT phone FROM contacts WHERE id = ?"_s, { contactId });
            phone.ok() && phone->isValid())
            call.phone = phone->toString();
    }
    auto context = contextFor(call);
    if (!context.ok())
        return context.error();
    context->dispositionId = dispositionId;
    context->dispositionOptionName = optionName;
    context->subdisposition = subdisposition;
    context->formJson = formJson;
    auto interaction = resolve(s, context.value());
    if (!interaction.ok())
        return interaction.error();
    out.interaction = interaction.value();

    if (!s.target) {
        auto key = enqueue(s, interaction.value(), agentId, callId);
        if (!key.ok())
            return key.error();
        out.mode = DispositionInteraction::Mode::Server;
        out.deliveryKey = key.value();
        qCInfo(lcCalls).noquote() << u"disposition interaction queued disposition=%1 key=%2"_s.arg(
            QString::number(dispositionId), LogValue::quoted(out.deliveryKey));
        return out;
    }
    const wire::DispositionInteraction event { callId,
                                               dispositionId,
                                               { interaction.value(), crmRequest(interaction.value()), std::nullopt } };
    auto eventId = m_events->append(agentId, QString::fromLatin1(DispositionInteractionEvent), event.toJson());
    if (!eventId.ok())
        return eventId.error();
    out.mode = DispositionInteraction::Mode::Console;
    out.eventId = eventId.value();
    return out;
}

Result<qint64> CallFlow::contactSaved(const QString &callId, qint64 contactId)
{
    auto call = m_calls.find(callId);
    if (!call.ok())
        return call.error();
    Database::Transaction tx(*m_db);
    if (auto r = m_calls.setContact(callId, contactId); !r.ok())
        return r.error();
    qint64 eventId = 0;
    if (call->agentId) {
        auto id = m_events->append(*call->agentId, QString::fromLatin1(EventLog::ContactSaved),
                                   wire::ContactSaved { callId, contactId }.toJson());
        if (!id.ok())
            return id.error();
        eventId = id.value();
    }
    if (auto c = tx.commit(); !c.ok())
        return c.error();
    return eventId;
}

}   // namespace enlace
