#include <core/calls/eventlog.h>
#include <core/store/database.h>
#include <tests/support/fakeclock.h>
#include <tests/support/scratchdatabase.h>
#include <tests/support/settle.h>

#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

// Two server instances' event logs on one PostgreSQL database: "here" watches (its poll alone
// would take an hour), "there" appends.
struct TwoInstances
{
    explicit TwoInstances(const test::ScratchDatabase &scratch)
        : thereDb(Database::open(scratch.url()))
        , here(scratch.db(), clock)
        , there(thereDb.ok() ? thereDb.value() : scratch.db(), clock)
    {
        here.start(3'600'000);
    }
    test::FakeClock clock;
    Result<std::shared_ptr<Database>> thereDb;   // its own connection, as another instance has
    EventLog here;
    EventLog there;
};

void postgresOnly()
{
    test::addBackendColumn();
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

}   // namespace

class TestEventLog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void since_returnsTheAgentsEventsAfterTheId_data() { test::addBackendRows(); }
    void since_returnsTheAgentsEventsAfterTheId()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        EventLog log(scratch.db(), clock);
        auto a1 = log.append(7, u"call.offered"_s, QJsonObject { { u"call_id"_s, u"c1"_s } });
        auto b1 = log.append(8, u"call.offered"_s, QJsonObject { { u"call_id"_s, u"c2"_s } });
        auto a2 = log.append(7, u"call.connected"_s, QJsonObject { { u"call_id"_s, u"c1"_s }, { u"n"_s, 1 } });
        QVERIFY(a1.ok() && b1.ok() && a2.ok());
        QVERIFY(a1.value() < b1.value() && b1.value() < a2.value());

        auto all = log.since(7, 0);
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).id, a1.value());
        QCOMPARE(all->at(1).type, u"call.connected"_s);
        QCOMPARE(all->at(1).data.value(u"n"_s).toInt(), 1);
        QCOMPARE(all->at(1).toJson().value(u"id"_s).toInteger(), a2.value());
        QCOMPARE(all->at(0).createdAtMs, clock.nowMs());

        auto after = log.since(7, a1.value());
        QCOMPARE(after->size(), 1);
        QCOMPARE(after->first().id, a2.value());
        QCOMPARE(log.since(7, a2.value())->size(), 0);
        QCOMPARE(log.latestId(), a2.value());
    }

    // Many events written together keep their order (ids increase in it), across more than one
    // statement; written in a transaction that rolls back, none remains; after a commit the agents
    // are announced.
    void appendAll_keepsTheOrder_acrossStatements_andFollowsTheTransaction_data() { test::addBackendRows(); }
    void appendAll_keepsTheOrder_acrossStatements_andFollowsTheTransaction()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        EventLog log(scratch.db(), clock);
        log.start(60'000);
        QSignalSpy spy(&log, &EventLog::eventsAvailable);
        std::vector<EventLog::NewEvent> events;
        const int count = EventLog::kMaxRowsPerInsert * 2 + 5;
        for (int i = 0; i < count; ++i)
            events.push_back({ i % 2 == 0 ? qint64(7) : qint64(8), u"call.offered"_s, QJsonObject { { u"n"_s, i } } });
        {
            Database::Transaction tx(*scratch.db());
            QVERIFY(log.appendAll(events).ok());
        }
        QCOMPARE(log.latestId(), qint64(0));
        {
            Database::Transaction tx(*scratch.db());
            QVERIFY(log.appendAll(events).ok());
            QVERIFY(tx.commit().ok());
        }
        auto seven = log.since(7, 0, 1000);
        auto eight = log.since(8, 0, 1000);
        QVERIFY(seven.ok() && eight.ok());
        QCOMPARE(seven->size() + eight->size(), count);
        QList<AgentEvent> all = seven.value() + eight.value();
        std::sort(all.begin(), all.end(), [](const AgentEvent &a, const AgentEvent &b) { return a.id < b.id; });
        for (int i = 0; i < count; ++i) {
            QCOMPARE(all.at(i).data.value(u"n"_s).toInt(), i);
            QCOMPARE(all.at(i).agentId, i % 2 == 0 ? qint64(7) : qint64(8));
            QCOMPARE(all.at(i).createdAtMs, clock.nowMs());
        }
        QTRY_COMPARE(spy.count(), 2);
        QVERIFY(log.appendAll({}).ok());   // nothing to write
    }

    void append_inARolledBackTransaction_leavesNoEvent_data() { test::addBackendRows(); }
    void append_inARolledBackTransaction_leavesNoEvent()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        EventLog log(scratch.db(), clock);
        log.start(60'000);
        QSignalSpy spy(&log, &EventLog::eventsAvailable);
        {
            Database::Transaction tx(*scratch.db());
            QVERIFY(log.append(7, u"call.offered"_s, {}).ok());
        }
        // An event of another agent, committed after it, is announced after anything the rolled
        // back one could have caused: only the later one is.
        QVERIFY(log.append(8, u"call.offered"_s, {}).ok());
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(spy.first().first().toLongLong(), 8);   // nothing for agent 7
        QCOMPARE(log.since(7, 0)->size(), 0);
        {
            Database::Transaction tx(*scratch.db());
            QVERIFY(log.append(7, u"call.offered"_s, {}).ok());
            QVERIFY(tx.commit().ok());
        }
        QTRY_COMPARE(spy.count(), 2);   // the committed one of agent 7 is announced
        QCOMPARE(spy.last().first().toLongLong(), 7);
    }

    void anotherInstancesEvents_areAnnounced_data() { test::addBackendRows(); }
    void anotherInstancesEvents_areAnnounced()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        // A second "server" on the same store: its own Database handle and EventLog.
        auto otherDb = Database::open(scratch.url());
        QVERIFY(otherDb.ok());
        EventLog here(scratch.db(), clock);
        EventLog there(otherDb.value(), clock);
        here.start(50);
        QSignalSpy spy(&here, &EventLog::eventsAvailable);
        QVERIFY(there.append(9, u"call.ended"_s, QJsonObject { { u"call_id"_s, u"x"_s } }).ok());
        QTRY_VERIFY(spy.count() >= 1);
        QCOMPARE(spy.first().first().toLongLong(), 9);
        QCOMPARE(here.since(9, 0)->first().type, u"call.ended"_s);
        // Announced once, not again at every poll: three later polls (each announcing an event of
        // another agent) announce nothing more for agent 9.
        const auto announcedFor = [&](qint64 agent) {
            int n = 0;
            for (const auto &args : spy)
                n += args.first().toLongLong() == agent;
            return n;
        };
        const int announced = announcedFor(9);
        for (qint64 marker : { 100, 101, 102 }) {
            QVERIFY(there.append(marker, u"call.ended"_s, {}).ok());
            QTRY_COMPARE(announcedFor(marker), 1);
        }
        QCOMPARE(announcedFor(9), announced);
    }

    void postgres_notifyWakesOtherInstancesWithoutPolling_data() { postgresOnly(); }
    void postgres_notifyWakesOtherInstancesWithoutPolling()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        TwoInstances t(scratch);
        QVERIFY(t.thereDb.ok());
        QSignalSpy spy(&t.here, &EventLog::eventsAvailable);
        QVERIFY(t.there.append(4, u"call.offered"_s, {}).ok());
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(spy.first().first().toLongLong(), 4);
    }

    // A caller that appends many events in one transaction notifies once, after its commit.
    void postgres_laterNotifyWakesOthersOnlyWhenAsked_data() { postgresOnly(); }
    void postgres_laterNotifyWakesOthersOnlyWhenAsked()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        TwoInstances t(scratch);
        QVERIFY(t.thereDb.ok());
        QSignalSpy spy(&t.here, &EventLog::eventsAvailable);
        {
            Database::Transaction tx(*t.thereDb.value());
            QVERIFY(t.there.append(4, u"call.offered"_s, {}, EventLog::Notify::Later).ok());
            QVERIFY(t.there.append(5, u"call.offered"_s, {}, EventLog::Notify::Later).ok());
            QVERIFY(tx.commit().ok());
        }
        // Only a NOTIFY wakes "here" (it polls hourly), and a wake-up by a later NOTIFY would read
        // the same events: no later event can show that none came with the commit.
        test::settleFor(300, "a NOTIFY sent with the commit would wake the other instance");
        QCOMPARE(spy.count(), 0);
        t.there.notifyOthers();
        QTRY_COMPARE(spy.count(), 2);
        QSet<qint64> agents;
        for (const auto &args : spy)
            agents.insert(args.first().toLongLong());
        QCOMPARE(agents, (QSet<qint64> { 4, 5 }));
    }

    // NOTIFY channels are database-wide: a deployment in another schema of the same database
    // (here: another scratch schema) does not wake this one. Events of this schema committed
    // without a NOTIFY show whether "here" was woken (by anyone) or not.
    void postgres_notifyStaysWithinItsSchema_data() { postgresOnly(); }
    void postgres_notifyStaysWithinItsSchema()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        ENLACE_SCRATCH_DB(elsewhere, backend);
        QVERIFY(scratch.url() != elsewhere.url());
        TwoInstances t(scratch);
        QVERIFY(t.thereDb.ok());
        EventLog otherDeployment(elsewhere.db(), t.clock);
        QSignalSpy spy(&t.here, &EventLog::eventsAvailable);
        QVERIFY(t.there.append(8, u"call.offered"_s, {}, EventLog::Notify::Later).ok());
        QVERIFY(otherDeployment.append(7, u"call.offered"_s, {}).ok());   // NOTIFY in the other schema
        // As above: only a NOTIFY of this schema's channel wakes "here".
        test::settleFor(300, "a NOTIFY of the other schema's channel would wake this instance");
        QCOMPARE(spy.count(), 0);
        t.there.notifyOthers();
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(spy.first().first().toLongLong(), 8);
    }

    void prune_deletesOnlyOldEvents_data() { test::addBackendRows(); }
    void prune_deletesOnlyOldEvents()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        EventLog log(scratch.db(), clock);
        QVERIFY(log.append(1, u"old"_s, {}).ok());
        clock.advance(10'000);
        QVERIFY(log.append(1, u"new"_s, {}).ok());
        auto pruned = log.prune(5'000);
        QVERIFY(pruned.ok());
        QCOMPARE(pruned.value(), 1);
        QCOMPARE(log.since(1, 0)->size(), 1);
        QCOMPARE(log.since(1, 0)->first().type, u"new"_s);
    }
};

QTEST_GUILESS_MAIN(TestEventLog)
#include "tst_eventlog.moc"
