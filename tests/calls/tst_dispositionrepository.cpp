#include <core/calls/dispositionrepository.h>
#include <tests/support/fakeclock.h>
#include <tests/support/scratchdatabase.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

// The rows a disposition refers to, written directly: this test is about dispositions only.
struct Seed
{
    qint64 campaign = 0;
    qint64 otherCampaign = 0;
    qint64 contactA = 0;
    qint64 contactB = 0;
    qint64 option = 0;
    qint64 agent = 0;
    qint64 otherAgent = 0;
};

qint64 mustInsert(Database &db, const QString &sql, const QVariantList &values)
{
    auto id = db.insert(sql, values);
    if (!id)
        qFatal("seed failed: %s", qPrintable(id.error().text()));
    return id.value();
}

Seed seed(Database &db)
{
    Seed s;
    const auto user = [&](const QString &name) {
        return mustInsert(db, u"INSERT INTO users (username, password_hash, role, created_at) VALUES (?, 'x', 5, 0)"_s,
                          { name });
    };
    s.agent = mustInsert(db, u"INSERT INTO agents (user_id, sip_extension) VALUES (?, '1001')"_s, { user(u"ana"_s) });
    s.otherAgent
        = mustInsert(db, u"INSERT INTO agents (user_id, sip_extension) VALUES (?, '1002')"_s, { user(u"beto"_s) });
    const qint64 cdb = mustInsert(
        db,
        u"INSERT INTO contact_databases (name, columns_json, phone_columns_json, created_at) VALUES ('db', '[\"telefono\"]', '[\"telefono\"]', 0)"_s,
        {});
    s.contactA = mustInsert(
        db, u"INSERT INTO contacts (database_id, phone, values_json) VALUES (?, '111', '[\"111\"]')"_s, { cdb });
    s.contactB = mustInsert(
        db, u"INSERT INTO contacts (database_id, phone, values_json) VALUES (?, '222', '[\"222\"]')"_s, { cdb });
    s.campaign
        = mustInsert(db, u"INSERT INTO campaigns (name, type, contact_database_id) VALUES ('c1', 3, ?)"_s, { cdb });
    s.otherCampaign
        = mustInsert(db, u"INSERT INTO campaigns (name, type, contact_database_id) VALUES ('c2', 3, ?)"_s, { cdb });
    s.option
        = mustInsert(db, u"INSERT INTO disposition_options (campaign_id, name) VALUES (?, 'Venta')"_s, { s.campaign });
    return s;
}

Disposition make(const Seed &s, qint64 contact, qint64 campaign)
{
    Disposition d;
    d.campaignId = campaign;
    d.contactId = contact;
    d.optionId = s.option;
    d.agentId = s.agent;
    d.comments = u"llamar mañana"_s;
    return d;
}

}   // namespace

class TestDispositionRepository final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void create_storesAndFindsBack_data() { test::addBackendRows(); }
    void create_storesAndFindsBack()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        const Seed s = seed(*scratch.db());
        DispositionRepository repo(scratch.db(), clock);
        Disposition d = make(s, s.contactA, s.campaign);
        d.callId = u"1700000000.12"_s;
        auto created = repo.create(d);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().text()));
        QVERIFY(created->id > 0);
        QCOMPARE(created->createdAt.toMSecsSinceEpoch(), clock.nowMs());
        auto found = repo.find(created->id);
        QVERIFY(found.ok());
        QCOMPARE(found->contactId, s.contactA);
        QCOMPARE(found->campaignId, s.campaign);
        QCOMPARE(found->agentId, s.agent);
        QCOMPARE(found->callId, u"1700000000.12"_s);
        QCOMPARE(found->comments, u"llamar mañana"_s);
        auto forPair = repo.findFor(s.campaign, s.contactA);
        QVERIFY(forPair.ok() && forPair->has_value());
        QCOMPARE(forPair->value().id, created->id);
    }

    void create_secondForSameContactAndCampaign_isRefusedWithOmniLeadsMessage_data() { test::addBackendRows(); }
    void create_secondForSameContactAndCampaign_isRefusedWithOmniLeadsMessage()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        const Seed s = seed(*scratch.db());
        DispositionRepository repo(scratch.db(), clock);
        QVERIFY(repo.create(make(s, s.contactA, s.campaign)).ok());
        Disposition again = make(s, s.contactA, s.campaign);
        again.agentId = s.otherAgent;
        auto dup = repo.create(again);
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().kind, Error::Kind::Conflict);
        QCOMPARE(dup.error().message.text(), u"There is another disposition for this contact on this campaign"_s);
        QCOMPARE(repo.count().value(), 1);
        // The same contact on another campaign is a different pair.
        QVERIFY(repo.create(make(s, s.contactA, s.otherCampaign)).ok());
        QCOMPARE(repo.count().value(), 2);
    }

    void create_insideCallersTransaction_refusalLeavesTransactionUsable_data() { test::addBackendRows(); }
    void create_insideCallersTransaction_refusalLeavesTransactionUsable()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        const Seed s = seed(*scratch.db());
        DispositionRepository repo(scratch.db(), clock);
        QVERIFY(repo.create(make(s, s.contactA, s.campaign)).ok());
        Database::Transaction tx(*scratch.db());
        QVERIFY(!repo.create(make(s, s.contactA, s.campaign)).ok());
        QVERIFY(repo.create(make(s, s.contactB, s.campaign)).ok());
        QVERIFY(tx.commit().ok());
        QCOMPARE(repo.count().value(), 2);
    }

    void update_rewritesFieldsAndKeepsCreationTime_data() { test::addBackendRows(); }
    void update_rewritesFieldsAndKeepsCreationTime()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        const Seed s = seed(*scratch.db());
        DispositionRepository repo(scratch.db(), clock);
        Disposition d = make(s, s.contactA, s.campaign);
        d.callId = u"c-1"_s;
        auto created = repo.create(d);
        QVERIFY(created.ok());
        clock.advance(5000);
        Disposition changed = created.value();
        changed.comments = u"otro"_s;
        changed.callId.clear();
        changed.agentId = s.otherAgent;
        auto updated = repo.update(changed);
        QVERIFY(updated.ok());
        auto found = repo.find(created->id);
        QVERIFY(found.ok());
        QCOMPARE(found->comments, u"otro"_s);
        QVERIFY(found->callId.isEmpty());
        QCOMPARE(found->agentId, s.otherAgent);
        QCOMPARE(found->createdAt, created->createdAt);
        QCOMPARE(found->updatedAt.toMSecsSinceEpoch(), clock.nowMs());
    }

    void update_collidingWithAnotherDisposition_isRefusedAndChangesNothing_data() { test::addBackendRows(); }
    void update_collidingWithAnotherDisposition_isRefusedAndChangesNothing()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        const Seed s = seed(*scratch.db());
        DispositionRepository repo(scratch.db(), clock);
        QVERIFY(repo.create(make(s, s.contactA, s.campaign)).ok());
        auto second = repo.create(make(s, s.contactB, s.campaign));
        QVERIFY(second.ok());
        Disposition moved = second.value();
        moved.contactId = s.contactA;
        moved.comments = u"changed"_s;
        auto refused = repo.update(moved);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"disposition.duplicate"_s);
        QCOMPARE(repo.find(second->id)->contactId, s.contactB);
        QCOMPARE(repo.find(second->id)->comments, second->comments);
    }

    void findAndUpdate_unknownId_isNotFound_data() { test::addBackendRows(); }
    void findAndUpdate_unknownId_isNotFound()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        const Seed s = seed(*scratch.db());
        DispositionRepository repo(scratch.db(), clock);
        QCOMPARE(repo.find(4242).error().kind, Error::Kind::NotFound);
        Disposition d = make(s, s.contactA, s.campaign);
        d.id = 4242;
        QCOMPARE(repo.update(d).error().kind, Error::Kind::NotFound);
        QCOMPARE(repo.count().value(), 0);
    }

    void listByAgent_returnsOnlyThatAgentsDispositions_data() { test::addBackendRows(); }
    void listByAgent_returnsOnlyThatAgentsDispositions()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        const Seed s = seed(*scratch.db());
        DispositionRepository repo(scratch.db(), clock);
        auto mine = repo.create(make(s, s.contactA, s.campaign));
        Disposition theirs = make(s, s.contactB, s.campaign);
        theirs.agentId = s.otherAgent;
        QVERIFY(mine.ok() && repo.create(theirs).ok());
        auto list = repo.listByAgent(s.agent);
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().id, mine->id);
        QCOMPARE(repo.listByCampaign(s.campaign)->size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestDispositionRepository)
#include "tst_dispositionrepository.moc"
