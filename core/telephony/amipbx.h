#pragma once

#include <core/model/clock.h>
#include <core/telephony/amicalltracker.h>
#include <core/telephony/amiconnection.h>
#include <core/telephony/pbx.h>

#include <QList>
#include <QPair>

#include <map>

namespace enlace {

// The Pbx of a real Asterisk (OMniLeads' or any other), driven through the manager interface.
// makeCall becomes the Originate OMniLeads sends (reference §5.2a); channel events become
// offered / connected / ended through AmiCallTracker. The originate's `done` is called when
// Asterisk reports the outcome (OriginateResponse): with the call id (the Linkedid of the call)
// when the agent's leg answered, or with OMniLeads' error text
// "Originate failed by <reason> - contacto: <phone>". callOffered may come before done.
class AmiPbx final : public Pbx
{
    Q_OBJECT

public:
    struct Options
    {
        AmiConnection::Options connection;
        // Placeholders: {extension} {phone} {agentId} {agentName} {campaignId} {campaignType} {contactId}
        QString channel = QStringLiteral("Local/{extension}@click2call/n");
        QString context = QStringLiteral("from-oml");
        QString exten = QStringLiteral("{phone}");
        int priority = 1;
        int originateTimeoutMs = 45000;
        QString callerId;   // empty: not sent
        bool omnileadsVariables = true;   // IdCamp, codCli, origin, Tipocamp, FTSAGENTE
        QList<QPair<QString, QString>> extraVariables;   // name -> value template
        AmiCallTracker::VariableNames variableNames;
    };

    AmiPbx(Options options, const Clock &clock, QObject *parent = nullptr);
    ~AmiPbx() override;

    void start() override;
    void originate(const OriginateRequest &request, OriginateDone done) override;
    void hangup(const QString &callId) override;
    bool isConnected() const override { return m_connection.isReady(); }

    // The Originate action exactly as it goes on the wire (without ActionID), for tests and docs.
    AmiMessage originateAction(const OriginateRequest &request) const;
    const AmiConnection &connection() const { return m_connection; }
    const AmiCallTracker &tracker() const { return m_tracker; }

private:
    struct PendingOriginate
    {
        OriginateRequest request;
        OriginateDone done;
        QString hint;
        bool queued = false;
    };

    QString expand(const QString &pattern, const OriginateRequest &request) const;
    void handleReady();
    void handleEvent(const AmiMessage &event);
    void finishOriginate(const QByteArray &actionId, Result<QString> result);
    void resynchronise();

    Options m_options;
    const Clock &m_clock;
    AmiConnection m_connection;
    AmiCallTracker m_tracker;
    std::map<QByteArray, PendingOriginate> m_originates;   // by ActionID
    bool m_reportedConnected = false;
    quint64 m_originateSequence = 0;
};

}   // namespace enlace
