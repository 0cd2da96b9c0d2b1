#include <core/identity/configaudit.h>
#include <tests/identity/support/identityfixture.h>
#include <tests/support/scratchdatabase.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

// Agents a1..a3; S1 knows a1; S2 knows a1 and a2. Databases D1, D2; sites X, Y.
struct World
{
    std::shared_ptr<Database> db;
    qint64 a1, a2, a3, s1, s2, d1, d2, x, y;

    explicit World(std::shared_ptr<Database> database)
        : db(std::move(database))
    {
        a1 = test::insertAgent(*db, u"a1"_s);
        a2 = test::insertAgent(*db, u"a2"_s);
        a3 = test::insertAgent(*db, u"a3"_s);
        s1 = test::insertSystem(*db, u"S1"_s);
        s2 = test::insertSystem(*db, u"S2"_s);
        test::insertAgentExternalId(*db, s1, a1, u"x1"_s);
        test::insertAgentExternalId(*db, s2, a1, u"y1"_s);
        test::insertAgentExternalId(*db, s2, a2, u"y2"_s);
        d1 = test::insertContactDatabase(*db, u"D1"_s, u"id"_s);
        d2 = test::insertContactDatabase(*db, u"D2"_s, u"id"_s);
        x = test::insertSite(*db, u"X"_s, SiteTrigger::Agent, SiteTarget::NewWindow);
        y = test::insertSite(*db, u"Y"_s, SiteTrigger::Agent, SiteTarget::NewWindow);
    }

    qint64 campaign(const QString &name, qint64 system, qint64 database, qint64 site, const QList<qint64> &queue)
    {
        auto none = QVariant(QMetaType::fromType<qint64>());
        auto id = db->insert(
            u"INSERT INTO campaigns (name, type, external_system_id, contact_database_id, site_id, interaction_type) "
            "VALUES (?, 3, ?, ?, ?, ?)"_s,
            { name, system ? QVariant(system) : none, database ? QVariant(database) : none,
              site ? QVariant(site) : none, site ? 3 : 1 });
        if (!id)
            qFatal("campaign: %s", qPrintable(id.error().text()));
        for (qint64 agent : queue)
            if (!db->exec(u"INSERT INTO campaign_agents (campaign_id, agent_id) VALUES (?, ?)"_s,
                          { id.value(), agent }))
                qFatal("queue");
        return id.value();
    }
};

QStringList codes(const QList<ConfigWarning> &warnings)
{
    QStringList out;
    for (const ConfigWarning &w : warnings)
        out.append(w.code);
    return out;
}

}   // namespace

class TestConfigAudit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agentsWithoutExternalId_data() { test::addBackendRows(); }
    void agentsWithoutExternalId()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        World w(scratch.db());
        const qint64 warned = w.campaign(u"Warned"_s, w.s1, w.d1, 0, { w.a3, w.a1, w.a2 });
        const qint64 fine = w.campaign(u"Fine"_s, w.s2, w.d2, 0, { w.a1, w.a2 });
        const qint64 noSystem = w.campaign(u"No system"_s, 0, 0, 0, { w.a3 });
        ConfigAudit audit(scratch.db());
        const QList<ConfigWarning> found = audit.forCampaign(warned).value();
        QCOMPARE(codes(found), QStringList { u"campaign.agents_without_external_id"_s });
        const ConfigWarning &warning = found.first();
        QCOMPARE(warning.agentIds, (QList<qint64> { w.a2, w.a3 }));
        QCOMPARE(warning.campaignIds, QList<qint64> { warned });
        QCOMPARE(warning.systemId, w.s1);
        QCOMPARE(test::render(warning.message, u"en"_s),
                 u"The campaign has agents not associated to the external system: a2, a3"_s);
        QCOMPARE(test::render(warning.message, u"es"_s),
                 u"La campaña tiene agentes no asociados al sistema externo: a2, a3"_s);
        QVERIFY(audit.forCampaign(fine).value().isEmpty());
        QVERIFY(audit.forCampaign(noSystem).value().isEmpty());
        QVERIFY(audit.forCampaign(noSystem + 100).value().isEmpty());
        // Giving the agents their ids clears it.
        test::insertAgentExternalId(*scratch.db(), w.s1, w.a2, u"x2"_s);
        test::insertAgentExternalId(*scratch.db(), w.s1, w.a3, u"x3"_s);
        QVERIFY(audit.forCampaign(warned).value().isEmpty());
    }

    // Campaign "B" of system S2 shares a resource with campaign "A", whose system varies.
    void sharedResource_data()
    {
        test::addBackendColumn();
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("systemOfA");
        QTest::addColumn<bool>("warned");
        for (const QString &b : { u"sqlite"_s, u"postgresql"_s }) {
            for (const QString &r : { u"database"_s, u"site"_s }) {
                QTest::addRow("%s of another system %s", qPrintable(r), qPrintable(b)) << b << r << u"S1"_s << true;
                QTest::addRow("%s of the same system %s", qPrintable(r), qPrintable(b)) << b << r << u"S2"_s << false;
                QTest::addRow("%s of a campaign without system %s", qPrintable(r), qPrintable(b))
                    << b << r << u"none"_s << false;
            }
        }
    }
    void sharedResource()
    {
        QFETCH(QString, backend);
        QFETCH(QString, resource);
        QFETCH(QString, systemOfA);
        QFETCH(bool, warned);
        ENLACE_SCRATCH_DB(scratch, backend);
        World w(scratch.db());
        const bool database = resource == u"database"_s;
        const qint64 systemA = systemOfA == u"S1"_s ? w.s1 : (systemOfA == u"S2"_s ? w.s2 : 0);
        // A shares with B (D1, X) only the resource under test.
        const qint64 a = w.campaign(u"A"_s, systemA, database ? w.d1 : w.d2, database ? w.y : w.x, {});
        // A campaign of S1 on what B does not use: never involved.
        w.campaign(u"Unrelated"_s, w.s1, w.d2, w.y, {});
        const qint64 b = w.campaign(u"B"_s, w.s2, w.d1, w.x, { w.a1 });
        ConfigAudit audit(scratch.db());
        const QList<ConfigWarning> found = audit.forCampaign(b).value();
        const QString code = database ? u"campaign.database_in_other_system"_s : u"campaign.site_in_other_system"_s;
        if (!warned) {
            QVERIFY2(!codes(found).contains(code), qPrintable(codes(found).join(u',')));
            return;
        }
        QCOMPARE(codes(found), QStringList { code });
        const ConfigWarning &warning = found.first();
        QCOMPARE(warning.campaignIds, (QList<qint64> { b, a }));
        QCOMPARE(warning.systemId, w.s2);
        QCOMPARE(warning.databaseId, database ? w.d1 : 0);
        QCOMPARE(warning.siteId, database ? 0 : w.x);
        if (database) {
            QCOMPARE(test::render(warning.message, u"en"_s),
                     u"Contact database selected is associated to another external system: A (S1)"_s);
            QCOMPARE(test::render(warning.message, u"es"_s),
                     u"La base de datos seleccionada esta asociada a otro sistema externo: A (S1)"_s);
        } else {
            QCOMPARE(test::render(warning.message, u"en"_s),
                     u"External site selected is associated to another external system: A (S1)"_s);
            QCOMPARE(test::render(warning.message, u"es"_s),
                     u"El sitio externo seleccionado esta asociado a otro sistema externo: A (S1)"_s);
        }
        // The warning is symmetric: A is told about B.
        const QList<ConfigWarning> forA = audit.forCampaign(a).value();
        QCOMPARE(codes(forA), QStringList { code });
        QCOMPARE(forA.first().campaignIds, (QList<qint64> { a, b }));
    }

    void systemAgentsWithoutId_data() { test::addBackendRows(); }
    void systemAgentsWithoutId()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        World w(scratch.db());
        const qint64 c1 = w.campaign(u"C1"_s, w.s1, w.d1, 0, { w.a1, w.a2 });
        const qint64 c2 = w.campaign(u"C2"_s, w.s1, w.d1, 0, { w.a3, w.a2 });
        w.campaign(u"C3"_s, w.s1, w.d1, 0, { w.a1 });
        // a3 lacks an id in S2 too, but only S2's campaigns matter for S2.
        w.campaign(u"Other"_s, 0, 0, 0, { w.a3 });
        ConfigAudit audit(scratch.db());
        const QList<ConfigWarning> found = audit.forSystem(w.s1).value();
        QCOMPARE(codes(found), QStringList { u"system.agents_without_external_id"_s });
        QCOMPARE(found.first().agentIds, (QList<qint64> { w.a2, w.a3 }));
        QCOMPARE(found.first().campaignIds, (QList<qint64> { c1, c2 }));
        QCOMPARE(found.first().systemId, w.s1);
        QCOMPARE(
            test::render(found.first().message, u"en"_s),
            u"The following agents are assigned to campaigns related to this external system and have no identifier: a2, a3"_s);
        QCOMPARE(
            test::render(found.first().message, u"es"_s),
            u"Los siguientes agentes están asignados a campañas relacionadas a este sistema externo y no tienen identificador: a2, a3"_s);
        QVERIFY(audit.forSystem(w.s2).value().isEmpty());
        QVERIFY(audit.forSystem(w.s2 + 100).value().isEmpty());
    }

    void all_listsEveryWarningOnce_data() { test::addBackendRows(); }
    void all_listsEveryWarningOnce()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        World w(scratch.db());
        ConfigAudit audit(scratch.db());
        QVERIFY(audit.all().value().isEmpty());
        const qint64 a = w.campaign(u"A"_s, w.s1, w.d1, w.x, { w.a1, w.a2 });   // a2 has no id in S1
        const qint64 b = w.campaign(u"B"_s, w.s2, w.d1, w.y, { w.a1, w.a2 });   // shares D1 with A
        w.campaign(u"C"_s, w.s2, w.d2, w.y, { w.a2 });   // same system as B on Y
        const QList<ConfigWarning> found = audit.all().value();
        QCOMPARE(codes(found),
                 (QStringList { u"campaign.agents_without_external_id"_s, u"campaign.database_in_other_system"_s,
                                u"campaign.database_in_other_system"_s, u"system.agents_without_external_id"_s }));
        QCOMPARE(found.at(0).campaignIds, QList<qint64> { a });
        QCOMPARE(found.at(1).campaignIds, (QList<qint64> { a, b }));
        QCOMPARE(found.at(2).campaignIds, (QList<qint64> { b, a }));
        QCOMPARE(found.at(3).systemId, w.s1);
        QCOMPARE(found.at(3).agentIds, QList<qint64> { w.a2 });
        // all() agrees with the per-entity calls.
        QCOMPARE(audit.forCampaign(a).value().size() + audit.forCampaign(b).value().size()
                     + audit.forSystem(w.s1).value().size() + audit.forSystem(w.s2).value().size(),
                 found.size());
    }
};

QTEST_GUILESS_MAIN(TestConfigAudit)
#include "tst_configaudit.moc"
