#include <core/telephony/amiconnection.h>
#include <tests/telephony/support/amitestutil.h>

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

QStringList g_log;
void captureLog(QtMsgType, const QMessageLogContext &, const QString &text)
{
    g_log.append(text);
}

void addChunkRows()
{
    QTest::addColumn<int>("chunk");
    QTest::newRow("whole writes") << 0;
    QTest::newRow("1 byte per read") << 1;
    QTest::newRow("5 bytes per read") << 5;
    QTest::newRow("37 bytes per read") << 37;
}

}   // namespace

class TestAmiConnection final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainLogin_becomesReadyWithEventsOn_data() { addChunkRows(); }
    void plainLogin_becomesReadyWithEventsOn()
    {
        QFETCH(int, chunk);
        auto peer = test::startPeer(u"login_plain.txt"_s, chunk);
        QVERIFY(peer);
        AmiConnection ami(test::amiOptions(peer->port()));
        QSignalSpy ready(&ami, &AmiConnection::ready);
        ami.open();
        QTRY_COMPARE(ready.size(), 1);
        QVERIFY(ami.isReady());
        QCOMPARE(ami.bannerVersion(), "7.0.3"_ba);
        QTRY_VERIFY(peer->finished());
        QCOMPARE(peer->errors(), QStringList());
        QVERIFY(peer->unexpected().isEmpty());
    }

    void md5Login_sendsKeyFromChallengeAndNeverTheSecret_data() { addChunkRows(); }
    void md5Login_sendsKeyFromChallengeAndNeverTheSecret()
    {
        QFETCH(int, chunk);
        auto peer = test::startPeer(u"login_md5.txt"_s, chunk);
        QVERIFY(peer);
        auto options = test::amiOptions(peer->port());
        options.md5Challenge = true;
        AmiConnection ami(options);
        QSignalSpy ready(&ami, &AmiConnection::ready);
        ami.open();
        QTRY_COMPARE(ready.size(), 1);
        QTRY_VERIFY(peer->finished());
        QCOMPARE(peer->errors(), QStringList());
        for (const AmiMessage &m : peer->received())
            QVERIFY(!m.serialize().contains("s3cr3t-pw"));
    }

    void wrongPassword_isAClearFinalErrorNotAReconnectLoop()
    {
        auto peer = test::startPeer(u"login_wrong_password.txt"_s);
        QVERIFY(peer);
        auto options = test::amiOptions(peer->port(), u"wrong"_s);
        options.reconnectMinMs = 1;
        AmiConnection ami(options);
        QSignalSpy failed(&ami, &AmiConnection::loginFailed);
        QSignalSpy ready(&ami, &AmiConnection::ready);
        ami.open();
        QTRY_COMPARE(failed.size(), 1);
        const QString reason = failed.at(0).at(0).toString();
        QCOMPARE(reason, u"Authentication failed"_s);
        QVERIFY(!reason.contains(u"wrong"_s));
        QCOMPARE(ami.state(), AmiConnection::State::Failed);
        QVERIFY(!ami.isReconnectScheduled());
        QTRY_VERIFY(peer->finished());
        QCOMPARE(peer->errors(), QStringList());
        QCOMPARE(peer->connections(), 1);
        QCOMPARE(ready.size(), 0);
        QCOMPARE(failed.size(), 1);
    }

    void tls_withTheServersCertificateTrusted_logsIn()
    {
        auto peer = test::startTlsPeer(u"login_plain.txt"_s);
        QVERIFY(peer);
        auto options = test::amiOptions(peer->port());
        options.tls = true;
        options.caFile = test::testDataPath(u"ami/tls/test-asterisk.pem"_s);
        AmiConnection ami(options);
        QSignalSpy ready(&ami, &AmiConnection::ready);
        QSignalSpy failed(&ami, &AmiConnection::loginFailed);
        ami.open();
        QTRY_COMPARE(ready.size(), 1);
        QCOMPARE(failed.size(), 0);
        QTRY_VERIFY(peer->finished());
        QCOMPARE(peer->errors(), QStringList());
    }

    void tls_untrustedCertificate_isAFinalError()
    {
        auto peer = test::startTlsPeer(u"login_plain.txt"_s);
        QVERIFY(peer);
        auto options = test::amiOptions(peer->port());
        options.tls = true;
        options.reconnectMinMs = 1;
        AmiConnection ami(options);
        QSignalSpy ready(&ami, &AmiConnection::ready);
        QSignalSpy failed(&ami, &AmiConnection::loginFailed);
        ami.open();
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY2(failed.at(0).at(0).toString().contains(u"certificate"_s, Qt::CaseInsensitive),
                 qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(ami.state(), AmiConnection::State::Failed);
        QVERIFY(!ami.isReconnectScheduled());
        QCOMPARE(ready.size(), 0);
        QVERIFY(peer->received().isEmpty());   // no credentials went to an unverified server
    }

    void tls_verificationOff_acceptsAnyCertificate()
    {
        auto peer = test::startTlsPeer(u"login_plain.txt"_s);
        QVERIFY(peer);
        auto options = test::amiOptions(peer->port());
        options.tls = true;
        options.verifyPeer = false;
        AmiConnection ami(options);
        QSignalSpy ready(&ami, &AmiConnection::ready);
        ami.open();
        QTRY_COMPARE(ready.size(), 1);
    }

    void eventsInterleavedWithResponsesAndLists_areRoutedApart_data() { addChunkRows(); }
    void eventsInterleavedWithResponsesAndLists_areRoutedApart()
    {
        QFETCH(int, chunk);
        auto peer = test::startPeer(u"connection_interleaved.txt"_s, chunk);
        QVERIFY(peer);
        AmiConnection ami(test::amiOptions(peer->port()));
        QSignalSpy ready(&ami, &AmiConnection::ready);
        QSignalSpy events(&ami, &AmiConnection::eventReceived);
        ami.open();
        QTRY_COMPARE(ready.size(), 1);
        std::optional<Result<AmiConnection::Reply>> reply;
        AmiMessage list;
        list.append("Action", "CoreShowChannels");
        const QByteArray id = ami.send(list, [&](Result<AmiConnection::Reply> r) { reply = std::move(r); });
        QVERIFY(id.startsWith("enlace-"));
        QTRY_VERIFY(reply.has_value());
        QVERIFY(reply->ok());
        QVERIFY(reply->value().success());
        QCOMPARE(reply->value().message(), "Channels will follow"_ba);
        QCOMPARE(reply->value().events.size(), 2);
        QCOMPARE(reply->value().events[0].value("Channel"), "PJSIP/1001-0000000a"_ba);
        QCOMPARE(reply->value().events[1].value("Uniqueid"), "1732540000.104"_ba);
        // The two unrelated events were delivered as events, in order, and not to the list.
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).at(0).value<AmiMessage>().eventName(), "Newchannel"_ba);
        QCOMPARE(events.at(1).at(0).value<AmiMessage>().eventName(), "VarSet"_ba);
        QCOMPARE(peer->errors(), QStringList());
    }

    void pingKeepAlive_andAnUnansweredPingReconnects()
    {
        auto peer = test::startPeer(u"connection_ping.txt"_s);
        QVERIFY(peer);
        auto options = test::amiOptions(peer->port());
        options.pingIntervalMs = 20;
        options.responseTimeoutMs = 300;
        AmiConnection ami(options);
        QSignalSpy ready(&ami, &AmiConnection::ready);
        QSignalSpy down(&ami, &AmiConnection::disconnected);
        ami.open();
        QTRY_COMPARE(ready.size(), 2);
        QCOMPARE(down.size(), 1);
        QCOMPARE(down.at(0).at(0).toString(), u"Asterisk stopped answering"_s);
        QTRY_VERIFY(peer->finished());
        QCOMPARE(peer->errors(), QStringList());
        QCOMPARE(peer->connections(), 2);
        QCOMPARE(ami.reconnectAttempts(), 0);   // reset by the successful login
    }

    void linkDrop_reconnectsWithBackoffAndLogsInAgain()
    {
        auto peer = test::startPeer(u"connection_reconnect.txt"_s);
        QVERIFY(peer);
        AmiConnection ami(test::amiOptions(peer->port()));
        QSignalSpy ready(&ami, &AmiConnection::ready);
        QSignalSpy down(&ami, &AmiConnection::disconnected);
        QSignalSpy events(&ami, &AmiConnection::eventReceived);
        ami.open();
        QTRY_COMPARE(ready.size(), 2);
        QCOMPARE(down.size(), 1);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.at(0).at(0).value<AmiMessage>().eventName(), "Shutdown"_ba);
        QTRY_VERIFY(peer->finished());
        QCOMPARE(peer->errors(), QStringList());
    }

    void peerGone_pendingActionFailsAndReconnectKeepsTrying()
    {
        auto peer = test::startPeer(u"login_plain.txt"_s);
        QVERIFY(peer);
        AmiConnection ami(test::amiOptions(peer->port()));
        QSignalSpy ready(&ami, &AmiConnection::ready);
        ami.open();
        QTRY_COMPARE(ready.size(), 1);
        std::optional<Result<AmiConnection::Reply>> reply;
        AmiMessage ping;
        ping.append("Action", "Status");
        ami.send(ping, [&](Result<AmiConnection::Reply> r) { reply = std::move(r); });
        peer->dropConnection();
        QTRY_VERIFY(reply.has_value());
        QVERIFY(!reply->ok());
        QCOMPARE(reply->error().code, u"ami_link_lost"_s);
        QTRY_VERIFY(ami.reconnectAttempts() >= 1);
        QVERIFY(ami.state() != AmiConnection::State::Failed);
    }

    void send_whileDisconnected_failsFromTheEventLoop()
    {
        AmiConnection ami(test::amiOptions(1));
        bool called = false;
        AmiMessage m;
        m.append("Action", "Ping");
        ami.send(m, [&](Result<AmiConnection::Reply> r) {
            called = true;
            QVERIFY(!r.ok());
            QCOMPARE(r.error().kind, Error::Kind::Unavailable);
        });
        QVERIFY(!called);
        QTRY_VERIFY(called);
    }

    void debugLog_neverContainsTheSecret()
    {
        g_log.clear();
        QLoggingCategory::setFilterRules(u"enlace.telephony.ami.debug=true"_s);
        const auto previous = qInstallMessageHandler(captureLog);
        {
            auto peer = test::startPeer(u"login_plain.txt"_s);
            QVERIFY(peer);
            AmiConnection ami(test::amiOptions(peer->port()));
            QSignalSpy ready(&ami, &AmiConnection::ready);
            ami.open();
            QTRY_COMPARE(ready.size(), 1);
        }
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(g_log.join(u'\n').contains(u"Action: Login"_s));   // the traffic was logged...
        for (const QString &line : g_log)
            QVERIFY2(!line.contains(u"s3cr3t-pw"_s), qPrintable(line));   // ...without the secret
    }
};

QTEST_GUILESS_MAIN(TestAmiConnection)
#include "tst_amiconnection.moc"
