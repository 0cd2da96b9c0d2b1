#pragma once

#include <core/model/externalsystem.h>
#include <core/model/result.h>
#include <core/store/database.h>

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace enlace {

// External systems and their agents' external ids. Every write checks IdentityRules first, so a
// duplicate is a validation error naming the rows, and nothing is written.
class ExternalSystemRepository final
{
public:
    explicit ExternalSystemRepository(std::shared_ptr<Database> db);

    // The system as stored, with its new ids. Row ids in the input are ignored.
    Result<ExternalSystem> create(const ExternalSystem &system);
    // OMniLeads' update: the name is replaced; a row with an id updates only that row's external
    // id (its agent stays); a row without id is created; a stored row not listed is deleted.
    // All in one transaction. A row id of another system is an error on "agentes[i].id".
    Result<ExternalSystem> update(const ExternalSystem &system);
    Result<ExternalSystem> find(qint64 id) const;
    // Ordered by id; each system's rows ordered by id.
    Result<QList<ExternalSystem>> list() const;

    // Beyond OMniLeads: a secret with which a CRM proves it speaks for this system. The key is
    // returned once; only its SHA-256 is stored, and a new key replaces the previous one.
    Result<QString> rotateIntegrationKey(qint64 systemId);
    Result<std::optional<qint64>> systemForIntegrationKey(const QString &key) const;

    static Error notFound();

private:
    Result<ExternalSystem> createOnce(const ExternalSystem &system);
    Result<ExternalSystem> updateOnce(const ExternalSystem &system);
    Result<QSet<qint64>> agentIds() const;
    Result<bool> nameTaken(const QString &name, qint64 exceptId) const;

    std::shared_ptr<Database> m_db;
};

}   // namespace enlace
