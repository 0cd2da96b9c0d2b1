#pragma once

#include <core/model/enums.h>
#include <core/model/result.h>

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace enlace {

// What the server asks the PBX to dial for makeCall (OMniLeads' click2call).
struct OriginateRequest
{
    qint64 agentId = 0;
    QString agentExtension;   // the agent's SIP extension
    QString agentName;   // "first last"
    qint64 campaignId = 0;
    CampaignType campaignType = CampaignType::Manual;
    std::optional<qint64> contactId;
    QString phone;   // the number to call
    QHash<QString, QString> variables;   // extra channel variables (dial plan specific)
};

// One call event, as the PBX reports it: the same call data OMniLeads' SIP headers carry.
struct PbxCallEvent
{
    QString callId;
    QString agentExtension;
    std::optional<qint64> agentId;
    std::optional<qint64> campaignId;
    std::optional<qint64> contactId;
    QString phone;
    CallType type = CallType::Manual;
    QString recordingFile;
    int waitSeconds = 0;
    QHash<QString, QString> dialplanData;   // Omlcrm* variables
    QDateTime at;
};

// The telephony boundary. SimulatedPbx (embedded default) and AmiPbx (Asterisk) implement it;
// the server neither knows nor cares which one it drives.
class Pbx : public QObject
{
    Q_OBJECT

public:
    using OriginateDone = std::function<void(Result<QString>)>;   // the call id, or why not

    explicit Pbx(QObject *parent = nullptr);
    ~Pbx() override;

    // Asynchronous; done is called exactly once, on the Pbx's thread.
    virtual void originate(const OriginateRequest &request, OriginateDone done) = 0;
    virtual void hangup(const QString &callId) = 0;
    virtual bool isConnected() const = 0;
    // Begins talking to the PBX (AmiPbx connects and logs in); the embedded PBX is ready at once.
    // A failure that retrying cannot fix (wrong AMI password) is reported by startFailed.
    virtual void start() { }

Q_SIGNALS:
    void callOffered(const enlace::PbxCallEvent &event);
    void callConnected(const enlace::PbxCallEvent &event);
    void callEnded(const enlace::PbxCallEvent &event);
    void connectionChanged(bool connected, const QString &reason);
    void startFailed(const QString &reason);   // never carries a secret
};

}   // namespace enlace
