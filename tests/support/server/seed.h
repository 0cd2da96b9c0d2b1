#pragma once

#include <core/model/enums.h>
#include <core/store/database.h>

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace enlace::test {

// Rows written straight into the store for the server's tests, so each test sets up exactly the
// configuration it checks without going through other parts' classes.
struct SeededAgent
{
    qint64 userId = 0;
    qint64 agentId = 0;
    QString extension;
};

SeededAgent seedAgent(const Database &db, const QString &username, const QString &extension,
                      const QString &firstName = QStringLiteral("Ana"),
                      const QString &lastName = QStringLiteral("Pérez"));
qint64 seedSite(const Database &db, const QString &name, const QString &url, SiteTrigger trigger, SiteMethod method,
                std::optional<SiteFormat> format, std::optional<SiteTarget> target);
qint64 seedContactDatabase(const Database &db, const QString &name, const QStringList &columns,
                           const QString &externalIdColumn = {});
// values: column -> value; the first column is the phone.
qint64 seedContact(const Database &db, qint64 databaseId, const QStringList &columns,
                   const QHash<QString, QString> &values, const QString &externalId = {});
qint64 seedCampaign(const Database &db, const QString &name, CampaignType type, std::optional<qint64> siteId,
                    std::optional<qint64> contactDatabaseId, const QList<qint64> &agentIds);
void seedCrmParameter(const Database &db, qint64 campaignId, int position, const QString &name, const QString &value,
                      CrmParameterType type);
qint64 seedDispositionOption(const Database &db, qint64 campaignId, const QString &name, bool crmInteraction,
                             bool hidden = false);
qint64 seedDisposition(const Database &db, qint64 campaignId, qint64 contactId, qint64 optionId, qint64 agentId,
                       const QString &callId);

}   // namespace enlace::test
