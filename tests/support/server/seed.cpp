#include "seed.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QVariant>

namespace enlace::test {

namespace {

QString jsonArray(const QStringList &values)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

QVariant nullableInt(std::optional<int> v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<int>());
}

qint64 must(const Result<qint64> &r)
{
    if (!r.ok())
        qFatal("seed failed: %s", qPrintable(r.error().text()));
    return r.value();
}

}   // namespace

SeededAgent seedAgent(const Database &db, const QString &username, const QString &extension, const QString &firstName,
                      const QString &lastName)
{
    SeededAgent a;
    a.extension = extension;
    a.userId = must(db.insert(QStringLiteral("INSERT INTO users (username, password_hash, first_name, last_name, role, "
                                             "created_at) VALUES (?, 'x', ?, ?, 5, 0)"),
                              { username, firstName, lastName }));
    a.agentId = must(db.insert(QStringLiteral("INSERT INTO agents (user_id, sip_extension) VALUES (?, ?)"),
                               { a.userId, extension }));
    return a;
}

qint64 seedSite(const Database &db, const QString &name, const QString &url, SiteTrigger trigger, SiteMethod method,
                std::optional<SiteFormat> format, std::optional<SiteTarget> target)
{
    return must(db.insert(QStringLiteral("INSERT INTO external_sites (name, url, trigger_type, method, format, target, "
                                         "max_attempts) VALUES (?, ?, ?, ?, ?, ?, 3)"),
                          { name, url, int(trigger), int(method),
                            nullableInt(format ? std::optional<int>(int(*format)) : std::nullopt),
                            nullableInt(target ? std::optional<int>(int(*target)) : std::nullopt) }));
}

qint64 seedContactDatabase(const Database &db, const QString &name, const QStringList &columns,
                           const QString &externalIdColumn)
{
    return must(db.insert(
        QStringLiteral("INSERT INTO contact_databases (name, columns_json, phone_columns_json, external_id_column, "
                       "created_at) VALUES (?, ?, ?, ?, 0)"),
        { name, jsonArray(columns), jsonArray({ columns.first() }),
          externalIdColumn.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(externalIdColumn) }));
}

qint64 seedContact(const Database &db, qint64 databaseId, const QStringList &columns,
                   const QHash<QString, QString> &values, const QString &externalId)
{
    QStringList ordered;
    for (const QString &c : columns)
        ordered.append(values.value(c));
    return must(db.insert(
        QStringLiteral("INSERT INTO contacts (database_id, external_id, phone, values_json) VALUES (?, ?, ?, ?)"),
        { databaseId, externalId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(externalId),
          values.value(columns.first()), jsonArray(ordered) }));
}

qint64 seedCampaign(const Database &db, const QString &name, CampaignType type, std::optional<qint64> siteId,
                    std::optional<qint64> contactDatabaseId, const QList<qint64> &agentIds)
{
    const qint64 id
        = must(db.insert(QStringLiteral("INSERT INTO campaigns (name, type, state, site_id, contact_database_id, "
                                        "interaction_type) VALUES (?, ?, 2, ?, ?, ?)"),
                         { name, int(type), siteId ? QVariant(*siteId) : QVariant(QMetaType::fromType<qint64>()),
                           contactDatabaseId ? QVariant(*contactDatabaseId) : QVariant(QMetaType::fromType<qint64>()),
                           siteId ? 2 : 1 }));
    for (qint64 agent : agentIds)
        (void)db.exec(QStringLiteral("INSERT INTO campaign_agents (campaign_id, agent_id) VALUES (?, ?)"),
                      { id, agent });
    return id;
}

void seedCrmParameter(const Database &db, qint64 campaignId, int position, const QString &name, const QString &value,
                      CrmParameterType type)
{
    must(db.insert(
        QStringLiteral("INSERT INTO crm_parameters (campaign_id, position, name, value, type) VALUES (?, ?, ?, ?, ?)"),
        { campaignId, position, name, value, int(type) }));
}

qint64 seedDispositionOption(const Database &db, qint64 campaignId, const QString &name, bool crmInteraction,
                             bool hidden)
{
    return must(db.insert(
        QStringLiteral(
            "INSERT INTO disposition_options (campaign_id, name, hidden, crm_interaction) VALUES (?, ?, ?, ?)"),
        { campaignId, name, hidden ? 1 : 0, crmInteraction ? 1 : 0 }));
}

qint64 seedDisposition(const Database &db, qint64 campaignId, qint64 contactId, qint64 optionId, qint64 agentId,
                       const QString &callId)
{
    return must(
        db.insert(QStringLiteral("INSERT INTO dispositions (campaign_id, contact_id, option_id, agent_id, call_id, "
                                 "comments, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'ok', 0, 0)"),
                  { campaignId, contactId, optionId, agentId, callId }));
}

}   // namespace enlace::test
