#include <core/telephony/amipbx.h>
#include <tests/support/fakeclock.h>
#include <tests/telephony/support/amitestutil.h>

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

OriginateRequest omnileadsRequest()
{
    OriginateRequest r;
    r.agentId = 7;
    r.agentExtension = u"1001"_s;
    r.agentName = u"Ana Pérez"_s;
    r.campaignId = 3;
    r.campaignType = CampaignType::Manual;
    r.contactId = 42;
    r.phone = u"5491155551234"_s;
    return r;
}

AmiPbx::Options pbxOptions(quint16 port)
{
    AmiPbx::Options o;
    o.connection = test::amiOptions(port);
    return o;
}

struct Outcome
{
    std::optional<Result<QString>> result;
    int calls = 0;
};

PbxCallEvent eventAt(const QSignalSpy &spy, int i)
{
    return spy.at(i).at(0).value<PbxCallEvent>();
}

void addChunkRows()
{
    QTest::addColumn<int>("chunk");
    QTest::newRow("whole writes") << 0;
    QTest::newRow("1 byte per read") << 1;
    QTest::newRow("7 bytes per read") << 7;
}

}   // namespace

class TestAmiPbx final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void click2call_originatesAsOmniLeadsAndReportsTheCall_data() { addChunkRows(); }
    void click2call_originatesAsOmniLeadsAndReportsTheCall()
    {
        QFETCH(int, chunk);
        auto peer = test::startPeer(u"pbx_click2call.txt"_s, chunk);
        QVERIFY(peer);
        test::FakeClock clock;
        AmiPbx pbx(pbxOptions(peer->port()), clock);
        QSignalSpy changed(&pbx, &Pbx::connectionChanged);
        QSignalSpy offered(&pbx, &Pbx::callOffered);
        QSignalSpy connected(&pbx, &Pbx::callConnected);
        QSignalSpy ended(&pbx, &Pbx::callEnded);
        pbx.start();
        QTRY_VERIFY(pbx.isConnected());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toBool(), true);

        Outcome outcome;
        int offeredWhenDone = -1;
        pbx.originate(omnileadsRequest(), [&](Result<QString> r) {
            ++outcome.calls;
            offeredWhenDone = int(offered.size());
            outcome.result = std::move(r);
        });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.result.has_value(), 20000);
        QVERIFY2(outcome.result->ok(), qPrintable(outcome.result->ok() ? QString() : outcome.result->error().text()));
        QCOMPARE(outcome.result->value(), u"1732540000.101"_s);   // the Linkedid: the call id of every event
        QCOMPARE(offeredWhenDone, 1);   // the agent rang before Asterisk reported the originate

        const PbxCallEvent o = eventAt(offered, 0);
        QCOMPARE(o.callId, u"1732540000.101"_s);
        QCOMPARE(o.agentExtension, u"1001"_s);
        QCOMPARE(o.agentId, std::optional<qint64>(7));
        QCOMPARE(o.campaignId, std::optional<qint64>(3));
        QCOMPARE(o.contactId, std::optional<qint64>(42));
        QCOMPARE(o.phone, u"5491155551234"_s);
        QCOMPARE(o.type, CallType::Click2Call);
        QCOMPARE(o.recordingFile, u"20241125-133000_3_5491155551234_1732540000.101"_s);
        QCOMPARE(o.dialplanData, (QHash<QString, QString> { { u"Omlcrmsegment"_s, u"gold"_s } }));
        QCOMPARE(o.at, clock.now());

        QTRY_VERIFY_WITH_TIMEOUT(connected.size() == 1, 20000);
        const PbxCallEvent c = eventAt(connected, 0);
        QCOMPARE(c.callId, o.callId);
        // MixMonitor's own file name does not override the dial plan's recording name.
        QCOMPARE(c.recordingFile, o.recordingFile);
        QCOMPARE(ended.size(), 0);

        pbx.hangup(c.callId);
        QTRY_VERIFY_WITH_TIMEOUT(ended.size() == 1, 20000);
        QCOMPARE(eventAt(ended, 0).callId, o.callId);
        QTRY_VERIFY_WITH_TIMEOUT(peer->finished(), 20000);
        QCOMPARE(peer->errors(), QStringList());
        QVERIFY(peer->unexpected().isEmpty());
        QCOMPARE(offered.size(), 1);
        QCOMPARE(connected.size(), 1);
        QCOMPARE(ended.size(), 1);
        QCOMPARE(outcome.calls, 1);
        QVERIFY(pbx.tracker().activeCallIds().isEmpty());
    }

    void originate_responseError_reachesTheCallerAsOmniLeadsReportsIt()
    {
        auto peer = test::startPeer(u"pbx_originate_error.txt"_s);
        QVERIFY(peer);
        test::FakeClock clock;
        AmiPbx pbx(pbxOptions(peer->port()), clock);
        QSignalSpy offered(&pbx, &Pbx::callOffered);
        pbx.start();
        QTRY_VERIFY(pbx.isConnected());
        Outcome outcome;
        pbx.originate(omnileadsRequest(), [&](Result<QString> r) {
            ++outcome.calls;
            outcome.result = std::move(r);
        });
        QTRY_VERIFY(outcome.result.has_value());
        QVERIFY(!outcome.result->ok());
        QCOMPARE(outcome.result->error().text(),
                 u"Originate failed by Extension does not exist. - contacto: 5491155551234"_s);
        QCOMPARE(outcome.result->error().code, u"originate_failed"_s);
        QTRY_VERIFY(peer->finished());
        QCOMPARE(peer->errors(), QStringList());
        QCOMPARE(offered.size(), 0);
        QCOMPARE(outcome.calls, 1);
    }

    void originate_failureResponse_reportsTheReasonAndEndsTheRing()
    {
        auto peer = test::startPeer(u"pbx_originate_failure.txt"_s);
        QVERIFY(peer);
        test::FakeClock clock;
        AmiPbx pbx(pbxOptions(peer->port()), clock);
        QSignalSpy offered(&pbx, &Pbx::callOffered);
        QSignalSpy connected(&pbx, &Pbx::callConnected);
        QSignalSpy ended(&pbx, &Pbx::callEnded);
        pbx.start();
        QTRY_VERIFY(pbx.isConnected());
        Outcome outcome;
        pbx.originate(omnileadsRequest(), [&](Result<QString> r) {
            ++outcome.calls;
            outcome.result = std::move(r);
        });
        QTRY_VERIFY(outcome.result.has_value());
        QVERIFY(!outcome.result->ok());
        QCOMPARE(outcome.result->error().text(), u"Originate failed by busy (reason 5) - contacto: 5491155551234"_s);
        QCOMPARE(offered.size(), 1);   // the agent's phone was rung...
        QCOMPARE(ended.size(), 1);   // ...and the attempt is over
        QCOMPARE(connected.size(), 0);
        QCOMPARE(eventAt(ended, 0).callId, u"1732540000.101"_s);
        QCOMPARE(peer->errors(), QStringList());
    }

    void inboundQueueCall_carriesTheDialPlanDataAndTheWait_data() { addChunkRows(); }
    void inboundQueueCall_carriesTheDialPlanDataAndTheWait()
    {
        QFETCH(int, chunk);
        auto peer = test::startPeer(u"pbx_inbound_queue.txt"_s, chunk);
        QVERIFY(peer);
        test::FakeClock clock;
        AmiPbx pbx(pbxOptions(peer->port()), clock);
        QSignalSpy offered(&pbx, &Pbx::callOffered);
        QSignalSpy connected(&pbx, &Pbx::callConnected);
        QSignalSpy ended(&pbx, &Pbx::callEnded);
        pbx.start();
        QTRY_VERIFY_WITH_TIMEOUT(ended.size() == 1, 20000);
        QCOMPARE(offered.size(), 1);
        QCOMPARE(connected.size(), 1);
        const PbxCallEvent o = eventAt(offered, 0);
        QCOMPARE(o.callId, u"1732540300.400"_s);
        QCOMPARE(o.agentExtension, u"1002"_s);
        QCOMPARE(o.campaignId, std::optional<qint64>(9));
        QCOMPARE(o.contactId, std::optional<qint64>(555));
        QCOMPARE(o.phone, u"3515557777"_s);
        QCOMPARE(o.type, CallType::Inbound);
        QCOMPARE(o.recordingFile, u"20241125-140000_9_3515557777_1732540300.400"_s);
        QCOMPARE(o.dialplanData, (QHash<QString, QString> { { u"Omlcrmticket"_s, u"T-77"_s } }));
        QCOMPARE(o.agentId, std::nullopt);   // Asterisk knows extensions; the server maps them to agents
        const PbxCallEvent c = eventAt(connected, 0);
        QCOMPARE(c.waitSeconds, 23);
        QCOMPARE(eventAt(ended, 0).callId, o.callId);
        QCOMPARE(peer->errors(), QStringList());
    }

    void linkDrop_reconnectsAndResynchronisesActiveCalls()
    {
        auto peer = test::startPeer(u"pbx_reconnect_resync.txt"_s);
        QVERIFY(peer);
        test::FakeClock clock;
        AmiPbx pbx(pbxOptions(peer->port()), clock);
        QSignalSpy changed(&pbx, &Pbx::connectionChanged);
        QSignalSpy connected(&pbx, &Pbx::callConnected);
        QSignalSpy ended(&pbx, &Pbx::callEnded);
        QSignalSpy offered(&pbx, &Pbx::callOffered);
        pbx.start();
        QTRY_VERIFY(pbx.isConnected());
        Outcome outcome;
        pbx.originate(omnileadsRequest(), [&](Result<QString> r) { outcome.result = std::move(r); });
        QTRY_COMPARE(connected.size(), 1);
        QVERIFY(outcome.result.has_value() && outcome.result->ok());
        // The link drops, Enlace logs in again and asks which channels exist: this call is gone.
        QTRY_COMPARE(ended.size(), 1);
        QCOMPARE(eventAt(ended, 0).callId, u"1732540000.101"_s);
        QTRY_VERIFY(peer->finished());
        QCOMPARE(peer->errors(), QStringList());
        QCOMPARE(peer->connections(), 2);
        QVERIFY(pbx.isConnected());
        QCOMPARE(changed.size(), 3);
        QCOMPARE(changed.at(1).at(0).toBool(), false);
        QCOMPARE(changed.at(2).at(0).toBool(), true);
        // The caller waiting in a queue is known, but reaches no agent yet: nothing to report.
        QCOMPARE(pbx.tracker().activeCallIds(), QStringList { u"1732540200.300"_s });
        QCOMPARE(offered.size(), 1);
    }

    void linkDrop_callStillListedAfterReconnect_goesOnAndEndsOnce()
    {
        auto peer = test::startPeer(u"pbx_reconnect_survives.txt"_s);
        QVERIFY(peer);
        test::FakeClock clock;
        AmiPbx pbx(pbxOptions(peer->port()), clock);
        QSignalSpy changed(&pbx, &Pbx::connectionChanged);
        QSignalSpy connected(&pbx, &Pbx::callConnected);
        QSignalSpy ended(&pbx, &Pbx::callEnded);
        pbx.start();
        QTRY_VERIFY(pbx.isConnected());
        pbx.originate(omnileadsRequest(), [](Result<QString>) {});
        QTRY_VERIFY(peer->finished());
        QTRY_COMPARE(ended.size(), 1);
        QCOMPARE(changed.size(), 3);   // up, down, up again
        QCOMPARE(connected.size(), 1);   // not connected a second time by the resync
        const PbxCallEvent e = eventAt(ended, 0);
        QCOMPARE(e.callId, u"1732540000.101"_s);
        QCOMPARE(e.campaignId, std::optional<qint64>(3));   // the data gathered before the outage is kept
        QCOMPARE(e.recordingFile, u"20241125-133000_3_5491155551234_1732540000.101"_s);
        QCOMPARE(peer->errors(), QStringList());
        QVERIFY(pbx.tracker().activeCallIds().isEmpty());
    }

    void wrongPassword_failsStartOnceWithAClearMessage()
    {
        auto peer = test::startPeer(u"login_wrong_password.txt"_s);
        QVERIFY(peer);
        test::FakeClock clock;
        auto options = pbxOptions(peer->port());
        options.connection.secret = u"wrong"_s;
        options.connection.reconnectMinMs = 1;
        AmiPbx pbx(options, clock);
        QSignalSpy failed(&pbx, &Pbx::startFailed);
        pbx.start();
        QTRY_COMPARE(failed.size(), 1);
        const QString text = failed.at(0).at(0).toString();
        QCOMPARE(
            text,
            u"Asterisk rejected the manager login (Authentication failed): check the AMI user and secret in manager.conf."_s);
        QVERIFY(!pbx.isConnected());
        QTRY_VERIFY(peer->finished());
        QVERIFY(!pbx.connection().isReconnectScheduled());
        QCOMPARE(peer->connections(), 1);
        QCOMPARE(failed.size(), 1);
    }

    void destroyedWhileOriginating_answersTheCallerOnce()
    {
        // The originate transcript up to the Originate: Asterisk then stays silent.
        QFile file(test::testDataPath(u"ami/pbx_originate_error.txt"_s));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        auto script = test::AmiTranscript::parse(text.left(text.indexOf("< Response: Error")));
        QVERIFY(script.ok());
        auto peer = std::make_unique<test::ScriptedAmiPeer>(std::move(script).value());
        QVERIFY(peer->listen());
        test::FakeClock clock;
        auto pbx = std::make_unique<AmiPbx>(pbxOptions(peer->port()), clock);
        pbx->start();
        QTRY_VERIFY(pbx->isConnected());
        Outcome outcome;
        pbx->originate(omnileadsRequest(), [&](Result<QString> r) {
            ++outcome.calls;
            outcome.result = std::move(r);
        });
        QTRY_VERIFY(peer->finished());   // the Originate arrived
        pbx.reset();
        QCOMPARE(outcome.calls, 1);
        QVERIFY(!outcome.result->ok());
        QCOMPARE(outcome.result->error().text(),
                 u"Originate failed by the PBX connection was shut down - contacto: 5491155551234"_s);
    }

    void originate_whileDisconnected_failsWithoutBlocking()
    {
        test::FakeClock clock;
        AmiPbx pbx(pbxOptions(1), clock);
        Outcome outcome;
        pbx.originate(omnileadsRequest(), [&](Result<QString> r) { outcome.result = std::move(r); });
        QVERIFY(!outcome.result.has_value());
        QTRY_VERIFY(outcome.result.has_value());
        QCOMPARE(outcome.result->error().text(),
                 u"Originate failed by not connected to Asterisk - contacto: 5491155551234"_s);
    }

    void originateAction_followsTheConfiguredDialPlan()
    {
        test::FakeClock clock;
        AmiPbx::Options options = pbxOptions(1);
        options.channel = u"PJSIP/{extension}"_s;
        options.context = u"outbound"_s;
        options.exten = u"9{phone}"_s;
        options.callerId = u"\"Enlace\" <{phone}>"_s;
        options.omnileadsVariables = false;
        options.extraVariables = { { u"CAMPAIGN"_s, u"{campaignId}"_s }, { u"AGENT"_s, u"{agentName}"_s } };
        AmiPbx pbx(options, clock);
        OriginateRequest r = omnileadsRequest();
        r.agentName = u"Pérez, Ana"_s;
        r.variables = { { u"OmlcrmB"_s, u"2"_s }, { u"OmlcrmA"_s, u"1"_s } };
        const AmiMessage m = pbx.originateAction(r);
        QCOMPARE(
            m.serialize(),
            "Action: Originate\r\nChannel: PJSIP/1001\r\nContext: outbound\r\nExten: 95491155551234\r\nPriority: 1\r\n"
            "Timeout: 45000\r\nCallerID: \"Enlace\" <5491155551234>\r\nAsync: true\r\nVariable: CAMPAIGN=3\r\n"
            "Variable: AGENT=Pérez  Ana\r\nVariable: OmlcrmA=1\r\nVariable: OmlcrmB=2\r\n\r\n"_ba);
    }
};

QTEST_GUILESS_MAIN(TestAmiPbx)
#include "tst_amipbx.moc"
