#include <core/telephony/amicalltracker.h>

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

constexpr qsizetype kFinishedMemory = 2000;

bool isLocal(const QString &channel)
{
    return channel.startsWith(u"Local/"_s, Qt::CaseInsensitive);
}

// "PJSIP/1001-0000000a" -> "1001"; "PJSIP/1001" -> "1001"; "Local/1001@agents/n" -> "1001".
QString resourceOf(const QString &channel)
{
    QString r = channel.section(u'/', 1);
    const qsizetype at = r.indexOf(u'@');
    if (at >= 0)
        return r.left(at);
    r = r.section(u'/', 0, 0);
    const qsizetype dash = r.lastIndexOf(u'-');
    return dash > 0 ? r.left(dash) : r;
}

QString text(const AmiMessage &m, QByteArrayView key)
{
    return QString::fromUtf8(m.value(key));
}

bool known(const QString &value)
{
    return !value.isEmpty() && value != u"<unknown>"_s && value != u"<null>"_s;
}

// JsSIP's header-name normalisation, which is how OMniLeads' Omlcrm* keys reach call_data.
QString headerCase(const QString &name)
{
    QStringList parts = name.split(u'-');
    for (QString &p : parts) {
        p = p.toLower();
        if (!p.isEmpty())
            p[0] = p[0].toUpper();
    }
    return parts.join(u'-');
}

bool listHas(const QStringList &names, const QString &name)
{
    return names.contains(name, Qt::CaseInsensitive);
}

}   // namespace

AmiCallTracker::AmiCallTracker(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{ }

void AmiCallTracker::expectOriginate(const QString &channelPrefix, const PbxCallEvent &data)
{
    m_hints.insert(channelPrefix, data);
}

void AmiCallTracker::forgetOriginate(const QString &channelPrefix)
{
    m_hints.remove(channelPrefix);
}

QStringList AmiCallTracker::activeCallIds() const
{
    QStringList out;
    for (const auto &[id, call] : m_calls) {
        if (!call.ended)
            out.append(id);
    }
    return out;
}

QStringList AmiCallTracker::channelsOf(const QString &callId) const
{
    auto it = m_calls.find(callId);
    if (it == m_calls.end())
        return {};
    QStringList first, rest;
    for (const auto &[uid, ch] : it->second.channels) {
        if (ch.gone)
            continue;
        (isLocal(ch.name) ? rest : first).append(ch.name);
    }
    return first + rest;
}

AmiCallTracker::Call *AmiCallTracker::callFor(const AmiMessage &event, bool create)
{
    QString id = text(event, "Linkedid");
    if (id.isEmpty())
        id = text(event, "DestLinkedid");
    if (id.isEmpty())
        id = text(event, "Uniqueid");
    if (id.isEmpty() || m_finished.contains(id))
        return nullptr;
    auto it = m_calls.find(id);
    if (it != m_calls.end())
        return &it->second;
    if (!create)
        return nullptr;
    Call &call = m_calls[id];
    call.data.callId = id;
    return &call;
}

void AmiCallTracker::addChannel(Call &call, const QByteArray &uniqueidBytes, const QByteArray &nameBytes)
{
    const QString uniqueid = QString::fromUtf8(uniqueidBytes);
    const QString name = QString::fromUtf8(nameBytes);
    if (uniqueid.isEmpty() || name.isEmpty())
        return;
    auto existing = call.channels.find(uniqueid);
    if (existing != call.channels.end()) {
        existing->second.name = name;   // renames happen (masquerades)
        return;
    }
    if (call.channels.empty() && !call.originated && !call.inbound) {
        // The first channel says where the call comes from: one of our originates, or a caller.
        for (auto h = m_hints.begin(); h != m_hints.end(); ++h) {
            if (name.startsWith(h.key(), Qt::CaseInsensitive)) {
                const QString id = call.data.callId;
                call.data = h.value();
                call.data.callId = id;
                call.originated = true;
                m_hints.erase(h);
                break;
            }
        }
        if (!call.originated && !isLocal(name)) {
            call.inbound = true;
            call.customerUp = true;   // the caller is there; the call connects when an agent answers
        }
    }
    call.channels[uniqueid] = Channel { name, false };
    if (call.agentUniqueid.isEmpty() && isAgentChannel(call, name))
        call.agentUniqueid = uniqueid;
}

bool AmiCallTracker::isAgentChannel(const Call &call, const QString &name) const
{
    return !call.data.agentExtension.isEmpty() && !isLocal(name) && resourceOf(name) == call.data.agentExtension;
}

void AmiCallTracker::setAgentChannel(Call &call, const QString &uniqueid, const QString &name)
{
    if (call.data.agentExtension.isEmpty())
        call.data.agentExtension = resourceOf(name);
    if (!uniqueid.isEmpty() && !isLocal(name))
        call.agentUniqueid = uniqueid;
}

void AmiCallTracker::applyVariable(Call &call, const QString &rawName, const QString &value)
{
    QString name = rawName;
    while (name.startsWith(u'_'))
        name.remove(0, 1);
    if (listHas(m_names.campaign, name)) {
        bool ok = false;
        const qint64 id = value.toLongLong(&ok);
        if (ok)
            call.data.campaignId = id;
    } else if (listHas(m_names.contact, name)) {
        bool ok = false;
        const qint64 id = value.toLongLong(&ok);
        call.data.contactId = ok ? std::optional<qint64>(id) : std::nullopt;
    } else if (listHas(m_names.phone, name)) {
        if (!value.isEmpty())
            call.data.phone = value;
    } else if (listHas(m_names.callType, name)) {
        const int t = value.toInt();
        if (t == 1 || t == 2 || t == 3 || t == 4 || t == 6) {
            call.data.type = CallType(t);
            call.typeFromDialplan = true;
        }
    } else if (listHas(m_names.recording, name)) {
        // The dial plan's own name wins over the file MixMonitor reports.
        const bool primary
            = !m_names.recording.isEmpty() && name.compare(m_names.recording.constFirst(), Qt::CaseInsensitive) == 0;
        if (primary || call.data.recordingFile.isEmpty())
            call.data.recordingFile = primary ? value : value.section(u'/', -1);
    } else if (listHas(m_names.waitSeconds, name)) {
        bool ok = false;
        const int s = value.toInt(&ok);
        if (ok) {
            call.data.waitSeconds = s;
            call.waitFromDialplan = true;
        }
    } else if (listHas(m_names.agent, name)) {
        bool ok = false;
        const qint64 id = value.section(u'_', 0, 0).toLongLong(&ok);
        if (ok)
            call.data.agentId = id;
    } else if (!m_names.dialplanPrefix.isEmpty() && name.startsWith(m_names.dialplanPrefix, Qt::CaseInsensitive)) {
        call.data.dialplanData.insert(headerCase(name), value);
    }
}

PbxCallEvent AmiCallTracker::snapshot(const Call &call) const
{
    PbxCallEvent e = call.data;
    if (!call.typeFromDialplan) {
        if (call.originated)
            e.type = CallType::Click2Call;
        else if (call.inbound)
            e.type = CallType::Inbound;
    }
    e.at = m_clock.now();
    return e;
}

void AmiCallTracker::offer(Call &call)
{
    if (call.offered || call.ended || call.data.agentExtension.isEmpty())
        return;
    call.offered = true;
    Q_EMIT callOffered(snapshot(call));
}

void AmiCallTracker::maybeConnect(Call &call)
{
    if (call.connected || call.ended || !call.agentUp || !call.customerUp || (call.queued && !call.queueSettled))
        return;
    offer(call);
    if (!call.offered)
        return;
    call.connected = true;
    Q_EMIT callConnected(snapshot(call));
}

void AmiCallTracker::end(const QString &callId)
{
    auto it = m_calls.find(callId);
    if (it == m_calls.end())
        return;
    Call &call = it->second;
    if (call.offered && !call.ended) {
        call.ended = true;
        Q_EMIT callEnded(snapshot(call));
    }
}

void AmiCallTracker::channelGone(Call &call, const QString &uniqueid)
{
    auto ch = call.channels.find(uniqueid);
    if (ch != call.channels.end())
        ch->second.gone = true;
    const QString id = call.data.callId;
    if (!call.agentUniqueid.isEmpty() && uniqueid == call.agentUniqueid)
        end(id);
    auto it = m_calls.find(id);
    if (it == m_calls.end())
        return;
    const bool anyLeft = std::any_of(it->second.channels.cbegin(), it->second.channels.cend(),
                                     [](const auto &kv) { return !kv.second.gone; });
    if (anyLeft)
        return;
    end(id);
    m_calls.erase(id);
    m_finished.insert(id);
    m_finishedOrder.push_back(id);
    if (qsizetype(m_finishedOrder.size()) > kFinishedMemory) {
        m_finished.remove(m_finishedOrder.front());
        m_finishedOrder.pop_front();
    }
}

void AmiCallTracker::handleEvent(const AmiMessage &event)
{
    const QByteArray name = event.eventName();
    const bool hangup = name.compare("Hangup", Qt::CaseInsensitive) == 0;
    if (name.compare("OriginateResponse", Qt::CaseInsensitive) == 0
        || name.compare("CoreShowChannel", Qt::CaseInsensitive) == 0)
        return;
    Call *call = callFor(event, !hangup && event.has("Uniqueid"));
    if (!call)
        return;
    addChannel(*call, event.value("Uniqueid"), event.value("Channel"));
    if (event.has("DestUniqueid"))
        addChannel(*call, event.value("DestUniqueid"), event.value("DestChannel"));

    auto is = [&](QByteArrayView n) { return name.compare(n, Qt::CaseInsensitive) == 0; };
    if (is("VarSet")) {
        applyVariable(*call, text(event, "Variable"), text(event, "Value"));
    } else if (is("DialBegin")) {
        const QString dest = text(event, "DestChannel");
        const QString destId = text(event, "DestUniqueid");
        if (dest.isEmpty() || isLocal(dest))
            return;
        if (isAgentChannel(*call, dest) || (call->data.agentExtension.isEmpty() && call->inbound)) {
            setAgentChannel(*call, destId, dest);
            offer(*call);
        } else if (call->data.phone.isEmpty()) {
            QString number = text(event, "DialString").section(u'/', -1).section(u'@', 0, 0);
            if (number.startsWith(u"sip:"_s))
                number = number.mid(4);
            call->data.phone = known(number)
                ? number
                : (known(text(event, "DestCallerIDNum")) ? text(event, "DestCallerIDNum") : QString());
        }
    } else if (is("DialEnd")) {
        if (event.value("DialStatus") != "ANSWER")
            return;
        const QString dest = text(event, "DestChannel");
        const QString destId = text(event, "DestUniqueid");
        if (destId == call->agentUniqueid || isAgentChannel(*call, dest))
            call->agentUp = true;
        else if (!isLocal(dest))
            call->customerUp = true;
        maybeConnect(*call);
    } else if (is("QueueCallerJoin")) {
        call->queued = true;
    } else if (is("AgentCalled") || is("AgentConnect")) {
        call->queued = true;
        call->queueSettled = call->queueSettled || is("AgentConnect");
        const QString interface = text(event, "Interface");
        const QString dest = text(event, "DestChannel");
        if (call->data.agentExtension.isEmpty())
            call->data.agentExtension = resourceOf(interface.isEmpty() ? dest : interface);
        if (!isLocal(dest))
            setAgentChannel(*call, text(event, "DestUniqueid"), dest);
        if (is("AgentCalled")) {
            offer(*call);
            return;
        }
        if (!call->waitFromDialplan)
            call->data.waitSeconds = text(event, "HoldTime").toInt();
        call->agentUp = true;
        call->customerUp = true;   // a queue caller is up by definition
        maybeConnect(*call);
    } else if (is("BridgeEnter")) {
        const QString channel = text(event, "Channel");
        const QString uid = text(event, "Uniqueid");
        if (uid == call->agentUniqueid || isAgentChannel(*call, channel)) {
            call->agentUp = true;
            call->queueSettled = true;
        } else if (!isLocal(channel)) {
            call->customerUp = true;
        }
        maybeConnect(*call);
    } else if (hangup) {
        channelGone(*call, text(event, "Uniqueid"));
    }
}

void AmiCallTracker::resynchronise(const QList<AmiMessage> &channels)
{
    QHash<QString, QList<const AmiMessage *>> byCall;
    for (const AmiMessage &m : channels) {
        QString id = text(m, "Linkedid");
        if (id.isEmpty())
            id = text(m, "Uniqueid");
        if (!id.isEmpty())
            byCall[id].append(&m);
    }
    QStringList known;
    for (const auto &[id, call] : m_calls)
        known.append(id);
    for (const QString &id : known) {
        Call &call = m_calls.at(id);
        const auto items = byCall.value(id);
        QSet<QString> alive;
        for (const AmiMessage *m : items)
            alive.insert(text(*m, "Uniqueid"));
        QStringList goneIds;
        for (const auto &[uid, ch] : call.channels) {
            if (!ch.gone && !alive.contains(uid))
                goneIds.append(uid);
        }
        // Channels that hung up while we were away; the last one ends the call.
        for (const QString &uid : goneIds) {
            if (!m_calls.count(id))
                break;
            channelGone(m_calls.at(id), uid);
        }
        if (items.isEmpty() && m_calls.count(id)) {
            end(id);
            m_calls.erase(id);
            m_finished.insert(id);
            m_finishedOrder.push_back(id);
        }
    }
    for (auto it = byCall.cbegin(); it != byCall.cend(); ++it) {
        if (m_finished.contains(it.key()))
            continue;
        QList<const AmiMessage *> items = it.value();
        // The oldest channel (Uniqueid == Linkedid) first, so the call's origin is judged right.
        std::stable_sort(items.begin(), items.end(), [&](const AmiMessage *a, const AmiMessage *b) {
            return text(*a, "Uniqueid") == it.key() && text(*b, "Uniqueid") != it.key();
        });
        Call &call = m_calls[it.key()];
        call.data.callId = it.key();
        for (const AmiMessage *m : items) {
            addChannel(call, m->value("Uniqueid"), m->value("Channel"));
            if (m->value("ChannelState") != "6" || m->value("BridgeId").isEmpty())
                continue;
            const QString channel = text(*m, "Channel");
            if (isAgentChannel(call, channel))
                call.agentUp = true;
            else if (!isLocal(channel))
                call.customerUp = true;
        }
        maybeConnect(call);
    }
}

}   // namespace enlace
