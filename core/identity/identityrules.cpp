#include <core/identity/identityrules.h>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

QString rowField(qsizetype index, const char *leaf)
{
    return u"agentes["_s + QString::number(index) + u"]."_s + QString::fromLatin1(leaf);
}

QString rowNumber(qsizetype index)
{
    return QString::number(index + 1);
}

}   // namespace

Message IdentityRules::requiredMessage()
{
    return Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "This field is required."));
}

Message IdentityRules::usernameTakenMessage()
{
    return Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "A user with that username already exists."));
}

ValidationErrors IdentityRules::checkSystemName(const QString &name, bool nameTaken)
{
    ValidationErrors errors;
    if (name.trimmed().isEmpty())
        errors.add(u"nombre"_s, requiredMessage());
    else if (nameTaken)
        errors.add(u"nombre"_s,
                   Message::make("Identity",
                                 QT_TRANSLATE_NOOP("Identity", "An external system with this name already exists.")));
    return errors;
}

ValidationErrors IdentityRules::checkAgentExternalIds(const QList<AgentExternalId> &rows,
                                                      const QSet<qint64> &existingAgentIds)
{
    ValidationErrors errors;
    QHash<QString, qsizetype> firstRowOfId;
    QHash<qint64, qsizetype> firstRowOfAgent;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const AgentExternalId &row = rows.at(i);
        const QString externalId = row.externalId.trimmed();
        if (row.agentId <= 0) {
            errors.add(rowField(i, "agente"), requiredMessage());
        } else if (!existingAgentIds.contains(row.agentId)) {
            errors.add(rowField(i, "agente"),
                       Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "Unknown agent.")));
        } else if (const auto it = firstRowOfAgent.constFind(row.agentId); it != firstRowOfAgent.cend()) {
            const Message twice = Message::make(
                "Identity",
                QT_TRANSLATE_NOOP("Identity", "The agent already has an external id in this system, in row %1."));
            errors.add(rowField(*it, "agente"), twice.arg(rowNumber(i)));
            errors.add(rowField(i, "agente"), twice.arg(rowNumber(*it)));
        } else {
            firstRowOfAgent.insert(row.agentId, i);
        }
        if (externalId.isEmpty()) {
            errors.add(rowField(i, "id_externo_agente"), requiredMessage());
        } else if (const auto it = firstRowOfId.constFind(externalId); it != firstRowOfId.cend()) {
            const Message repeated
                = Message::make("Identity",
                                QT_TRANSLATE_NOOP("Identity",
                                                  "The external id \"%1\" is also given to the agent in row %2; an "
                                                  "external id identifies one agent per system."));
            errors.add(rowField(*it, "id_externo_agente"), repeated.arg(externalId).arg(rowNumber(i)));
            errors.add(rowField(i, "id_externo_agente"), repeated.arg(externalId).arg(rowNumber(*it)));
        } else {
            firstRowOfId.insert(externalId, i);
        }
    }
    return errors;
}

ValidationErrors IdentityRules::checkExternalSystem(const ExternalSystem &system, bool nameTaken,
                                                    const QSet<qint64> &existingAgentIds)
{
    ValidationErrors errors = checkSystemName(system.name, nameTaken);
    errors.append(checkAgentExternalIds(system.agents, existingAgentIds));
    return errors;
}

ValidationErrors IdentityRules::checkCampaign(const Campaign &campaign, const CampaignContext &context)
{
    ValidationErrors errors;
    if (campaign.name.trimmed().isEmpty())
        errors.add(u"nombre"_s, requiredMessage());
    else if (context.nameTaken)
        errors.add(
            u"nombre"_s,
            Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "A campaign with this name already exists.")));

    if (int(campaign.type) < int(CampaignType::Inbound) || int(campaign.type) > int(CampaignType::Preview))
        errors.add(u"type"_s, Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "Unknown campaign type.")));

    const QString externalId = campaign.externalId.trimmed();
    if (campaign.externalSystemId) {
        if (!context.systemExists) {
            errors.add(u"sistema_externo"_s,
                       Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "Unknown external system.")));
        } else {
            if (!externalId.isEmpty() && context.campaignWithSameExternalId)
                errors.add(u"id_externo"_s,
                           Message::make(
                               "Identity",
                               QT_TRANSLATE_NOOP(
                                   "Identity",
                                   "A campaign with that external id already exists for the External System choosen")));
            const bool databaseHasIdColumn
                = campaign.contactDatabaseId && context.databaseExists && !context.databaseExternalIdColumn.isEmpty();
            if (!databaseHasIdColumn && (!campaign.contactDatabaseId || context.databaseExists))
                errors.add(u"bd_contacto"_s,
                           Message::make("Identity",
                                         QT_TRANSLATE_NOOP("Identity",
                                                           "A campaign assigned to an external system must used a "
                                                           "contact database with an external id field defined")));
        }
    } else if (!externalId.isEmpty()) {
        errors.add(u"id_externo"_s,
                   Message::make("Identity",
                                 QT_TRANSLATE_NOOP("Identity",
                                                   "Can't specify an external id without choose an External System")));
    }
    if (campaign.contactDatabaseId && !context.databaseExists)
        errors.add(u"bd_contacto"_s,
                   Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "Unknown contact database.")));

    const int type = int(campaign.interactionType);
    const bool knownType = type >= int(InteractionType::Form) && type <= int(InteractionType::FormAndExternalUrl);
    if (!knownType) {
        errors.add(u"tipo_interaccion"_s,
                   Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "Unknown interaction type.")));
    } else if (context.previousInteractionType && *context.previousInteractionType != campaign.interactionType) {
        // OMniLeads' edit rule: an "external URL" campaign stays so; the others switch between form and both.
        if (*context.previousInteractionType == InteractionType::ExternalUrl
            || campaign.interactionType == InteractionType::ExternalUrl)
            errors.add(u"tipo_interaccion"_s,
                       Message::make("Identity",
                                     QT_TRANSLATE_NOOP("Identity",
                                                       "The interaction type of a campaign can only change between "
                                                       "\"Form\" and \"Form and external URL\".")));
    }
    if (campaign.siteId && !context.siteExists) {
        errors.add(u"sitio_externo"_s,
                   Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "Unknown external site.")));
    } else if (knownType) {
        if (campaign.interactionType == InteractionType::Form && campaign.siteId)
            errors.add(u"sitio_externo"_s,
                       Message::make("Identity",
                                     QT_TRANSLATE_NOOP(
                                         "Identity", "Can't select an external URL if a campaign form was selected")));
        else if (campaign.interactionType != InteractionType::Form && !campaign.siteId)
            errors.add(u"sitio_externo"_s,
                       Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "You must select an external URL")));
        else if (campaign.interactionType == InteractionType::FormAndExternalUrl
                 && context.siteTarget == SiteTarget::Embedded && context.siteTrigger != SiteTrigger::Disposition)
            errors.add(
                u"sitio_externo"_s,
                Message::make(
                    "Identity",
                    QT_TRANSLATE_NOOP(
                        "Identity",
                        "For this interaction type you can't choose an external site with embedded \"Target\"")));
    }
    if (!context.unknownAgentIds.isEmpty()) {
        QStringList ids;
        for (qint64 id : context.unknownAgentIds)
            ids.append(QString::number(id));
        errors.add(
            u"agentes"_s,
            Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "Unknown agents: %1.")).arg(ids.join(u", "_s)));
    }
    return errors;
}

ValidationErrors IdentityRules::checkContactExternalId(const QString &field, const QString &externalId,
                                                       qint64 usedByContactId, qint64 selfId)
{
    ValidationErrors errors;
    if (!externalId.trimmed().isEmpty() && usedByContactId > 0 && usedByContactId != selfId)
        errors.add(
            field,
            Message::make("Identity",
                          QT_TRANSLATE_NOOP("Identity", "A contact with that external id already exist in database")));
    return errors;
}

ValidationErrors IdentityRules::checkContactExternalId(const QString &externalId, int line, const QString &lineContent,
                                                       QHash<QString, int> &seenInFile,
                                                       const std::function<bool(const QString &)> &existsInDatabase)
{
    ValidationErrors errors;
    const QString id = externalId.trimmed();
    if (id.isEmpty())
        return errors;
    const QString field = u"line "_s + QString::number(line);
    if (const auto it = seenInFile.constFind(id); it != seenInFile.cend()) {
        errors.add(field,
                   Message::make("Identity",
                                 QT_TRANSLATE_NOOP("Identity",
                                                   "The selected file has contacts with external ids repeated. Invalid "
                                                   "line: %1 Line content: %2 Repeated ID: %3 (first seen on line %4)"))
                       .arg(QString::number(line))
                       .arg(lineContent)
                       .arg(id)
                       .arg(QString::number(*it)));
        return errors;
    }
    seenInFile.insert(id, line);
    if (existsInDatabase && existsInDatabase(id))
        errors.add(field,
                   Message::make("Identity",
                                 QT_TRANSLATE_NOOP(
                                     "Identity",
                                     "Line %1: a contact with the external id \"%2\" already exists in the database."))
                       .arg(QString::number(line))
                       .arg(id));
    return errors;
}

ValidationErrors IdentityRules::checkExternalIdColumn(const QStringList &columns, const QStringList &phoneColumns,
                                                      const QString &externalIdColumn)
{
    ValidationErrors errors;
    if (externalIdColumn.isEmpty())
        return errors;
    if (!columns.contains(externalIdColumn))
        errors.add(u"id_externo"_s,
                   Message::make("Identity",
                                 QT_TRANSLATE_NOOP("Identity", "The external id field does not match a column name.")));
    else if (phoneColumns.contains(externalIdColumn))
        errors.add(
            u"id_externo"_s,
            Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "Cannot choose a phone field as and external id")));
    return errors;
}

}   // namespace enlace
