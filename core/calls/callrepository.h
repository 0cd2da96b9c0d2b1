#pragma once

#include <core/model/call.h>
#include <core/model/result.h>
#include <core/telephony/pbx.h>

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace enlace {

class Database;

// The calls table. Every state change is a conditional write (INSERT ... ON CONFLICT DO NOTHING,
// UPDATE ... WHERE state < new), so when several server instances or a repeated PBX event report
// the same transition, exactly one caller wins it and emits its events: the others get nothing.
// States only move forward: offered -> connected -> ended (or failed).
class CallRepository final
{
public:
    explicit CallRepository(std::shared_ptr<Database> db);

    // The call after the transition, or nullopt when this transition was already recorded.
    // Ids the store does not know (campaign, agent, contact) are stored as null.
    Result<std::optional<Call>> record(const PbxCallEvent &event, CallState state, qint64 atMs);

    Result<Call> find(const QString &callId) const;   // NotFound "api.call_not_found"
    Result<Call> findById(qint64 id) const;
    // Newest first.
    Result<QList<Call>> listForAgent(qint64 agentId, int limit = 50) const;
    // The agent's call that is offered or connected, if any (newest).
    Result<std::optional<Call>> activeCallForAgent(qint64 agentId) const;
    // The contact created during the call (OMniLeads' contact_saved).
    Result<void> setContact(const QString &callId, qint64 contactId);

private:
    Result<QList<Call>> select(const QString &where, const QVariantList &values, const QString &tail = {}) const;

    std::shared_ptr<Database> m_db;
};

}   // namespace enlace
