// Seeds the REST API benchmark's store: N agents with external ids "A00000".. in one external
// system, campaigns "C0000".. (external ids) with 10 agents each in their queue and one
// disposition option, and one contact database of M contacts with external ids "E0000000"..
// shared by every campaign. Everything goes through the repositories (and ContactImporter for
// the contacts) inside one transaction. Prints "system=<id> key=<integration key> option0=<first option id>
// queue=<agents per campaign>".
//
//   bench_api_seed <database url> [--agents 10000] [--campaigns 1000] [--contacts 1000000]

#include <core/contacts/contactimporter.h>
#include <core/identity/agentrepository.h>
#include <core/identity/campaignrepository.h>
#include <core/identity/externalsystemrepository.h>
#include <core/store/database.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

int fail(const QString &what, const Error &error)
{
    std::fprintf(stderr, "%s: %s\n", qPrintable(what), qPrintable(error.text()));
    return 1;
}

}   // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_api_seed <database url> [--agents N] [--campaigns N] [--contacts N]\n");
        return 2;
    }
    const auto intOption = [&](const QString &name, int fallback) {
        const qsizetype i = args.indexOf(name);
        return i > 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
    };
    const int agentCount = intOption(u"--agents"_s, 10000);
    const int campaignCount = intOption(u"--campaigns"_s, 1000);
    const int contactCount = intOption(u"--contacts"_s, 1000000);
    const int queueSize = qMax(1, agentCount / qMax(1, campaignCount));

    auto opened = Database::open(args.at(1));
    if (!opened)
        return fail(u"open"_s, opened.error());
    const std::shared_ptr<Database> db = opened.value();
    QElapsedTimer timer;
    timer.start();

    // The contacts file for the importer: phone, name, external id.
    QTemporaryDir dir;
    const QString csvPath = dir.filePath(u"contacts.csv"_s);
    {
        QFile csv(csvPath);
        if (!csv.open(QIODevice::WriteOnly))
            return 1;
        QTextStream out(&csv);
        out << "telefono,nombre,id_externo\n";
        for (int i = 0; i < contactCount; ++i)
            out << "55" << QString::number(i).rightJustified(8, u'0') << ",Contacto " << i << ",E"
                << QString::number(i).rightJustified(7, u'0') << '\n';
    }

    Database::Transaction tx(*db);
    // A cheap hash: these agents never log in (the benchmark calls with the integration key).
    AgentRepository agents(db, PasswordHasher(1000));
    ExternalSystem system;
    system.name = u"Bench CRM"_s;
    QList<qint64> agentIds;
    for (int i = 0; i < agentCount; ++i) {
        const QString n = QString::number(i).rightJustified(5, u'0');
        auto agent = agents.createAgentUser(u"agent"_s + n, u"bench-password-"_s + n, u"Agent"_s, n,
                                            QString::number(10000 + i));
        if (!agent)
            return fail(u"agent"_s, agent.error());
        agentIds.append(agent->id);
        system.agents.append(AgentExternalId { 0, agent->id, u"A"_s + n });
    }
    auto storedSystem = ExternalSystemRepository(db).create(system);
    if (!storedSystem)
        return fail(u"system"_s, storedSystem.error());
    std::fprintf(stderr, "agents and system: %lld ms\n", static_cast<long long>(timer.elapsed()));

    ContactImporter importer(db);
    ContactImportOptions import;
    import.filePath = csvPath;
    import.databaseName = u"Bench contacts"_s;
    import.phoneColumns = { u"telefono"_s };
    import.externalIdColumn = u"id_externo"_s;
    auto imported = importer.importFile(import);
    if (!imported)
        return fail(u"contacts"_s, imported.error());
    std::fprintf(stderr, "contacts: %lld rows, %lld ms\n", static_cast<long long>(imported->rowsImported),
                 static_cast<long long>(timer.elapsed()));

    CampaignRepository campaigns(db);
    qint64 firstOption = 0;
    for (int c = 0; c < campaignCount; ++c) {
        Campaign campaign;
        campaign.name = u"Campaign "_s + QString::number(c);
        campaign.type = CampaignType::Manual;
        campaign.state = CampaignState::Active;
        campaign.externalSystemId = storedSystem->id;
        campaign.externalId = u"C"_s + QString::number(c).rightJustified(4, u'0');
        campaign.contactDatabaseId = imported->databaseId;
        for (int k = 0; k < queueSize && c * queueSize + k < agentIds.size(); ++k)
            campaign.agentIds.append(agentIds.at(c * queueSize + k));
        auto stored = campaigns.create(campaign);
        if (!stored)
            return fail(u"campaign"_s, stored.error());
        DispositionOption option;
        option.campaignId = stored->id;
        option.name = u"Venta"_s;
        auto added = campaigns.addDispositionOption(option);
        if (!added)
            return fail(u"option"_s, added.error());
        if (c == 0)
            firstOption = added.value();
        else if (added.value() != firstOption + c)
            return fail(u"option"_s, Error::internal(u"bench.option_ids"_s, u"option ids are not consecutive"_s));
    }
    auto key = ExternalSystemRepository(db).rotateIntegrationKey(storedSystem->id);
    if (!key)
        return fail(u"key"_s, key.error());
    if (auto committed = tx.commit(); !committed)
        return fail(u"commit"_s, committed.error());
    std::fprintf(stderr, "seeded in %lld ms\n", static_cast<long long>(timer.elapsed()));
    std::printf("system=%lld key=%s option0=%lld queue=%d\n", static_cast<long long>(storedSystem->id),
                qPrintable(key.value()), static_cast<long long>(firstOption), queueSize);
    return 0;
}
