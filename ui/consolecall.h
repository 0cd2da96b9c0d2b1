#pragma once

#include <core/model/enums.h>
#include <core/requests/agentevents.h>

#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

namespace enlace {

// One call as the console knows it: what the server's events and GET /api/v1/agent/calls/ said
// about it, merged (states only move forward).
struct ConsoleCall
{
    // What the server said about the CRM request it sends for this call (trigger "server").
    enum class CrmOutcome { None, Pending, Delivered, Failed };

    QString callId;
    std::optional<qint64> campaignId;
    QString campaignName;
    std::optional<qint64> contactId;
    QString phone;
    QHash<QString, QString> contact;   // the contact database's columns
    CallState state = CallState::Offered;
    QDateTime offeredAt;
    QDateTime connectedAt;
    QDateTime endedAt;
    std::optional<wire::CallInteraction> interaction;   // the site the console opens, if any
    QString interactionError;   // why the interaction could not be resolved
    CrmOutcome crmOutcome = CrmOutcome::None;
    QString crmError;   // the server's reason, when it failed
    int crmAttempts = 0;
    std::optional<qint64> dispositionId;
    std::optional<qint64> dispositionOptionId;
    QString dispositionName;
    QString dispositionComments;

    bool inProgress() const { return state == CallState::Offered || state == CallState::Connected; }
    // An agent-triggered site: the agent opens it (Open CRM). Automatic sites may be opened again too.
    bool canOpenCrm() const
    {
        return state == CallState::Connected && interaction && interaction->request
            && (interaction->interaction.trigger == SiteTrigger::Agent
                || interaction->interaction.trigger == SiteTrigger::Automatic);
    }

    static ConsoleCall fromEvent(const wire::CallEvent &event);
    // Takes what `newer` knows and this does not; never moves the state backwards.
    void merge(const ConsoleCall &newer);
};

}   // namespace enlace
