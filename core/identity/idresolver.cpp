#include <core/identity/idresolver.h>

using namespace Qt::StringLiterals;

namespace enlace {

IdResolver::IdResolver(std::shared_ptr<Database> db)
    : m_db(std::move(db))
{ }

std::optional<QVariant> IdResolver::lookup(const QString &sql, const QVariantList &values) const
{
    auto v = m_db->scalar(sql, values);
    if (!v || !v->isValid() || v->isNull())
        return std::nullopt;
    return v.value();
}

std::optional<qint64> IdResolver::agentId(qint64 systemId, const QString &externalAgentId) const
{
    const QString id = externalAgentId.trimmed();
    if (id.isEmpty())
        return std::nullopt;
    const auto v = lookup(u"SELECT agent_id FROM agent_external_ids WHERE system_id = ? AND external_id = ?"_s,
                          { systemId, id });
    return v ? std::optional<qint64>(v->toLongLong()) : std::nullopt;
}

std::optional<qint64> IdResolver::campaignId(qint64 systemId, const QString &externalCampaignId) const
{
    const QString id = externalCampaignId.trimmed();
    if (id.isEmpty())
        return std::nullopt;
    const auto v
        = lookup(u"SELECT id FROM campaigns WHERE external_system_id = ? AND external_id = ?"_s, { systemId, id });
    return v ? std::optional<qint64>(v->toLongLong()) : std::nullopt;
}

std::optional<qint64> IdResolver::contactId(qint64 campaignId, const QString &externalContactId) const
{
    const QString id = externalContactId.trimmed();
    if (id.isEmpty())
        return std::nullopt;
    const auto v = lookup(u"SELECT ct.id FROM campaigns c JOIN contacts ct ON ct.database_id = c.contact_database_id "
                          "WHERE c.id = ? AND ct.external_id = ?"_s,
                          { campaignId, id });
    return v ? std::optional<qint64>(v->toLongLong()) : std::nullopt;
}

std::optional<QString> IdResolver::externalAgentId(qint64 systemId, qint64 agentId) const
{
    const auto v = lookup(u"SELECT external_id FROM agent_external_ids WHERE system_id = ? AND agent_id = ?"_s,
                          { systemId, agentId });
    return v ? std::optional<QString>(v->toString()) : std::nullopt;
}

std::optional<QString> IdResolver::externalCampaignId(qint64 campaignId) const
{
    const auto v = lookup(u"SELECT external_id FROM campaigns WHERE id = ?"_s, { campaignId });
    return v ? std::optional<QString>(v->toString()) : std::nullopt;
}

std::optional<QString> IdResolver::externalContactId(qint64 contactId) const
{
    const auto v = lookup(u"SELECT external_id FROM contacts WHERE id = ?"_s, { contactId });
    return v ? std::optional<QString>(v->toString()) : std::nullopt;
}

std::optional<qint64> IdResolver::campaignSystem(qint64 campaignId) const
{
    const auto v = lookup(u"SELECT external_system_id FROM campaigns WHERE id = ?"_s, { campaignId });
    return v ? std::optional<qint64>(v->toLongLong()) : std::nullopt;
}

}   // namespace enlace
