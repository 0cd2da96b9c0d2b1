#include <core/telephony/amicalltracker.h>
#include <tests/support/fakeclock.h>

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

// A channel event with the fields the tracker reads (the transcripts carry the full snapshot).
AmiMessage ev(QByteArray name, QByteArray channel, QByteArray uniqueid, QByteArray linkedid,
              QList<std::pair<QByteArray, QByteArray>> extra = {})
{
    AmiMessage m;
    m.append("Event", std::move(name));
    m.append("Privilege", "call,all");
    m.append("Channel", std::move(channel));
    m.append("Uniqueid", std::move(uniqueid));
    m.append("Linkedid", std::move(linkedid));
    for (auto &f : extra)
        m.fields.append(std::move(f));
    return m;
}

AmiMessage varSet(QByteArray channel, QByteArray uid, QByteArray linked, QByteArray var, QByteArray value)
{
    return ev("VarSet", channel, uid, linked, { { "Variable", var }, { "Value", value } });
}

AmiMessage dial(QByteArray name, QByteArray channel, QByteArray uid, QByteArray linked, QByteArray dest,
                QByteArray destUid, QList<std::pair<QByteArray, QByteArray>> extra = {})
{
    QList<std::pair<QByteArray, QByteArray>> f { { "DestChannel", dest },
                                                 { "DestUniqueid", destUid },
                                                 { "DestLinkedid", linked } };
    f += extra;
    return ev(std::move(name), channel, uid, linked, f);
}

AmiMessage listItem(QByteArray channel, QByteArray uid, QByteArray linked, QByteArray state, QByteArray bridge)
{
    AmiMessage m;
    m.append("Event", "CoreShowChannel");
    m.append("ActionID", "x");
    m.append("Channel", channel);
    m.append("ChannelState", state);
    m.append("Uniqueid", uid);
    m.append("Linkedid", linked);
    m.append("BridgeId", bridge);
    return m;
}

PbxCallEvent at(const QSignalSpy &spy, int i)
{
    return spy.at(i).at(0).value<PbxCallEvent>();
}

// Inbound without a queue: a caller on a trunk, the dial plan dials agent 1003 directly.
void directInbound(AmiCallTracker &t)
{
    t.handleEvent(ev("Newchannel", "PJSIP/trunk-00000001", "100.1", "100.1", { { "CallerIDNum", "3510001111" } }));
    t.handleEvent(varSet("PJSIP/trunk-00000001", "100.1", "100.1", "__OMLCAMPID", "4"));
    t.handleEvent(varSet("PJSIP/trunk-00000001", "100.1", "100.1", "MIXMONITOR_FILENAME",
                         "/var/spool/asterisk/monitor/x/100.1.wav"));
    t.handleEvent(ev("Newchannel", "PJSIP/1003-00000002", "100.2", "100.1"));
    t.handleEvent(dial("DialBegin", "PJSIP/trunk-00000001", "100.1", "100.1", "PJSIP/1003-00000002", "100.2",
                       { { "DialString", "1003" } }));
}

}   // namespace

class TestAmiCallTracker final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void directInbound_offeredToTheDialledAgentAndConnectedOnAnswer()
    {
        test::FakeClock clock;
        AmiCallTracker t(clock);
        QSignalSpy offered(&t, &AmiCallTracker::callOffered);
        QSignalSpy connected(&t, &AmiCallTracker::callConnected);
        directInbound(t);
        QCOMPARE(offered.size(), 1);
        const PbxCallEvent o = at(offered, 0);
        QCOMPARE(o.callId, u"100.1"_s);
        QCOMPARE(o.agentExtension, u"1003"_s);
        QCOMPARE(o.type, CallType::Inbound);
        QCOMPARE(o.campaignId, std::optional<qint64>(4));
        QCOMPARE(o.recordingFile, u"100.1.wav"_s);   // MixMonitor's path, reduced to the file name
        QCOMPARE(connected.size(), 0);
        t.handleEvent(dial("DialEnd", "PJSIP/trunk-00000001", "100.1", "100.1", "PJSIP/1003-00000002", "100.2",
                           { { "DialStatus", "ANSWER" } }));
        QCOMPARE(connected.size(), 1);
        QCOMPARE(t.channelsOf(u"100.1"_s), (QStringList { u"PJSIP/trunk-00000001"_s, u"PJSIP/1003-00000002"_s }));
    }

    void unansweredAgent_endsWithoutConnecting()
    {
        test::FakeClock clock;
        AmiCallTracker t(clock);
        QSignalSpy connected(&t, &AmiCallTracker::callConnected);
        QSignalSpy ended(&t, &AmiCallTracker::callEnded);
        directInbound(t);
        t.handleEvent(dial("DialEnd", "PJSIP/trunk-00000001", "100.1", "100.1", "PJSIP/1003-00000002", "100.2",
                           { { "DialStatus", "NOANSWER" } }));
        t.handleEvent(ev("Hangup", "PJSIP/1003-00000002", "100.2", "100.1", { { "Cause", "19" } }));
        QCOMPARE(ended.size(), 1);
        QCOMPARE(connected.size(), 0);
        // The caller is still there (voicemail, another agent): the call is not forgotten yet...
        QCOMPARE(t.activeCallIds(), QStringList());
        QVERIFY(t.isKnown(u"100.1"_s));
        t.handleEvent(ev("Hangup", "PJSIP/trunk-00000001", "100.1", "100.1"));
        QVERIFY(!t.isKnown(u"100.1"_s));
        QCOMPARE(ended.size(), 1);   // ...and it ends only once
    }

    void lateEventsOfAFinishedCall_doNotReviveIt()
    {
        test::FakeClock clock;
        AmiCallTracker t(clock);
        QSignalSpy offered(&t, &AmiCallTracker::callOffered);
        directInbound(t);
        t.handleEvent(ev("Hangup", "PJSIP/1003-00000002", "100.2", "100.1"));
        t.handleEvent(ev("Hangup", "PJSIP/trunk-00000001", "100.1", "100.1"));
        t.handleEvent(varSet("PJSIP/trunk-00000001", "100.1", "100.1", "OMLCAMPID", "4"));
        t.handleEvent(dial("DialBegin", "PJSIP/trunk-00000001", "100.1", "100.1", "PJSIP/1003-00000002", "100.2"));
        QCOMPARE(offered.size(), 1);
        QVERIFY(!t.isKnown(u"100.1"_s));
    }

    void variables_matchCaseInsensitivelyAndIgnoreInheritance_data()
    {
        QTest::addColumn<QByteArray>("variable");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");
        QTest::newRow("IdCamp") << "IdCamp"_ba
                                << "12"_ba << u"campaign"_s << u"12"_s;
        QTest::newRow("__OMLCAMPID") << "__OMLCAMPID"_ba
                                     << "13"_ba << u"campaign"_s << u"13"_s;
        QTest::newRow("codcli") << "codcli"_ba
                                << "77"_ba << u"contact"_s << u"77"_s;
        QTest::newRow("codCli empty") << "codCli"_ba
                                      << ""_ba << u"contact"_s << QString();
        QTest::newRow("_OMLOUTNUM") << "_OMLOUTNUM"_ba
                                    << "3519999999"_ba << u"phone"_s << u"3519999999"_s;
        QTest::newRow("OMLCALLTYPEID preview") << "OMLCALLTYPEID"_ba
                                               << "4"_ba << u"type"_s << u"4"_s;
        QTest::newRow("OMLCALLTYPEID unknown") << "OMLCALLTYPEID"_ba
                                               << "8"_ba << u"type"_s << u"3"_s;
        QTest::newRow("OMLCALLWAITDURATION") << "OMLCALLWAITDURATION"_ba
                                             << "31"_ba << u"wait"_s << u"31"_s;
        QTest::newRow("FTSAGENTE") << "FTSAGENTE"_ba
                                   << "15_Ana Pérez"_ba << u"agent"_s << u"15"_s;
        QTest::newRow("Omlcrm") << "__OMLCRM-CLIENT-TIER"_ba
                                << "vip"_ba << u"Omlcrm-Client-Tier"_s << u"vip"_s;
    }
    void variables_matchCaseInsensitivelyAndIgnoreInheritance()
    {
        QFETCH(QByteArray, variable);
        QFETCH(QByteArray, value);
        QFETCH(QString, field);
        QFETCH(QString, expected);
        test::FakeClock clock;
        AmiCallTracker t(clock);
        QSignalSpy offered(&t, &AmiCallTracker::callOffered);
        t.handleEvent(ev("Newchannel", "PJSIP/trunk-00000001", "100.1", "100.1"));
        t.handleEvent(varSet("PJSIP/trunk-00000001", "100.1", "100.1", variable, value));
        t.handleEvent(dial("DialBegin", "PJSIP/trunk-00000001", "100.1", "100.1", "PJSIP/1003-00000002", "100.2"));
        QCOMPARE(offered.size(), 1);
        const PbxCallEvent e = at(offered, 0);
        auto opt = [](const std::optional<qint64> &v) { return v ? QString::number(*v) : QString(); };
        QString got;
        if (field == u"campaign"_s)
            got = opt(e.campaignId);
        else if (field == u"contact"_s)
            got = opt(e.contactId);
        else if (field == u"phone"_s)
            got = e.phone;
        else if (field == u"type"_s)
            got = QString::number(int(e.type));
        else if (field == u"wait"_s)
            got = QString::number(e.waitSeconds);
        else if (field == u"agent"_s)
            got = opt(e.agentId);
        else
            got = e.dialplanData.value(field);
        QCOMPARE(got, expected);
    }

    void customVariableNames_areHonoured()
    {
        test::FakeClock clock;
        AmiCallTracker t(clock);
        AmiCallTracker::VariableNames names;
        names.campaign = { u"CAMPAIGN_ID"_s };
        names.dialplanPrefix = u"CRM_"_s;
        t.setVariableNames(names);
        QSignalSpy offered(&t, &AmiCallTracker::callOffered);
        t.handleEvent(ev("Newchannel", "SIP/provider-00000001", "1.1", "1.1"));
        t.handleEvent(varSet("SIP/provider-00000001", "1.1", "1.1", "CAMPAIGN_ID", "21"));
        t.handleEvent(varSet("SIP/provider-00000001", "1.1", "1.1", "IdCamp", "99"));
        t.handleEvent(varSet("SIP/provider-00000001", "1.1", "1.1", "CRM_ORDER", "A-1"));
        t.handleEvent(dial("DialBegin", "SIP/provider-00000001", "1.1", "1.1", "SIP/2001-00000002", "1.2"));
        QCOMPARE(at(offered, 0).campaignId, std::optional<qint64>(21));
        QCOMPARE(at(offered, 0).agentExtension, u"2001"_s);
        QCOMPARE(at(offered, 0).dialplanData.value(u"Crm_order"_s), u"A-1"_s);
    }

    void originateHint_givesTheCallItsRequestDataAndIsUsedOnce()
    {
        test::FakeClock clock;
        AmiCallTracker t(clock);
        QSignalSpy offered(&t, &AmiCallTracker::callOffered);
        PbxCallEvent hint;
        hint.agentExtension = u"1001"_s;
        hint.agentId = 7;
        hint.campaignId = 3;
        hint.phone = u"111"_s;
        t.expectOriginate(u"Local/1001@click2call"_s, hint);
        t.handleEvent(ev("Newchannel", "Local/1001@click2call-00000001;1", "5.1", "5.1"));
        t.handleEvent(ev("Newchannel", "Local/1001@click2call-00000001;2", "5.2", "5.1"));
        t.handleEvent(
            dial("DialBegin", "Local/1001@click2call-00000001;2", "5.2", "5.1", "PJSIP/1001-00000003", "5.3"));
        QCOMPARE(offered.size(), 1);
        QCOMPARE(at(offered, 0).type, CallType::Click2Call);
        QCOMPARE(at(offered, 0).phone, u"111"_s);
        QCOMPARE(at(offered, 0).agentId, std::optional<qint64>(7));
        // A second Local call to the same extension (not ours) does not inherit the hint.
        t.handleEvent(ev("Newchannel", "Local/1001@click2call-00000009;1", "6.1", "6.1"));
        t.handleEvent(
            dial("DialBegin", "Local/1001@click2call-00000009;2", "6.2", "6.1", "PJSIP/1001-00000010", "6.3"));
        QCOMPARE(offered.size(), 1);
    }

    void resynchronise_endsVanishedCallsAndConnectsBridgedOnes()
    {
        test::FakeClock clock;
        AmiCallTracker t(clock);
        QSignalSpy connected(&t, &AmiCallTracker::callConnected);
        QSignalSpy ended(&t, &AmiCallTracker::callEnded);
        directInbound(t);   // call 100.1, ringing agent 1003
        // Second call: also ringing, to agent 1004.
        t.handleEvent(ev("Newchannel", "PJSIP/trunk-00000005", "200.1", "200.1"));
        t.handleEvent(dial("DialBegin", "PJSIP/trunk-00000005", "200.1", "200.1", "PJSIP/1004-00000006", "200.2"));
        // While the link was down: 100.1 was answered and bridged; 200.1 hung up.
        t.resynchronise({ listItem("PJSIP/trunk-00000001", "100.1", "100.1", "6", "b1"),
                          listItem("PJSIP/1003-00000002", "100.2", "100.1", "6", "b1") });
        QCOMPARE(connected.size(), 1);
        QCOMPARE(at(connected, 0).callId, u"100.1"_s);
        QCOMPARE(ended.size(), 1);
        QCOMPARE(at(ended, 0).callId, u"200.1"_s);
        QCOMPARE(t.activeCallIds(), QStringList { u"100.1"_s });
        // A channel of 100.1 missing from a later list ends the call when it was the agent's.
        t.resynchronise({ listItem("PJSIP/trunk-00000001", "100.1", "100.1", "6", "") });
        QCOMPARE(ended.size(), 2);
        QCOMPARE(at(ended, 1).callId, u"100.1"_s);
    }
};

QTEST_GUILESS_MAIN(TestAmiCallTracker)
#include "tst_amicalltracker.moc"
