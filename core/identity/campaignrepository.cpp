#include <core/identity/campaignrepository.h>

#include <QSet>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

const QString kSelect = u"SELECT id, name, type, state, external_system_id, external_id, contact_database_id, site_id, "
                        "interaction_type FROM campaigns"_s;

std::optional<qint64> optionalId(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}

Campaign readCampaign(const QSqlQuery &q)
{
    Campaign c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.type = CampaignType(q.value(2).toInt());
    c.state = CampaignState(q.value(3).toInt());
    c.externalSystemId = optionalId(q.value(4));
    c.externalId = q.value(5).toString();
    c.contactDatabaseId = optionalId(q.value(6));
    c.siteId = optionalId(q.value(7));
    c.interactionType = InteractionType(q.value(8).toInt());
    return c;
}

QList<qint64> uniqueIds(const QList<qint64> &ids)
{
    QList<qint64> out;
    QSet<qint64> seen;
    for (qint64 id : ids)
        if (!seen.contains(id)) {
            seen.insert(id);
            out.append(id);
        }
    return out;
}

DispositionOption readOption(const QSqlQuery &q)
{
    DispositionOption o;
    o.id = q.value(0).toLongLong();
    o.campaignId = q.value(1).toLongLong();
    o.name = q.value(2).toString();
    o.hidden = q.value(3).toInt() != 0;
    o.crmInteraction = q.value(4).toInt() != 0;
    o.engagement = q.value(5).toInt() != 0;
    return o;
}

}   // namespace

CampaignRepository::CampaignRepository(std::shared_ptr<Database> db)
    : m_db(std::move(db))
{ }

Error CampaignRepository::notFound()
{
    return Error::notFound(u"identity.campaign_not_found"_s,
                           Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "Campaign not found.")));
}

Error CampaignRepository::optionNotFound()
{
    return Error::notFound(u"identity.disposition_option_not_found"_s,
                           Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "Disposition option id not found")));
}

Result<IdentityRules::CampaignContext> CampaignRepository::context(const Campaign &campaign) const
{
    IdentityRules::CampaignContext ctx;
    auto name = m_db->scalar(u"SELECT id FROM campaigns WHERE name = ? AND id <> ?"_s,
                             { campaign.name.trimmed(), campaign.id });
    if (!name)
        return name.error();
    ctx.nameTaken = name->isValid();
    if (campaign.externalSystemId) {
        auto system = m_db->scalar(u"SELECT id FROM external_systems WHERE id = ?"_s, { *campaign.externalSystemId });
        if (!system)
            return system.error();
        ctx.systemExists = system->isValid();
        const QString externalId = campaign.externalId.trimmed();
        if (ctx.systemExists && !externalId.isEmpty()) {
            auto other = m_db->exec(
                u"SELECT id, name FROM campaigns WHERE external_system_id = ? AND external_id = ? AND id <> ?"_s,
                { *campaign.externalSystemId, externalId, campaign.id });
            if (!other)
                return other.error();
            if (other->next()) {
                ctx.campaignWithSameExternalId = other->value(0).toLongLong();
                ctx.otherCampaignName = other->value(1).toString();
            }
        }
    }
    if (campaign.contactDatabaseId) {
        auto q = m_db->exec(
            u"SELECT external_id_column FROM contact_databases WHERE id = ? AND import_heartbeat IS NULL"_s,
            { *campaign.contactDatabaseId });
        if (!q)
            return q.error();
        ctx.databaseExists = q->next();
        if (ctx.databaseExists)
            ctx.databaseExternalIdColumn = q->value(0).toString();
    }
    if (campaign.siteId) {
        auto q = m_db->exec(u"SELECT target, trigger_type FROM external_sites WHERE id = ?"_s, { *campaign.siteId });
        if (!q)
            return q.error();
        ctx.siteExists = q->next();
        if (ctx.siteExists) {
            if (!q->value(0).isNull())
                ctx.siteTarget = SiteTarget(q->value(0).toInt());
            ctx.siteTrigger = SiteTrigger(q->value(1).toInt());
        }
    }
    if (!campaign.agentIds.isEmpty()) {
        QSet<qint64> known;
        auto q = m_db->exec(u"SELECT id FROM agents"_s);
        if (!q)
            return q.error();
        while (q->next())
            known.insert(q->value(0).toLongLong());
        for (qint64 id : uniqueIds(campaign.agentIds))
            if (!known.contains(id))
                ctx.unknownAgentIds.append(id);
    }
    if (campaign.id != 0) {
        auto previous = m_db->scalar(u"SELECT interaction_type FROM campaigns WHERE id = ?"_s, { campaign.id });
        if (!previous)
            return previous.error();
        if (previous->isValid())
            ctx.previousInteractionType = InteractionType(previous->toInt());
    }
    return ctx;
}

Result<ValidationErrors> CampaignRepository::validate(const Campaign &campaign) const
{
    auto ctx = context(campaign);
    if (!ctx)
        return ctx.error();
    return IdentityRules::checkCampaign(campaign, ctx.value());
}

Result<void> CampaignRepository::writeQueue(qint64 campaignId, const QList<qint64> &agentIds)
{
    if (auto r = m_db->exec(u"DELETE FROM campaign_agents WHERE campaign_id = ?"_s, { campaignId }); !r)
        return r.error();
    for (qint64 agentId : uniqueIds(agentIds)) {
        if (auto r = m_db->exec(u"INSERT INTO campaign_agents (campaign_id, agent_id) VALUES (?, ?)"_s,
                                { campaignId, agentId });
            !r)
            return r.error();
    }
    return {};
}

Result<Campaign> CampaignRepository::createOnce(const Campaign &campaign)
{
    Campaign c = campaign;
    c.id = 0;
    Database::Transaction tx(*m_db);
    auto errors = validate(c);
    if (!errors)
        return errors.error();
    if (!errors->isEmpty())
        return Error::invalid(errors.value());
    const QString externalId = c.externalId.trimmed();
    auto id = m_db->insert(
        u"INSERT INTO campaigns (name, type, state, external_system_id, external_id, contact_database_id, site_id, "
        "interaction_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
        { c.name.trimmed(), int(c.type), int(c.state), Database::nullableId(c.externalSystemId),
          externalId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(externalId),
          Database::nullableId(c.contactDatabaseId), Database::nullableId(c.siteId), int(c.interactionType) });
    if (!id)
        return id.error();
    if (auto r = writeQueue(id.value(), c.agentIds); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return find(id.value());
}

Result<Campaign> CampaignRepository::updateOnce(const Campaign &campaign)
{
    Database::Transaction tx(*m_db);
    auto exists = m_db->scalar(u"SELECT id FROM campaigns WHERE id = ?"_s, { campaign.id });
    if (!exists)
        return exists.error();
    if (!exists->isValid())
        return notFound();
    auto errors = validate(campaign);
    if (!errors)
        return errors.error();
    if (!errors->isEmpty())
        return Error::invalid(errors.value());
    const QString externalId = campaign.externalId.trimmed();
    auto q = m_db->exec(u"UPDATE campaigns SET name = ?, type = ?, state = ?, external_system_id = ?, external_id = ?, "
                        "contact_database_id = ?, site_id = ?, interaction_type = ? WHERE id = ?"_s,
                        { campaign.name.trimmed(), int(campaign.type), int(campaign.state),
                          Database::nullableId(campaign.externalSystemId),
                          externalId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(externalId),
                          Database::nullableId(campaign.contactDatabaseId), Database::nullableId(campaign.siteId),
                          int(campaign.interactionType), campaign.id });
    if (!q)
        return q.error();
    if (auto r = writeQueue(campaign.id, campaign.agentIds); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return find(campaign.id);
}

// As in ExternalSystemRepository: a clash with a row another session saved meanwhile is answered
// by a second attempt, which reports it as a validation error.
Result<Campaign> CampaignRepository::create(const Campaign &campaign)
{
    auto r = createOnce(campaign);
    if (!r && r.error().kind == Error::Kind::Conflict)
        return createOnce(campaign);
    return r;
}

Result<Campaign> CampaignRepository::update(const Campaign &campaign)
{
    auto r = updateOnce(campaign);
    if (!r && r.error().kind == Error::Kind::Conflict)
        return updateOnce(campaign);
    return r;
}

Result<Campaign> CampaignRepository::find(qint64 id) const
{
    auto q = m_db->exec(kSelect + u" WHERE id = ?"_s, { id });
    if (!q)
        return q.error();
    if (!q->next())
        return notFound();
    Campaign c = readCampaign(q.value());
    auto agents = m_db->exec(u"SELECT agent_id FROM campaign_agents WHERE campaign_id = ? ORDER BY agent_id"_s, { id });
    if (!agents)
        return agents.error();
    while (agents->next())
        c.agentIds.append(agents->value(0).toLongLong());
    return c;
}

Result<QList<Campaign>> CampaignRepository::list() const
{
    QList<Campaign> out;
    QHash<qint64, qsizetype> index;
    auto q = m_db->exec(kSelect + u" ORDER BY id"_s);
    if (!q)
        return q.error();
    while (q->next()) {
        out.append(readCampaign(q.value()));
        index.insert(out.constLast().id, out.size() - 1);
    }
    auto agents = m_db->exec(u"SELECT campaign_id, agent_id FROM campaign_agents ORDER BY campaign_id, agent_id"_s);
    if (!agents)
        return agents.error();
    while (agents->next()) {
        const auto it = index.constFind(agents->value(0).toLongLong());
        if (it != index.cend())
            out[*it].agentIds.append(agents->value(1).toLongLong());
    }
    return out;
}

Result<QList<Campaign>> CampaignRepository::activeForAgent(qint64 agentId) const
{
    auto q = m_db->exec(kSelect
                            + u" WHERE state = ? AND id IN (SELECT campaign_id FROM campaign_agents WHERE agent_id = ?)"
                              " ORDER BY id"_s,
                        { int(CampaignState::Active), agentId });
    if (!q)
        return q.error();
    QList<Campaign> out;
    while (q->next())
        out.append(readCampaign(q.value()));
    return out;
}

Result<void> CampaignRepository::setSupervisors(qint64 campaignId, const QList<qint64> &userIds)
{
    Database::Transaction tx(*m_db);
    auto exists = m_db->scalar(u"SELECT id FROM campaigns WHERE id = ?"_s, { campaignId });
    if (!exists)
        return exists.error();
    if (!exists->isValid())
        return notFound();
    const QList<qint64> ids = uniqueIds(userIds);
    QStringList unknown;
    for (qint64 id : ids) {
        auto user = m_db->scalar(u"SELECT id FROM users WHERE id = ?"_s, { id });
        if (!user)
            return user.error();
        if (!user->isValid())
            unknown.append(QString::number(id));
    }
    if (!unknown.isEmpty()) {
        ValidationErrors errors;
        errors.add(
            u"supervisors"_s,
            Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "Unknown users: %1.")).arg(unknown.join(u", "_s)));
        return Error::invalid(errors);
    }
    if (auto r = m_db->exec(u"DELETE FROM campaign_supervisors WHERE campaign_id = ?"_s, { campaignId }); !r)
        return r.error();
    for (qint64 id : ids) {
        if (auto r = m_db->exec(u"INSERT INTO campaign_supervisors (campaign_id, user_id) VALUES (?, ?)"_s,
                                { campaignId, id });
            !r)
            return r.error();
    }
    return tx.commit();
}

Result<QList<qint64>> CampaignRepository::supervisors(qint64 campaignId) const
{
    QList<qint64> out;
    auto q = m_db->exec(u"SELECT user_id FROM campaign_supervisors WHERE campaign_id = ? ORDER BY user_id"_s,
                        { campaignId });
    if (!q)
        return q.error();
    while (q->next())
        out.append(q->value(0).toLongLong());
    return out;
}

Result<qint64> CampaignRepository::addDispositionOption(const DispositionOption &option)
{
    auto campaign = m_db->scalar(u"SELECT id FROM campaigns WHERE id = ?"_s, { option.campaignId });
    if (!campaign)
        return campaign.error();
    if (!campaign->isValid())
        return notFound();
    if (option.name.trimmed().isEmpty()) {
        ValidationErrors errors;
        errors.add(u"nombre"_s, IdentityRules::requiredMessage());
        return Error::invalid(errors);
    }
    return m_db->insert(
        u"INSERT INTO disposition_options (campaign_id, name, hidden, crm_interaction, engagement) VALUES (?, ?, ?, ?, ?)"_s,
        { option.campaignId, option.name.trimmed(), option.hidden ? 1 : 0, option.crmInteraction ? 1 : 0,
          option.engagement ? 1 : 0 });
}

Result<QList<DispositionOption>> CampaignRepository::dispositionOptions(qint64 campaignId) const
{
    QList<DispositionOption> out;
    auto q = m_db->exec(u"SELECT id, campaign_id, name, hidden, crm_interaction, engagement FROM disposition_options "
                        "WHERE campaign_id = ? ORDER BY id"_s,
                        { campaignId });
    if (!q)
        return q.error();
    while (q->next())
        out.append(readOption(q.value()));
    return out;
}

Result<DispositionOption> CampaignRepository::dispositionOption(qint64 id) const
{
    auto q = m_db->exec(
        u"SELECT id, campaign_id, name, hidden, crm_interaction, engagement FROM disposition_options WHERE id = ?"_s,
        { id });
    if (!q)
        return q.error();
    if (!q->next())
        return optionNotFound();
    return readOption(q.value());
}

Result<void> CampaignRepository::updateDispositionOption(const DispositionOption &option)
{
    if (option.name.trimmed().isEmpty()) {
        ValidationErrors errors;
        errors.add(u"nombre"_s, IdentityRules::requiredMessage());
        return Error::invalid(errors);
    }
    auto q = m_db->exec(
        u"UPDATE disposition_options SET name = ?, hidden = ?, crm_interaction = ?, engagement = ? WHERE id = ?"_s,
        { option.name.trimmed(), option.hidden ? 1 : 0, option.crmInteraction ? 1 : 0, option.engagement ? 1 : 0,
          option.id });
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return optionNotFound();
    return {};
}

}   // namespace enlace
