#include <core/telephony/simulatedpbx.h>
#include <tests/support/fakeclock.h>

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

OriginateRequest request(const QString &extension = u"1001"_s, const QString &phone = u"5491155551234"_s)
{
    OriginateRequest r;
    r.agentId = 7;
    r.agentExtension = extension;
    r.agentName = u"Ana Pérez"_s;
    r.campaignId = 3;
    r.campaignType = CampaignType::Manual;
    r.contactId = 42;
    r.phone = phone;
    r.variables = { { u"OmlcrmTicket"_s, u"T-9"_s }, { u"Other"_s, u"x"_s } };
    return r;
}

SimulatedPbx::Options fast(int answerMs = 20, int durationMs = 40)
{
    SimulatedPbx::Options o;
    o.answerDelayMs = answerMs;
    o.callDurationMs = durationMs;
    return o;
}

struct Outcome
{
    bool called = false;
    std::optional<Result<QString>> result;
};

}   // namespace

class TestSimulatedPbx final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Two servers' simulated PBXs on one database: calls placed in the same second used to get
    // the same id, and the second call was dropped as a duplicate (found by the topology bench).
    // With Asterisk's systemname each PBX names its calls apart.
    void systemName_keepsTwoPbxsCallIdsApart()
    {
        test::FakeClock clock;
        SimulatedPbx::Options a = fast();
        a.systemName = u"node-1"_s;
        SimulatedPbx::Options b = fast();
        b.systemName = u"node-2"_s;
        SimulatedPbx first(clock, a);
        SimulatedPbx second(clock, b);
        QString one, two;
        first.originate(request(), [&](Result<QString> r) { one = r.ok() ? r.value() : QString(); });
        second.originate(request(), [&](Result<QString> r) { two = r.ok() ? r.value() : QString(); });
        QTRY_VERIFY(!one.isEmpty() && !two.isEmpty());
        QVERIFY2(QRegularExpression(u"^node-1-\\d{10}\\.1$"_s).match(one).hasMatch(), qPrintable(one));
        QVERIFY2(QRegularExpression(u"^node-2-\\d{10}\\.1$"_s).match(two).hasMatch(), qPrintable(two));
        QVERIFY(one != two);
    }

    void originate_ringsAnswersAndHangsUpWithTheRequestData()
    {
        test::FakeClock clock;
        SimulatedPbx pbx(clock, fast());
        QSignalSpy offered(&pbx, &Pbx::callOffered);
        QSignalSpy connected(&pbx, &Pbx::callConnected);
        QSignalSpy ended(&pbx, &Pbx::callEnded);
        Outcome outcome;
        pbx.originate(request(), [&](Result<QString> r) {
            outcome.called = true;
            outcome.result = std::move(r);
        });
        QVERIFY(!outcome.called);   // never re-entrant: done arrives from the event loop
        QTRY_VERIFY(outcome.called);
        QVERIFY(outcome.result->ok());
        const QString callId = outcome.result->value();
        QVERIFY2(QRegularExpression(u"^\\d{10}\\.\\d+$"_s).match(callId).hasMatch(), qPrintable(callId));

        QTRY_COMPARE(offered.size(), 1);
        const auto e = offered.at(0).at(0).value<PbxCallEvent>();
        QCOMPARE(e.callId, callId);
        QCOMPARE(e.agentExtension, u"1001"_s);
        QCOMPARE(e.agentId, std::optional<qint64>(7));
        QCOMPARE(e.campaignId, std::optional<qint64>(3));
        QCOMPARE(e.contactId, std::optional<qint64>(42));
        QCOMPARE(e.phone, u"5491155551234"_s);
        QCOMPARE(e.type, CallType::Click2Call);
        QVERIFY(e.recordingFile.contains(callId));
        QVERIFY(e.recordingFile.contains(u"5491155551234"_s));
        QCOMPARE(e.dialplanData, (QHash<QString, QString> { { u"OmlcrmTicket"_s, u"T-9"_s } }));
        QCOMPARE(e.at, clock.now());

        QVERIFY(connected.isEmpty());
        QTRY_COMPARE(connected.size(), 1);
        QCOMPARE(connected.at(0).at(0).value<PbxCallEvent>().callId, callId);
        QVERIFY(pbx.isAgentBusy(u"1001"_s));
        QTRY_COMPARE(ended.size(), 1);
        QCOMPARE(ended.at(0).at(0).value<PbxCallEvent>().callId, callId);
        QVERIFY(!pbx.isAgentBusy(u"1001"_s));
        QVERIFY(pbx.activeCallIds().isEmpty());
    }

    void originate_toBusyAgent_failsWithOmniLeadsShapedReason()
    {
        test::FakeClock clock;
        SimulatedPbx pbx(clock, fast(10'000, 0));
        Outcome first, second;
        pbx.originate(request(), [&](Result<QString> r) {
            first.called = true;
            first.result = std::move(r);
        });
        pbx.originate(request(u"1001"_s, u"111"_s), [&](Result<QString> r) {
            second.called = true;
            second.result = std::move(r);
        });
        QTRY_VERIFY(first.called && second.called);
        QVERIFY(first.result->ok());
        QVERIFY(!second.result->ok());
        QCOMPARE(second.result->error().kind, Error::Kind::Conflict);
        QCOMPARE(second.result->error().code, u"agent_busy"_s);
        const QString text = second.result->error().text();
        QVERIFY2(text.startsWith(u"Originate failed by agent 1001 is busy"_s), qPrintable(text));
        QVERIFY2(text.endsWith(u" - contacto: 111"_s), qPrintable(text));
        // Another agent is free.
        Outcome third;
        pbx.originate(request(u"1002"_s), [&](Result<QString> r) {
            third.called = true;
            third.result = std::move(r);
        });
        QTRY_VERIFY(third.called);
        QVERIFY(third.result->ok());
    }

    void originate_invalidRequest_fails_data()
    {
        QTest::addColumn<QString>("extension");
        QTest::addColumn<QString>("phone");
        QTest::newRow("no phone") << u"1001"_s << u" "_s;
        QTest::newRow("no extension") << QString() << u"123"_s;
    }
    void originate_invalidRequest_fails()
    {
        QFETCH(QString, extension);
        QFETCH(QString, phone);
        test::FakeClock clock;
        SimulatedPbx pbx(clock, fast());
        QSignalSpy offered(&pbx, &Pbx::callOffered);
        Outcome o;
        pbx.originate(request(extension, phone), [&](Result<QString> r) {
            o.called = true;
            o.result = std::move(r);
        });
        QTRY_VERIFY(o.called);
        QVERIFY(!o.result->ok());
        QVERIFY(o.result->error().text().startsWith(u"Originate failed by "_s));
        QCOMPARE(offered.size(), 0);
    }

    void hangup_endsTheCallEarlyAndFreesTheAgent()
    {
        test::FakeClock clock;
        SimulatedPbx pbx(clock, fast(10, 0));   // no automatic hang-up
        QSignalSpy connected(&pbx, &Pbx::callConnected);
        QSignalSpy ended(&pbx, &Pbx::callEnded);
        QString callId;
        pbx.originate(request(), [&](Result<QString> r) { callId = r.value(); });
        QTRY_COMPARE(connected.size(), 1);
        pbx.hangup(u"no-such-call"_s);
        QCOMPARE(ended.size(), 0);
        clock.advance(5000);
        pbx.hangup(callId);
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.at(0).at(0).value<PbxCallEvent>().at, clock.now());
        QVERIFY(!pbx.isAgentBusy(u"1001"_s));
        pbx.hangup(callId);
        QCOMPARE(ended.size(), 1);
    }

    void hangup_whileRinging_neverConnects()
    {
        test::FakeClock clock;
        SimulatedPbx pbx(clock, fast(30, 30));
        QSignalSpy offered(&pbx, &Pbx::callOffered);
        QSignalSpy connected(&pbx, &Pbx::callConnected);
        QSignalSpy ended(&pbx, &Pbx::callEnded);
        QString callId;
        pbx.originate(request(), [&](Result<QString> r) { callId = r.value(); });
        QTRY_COMPARE(offered.size(), 1);
        pbx.hangup(callId);
        QCOMPARE(ended.size(), 1);
        // Outlive the answer delay: the stale timer must not revive the call.
        SimulatedPbx other(clock, fast(60, 0));
        QSignalSpy otherConnected(&other, &Pbx::callConnected);
        other.originate(request(u"2000"_s), [](Result<QString>) {});
        QTRY_COMPARE(otherConnected.size(), 1);
        QCOMPARE(connected.size(), 0);
    }

    void callIds_areUnique()
    {
        test::FakeClock clock;   // the clock does not move: the sequence keeps ids apart
        SimulatedPbx pbx(clock, fast(10'000, 0));
        QSet<QString> ids;
        int answers = 0;
        for (int i = 0; i < 20; ++i)
            pbx.originate(request(u"%1"_s.arg(1000 + i)), [&](Result<QString> r) {
                ids.insert(r.value());
                ++answers;
            });
        QTRY_COMPARE(answers, 20);
        QCOMPARE(ids.size(), 20);
    }

    void inbound_reachesFreeAgentsAtTheConfiguredRate()
    {
        test::FakeClock clock;
        SimulatedPbx::Options o = fast(10, 20);
        o.timeScale = 0.001;   // 60 calls/min -> one per second -> one per millisecond scaled
        o.answerDelayMs = 1000;
        o.callDurationMs = 0;   // agents stay on their calls
        SimulatedPbx pbx(clock, o);
        QSignalSpy offered(&pbx, &Pbx::callOffered);
        pbx.addInboundCampaign(5, { { 11, u"1011"_s }, { 12, u"1012"_s } },
                               { { u"3511111111"_s, 100, { { u"OmlcrmSource"_s, u"web"_s } } } }, 60);
        QTRY_COMPARE(offered.size(), 2);
        QSet<QString> agents;
        for (const auto &args : offered) {
            const auto e = args.at(0).value<PbxCallEvent>();
            QCOMPARE(e.type, CallType::Inbound);
            QCOMPARE(e.campaignId, std::optional<qint64>(5));
            QCOMPARE(e.contactId, std::optional<qint64>(100));
            QCOMPARE(e.phone, u"3511111111"_s);
            QCOMPARE(e.dialplanData.value(u"OmlcrmSource"_s), u"web"_s);
            agents.insert(e.agentExtension);
        }
        QCOMPARE(agents, (QSet<QString> { u"1011"_s, u"1012"_s }));
        // Both agents busy: further callers wait instead of being offered.
        QTRY_VERIFY(pbx.queuedCalls(5) >= 1);
        QCOMPARE(offered.size(), 2);
        pbx.removeInboundCampaign(5);
    }

    void inbound_waitingCaller_reportsTheWaitWhenAnAgentFrees()
    {
        test::FakeClock clock;
        SimulatedPbx pbx(clock, fast(10'000, 0));
        QSignalSpy offered(&pbx, &Pbx::callOffered);
        pbx.addInboundCampaign(9, { { 21, u"1021"_s } }, { { u"111"_s, std::nullopt, {} } },
                               0);   // rate 0: only injected calls
        QVERIFY(pbx.injectInboundCall(9));
        QCOMPARE(offered.size(), 1);
        QCOMPARE(offered.at(0).at(0).value<PbxCallEvent>().waitSeconds, 0);
        QVERIFY(pbx.injectInboundCall(9));
        QCOMPARE(offered.size(), 1);
        QCOMPARE(pbx.queuedCalls(9), 1);
        clock.advance(17'400);
        pbx.hangup(offered.at(0).at(0).value<PbxCallEvent>().callId);
        QCOMPARE(offered.size(), 2);
        const auto second = offered.at(1).at(0).value<PbxCallEvent>();
        QCOMPARE(second.waitSeconds, 17);
        QCOMPARE(second.agentExtension, u"1021"_s);
        QCOMPARE(second.contactId, std::nullopt);
        QVERIFY(!pbx.injectInboundCall(404));
    }

    void originate_toAgentOnInboundCall_fails()
    {
        test::FakeClock clock;
        SimulatedPbx pbx(clock, fast(10'000, 0));
        pbx.addInboundCampaign(9, { { 21, u"1001"_s } }, { { u"111"_s, 1, {} } }, 0);
        QVERIFY(pbx.injectInboundCall(9));
        Outcome o;
        pbx.originate(request(u"1001"_s), [&](Result<QString> r) {
            o.called = true;
            o.result = std::move(r);
        });
        QTRY_VERIFY(o.called);
        QCOMPARE(o.result->error().code, u"agent_busy"_s);
    }

    void start_reportsConnected()
    {
        test::FakeClock clock;
        SimulatedPbx pbx(clock);
        QSignalSpy changed(&pbx, &Pbx::connectionChanged);
        pbx.start();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toBool(), true);
        QVERIFY(pbx.isConnected());
    }
};

QTEST_GUILESS_MAIN(TestSimulatedPbx)
#include "tst_simulatedpbx.moc"
