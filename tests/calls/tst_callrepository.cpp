#include <core/calls/callrepository.h>
#include <core/store/database.h>
#include <tests/support/scratchdatabase.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

struct Ids
{
    qint64 agent = 0;
    qint64 campaign = 0;
};

Ids seed(const Database &db)
{
    Ids ids;
    auto user = db.insert(u"INSERT INTO users (username, password_hash, role, created_at) VALUES ('ana', 'x', 5, 0)"_s);
    ids.agent
        = db.insert(u"INSERT INTO agents (user_id, sip_extension) VALUES (?, '1001')"_s, { user.value() }).value();
    ids.campaign = db.insert(u"INSERT INTO campaigns (name, type) VALUES ('Ventas', 3)"_s).value();
    return ids;
}

PbxCallEvent makeEvent(const Ids &ids, const QString &callId)
{
    PbxCallEvent e;
    e.callId = callId;
    e.agentId = ids.agent;
    e.campaignId = ids.campaign;
    e.phone = u"+5491155550000"_s;
    e.type = CallType::Inbound;
    e.recordingFile = u"rec-1.wav"_s;
    e.waitSeconds = 7;
    e.dialplanData.insert(u"Omlcrmcustom"_s, u"v"_s);
    return e;
}

}   // namespace

class TestCallRepository final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lifecycle_recordsEachTransitionOnce_data() { test::addBackendRows(); }
    void lifecycle_recordsEachTransitionOnce()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const Ids ids = seed(*scratch.db());
        CallRepository calls(scratch.db());
        const PbxCallEvent e = makeEvent(ids, u"call-1"_s);

        auto offered = calls.record(e, CallState::Offered, 1000);
        QVERIFY(offered.ok() && offered->has_value());
        QCOMPARE(offered->value().state, CallState::Offered);
        QCOMPARE(offered->value().agentId, std::optional<qint64>(ids.agent));
        QCOMPARE(offered->value().campaignId, std::optional<qint64>(ids.campaign));
        QCOMPARE(offered->value().phone, e.phone);
        QCOMPARE(offered->value().type, CallType::Inbound);
        QCOMPARE(offered->value().waitSeconds, 7);
        QCOMPARE(offered->value().dialplanData.value(u"Omlcrmcustom"_s), u"v"_s);
        QCOMPARE(offered->value().offeredAt.toMSecsSinceEpoch(), 1000);

        // The same event again (a repeated PBX event, or a second instance) wins nothing.
        auto again = calls.record(e, CallState::Offered, 1001);
        QVERIFY(again.ok());
        QVERIFY(!again->has_value());

        auto connected = calls.record(e, CallState::Connected, 2000);
        QVERIFY(connected.ok() && connected->has_value());
        QCOMPARE(connected->value().connectedAt.toMSecsSinceEpoch(), 2000);
        QCOMPARE(connected->value().offeredAt.toMSecsSinceEpoch(), 1000);
        auto active = calls.activeCallForAgent(ids.agent);
        QVERIFY(active.ok() && active->has_value());
        QCOMPARE(active->value().callId, u"call-1"_s);

        auto ended = calls.record(e, CallState::Ended, 3000);
        QVERIFY(ended.ok() && ended->has_value());
        QCOMPARE(ended->value().state, CallState::Ended);
        // Never backwards.
        auto late = calls.record(e, CallState::Connected, 4000);
        QVERIFY(late.ok() && !late->has_value());
        QCOMPARE(calls.find(u"call-1"_s)->state, CallState::Ended);
        QVERIFY(!calls.activeCallForAgent(ids.agent)->has_value());
    }

    // A later event fills what an earlier one did not know, never overwrites what it did; ids the
    // store does not know stay null; a call first heard of at "connected" is inserted there.
    void laterEvents_fillWhatWasMissing_data() { test::addBackendRows(); }
    void laterEvents_fillWhatWasMissing()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const Ids ids = seed(*scratch.db());
        CallRepository calls(scratch.db());
        PbxCallEvent bare;
        bare.callId = u"call-fill"_s;
        bare.type = CallType::Inbound;
        bare.campaignId = 999999;   // unknown: stored as null
        auto offered = calls.record(bare, CallState::Offered, 1000);
        QVERIFY(offered.ok() && offered->has_value());
        QVERIFY(!offered->value().agentId && !offered->value().campaignId);
        QVERIFY(offered->value().phone.isEmpty());

        PbxCallEvent full = makeEvent(ids, u"call-fill"_s);
        auto connected = calls.record(full, CallState::Connected, 2000);
        QVERIFY(connected.ok() && connected->has_value());
        QCOMPARE(connected->value().state, CallState::Connected);
        QCOMPARE(connected->value().agentId, std::optional<qint64>(ids.agent));
        QCOMPARE(connected->value().campaignId, std::optional<qint64>(ids.campaign));
        QCOMPARE(connected->value().phone, full.phone);
        QCOMPARE(connected->value().recordingFile, u"rec-1.wav"_s);
        QCOMPARE(connected->value().waitSeconds, 7);

        PbxCallEvent other = full;
        other.phone = u"+5400000000"_s;
        other.recordingFile = u"other.wav"_s;
        other.waitSeconds = 99;
        auto ended = calls.record(other, CallState::Ended, 3000);
        QVERIFY(ended.ok() && ended->has_value());
        QCOMPARE(ended->value().state, CallState::Ended);
        QCOMPARE(ended->value().phone, full.phone);
        QCOMPARE(ended->value().recordingFile, u"rec-1.wav"_s);
        QCOMPARE(ended->value().waitSeconds, 7);

        auto late = calls.record(makeEvent(ids, u"call-late"_s), CallState::Connected, 5000);
        QVERIFY(late.ok() && late->has_value());
        QCOMPARE(late->value().state, CallState::Connected);
        QVERIFY(!late->value().offeredAt.isValid());
        QCOMPARE(late->value().connectedAt.toMSecsSinceEpoch(), 5000);
    }

    void twoInstances_onlyOneWinsATransition_data() { test::addBackendRows(); }
    void twoInstances_onlyOneWinsATransition()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const Ids ids = seed(*scratch.db());
        auto other = Database::open(scratch.url());
        QVERIFY(other.ok());
        CallRepository here(scratch.db());
        CallRepository there(other.value());
        const PbxCallEvent e = makeEvent(ids, u"call-2"_s);
        int wins = 0;
        for (CallRepository *r : { &here, &there, &here }) {
            auto c = r->record(e, CallState::Connected, 5000);
            QVERIFY(c.ok());
            wins += c->has_value();
        }
        QCOMPARE(wins, 1);
        QCOMPARE(scratch.db()->scalar(u"SELECT COUNT(*) FROM calls"_s)->toInt(), 1);
    }

    void unknownIds_areStoredAsNull_data() { test::addBackendRows(); }
    void unknownIds_areStoredAsNull()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        CallRepository calls(scratch.db());
        PbxCallEvent e;
        e.callId = u"call-3"_s;
        e.agentId = 999;
        e.campaignId = 998;
        e.contactId = 997;
        auto c = calls.record(e, CallState::Offered, 1);
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().text()));
        QVERIFY(c->has_value());
        QVERIFY(!c->value().agentId && !c->value().campaignId && !c->value().contactId);
        PbxCallEvent noId;
        QVERIFY(!calls.record(noId, CallState::Offered, 1).ok());
    }

    void listAndContact_data() { test::addBackendRows(); }
    void listAndContact()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const Ids ids = seed(*scratch.db());
        CallRepository calls(scratch.db());
        QVERIFY(calls.record(makeEvent(ids, u"a"_s), CallState::Ended, 1).ok());
        QVERIFY(calls.record(makeEvent(ids, u"b"_s), CallState::Offered, 2).ok());
        auto list = calls.listForAgent(ids.agent);
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->first().callId, u"b"_s);
        auto db = scratch.db()->insert(
            u"INSERT INTO contact_databases (name, columns_json, phone_columns_json, created_at) VALUES ('d', '[\"tel\"]', '[\"tel\"]', 0)"_s);
        auto contact = scratch.db()->insert(
            u"INSERT INTO contacts (database_id, phone, values_json) VALUES (?, '1', '[\"1\"]')"_s, { db.value() });
        QVERIFY(calls.setContact(u"b"_s, contact.value()).ok());
        QCOMPARE(calls.find(u"b"_s)->contactId, std::optional<qint64>(contact.value()));
        QCOMPARE(calls.setContact(u"zzz"_s, contact.value()).error().kind, Error::Kind::NotFound);
        QCOMPARE(calls.find(u"zzz"_s).error().kind, Error::Kind::NotFound);
        QCOMPARE(calls.findById(list->first().id)->callId, u"b"_s);
    }
};

QTEST_GUILESS_MAIN(TestCallRepository)
#include "tst_callrepository.moc"
