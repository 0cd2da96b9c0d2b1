#include <core/telephony/simulatedpbx.h>
#include <core/telephony/telephonymessages.h>

#include <QTimer>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace enlace {

SimulatedPbx::SimulatedPbx(const Clock &clock, QObject *parent)
    : SimulatedPbx(clock, Options {}, parent)
{ }

SimulatedPbx::SimulatedPbx(const Clock &clock, Options options, QObject *parent)
    : Pbx(parent)
    , m_clock(clock)
    , m_options(options)
    , m_random(options.seed)
{ }

SimulatedPbx::~SimulatedPbx() = default;

void SimulatedPbx::start()
{
    Q_EMIT connectionChanged(true, QString());
}

int SimulatedPbx::scaled(int ms) const
{
    return std::max(0, int(std::lround(double(ms) * m_options.timeScale)));
}

QString SimulatedPbx::nextCallId()
{
    // Asterisk's uniqueid shape: epoch seconds, a dot, a per-process sequence number, after
    // "<systemname>-" when the system has a name.
    const QString id = u"%1.%2"_s.arg(m_clock.nowMs() / 1000).arg(++m_sequence);
    return m_options.systemName.isEmpty() ? id : m_options.systemName + u'-' + id;
}

QString SimulatedPbx::recordingName(const QString &callId, const QString &phone) const
{
    return u"%1_%2_%3.wav"_s.arg(m_clock.now().toString(u"yyyyMMdd-HHmmss"_s), phone, callId);
}

void SimulatedPbx::originate(const OriginateRequest &request, OriginateDone done)
{
    std::optional<Error> failure;
    if (request.phone.trimmed().isEmpty())
        failure = telephony::originateFailed(u"no number to call"_s, request.phone, u"originate_invalid"_s);
    else if (request.agentExtension.trimmed().isEmpty())
        failure = telephony::originateFailed(u"the agent has no extension"_s, request.phone, u"originate_invalid"_s);
    else if (m_busyAgents.contains(request.agentExtension))
        failure = telephony::originateFailed(
            u"agent %1 is busy on call %2"_s.arg(request.agentExtension, m_busyAgents.value(request.agentExtension)),
            request.phone, u"agent_busy"_s, Error::Kind::Conflict);
    if (failure) {
        QTimer::singleShot(0, this, [done = std::move(done), error = *failure] { done(error); });
        return;
    }

    PbxCallEvent event;
    event.callId = nextCallId();
    event.agentExtension = request.agentExtension;
    event.agentId = request.agentId;
    event.campaignId = request.campaignId;
    event.contactId = request.contactId;
    event.phone = request.phone;
    event.type = CallType::Click2Call;
    event.recordingFile = recordingName(event.callId, request.phone);
    for (auto it = request.variables.cbegin(); it != request.variables.cend(); ++it) {
        if (it.key().startsWith(u"Omlcrm"_s, Qt::CaseInsensitive))
            event.dialplanData.insert(it.key(), it.value());
    }
    // Busy from now on, so a second originate to the same agent fails even before the first rings.
    m_busyAgents.insert(event.agentExtension, event.callId);
    const QString callId = event.callId;
    m_calls[callId] = ActiveCall { event, Stage::Ringing, 0 };
    QTimer::singleShot(0, this, [this, done = std::move(done), callId] {
        done(callId);
        auto it = m_calls.find(callId);
        if (it == m_calls.end())
            return;   // hung up before it rang
        it->second.event.at = m_clock.now();
        Q_EMIT callOffered(it->second.event);
        schedule(callId, m_options.answerDelayMs);
    });
}

void SimulatedPbx::startCall(PbxCallEvent event)
{
    const QString callId = event.callId;
    m_busyAgents.insert(event.agentExtension, callId);
    event.at = m_clock.now();
    m_calls[callId] = ActiveCall { event, Stage::Ringing, 0 };
    Q_EMIT callOffered(event);
    if (m_calls.count(callId))
        schedule(callId, m_options.answerDelayMs);
}

void SimulatedPbx::schedule(const QString &callId, int delayMs)
{
    auto it = m_calls.find(callId);
    if (it == m_calls.end())
        return;
    const quint64 token = ++m_tokens;
    it->second.token = token;
    QTimer::singleShot(scaled(delayMs), this, [this, callId, token] { advance(callId, token); });
}

void SimulatedPbx::advance(const QString &callId, quint64 token)
{
    auto it = m_calls.find(callId);
    if (it == m_calls.end() || it->second.token != token)
        return;
    if (it->second.stage == Stage::Ringing) {
        it->second.stage = Stage::Talking;
        it->second.event.at = m_clock.now();
        const PbxCallEvent event = it->second.event;
        Q_EMIT callConnected(event);
        if (m_options.callDurationMs > 0)
            schedule(callId, m_options.callDurationMs);
        return;
    }
    finish(callId);
}

void SimulatedPbx::hangup(const QString &callId)
{
    if (m_calls.count(callId))
        finish(callId);
}

void SimulatedPbx::finish(const QString &callId)
{
    auto it = m_calls.find(callId);
    if (it == m_calls.end())
        return;
    PbxCallEvent event = it->second.event;
    m_calls.erase(it);
    if (m_busyAgents.value(event.agentExtension) == callId)
        m_busyAgents.remove(event.agentExtension);
    event.at = m_clock.now();
    Q_EMIT callEnded(event);
    dispatchQueues();
}

void SimulatedPbx::addInboundCampaign(qint64 campaignId, const QList<Agent> &agents, const QList<Contact> &contacts,
                                      double callsPerMinute)
{
    Campaign &campaign = m_campaigns[campaignId];
    campaign.agents = agents;
    campaign.contacts = contacts;
    campaign.callsPerMinute = callsPerMinute;
    if (!campaign.timer) {
        campaign.timer = new QTimer(this);
        connect(campaign.timer, &QTimer::timeout, this, [this, campaignId] { injectInboundCall(campaignId); });
    }
    campaign.timer->stop();
    if (callsPerMinute > 0 && !contacts.isEmpty()) {
        campaign.timer->setInterval(std::max(1, int(std::lround(60000.0 / callsPerMinute * m_options.timeScale))));
        campaign.timer->start();
    }
}

void SimulatedPbx::removeInboundCampaign(qint64 campaignId)
{
    auto it = m_campaigns.find(campaignId);
    if (it == m_campaigns.end())
        return;
    delete it->second.timer;
    m_campaigns.erase(it);
}

bool SimulatedPbx::injectInboundCall(qint64 campaignId)
{
    auto it = m_campaigns.find(campaignId);
    if (it == m_campaigns.end() || it->second.contacts.isEmpty())
        return false;
    Campaign &campaign = it->second;
    if (int(campaign.queue.size()) >= m_options.maxQueuedPerCampaign)
        return true;   // the queue is full: this caller gets a busy tone, nobody is offered
    const Contact &contact = campaign.contacts.at(int(m_random.bounded(quint32(campaign.contacts.size()))));
    campaign.queue.push_back(Waiting { contact, m_clock.nowMs() });
    offerInbound(campaignId, campaign);
    return true;
}

bool SimulatedPbx::offerInbound(qint64 campaignId, Campaign &campaign)
{
    if (campaign.queue.empty() || campaign.agents.isEmpty())
        return false;
    const int n = int(campaign.agents.size());
    for (int i = 0; i < n; ++i) {
        const int index = (campaign.nextAgent + i) % n;
        const Agent &agent = campaign.agents.at(index);
        if (agent.extension.isEmpty() || m_busyAgents.contains(agent.extension))
            continue;
        campaign.nextAgent = (index + 1) % n;
        const Waiting waiting = campaign.queue.front();
        campaign.queue.pop_front();
        PbxCallEvent event;
        event.callId = nextCallId();
        event.agentExtension = agent.extension;
        event.agentId = agent.id;
        event.campaignId = campaignId;
        event.contactId = waiting.contact.contactId;
        event.phone = waiting.contact.phone;
        event.type = CallType::Inbound;
        event.recordingFile = recordingName(event.callId, event.phone);
        event.waitSeconds = int(std::max<qint64>(0, m_clock.nowMs() - waiting.arrivedMs) / 1000);
        event.dialplanData = waiting.contact.dialplanData;
        startCall(event);
        return true;
    }
    return false;
}

void SimulatedPbx::dispatchQueues()
{
    // The caller who has waited longest, across campaigns, is served first.
    for (;;) {
        qint64 best = 0;
        qint64 bestArrival = 0;
        bool found = false;
        for (auto &[id, campaign] : m_campaigns) {
            if (campaign.queue.empty())
                continue;
            const bool anyFree = std::any_of(campaign.agents.cbegin(), campaign.agents.cend(), [this](const Agent &a) {
                return !a.extension.isEmpty() && !m_busyAgents.contains(a.extension);
            });
            if (anyFree && (!found || campaign.queue.front().arrivedMs < bestArrival)) {
                best = id;
                bestArrival = campaign.queue.front().arrivedMs;
                found = true;
            }
        }
        if (!found)
            return;
        if (!offerInbound(best, m_campaigns[best]))
            return;
    }
}

bool SimulatedPbx::isAgentBusy(const QString &extension) const
{
    return m_busyAgents.contains(extension);
}

QStringList SimulatedPbx::activeCallIds() const
{
    QStringList out;
    for (const auto &[id, call] : m_calls)
        out.append(id);
    return out;
}

int SimulatedPbx::queuedCalls(qint64 campaignId) const
{
    auto it = m_campaigns.find(campaignId);
    return it == m_campaigns.end() ? 0 : int(it->second.queue.size());
}

}   // namespace enlace
