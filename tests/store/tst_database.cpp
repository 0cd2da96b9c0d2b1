#include <core/store/database.h>

#include <tests/support/scratchdatabase.h>

#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

class TestDatabase final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void open_migratesToLatestSchema_data() { test::addBackendRows(); }
    void open_migratesToLatestSchema()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QCOMPARE(scratch.db()->schemaVersion(), Database::latestSchemaVersion());
        // Opening again is idempotent: no migration runs twice.
        auto again = Database::open(scratch.url());
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().text()));
        QCOMPARE(again.value()->schemaVersion(), Database::latestSchemaVersion());
        auto count = scratch.db()->scalar(u"SELECT COUNT(*) FROM schema_version"_s);
        QVERIFY(count.ok());
        QCOMPARE(count->toInt(), Database::latestSchemaVersion());
    }

    void insert_returnsIdOnBothDialects_data() { test::addBackendRows(); }
    void insert_returnsIdOnBothDialects()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        auto a = scratch.db()->insert(u"INSERT INTO external_systems (name) VALUES (?)"_s, {u"CRM A"_s});
        auto b = scratch.db()->insert(u"INSERT INTO external_systems (name) VALUES (?)"_s, {u"CRM B"_s});
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a.value() > 0);
        QCOMPARE(b.value(), a.value() + 1);
    }

    void boundValues_areNeverInterpretedAsSql_data() { test::addBackendRows(); }
    void boundValues_areNeverInterpretedAsSql()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const QString hostile = u"x'); DROP TABLE external_systems; -- ñ ☎ \"q\" \\ ?"_s;
        auto id = scratch.db()->insert(u"INSERT INTO external_systems (name) VALUES (?)"_s, {hostile});
        QVERIFY(id.ok());
        auto back = scratch.db()->scalar(u"SELECT name FROM external_systems WHERE id = ?"_s, {id.value()});
        QVERIFY(back.ok());
        QCOMPARE(back->toString(), hostile);
    }

    void uniqueViolation_isConflictNotCrash_data() { test::addBackendRows(); }
    void uniqueViolation_isConflictNotCrash()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QVERIFY(scratch.db()->insert(u"INSERT INTO external_systems (name) VALUES (?)"_s, {u"S"_s}).ok());
        auto dup = scratch.db()->insert(u"INSERT INTO external_systems (name) VALUES (?)"_s, {u"S"_s});
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().kind, Error::Kind::Conflict);
    }

    void transaction_uncommittedLeavesNothing_data() { test::addBackendRows(); }
    void transaction_uncommittedLeavesNothing()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const auto &db = scratch.db();
        {
            Database::Transaction tx(*db);
            QVERIFY(tx.active());
            QVERIFY(db->insert(u"INSERT INTO external_systems (name) VALUES (?)"_s, {u"one"_s}).ok());
            QVERIFY(db->insert(u"INSERT INTO external_systems (name) VALUES (?)"_s, {u"two"_s}).ok());
            // destroyed without commit
        }
        QCOMPARE(db->scalar(u"SELECT COUNT(*) FROM external_systems"_s)->toInt(), 0);
        {
            Database::Transaction tx(*db);
            QVERIFY(db->insert(u"INSERT INTO external_systems (name) VALUES (?)"_s, {u"three"_s}).ok());
            {
                Database::Transaction inner(*db);   // a savepoint
                QVERIFY(inner.active());
                QVERIFY(db->insert(u"INSERT INTO external_systems (name) VALUES (?)"_s, {u"four"_s}).ok());
                inner.rollback();
            }
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(db->scalar(u"SELECT COUNT(*) FROM external_systems"_s)->toInt(), 1);
        QCOMPARE(db->scalar(u"SELECT name FROM external_systems"_s)->toString(), u"three"_s);
    }

    void foreignKeys_areEnforced_data() { test::addBackendRows(); }
    void foreignKeys_areEnforced()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        auto r = scratch.db()->insert(u"INSERT INTO agent_external_ids (system_id, agent_id, external_id) VALUES (?, ?, ?)"_s,
                                      {999, 999, u"x"_s});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Conflict);
    }

    void open_rejectsMalformedUrl()
    {
        QVERIFY(!Database::open(u"postgresql://"_s).ok());
        QVERIFY(!Database::open(u"postgresql://u@h/db?schema=x;drop"_s).ok());
        QVERIFY(!Database::open(QString()).ok());
    }

    void displayUrl_hidesPassword()
    {
        // Not opened against a server: only the parsing is checked, through a bad port.
        auto r = Database::open(u"postgresql://user:s3cret@127.0.0.1:1/db"_s);
        QVERIFY(!r.ok());
        QVERIFY(!r.error().text().contains(u"s3cret"_s));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
