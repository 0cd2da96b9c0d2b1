#include <core/api/referencecache.h>
#include <core/identity/passwordhasher.h>
#include <core/identity/userrepository.h>
#include <core/model/user.h>
#include <core/store/database.h>
#include <tests/support/scratchdatabase.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

qint64 versionOf(Database &db)
{
    auto v = db.scalar(u"SELECT n FROM reference_version WHERE id = 1"_s);
    return v.ok() && v->isValid() ? v->toLongLong() : -1;
}

// A loader that counts how often the store was asked.
struct CountingLoad
{
    int *calls;
    qint64 value;
    Result<std::optional<qint64>> operator()() const
    {
        ++*calls;
        return std::optional<qint64>(value);
    }
};

qint64 makeExternalSystem(Database &db, const QString &name)
{
    auto id = db.insert(u"INSERT INTO external_systems (name) VALUES (?)"_s, { name });
    return id.ok() ? id.value() : 0;
}

}   // namespace

class TestReferenceCache final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every insert, update and delete on a table the cache holds moves the version on (triggers of
    // schema migration 3); tables it does not hold leave it alone.
    void everyChangeToAReferenceTable_movesTheVersion_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("moves");
        for (const char *backend : { "sqlite", "postgresql" }) {
            const auto row = [&](const char *name, const QString &sql, bool moves) {
                QTest::addRow("%s %s", name, backend) << QString::fromLatin1(backend) << sql << moves;
            };
            row("system insert", u"INSERT INTO external_systems (name) VALUES ('crm-2')"_s, true);
            row("system key", u"UPDATE external_systems SET integration_key_hash = 'h' WHERE name = 'crm'"_s, true);
            row("system delete", u"DELETE FROM external_systems WHERE name = 'crm'"_s, true);
            row("user update", u"UPDATE users SET first_name = 'Ana María' WHERE username = 'ana'"_s, true);
            row("agent update", u"UPDATE agents SET active = 0"_s, true);
            row("agent external id insert",
                u"INSERT INTO agent_external_ids (system_id, agent_id, external_id) "
                "SELECT s.id, a.id, 'A-2' FROM external_systems s, agents a"_s,
                true);
            row("campaign insert", u"INSERT INTO campaigns (name, type) VALUES ('otra', 1)"_s, true);
            row("campaign queue",
                u"INSERT INTO campaign_agents (campaign_id, agent_id) SELECT c.id, a.id FROM campaigns c, agents a"_s,
                true);
            row("disposition option",
                u"INSERT INTO disposition_options (campaign_id, name) SELECT id, 'venta' FROM campaigns"_s, true);
            row("contact database (not held)",
                u"INSERT INTO contact_databases (name, columns_json, phone_columns_json, created_at) "
                "VALUES ('base', '[]', '[]', 0)"_s,
                false);
            row("login failure (not held)",
                u"INSERT INTO login_attempts (scope, attempts, last_attempt_at) VALUES ('user|x', 1, 0)"_s, false);
            row("agent event (not held)",
                u"INSERT INTO agent_events (agent_id, type, payload_json, created_at) VALUES (1, 't', '{}', 0)"_s,
                false);
        }
    }
    void everyChangeToAReferenceTable_movesTheVersion()
    {
        QFETCH(QString, backend);
        QFETCH(QString, sql);
        QFETCH(bool, moves);
        ENLACE_SCRATCH_DB(scratch, backend);
        Database &db = *scratch.db();
        User ana;
        ana.username = u"ana"_s;
        ana.role = Role::Agent;
        auto user = UserRepository(scratch.db(), PasswordHasher(1000)).create(ana, u"una clave larga 123"_s);
        QVERIFY(user.ok());
        QVERIFY(db.insert(u"INSERT INTO agents (user_id, sip_extension) VALUES (?, '1001')"_s, { user.value() }).ok());
        QVERIFY(makeExternalSystem(db, u"crm"_s) > 0);
        QVERIFY(db.insert(u"INSERT INTO campaigns (name, type) VALUES ('ventas', 1)"_s).ok());

        const qint64 before = versionOf(db);
        QVERIFY(before > 0);   // the set-up above changed held tables
        auto changed = db.exec(sql);
        QVERIFY2(changed.ok(), qPrintable(changed.ok() ? QString() : changed.error().detail));
        QCOMPARE(versionOf(db) > before, moves);
    }

    // The second lookup is answered from memory; a change made through another connection (another
    // server, the command line) is seen at the next sync.
    void lookups_areServedFromMemory_untilAnotherConnectionChangesTheReference_data() { test::addBackendRows(); }
    void lookups_areServedFromMemory_untilAnotherConnectionChangesTheReference()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        ReferenceCache cache(scratch.db());
        int calls = 0;
        cache.sync();
        QVERIFY(cache.version() >= 0);
        QCOMPARE(cache
                     .through(&ReferenceCache::Entries::agentByExternalId, std::pair(qint64(1), u"A-1"_s),
                              CountingLoad { &calls, 7 })
                     ->value(),
                 7);
        QCOMPARE(cache
                     .through(&ReferenceCache::Entries::agentByExternalId, std::pair(qint64(1), u"A-1"_s),
                              CountingLoad { &calls, 8 })
                     ->value(),
                 7);
        QCOMPARE(calls, 1);
        QCOMPARE(cache.size(), 1);
        cache.sync();   // nothing changed
        QCOMPARE(cache
                     .through(&ReferenceCache::Entries::agentByExternalId, std::pair(qint64(1), u"A-1"_s),
                              CountingLoad { &calls, 8 })
                     ->value(),
                 7);
        QCOMPARE(calls, 1);

        auto other = Database::open(scratch.url());
        QVERIFY(other.ok());
        QVERIFY(makeExternalSystem(*other.value(), u"otro crm"_s) > 0);
        cache.sync();
        QCOMPARE(cache.size(), 0);
        QCOMPARE(cache
                     .through(&ReferenceCache::Entries::agentByExternalId, std::pair(qint64(1), u"A-1"_s),
                              CountingLoad { &calls, 8 })
                     ->value(),
                 8);
        QCOMPARE(calls, 2);
    }

    // Inside a transaction the transaction may have changed what the cache holds, or may roll
    // back what it read: every lookup goes to the store and nothing it reads is kept.
    void insideATransaction_lookupsGoToTheStore_andAreNotKept_data() { test::addBackendRows(); }
    void insideATransaction_lookupsGoToTheStore_andAreNotKept()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        ReferenceCache cache(scratch.db());
        cache.sync();
        int calls = 0;
        QCOMPARE(cache
                     .through(&ReferenceCache::Entries::systemExists, qint64(5),
                              [&]() -> Result<bool> {
                                  ++calls;
                                  return false;
                              })
                     .value(),
                 false);
        {
            Database::Transaction tx(*scratch.db());
            QVERIFY(tx.active());
            QVERIFY(makeExternalSystem(*scratch.db(), u"crm"_s) > 0);
            cache.sync();   // within the transaction: no effect
            QCOMPARE(cache
                         .through(&ReferenceCache::Entries::systemExists, qint64(5),
                                  [&]() -> Result<bool> {
                                      ++calls;
                                      return true;
                                  })
                         .value(),
                     true);
            QCOMPARE(cache
                         .through(&ReferenceCache::Entries::systemExists, qint64(6),
                                  [&]() -> Result<bool> {
                                      ++calls;
                                      return true;
                                  })
                         .value(),
                     true);
            QCOMPARE(calls, 3);
            // rolled back
        }
        QCOMPARE(cache.size(), 1);   // only what was read outside
        cache.sync();
        QCOMPARE(cache
                     .through(&ReferenceCache::Entries::systemExists, qint64(5),
                              [&]() -> Result<bool> {
                                  ++calls;
                                  return true;
                              })
                     .value(),
                 false);
        QCOMPARE(calls, 3);
    }

    // A request reads the version once, however many lookups it makes; the next request reads it again.
    void theVersion_isReadOncePerRequest_data() { test::addBackendRows(); }
    void theVersion_isReadOncePerRequest()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        ReferenceCache cache(scratch.db());
        int calls = 0;
        const quint64 first = ApiRequest::nextSerial();
        cache.sync(first);
        QVERIFY(cache
                    .through(&ReferenceCache::Entries::campaignByExternalId, std::pair(qint64(1), u"C-1"_s),
                             CountingLoad { &calls, 1 })
                    .ok());
        const qint64 seen = cache.version();
        QVERIFY(makeExternalSystem(*scratch.db(), u"crm"_s) > 0);
        cache.sync(first);   // same request: not read again
        QCOMPARE(cache.version(), seen);
        QCOMPARE(cache.size(), 1);
        cache.sync(ApiRequest::nextSerial());
        QVERIFY(cache.version() > seen);
        QCOMPARE(cache.size(), 0);
    }

    // A failed read is reported to the caller and asked again next time, never kept.
    void errors_areNotCached_data() { test::addBackendRows(); }
    void errors_areNotCached()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        ReferenceCache cache(scratch.db());
        cache.sync();
        int calls = 0;
        const auto failing = [&]() -> Result<std::optional<qint64>> {
            ++calls;
            return Error::internal(u"store.exec"_s, u"gone"_s);
        };
        QVERIFY(!cache.through(&ReferenceCache::Entries::campaignByExternalId, std::pair(qint64(1), u"C-1"_s), failing)
                     .ok());
        QVERIFY(!cache.through(&ReferenceCache::Entries::campaignByExternalId, std::pair(qint64(1), u"C-1"_s), failing)
                     .ok());
        QCOMPARE(calls, 2);
        QCOMPARE(cache.size(), 0);
    }

    // Without a readable version (here: the row is gone) nothing is served from memory.
    void anUnreadableVersion_sendsEveryLookupToTheStore_data() { test::addBackendRows(); }
    void anUnreadableVersion_sendsEveryLookupToTheStore()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        ReferenceCache cache(scratch.db());
        int calls = 0;
        cache.sync();
        QVERIFY(cache
                    .through(&ReferenceCache::Entries::agentByExternalId, std::pair(qint64(1), u"A-1"_s),
                             CountingLoad { &calls, 1 })
                    .ok());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"reference version unreadable"_s));
        QVERIFY(scratch.db()->exec(u"DELETE FROM reference_version"_s).ok());
        cache.sync();
        QCOMPARE(cache.version(), qint64(-1));
        QVERIFY(cache
                    .through(&ReferenceCache::Entries::agentByExternalId, std::pair(qint64(1), u"A-1"_s),
                             CountingLoad { &calls, 1 })
                    .ok());
        QVERIFY(cache
                    .through(&ReferenceCache::Entries::agentByExternalId, std::pair(qint64(1), u"A-1"_s),
                             CountingLoad { &calls, 1 })
                    .ok());
        QCOMPARE(calls, 3);
        QCOMPARE(cache.size(), 0);
    }

    // A caller asking for ids that do not exist, one after another, cannot grow it without end.
    void eachMap_isBounded()
    {
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        ReferenceCache cache(scratch.db());
        cache.sync();
        int calls = 0;
        for (int i = 0; i <= ReferenceCache::kMaxEntries; ++i)
            (void)cache.through(&ReferenceCache::Entries::agentByExternalId, std::pair(qint64(1), QString::number(i)),
                                CountingLoad { &calls, i });
        QVERIFY(cache.size() <= ReferenceCache::kMaxEntries);
        QVERIFY(cache.size() >= 1);
    }
};

QTEST_GUILESS_MAIN(TestReferenceCache)
#include "tst_referencecache.moc"
