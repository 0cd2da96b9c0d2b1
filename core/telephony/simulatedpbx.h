#pragma once

#include <core/model/clock.h>
#include <core/telephony/pbx.h>

#include <QHash>
#include <QList>
#include <QRandomGenerator>
#include <QString>

#include <deque>
#include <map>
#include <optional>

class QTimer;

namespace enlace {

// The embedded PBX of the demo and of tests: it rings agents, answers, hangs up, honours
// originate and feeds inbound calls to a campaign's agents, with the same call data Asterisk
// would carry. Delays are real QTimers multiplied by Options::timeScale, so tests run them in
// milliseconds; timestamps, call ids and wait times come from the injected Clock.
class SimulatedPbx final : public Pbx
{
    Q_OBJECT

public:
    struct Options
    {
        int answerDelayMs = 3000;   // ringing until the call is answered
        int callDurationMs = 45000;   // talking until it hangs up; <= 0: only hangup() ends it
        double timeScale = 1.0;   // multiplies every delay and inbound interval
        quint32 seed = 1;   // inbound contact choice, reproducible
        int maxQueuedPerCampaign = 50;   // inbound callers waiting for a free agent
        // Asterisk's `systemname` (asterisk.conf): when set, uniqueids are "<name>-<epoch>.<seq>",
        // so PBXs that share one database never name two calls alike. Each enlace-server's own
        // simulated PBX is such a PBX: the server passes its instance id.
        QString systemName;
    };

    struct Agent
    {
        qint64 id = 0;
        QString extension;
    };

    struct Contact
    {
        QString phone;
        std::optional<qint64> contactId;
        QHash<QString, QString> dialplanData;   // Omlcrm* values the dial plan would attach
    };

    explicit SimulatedPbx(const Clock &clock, QObject *parent = nullptr);
    SimulatedPbx(const Clock &clock, Options options, QObject *parent = nullptr);
    ~SimulatedPbx() override;

    void originate(const OriginateRequest &request, OriginateDone done) override;
    void hangup(const QString &callId) override;
    bool isConnected() const override { return true; }
    void start() override;

    // Inbound traffic: callsPerMinute callers (each picked from contacts) reach the first free
    // agent of the list; when none is free they wait, and the wait is reported. Calling it
    // again for the same campaign replaces its agents, contacts and rate.
    void addInboundCampaign(qint64 campaignId, const QList<Agent> &agents, const QList<Contact> &contacts,
                            double callsPerMinute);
    void removeInboundCampaign(qint64 campaignId);
    // One inbound call now (as if the next one of the rate had arrived); false if unknown campaign.
    bool injectInboundCall(qint64 campaignId);

    bool isAgentBusy(const QString &extension) const;
    QStringList activeCallIds() const;
    int queuedCalls(qint64 campaignId) const;
    const Options &options() const { return m_options; }

private:
    enum class Stage { Ringing, Talking };
    struct ActiveCall
    {
        PbxCallEvent event;
        Stage stage = Stage::Ringing;
        quint64 token = 0;
    };
    struct Waiting
    {
        Contact contact;
        qint64 arrivedMs = 0;
    };
    struct Campaign
    {
        QList<Agent> agents;
        QList<Contact> contacts;
        double callsPerMinute = 0;
        QTimer *timer = nullptr;
        std::deque<Waiting> queue;
        int nextAgent = 0;   // round robin start
    };

    QString nextCallId();
    QString recordingName(const QString &callId, const QString &phone) const;
    int scaled(int ms) const;
    void startCall(PbxCallEvent event);
    void schedule(const QString &callId, int delayMs);
    void advance(const QString &callId, quint64 token);
    void finish(const QString &callId);
    void dispatchQueues();
    bool offerInbound(qint64 campaignId, Campaign &campaign);

    const Clock &m_clock;
    Options m_options;
    QRandomGenerator m_random;
    quint64 m_sequence = 0;
    quint64 m_tokens = 0;
    std::map<QString, ActiveCall> m_calls;   // by call id
    QHash<QString, QString> m_busyAgents;   // extension -> call id
    std::map<qint64, Campaign> m_campaigns;
};

}   // namespace enlace
