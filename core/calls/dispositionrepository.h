#pragma once

#include <core/model/clock.h>
#include <core/model/disposition.h>
#include <core/model/result.h>
#include <core/store/database.h>

#include <QList>
#include <QStringList>

#include <memory>
#include <optional>

namespace enlace {

// The agents' dispositions (OMniLeads' CalificacionCliente): at most one per (campaign, contact).
// A create or update that would give a contact a second disposition on the same campaign fails
// with Error::Kind::Conflict, code "disposition.duplicate" and OMniLeads' message, and writes
// nothing.
class DispositionRepository final
{
public:
    DispositionRepository(std::shared_ptr<Database> db, const Clock &clock);

    // Stores d (id, createdAt, updatedAt are assigned) and returns it as stored.
    Result<Disposition> create(Disposition d) const;
    // Rewrites every field but createdAt of the disposition d.id; NotFound when it does not exist.
    Result<Disposition> update(Disposition d) const;
    Result<Disposition> find(qint64 id) const;
    Result<std::optional<Disposition>> findFor(qint64 campaignId, qint64 contactId) const;
    // Ordered by id.
    Result<QList<Disposition>> listByAgent(qint64 agentId) const;
    // The dispositions of these calls (at most one each, in no particular order).
    Result<QList<Disposition>> listForCalls(const QStringList &callIds) const;
    Result<QList<Disposition>> listByCampaign(qint64 campaignId) const;
    Result<qint64> count() const;

    static Error duplicateError();

private:
    Result<QList<Disposition>> select(const QString &where, const QVariantList &values) const;

    std::shared_ptr<Database> m_db;
    const Clock &m_clock;
};

}   // namespace enlace
