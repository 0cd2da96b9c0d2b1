#include <core/telephony/amipbx.h>
#include <core/telephony/telephonymessages.h>

#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

// Asterisk splits a Variable header on commas, so a value must not contain one.
QString variableSafe(QString value)
{
    return value.replace(u',', u' ').replace(u'\r', u' ').replace(u'\n', u' ');
}

QString reasonText(const QByteArray &reason)
{
    // Reason is the last AST_CONTROL_* frame Asterisk saw on the originated channel.
    switch (reason.toInt()) {
    case 0:
        return u"failure (the channel could not be created or the number does not exist) (reason 0)"_s;
    case 1:
        return u"hangup (reason 1)"_s;
    case 3:
        return u"no answer (reason 3)"_s;
    case 5:
        return u"busy (reason 5)"_s;
    case 8:
        return u"congestion (reason 8)"_s;
    default:
        return u"reason %1"_s.arg(QString::fromUtf8(reason));
    }
}

}   // namespace

AmiPbx::AmiPbx(Options options, const Clock &clock, QObject *parent)
    : Pbx(parent)
    , m_options(std::move(options))
    , m_clock(clock)
    , m_connection(m_options.connection)
    , m_tracker(clock)
{
    m_tracker.setVariableNames(m_options.variableNames);
    connect(&m_tracker, &AmiCallTracker::callOffered, this, &Pbx::callOffered);
    connect(&m_tracker, &AmiCallTracker::callConnected, this, &Pbx::callConnected);
    connect(&m_tracker, &AmiCallTracker::callEnded, this, &Pbx::callEnded);
    connect(&m_connection, &AmiConnection::ready, this, &AmiPbx::handleReady);
    connect(&m_connection, &AmiConnection::eventReceived, this, &AmiPbx::handleEvent);
    connect(&m_connection, &AmiConnection::disconnected, this, [this](const QString &reason) {
        std::vector<QByteArray> ids;
        for (const auto &[id, p] : m_originates)
            ids.push_back(id);
        for (const QByteArray &id : ids)
            finishOriginate(id,
                            telephony::originateFailed(u"connection to Asterisk lost (%1)"_s.arg(reason),
                                                       m_originates.at(id).request.phone));
        if (m_reportedConnected) {
            m_reportedConnected = false;
            Q_EMIT connectionChanged(false, telephony::connectionLost(reason).text());
        }
    });
    connect(&m_connection, &AmiConnection::loginFailed, this, [this](const QString &reason) {
        const QString text = telephony::authenticationFailed(reason).text();
        if (m_reportedConnected) {
            m_reportedConnected = false;
            Q_EMIT connectionChanged(false, text);
        }
        Q_EMIT startFailed(text);
    });
}

AmiPbx::~AmiPbx()
{
    // While every member is still alive: whoever waits for an originate hears about it once, and
    // the connection's own handlers (which reach into this object) run now, not from its destructor.
    m_connection.disconnect(this);
    auto pending = std::exchange(m_originates, {});
    for (auto &[id, p] : pending) {
        if (p.done)
            p.done(telephony::originateFailed(u"the PBX connection was shut down"_s, p.request.phone));
    }
    m_connection.close();
}

void AmiPbx::start()
{
    m_connection.open();
}

QString AmiPbx::expand(const QString &pattern, const OriginateRequest &r) const
{
    QString out = pattern;
    out.replace(u"{extension}"_s, r.agentExtension);
    out.replace(u"{phone}"_s, r.phone);
    out.replace(u"{agentId}"_s, QString::number(r.agentId));
    out.replace(u"{agentName}"_s, r.agentName);
    out.replace(u"{campaignId}"_s, QString::number(r.campaignId));
    out.replace(u"{campaignType}"_s, QString::number(int(r.campaignType)));
    out.replace(u"{contactId}"_s, r.contactId ? QString::number(*r.contactId) : QString());
    return out;
}

AmiMessage AmiPbx::originateAction(const OriginateRequest &r) const
{
    AmiMessage m;
    m.append("Action", "Originate");
    m.append("Channel", expand(m_options.channel, r).toUtf8());
    m.append("Context", expand(m_options.context, r).toUtf8());
    m.append("Exten", expand(m_options.exten, r).toUtf8());
    m.append("Priority", QByteArray::number(m_options.priority));
    m.append("Timeout", QByteArray::number(m_options.originateTimeoutMs));
    if (!m_options.callerId.isEmpty())
        m.append("CallerID", expand(m_options.callerId, r).toUtf8());
    m.append("Async", "true");
    auto variable = [&m](const QString &name, const QString &value) {
        m.append("Variable", (name + u'=' + variableSafe(value)).toUtf8());
    };
    if (m_options.omnileadsVariables) {
        variable(u"IdCamp"_s, QString::number(r.campaignId));
        variable(u"codCli"_s, r.contactId ? QString::number(*r.contactId) : QString());
        variable(u"origin"_s, u"contactos"_s);
        variable(u"Tipocamp"_s, QString::number(int(r.campaignType)));
        variable(u"FTSAGENTE"_s, QString::number(r.agentId) + u'_' + r.agentName);
    }
    for (const auto &[name, value] : m_options.extraVariables)
        variable(name, expand(value, r));
    QStringList keys = r.variables.keys();
    keys.sort();
    for (const QString &k : keys)
        variable(k, r.variables.value(k));
    return m;
}

void AmiPbx::originate(const OriginateRequest &request, OriginateDone done)
{
    auto failSoon = [this, &done](Error e) { QTimer::singleShot(0, this, [done = std::move(done), e] { done(e); }); };
    if (!m_connection.isReady()) {
        failSoon(telephony::originateFailed(u"not connected to Asterisk"_s, request.phone));
        return;
    }
    if (request.phone.trimmed().isEmpty() || request.agentExtension.trimmed().isEmpty()) {
        failSoon(telephony::originateFailed(request.phone.trimmed().isEmpty() ? u"no number to call"_s
                                                                              : u"the agent has no extension"_s,
                                            request.phone, u"originate_invalid"_s));
        return;
    }
    for (const auto &[id, p] : m_originates) {
        if (p.request.agentExtension == request.agentExtension) {
            failSoon(
                telephony::originateFailed(u"agent %1 is busy with another originate"_s.arg(request.agentExtension),
                                           request.phone, u"agent_busy"_s, Error::Kind::Conflict));
            return;
        }
    }

    AmiMessage action = originateAction(request);
    const QString channel = QString::fromUtf8(action.value("Channel"));
    const QString hint = channel.section(u'/', 0, 1);
    PbxCallEvent data;
    data.agentExtension = request.agentExtension;
    data.agentId = request.agentId;
    data.campaignId = request.campaignId;
    data.contactId = request.contactId;
    data.phone = request.phone;
    data.type = CallType::Click2Call;
    for (auto it = request.variables.cbegin(); it != request.variables.cend(); ++it) {
        if (it.key().startsWith(m_options.variableNames.dialplanPrefix, Qt::CaseInsensitive))
            data.dialplanData.insert(it.key(), it.value());
    }
    m_tracker.expectOriginate(hint, data);

    const QString phone = request.phone;
    // Our own ActionID, so the reply handler and the later OriginateResponse find this request.
    const QByteArray id = "enlace-originate-" + QByteArray::number(++m_originateSequence);
    action.fields.insert(1, { "ActionID", id });
    m_originates[id] = PendingOriginate { request, std::move(done), hint, false };
    m_connection.send(std::move(action), [this, id, phone](Result<AmiConnection::Reply> r) {
        auto it = m_originates.find(id);
        if (it == m_originates.end())
            return;
        if (!r.ok()) {
            finishOriginate(id, telephony::originateFailed(r.error().text(), phone));
            return;
        }
        if (!r->success()) {
            // Response: Error, e.g. "Extension does not exist." or "Permission denied".
            const QByteArray message = r->message();
            finishOriginate(id,
                            telephony::originateFailed(
                                message.isEmpty() ? u"Originate failed"_s : QString::fromUtf8(message), phone));
            return;
        }
        it->second.queued = true;
        const int wait = m_options.originateTimeoutMs + m_options.connection.responseTimeoutMs;
        QTimer::singleShot(wait, this, [this, id, phone] {
            finishOriginate(id, telephony::originateFailed(u"no OriginateResponse from Asterisk"_s, phone));
        });
    });
}

void AmiPbx::finishOriginate(const QByteArray &actionId, Result<QString> result)
{
    auto it = m_originates.find(actionId);
    if (it == m_originates.end())
        return;
    PendingOriginate p = std::move(it->second);
    m_originates.erase(it);
    m_tracker.forgetOriginate(p.hint);
    if (p.done)
        p.done(std::move(result));
}

void AmiPbx::handleReady()
{
    if (!m_reportedConnected) {
        m_reportedConnected = true;
        Q_EMIT connectionChanged(true, QString());
    }
    resynchronise();
}

void AmiPbx::resynchronise()
{
    AmiMessage list;
    list.append("Action", "CoreShowChannels");
    m_connection.send(list, [this](Result<AmiConnection::Reply> r) {
        if (r.ok() && r->success())
            m_tracker.resynchronise(r->events);
    });
}

void AmiPbx::handleEvent(const AmiMessage &event)
{
    if (event.eventName().compare("OriginateResponse", Qt::CaseInsensitive) == 0) {
        const QByteArray id = event.actionId();
        auto it = m_originates.find(id);
        if (it != m_originates.end()) {
            if (event.value("Response").compare("Success", Qt::CaseInsensitive) == 0)
                finishOriginate(id, QString::fromUtf8(event.value("Uniqueid")));
            else
                finishOriginate(
                    id, telephony::originateFailed(reasonText(event.value("Reason")), it->second.request.phone));
        }
    }
    m_tracker.handleEvent(event);
}

void AmiPbx::hangup(const QString &callId)
{
    const QStringList channels = m_tracker.channelsOf(callId);
    QStringList targets;
    for (const QString &c : channels) {
        if (!c.startsWith(u"Local/"_s, Qt::CaseInsensitive))
            targets.append(c);
    }
    if (targets.isEmpty())
        targets = channels;
    for (const QString &c : targets) {
        AmiMessage m;
        m.append("Action", "Hangup");
        m.append("Channel", c.toUtf8());
        m_connection.send(m);
    }
}

}   // namespace enlace
