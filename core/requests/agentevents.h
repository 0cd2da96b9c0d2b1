#pragma once

#include <core/model/enums.h>
#include <core/model/result.h>
#include <core/requests/httprequest.h>
#include <core/requests/interaction.h>

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

// The agent event channel's messages as the console decodes them: the one definition of the wire
// format, written by the server (CallFlow) and read by the console (EventChannelClient). Every
// type has toJson() and fromJson(); a malformed object gives an Error (code "events.malformed")
// whose detail names the field, e.g. "interaction.request.url".
namespace enlace::wire {

// {"id":N,"type":"call.connected","data":{...}}: one event of the agent's channel, ids global and
// increasing.
struct AgentEvent
{
    // Event types: the names EventLog and CallFlow write (their constants are these).
    static constexpr const char *CallOffered = "call.offered";   // data: CallEvent
    static constexpr const char *CallConnected = "call.connected";   // data: wire::CallConnected
    static constexpr const char *CallEnded = "call.ended";   // data: wire::CallEnded
    static constexpr const char *ExternalSiteInteraction = "external_site_interaction";
    static constexpr const char *DispositionInteraction = "disposition.interaction";
    static constexpr const char *ContactSaved = "contact_saved";

    qint64 id = 0;
    QString type;
    QJsonObject data;

    QJsonObject toJson() const;
    static Result<AgentEvent> fromJson(const QJsonObject &json);
    friend bool operator==(const AgentEvent &, const AgentEvent &) = default;
};

// The call as call.offered, call.connected and call.ended carry it:
// {"call_id", "campaign_id": N|null, "campaign_name", "campaign_type": 1..4|null, "agent_id": N|null,
//  "contact_id": N|null, "phone", "call_type", "recording_file", "wait_seconds",
//  "dialplan": {name: value}, "contact": {column: value} (only with a contact_id)}
struct CallEvent
{
    QString callId;
    std::optional<qint64> campaignId;
    QString campaignName;
    std::optional<CampaignType> campaignType;   // null without a campaign
    std::optional<qint64> agentId;
    std::optional<qint64> contactId;
    QString phone;
    CallType callType = CallType::Manual;
    QString recordingFile;
    int waitSeconds = 0;
    QHash<QString, QString> dialplan;   // Omlcrm* variables of the dial plan
    QHash<QString, QString> contact;   // the contact's values by column; written only with a contactId

    QJsonObject toJson() const;
    static Result<CallEvent> fromJson(const QJsonObject &json);
    friend bool operator==(const CallEvent &, const CallEvent &) = default;
};

// The exact CRM request the console must make, as the console receives it:
// {"method", "url" (encoded), "headers": [{"name","value"}], "content_type", "body"}
struct CrmRequest
{
    QString method;
    QString url;
    QList<QPair<QString, QString>> headers;   // in order; Content-Type included for POST
    QString contentType;
    QString body;

    static CrmRequest fromHttpRequest(const HttpRequest &request);
    HttpRequest toHttpRequest() const;
    QJsonObject toJson() const;
    static Result<CrmRequest> fromJson(const QJsonObject &json);
    friend bool operator==(const CrmRequest &, const CrmRequest &) = default;
};

// The "interaction" of call.connected and disposition.interaction: Interaction::toJson() and, for
// a site the console opens, "request"; for one the server sends, "delivery_key".
struct CallInteraction
{
    Interaction interaction;
    std::optional<CrmRequest> request;
    std::optional<QString> deliveryKey;

    QJsonObject toJson() const;
    static Result<CallInteraction> fromJson(const QJsonObject &json);
    friend bool operator==(const CallInteraction &, const CallInteraction &) = default;
};

// call.connected: the call, "interaction" (null when no site fires at connect) and, when the
// interaction could not be resolved or queued, "interaction_error".
struct CallConnected
{
    CallEvent call;
    std::optional<CallInteraction> interaction;
    std::optional<QString> interactionError;

    QJsonObject toJson() const;
    static Result<CallConnected> fromJson(const QJsonObject &json);
    friend bool operator==(const CallConnected &, const CallConnected &) = default;
};

// call.ended: the call, "state" (3 ended, 4 failed) and "duration_seconds" when it was connected.
struct CallEnded
{
    CallEvent call;
    CallState state = CallState::Ended;
    std::optional<int> durationSeconds;

    QJsonObject toJson() const;
    static Result<CallEnded> fromJson(const QJsonObject &json);
    friend bool operator==(const CallEnded &, const CallEnded &) = default;
};

// external_site_interaction: the outcome of a request the server sent to the CRM.
// {"delivered", "error_msg": text|null (OMniLeads' key), "status": N|null, "attempts",
//  "site_id": N|null, "call_id", "key"}
struct ExternalSiteInteraction
{
    bool delivered = false;
    std::optional<QString> errorMessage;   // null when delivered
    std::optional<int> status;   // the last HTTP status; null without an answer
    int attempts = 0;
    std::optional<qint64> siteId;
    QString callId;
    QString key;   // the delivery key of call.connected's interaction

    QJsonObject toJson() const;
    static Result<ExternalSiteInteraction> fromJson(const QJsonObject &json);
    friend bool operator==(const ExternalSiteInteraction &, const ExternalSiteInteraction &) = default;
};

// disposition.interaction: a "call disposition" site the console opens.
// {"call_id", "disposition_id", "interaction": CallInteraction (with its request)}
struct DispositionInteraction
{
    QString callId;
    qint64 dispositionId = 0;
    CallInteraction interaction;

    QJsonObject toJson() const;
    static Result<DispositionInteraction> fromJson(const QJsonObject &json);
    friend bool operator==(const DispositionInteraction &, const DispositionInteraction &) = default;
};

// contact_saved: a contact created during a call was linked to it.
// {"id": call id (OMniLeads' key), "call_id", "contact_id"}
struct ContactSaved
{
    QString callId;
    qint64 contactId = 0;

    QJsonObject toJson() const;
    static Result<ContactSaved> fromJson(const QJsonObject &json);
    friend bool operator==(const ContactSaved &, const ContactSaved &) = default;
};

// One of the agent's recent calls, as GET /api/v1/agent/calls/ lists them for a console that
// (re)starts: the call as call.connected carries it (its interaction only while it is in progress
// and its site is one the console opens), its state and times, and the agent's disposition of it.
// {"state": 1..4, "offered_at": ISO 8601, "connected_at": ISO|null, "ended_at": ISO|null,
//  "disposition": {"id", "option_id", "comments"}|null, ...CallConnected's fields}
struct AgentCall
{
    struct Disposition
    {
        qint64 id = 0;
        qint64 optionId = 0;
        QString comments;
        friend bool operator==(const Disposition &, const Disposition &) = default;
    };

    CallConnected connected;
    CallState state = CallState::Offered;
    QDateTime offeredAt;
    QDateTime connectedAt;
    QDateTime endedAt;
    std::optional<Disposition> disposition;

    QJsonObject toJson() const;
    static Result<AgentCall> fromJson(const QJsonObject &json);
    friend bool operator==(const AgentCall &, const AgentCall &) = default;
};

}   // namespace enlace::wire
