#pragma once

#include <core/model/enums.h>
#include <core/model/message.h>
#include <core/store/database.h>

#include <QString>

#include <optional>

namespace enlace::test {

// Rows written straight into the store, so a test sets up exactly the configuration it checks
// without going through the class under test.
qint64 insertUser(const Database &db, const QString &username, Role role = Role::Agent);
qint64 insertAgent(const Database &db, const QString &username, const QString &extension = {});
qint64 insertSystem(const Database &db, const QString &name);
void insertAgentExternalId(const Database &db, qint64 systemId, qint64 agentId, const QString &externalId);
// externalIdColumn empty = the database has no external-id column.
qint64 insertContactDatabase(const Database &db, const QString &name, const QString &externalIdColumn);
qint64 insertContact(const Database &db, qint64 databaseId, const QString &externalId,
                     const QString &phone = QStringLiteral("555"));
qint64 insertSite(const Database &db, const QString &name, SiteTrigger trigger, std::optional<SiteTarget> target);
qint64 countRows(const Database &db, const QString &table);

// The message in the language asked for, through the shipped translations.
QString render(const Message &message, const QString &language);

}   // namespace enlace::test
