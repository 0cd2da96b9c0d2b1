#include <core/identity/idresolver.h>
#include <tests/identity/support/identityfixture.h>
#include <tests/support/scratchdatabase.h>

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

qint64 insertCampaign(const Database &db, const QString &name, std::optional<qint64> system, const QString &externalId,
                      std::optional<qint64> database)
{
    auto id = db.insert(
        u"INSERT INTO campaigns (name, type, external_system_id, external_id, contact_database_id) VALUES (?, 3, ?, ?, ?)"_s,
        { name, system ? QVariant(*system) : QVariant(QMetaType::fromType<qint64>()),
          externalId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(externalId),
          database ? QVariant(*database) : QVariant(QMetaType::fromType<qint64>()) });
    if (!id)
        qFatal("campaign: %s", qPrintable(id.error().text()));
    return id.value();
}

}   // namespace

class TestIdResolver final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolvesBothWays_data() { test::addBackendRows(); }
    void resolvesBothWays()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const auto &db = *scratch.db();
        const qint64 a1 = test::insertAgent(db, u"a1"_s);
        const qint64 a2 = test::insertAgent(db, u"a2"_s);
        const qint64 s1 = test::insertSystem(db, u"S1"_s);
        const qint64 s2 = test::insertSystem(db, u"S2"_s);
        // The same external agent id means different agents in different systems.
        test::insertAgentExternalId(db, s1, a1, u"X"_s);
        test::insertAgentExternalId(db, s2, a2, u"X"_s);
        test::insertAgentExternalId(db, s2, a1, u"Y"_s);
        const qint64 d1 = test::insertContactDatabase(db, u"D1"_s, u"id"_s);
        const qint64 d2 = test::insertContactDatabase(db, u"D2"_s, u"id"_s);
        const qint64 k1 = test::insertContact(db, d1, u"77"_s);
        const qint64 k2 = test::insertContact(db, d2, u"77"_s);
        const qint64 kNone = test::insertContact(db, d1, QString());
        const qint64 c1 = insertCampaign(db, u"C1"_s, s1, u"camp"_s, d1);
        const qint64 c2 = insertCampaign(db, u"C2"_s, s2, u"camp"_s, d2);
        const qint64 cPlain = insertCampaign(db, u"C3"_s, std::nullopt, QString(), std::nullopt);

        const IdResolver ids(scratch.db());
        QCOMPARE(ids.agentId(s1, u"X"_s), std::optional<qint64>(a1));
        QCOMPARE(ids.agentId(s2, u"X"_s), std::optional<qint64>(a2));
        QCOMPARE(ids.agentId(s2, u" Y "_s), std::optional<qint64>(a1));
        QCOMPARE(ids.agentId(s1, u"Y"_s), std::nullopt);
        QCOMPARE(ids.agentId(s1, u"x"_s), std::nullopt);
        QCOMPARE(ids.agentId(s1, QString()), std::nullopt);
        QCOMPARE(ids.agentId(s2 + 10, u"X"_s), std::nullopt);

        QCOMPARE(ids.campaignId(s1, u"camp"_s), std::optional<qint64>(c1));
        QCOMPARE(ids.campaignId(s2, u"camp"_s), std::optional<qint64>(c2));
        QCOMPARE(ids.campaignId(s1, u"nope"_s), std::nullopt);
        QCOMPARE(ids.campaignId(s1, QString()), std::nullopt);

        // Contacts are looked up in the campaign's own database.
        QCOMPARE(ids.contactId(c1, u"77"_s), std::optional<qint64>(k1));
        QCOMPARE(ids.contactId(c2, u"77"_s), std::optional<qint64>(k2));
        QCOMPARE(ids.contactId(c1, u"78"_s), std::nullopt);
        QCOMPARE(ids.contactId(cPlain, u"77"_s), std::nullopt);
        QCOMPARE(ids.contactId(c1, QString()), std::nullopt);

        QCOMPARE(ids.externalAgentId(s1, a1), std::optional<QString>(u"X"_s));
        QCOMPARE(ids.externalAgentId(s2, a1), std::optional<QString>(u"Y"_s));
        QCOMPARE(ids.externalAgentId(s1, a2), std::nullopt);
        QCOMPARE(ids.externalCampaignId(c2), std::optional<QString>(u"camp"_s));
        QCOMPARE(ids.externalCampaignId(cPlain), std::nullopt);
        QCOMPARE(ids.externalCampaignId(c2 + 10), std::nullopt);
        QCOMPARE(ids.externalContactId(k2), std::optional<QString>(u"77"_s));
        QCOMPARE(ids.externalContactId(kNone), std::nullopt);
        QCOMPARE(ids.externalContactId(k2 + 10), std::nullopt);
        QCOMPARE(ids.campaignSystem(c2), std::optional<qint64>(s2));
        QCOMPARE(ids.campaignSystem(cPlain), std::nullopt);

        // Round trips.
        QCOMPARE(ids.agentId(s2, ids.externalAgentId(s2, a2).value()), std::optional<qint64>(a2));
        QCOMPARE(ids.campaignId(s1, ids.externalCampaignId(c1).value()), std::optional<qint64>(c1));
        QCOMPARE(ids.contactId(c2, ids.externalContactId(k2).value()), std::optional<qint64>(k2));
    }

    void lookups_useTheUniqueIndexes_data() { test::addBackendRows(); }
    void lookups_useTheUniqueIndexes()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const bool sqlite = scratch.db()->dialect() == SqlDialect::Sqlite;
        // The plan names the index each lookup is answered with. PostgreSQL picks by statistics, and
        // on empty tables a scan is cheapest: forbid scans to see which index it would use.
        if (!sqlite)
            QVERIFY(scratch.db()->execStatic(u"SET enable_seqscan = off"_s).ok());
        struct Case
        {
            QString sql, sqliteIndex, postgresIndex;
        };
        const QList<Case> cases {
            { u"SELECT agent_id FROM agent_external_ids WHERE system_id = 1 AND external_id = 'x'"_s,
              u"sqlite_autoindex_agent_external_ids"_s, u"agent_external_ids_system_id_external_id_key"_s },
            { u"SELECT external_id FROM agent_external_ids WHERE system_id = 1 AND agent_id = 2"_s,
              u"sqlite_autoindex_agent_external_ids"_s, u"agent_external_ids_system_id_agent_id_key"_s },
            { u"SELECT id FROM campaigns WHERE external_system_id = 1 AND external_id = 'x'"_s,
              u"sqlite_autoindex_campaigns"_s, u"campaigns_external_system_id_external_id_key"_s },
            { u"SELECT ct.id FROM campaigns c JOIN contacts ct ON ct.database_id = c.contact_database_id WHERE c.id = 1 AND ct.external_id = 'x'"_s,
              u"sqlite_autoindex_contacts"_s, u"contacts_database_id_external_id_key"_s },
        };
        for (const Case &c : cases) {
            // PostgreSQL cannot PREPARE an EXPLAIN: run it unprepared (fixed text, no input).
            QSqlQuery plan(scratch.db()->connection());
            QVERIFY2(plan.exec((sqlite ? u"EXPLAIN QUERY PLAN "_s : u"EXPLAIN "_s) + c.sql),
                     qPrintable(plan.lastError().text()));
            QString text;
            while (plan.next())
                text += plan.value(sqlite ? 3 : 0).toString() + u'\n';
            const QString index = sqlite ? c.sqliteIndex : c.postgresIndex;
            QVERIFY2(text.contains(index) && !text.contains(sqlite ? u"SCAN"_s : u"Seq Scan"_s),
                     qPrintable(c.sql + u" -> "_s + text));
        }
        if (!sqlite)
            QVERIFY(scratch.db()->execStatic(u"SET enable_seqscan = on"_s).ok());
    }
};

QTEST_GUILESS_MAIN(TestIdResolver)
#include "tst_idresolver.moc"
