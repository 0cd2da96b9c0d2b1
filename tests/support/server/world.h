#pragma once

#include <core/model/agent.h>
#include <core/model/enums.h>

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace enlace {
class Clock;
class Database;
}   // namespace enlace

namespace enlace::test {

// Rows for the API's route tests, written through the repositories (campaigns and options
// directly). Users and agents get the password "S3cret-pass-1".
qint64 addUser(const std::shared_ptr<Database> &db, const Clock &clock, const QString &username, Role role);
Agent addAgent(const std::shared_ptr<Database> &db, const Clock &clock, const QString &username,
               const QString &extension);
qint64 addSystem(const std::shared_ptr<Database> &db, const QString &name,
                 const QList<QPair<qint64, QString>> &agentExternalIds = {});
qint64 addContactDatabase(const std::shared_ptr<Database> &db, const Clock &clock, const QString &name,
                          const QStringList &columns, const QStringList &phoneColumns,
                          const QString &externalIdColumn = {});
qint64 addContact(const std::shared_ptr<Database> &db, const Clock &clock, qint64 databaseId,
                  const QHash<QString, QString> &values);
struct CampaignSeed
{
    QString name;
    CampaignType type = CampaignType::Manual;
    CampaignState state = CampaignState::Active;
    std::optional<qint64> systemId;
    QString externalId;
    std::optional<qint64> databaseId;
    QList<qint64> agentIds;
    QList<qint64> supervisorUserIds;
};
qint64 addCampaign(const std::shared_ptr<Database> &db, const CampaignSeed &seed);
qint64 addOption(const std::shared_ptr<Database> &db, qint64 campaignId, const QString &name, bool hidden = false);
qint64 count(const std::shared_ptr<Database> &db, const QString &table);

// One configuration most route tests share:
//   agents ana (1001), beto (1002), carla (1003, in no campaign); users sup (supervisor of
//   campaign), sup2 (supervisor elsewhere), admin;
//   system S1: ana "A-ANA", beto "A-BETO", carla "A-CARLA"; system S2: carla "X-CARLA", ana "A-ANA";
//   database db1 (telefono, nombre, id_ext; ext column id_ext): contacts c1 "EXT-1", c2 "EXT-2";
//   database db2 (telefono): contact c3;
//   campaign camp (active, S1, external "C-1", db1, queue ana+beto, supervisor sup);
//   campaign inactive (inactive, S1, external "C-OFF", db1, queue ana);
//   campaign other (active, no system, db2, queue ana);
//   options of camp: Venta (visible), Baja (hidden); of other: Otra.
struct World
{
    Agent ana, beto, carla;
    qint64 sup = 0, sup2 = 0, admin = 0;
    qint64 s1 = 0, s2 = 0;
    qint64 db1 = 0, db2 = 0;
    qint64 c1 = 0, c2 = 0, c3 = 0;
    qint64 camp = 0, inactive = 0, other = 0;
    qint64 venta = 0, baja = 0, otra = 0;
    // Replaces {ana}, {camp}, {c1}, ... with the ids above (for data-driven rows).
    QString substitute(QString text) const;
    QJsonObject body(const QString &jsonTemplate) const;
};
World seedWorld(const std::shared_ptr<Database> &db, const Clock &clock);

}   // namespace enlace::test
