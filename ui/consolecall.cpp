#include <ui/consolecall.h>

namespace enlace {

ConsoleCall ConsoleCall::fromEvent(const wire::CallEvent &event)
{
    ConsoleCall c;
    c.callId = event.callId;
    c.campaignId = event.campaignId;
    c.campaignName = event.campaignName;
    c.contactId = event.contactId;
    c.phone = event.phone;
    c.contact = event.contact;
    return c;
}

void ConsoleCall::merge(const ConsoleCall &newer)
{
    if (int(newer.state) > int(state))
        state = newer.state;
    if (!newer.campaignName.isEmpty())
        campaignName = newer.campaignName;
    if (newer.campaignId)
        campaignId = newer.campaignId;
    if (newer.contactId)
        contactId = newer.contactId;
    if (!newer.phone.isEmpty())
        phone = newer.phone;
    if (!newer.contact.isEmpty())
        contact = newer.contact;
    if (newer.offeredAt.isValid() && !offeredAt.isValid())
        offeredAt = newer.offeredAt;
    if (newer.connectedAt.isValid() && !connectedAt.isValid())
        connectedAt = newer.connectedAt;
    if (newer.endedAt.isValid() && !endedAt.isValid())
        endedAt = newer.endedAt;
    if (newer.interaction && !interaction)
        interaction = newer.interaction;
    if (!newer.interactionError.isEmpty())
        interactionError = newer.interactionError;
    if (newer.crmOutcome != CrmOutcome::None
        && (crmOutcome == CrmOutcome::None || crmOutcome == CrmOutcome::Pending || newer.crmAttempts >= crmAttempts)) {
        crmOutcome = newer.crmOutcome;
        crmError = newer.crmError;
        crmAttempts = newer.crmAttempts;
    }
    if (newer.dispositionId) {
        dispositionId = newer.dispositionId;
        dispositionOptionId = newer.dispositionOptionId;
        dispositionName = newer.dispositionName;
        dispositionComments = newer.dispositionComments;
    }
}

}   // namespace enlace
