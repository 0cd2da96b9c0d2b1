#pragma once

#include <core/model/clock.h>
#include <core/telephony/amimessage.h>
#include <core/telephony/pbx.h>

#include <QHash>
#include <QObject>
#include <QStringList>

#include <deque>
#include <map>

namespace enlace {

// Turns Asterisk's channel events into calls. A call is the set of channels sharing a Linkedid
// (the Uniqueid of its oldest channel), and that Linkedid is the call id. A call is
//   offered   when the agent's device is rung (DialBegin to it, or AgentCalled),
//   connected when the agent and the customer are both answered (DialEnd ANSWER, AgentConnect,
//             BridgeEnter; an inbound caller is present from the start),
//   ended     when the agent's channel hangs up, or the last channel of the call does.
// The call data comes from VarSet of OMniLeads' call variables (names configurable, matched
// case-insensitively, inheritance underscores ignored), from the originate that started the
// call (expectOriginate), and from the events themselves (HoldTime, caller and dialled numbers).
class AmiCallTracker final : public QObject
{
    Q_OBJECT

public:
    struct VariableNames
    {
        QStringList campaign { QStringLiteral("IdCamp"), QStringLiteral("OMLCAMPID") };
        QStringList contact { QStringLiteral("codCli"), QStringLiteral("IdCliente"), QStringLiteral("OMLCODCLI") };
        QStringList phone { QStringLiteral("OMLOUTNUM") };
        QStringList callType { QStringLiteral("OMLCALLTYPEID") };
        QStringList recording { QStringLiteral("OMLRECFILENAME"), QStringLiteral("MIXMONITOR_FILENAME") };
        QStringList waitSeconds { QStringLiteral("OMLCALLWAITDURATION") };
        QStringList agent { QStringLiteral("FTSAGENTE"),
                            QStringLiteral("OMLAGENTID") };   // "<agent id>_<name>" or "<id>"
        QString dialplanPrefix = QStringLiteral("Omlcrm");
    };

    explicit AmiCallTracker(const Clock &clock, QObject *parent = nullptr);

    void setVariableNames(VariableNames names) { m_names = std::move(names); }
    const VariableNames &variableNames() const { return m_names; }

    // The next call whose first channel name starts with channelPrefix (an originated
    // "Local/1001@click2call") carries this data unless the dial plan says otherwise.
    void expectOriginate(const QString &channelPrefix, const PbxCallEvent &data);
    void forgetOriginate(const QString &channelPrefix);

    void handleEvent(const AmiMessage &event);
    // After a (re)connect: the CoreShowChannel events of a CoreShowChannels list. Calls that
    // vanished while the link was down end; the others carry on.
    void resynchronise(const QList<AmiMessage> &channels);

    QStringList activeCallIds() const;
    // Channel names of a call, agent and customer legs first (what Hangup needs).
    QStringList channelsOf(const QString &callId) const;
    bool isKnown(const QString &callId) const { return m_calls.count(callId) != 0; }

Q_SIGNALS:
    void callOffered(const enlace::PbxCallEvent &event);
    void callConnected(const enlace::PbxCallEvent &event);
    void callEnded(const enlace::PbxCallEvent &event);

private:
    struct Channel
    {
        QString name;
        bool gone = false;
    };
    struct Call
    {
        PbxCallEvent data;
        std::map<QString, Channel> channels;   // by Uniqueid
        QString agentUniqueid;
        bool inbound = false;
        bool originated = false;
        bool agentUp = false;
        bool customerUp = false;
        bool offered = false;
        bool connected = false;
        bool ended = false;
        bool waitFromDialplan = false;
        bool queued = false;   // went through app_queue: AgentConnect carries the hold time
        bool queueSettled = false;   // AgentConnect (or the bridge) seen
        bool typeFromDialplan = false;
    };

    Call *callFor(const AmiMessage &event, bool create);
    void addChannel(Call &call, const QByteArray &uniqueid, const QByteArray &name);
    void applyVariable(Call &call, const QString &name, const QString &value);
    void setAgentChannel(Call &call, const QString &uniqueid, const QString &name);
    bool isAgentChannel(const Call &call, const QString &name) const;
    void offer(Call &call);
    void maybeConnect(Call &call);
    void end(const QString &callId);
    void channelGone(Call &call, const QString &uniqueid);
    PbxCallEvent snapshot(const Call &call) const;

    const Clock &m_clock;
    VariableNames m_names;
    std::map<QString, Call> m_calls;   // by Linkedid
    QHash<QString, PbxCallEvent> m_hints;
    QSet<QString> m_finished;   // late events of finished calls must not revive them
    std::deque<QString> m_finishedOrder;
};

}   // namespace enlace
