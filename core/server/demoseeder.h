#pragma once

#include <core/model/demodefaults.h>
#include <core/model/result.h>
#include <core/telephony/simulatedpbx.h>

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>

namespace enlace {

class Clock;
class Database;
class SecretBox;

// What the demo data set holds, for the operator (printed at start) and for the simulated PBX.
struct DemoSummary
{
    struct Inbound
    {
        qint64 campaignId = 0;
        QList<SimulatedPbx::Agent> agents;
        QList<SimulatedPbx::Contact> contacts;
    };

    bool seededNow = false;   // false: the store already had data; nothing was written
    QList<QPair<QString, QString>> logins;   // username, password (demo only; fixed)
    QString integrationKey;   // a fresh key of the "Demo CRM" system, each start
    qint64 systemId = 0;
    QList<qint64> campaignIds;
    QList<Inbound> inbound;   // traffic for the simulated PBX
    int contacts = 0;

    QStringList describe(const QString &baseUrl) const;
};

// `enlace-server --demo`: a complete, coherent demo configuration, written only when the store
// has no users (so a restart keeps what the operator changed):
// admin and supervisor users; four agents with external ids in the "Demo CRM" external system;
// a contact database of 1,000 contacts with external ids; a site per trigger and format, all
// pointing at this server's demo CRM (/demo/crm/hook/...), one with a token authentication served
// by /demo/crm/token; four campaigns (one per campaign type) with external ids, their agents, CRM
// parameters of every type and disposition options (one hidden, one with a CRM interaction).
class DemoSeeder final
{
public:
    static constexpr const char *Password = demo::Password;

    DemoSeeder(std::shared_ptr<Database> db, const SecretBox *secrets, const Clock &clock);
    void setContactCount(int count) { m_contacts = count; }

    // Seeds when the store is empty; describes the demo either way.
    Result<DemoSummary> seedIfEmpty(const QString &baseUrl);

private:
    Result<void> seed(const QString &baseUrl);
    Result<DemoSummary> describe() const;

    std::shared_ptr<Database> m_db;
    const SecretBox *m_secrets;
    const Clock &m_clock;
    int m_contacts = 1000;
};

}   // namespace enlace
