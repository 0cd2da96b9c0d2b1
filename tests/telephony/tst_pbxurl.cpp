#include <core/telephony/pbxurl.h>

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

class TestPbxUrl final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void simulated_isTheDefault_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("word") << u"simulated"_s;
        QTest::newRow("scheme") << u"sim://"_s;
    }
    void simulated_isTheDefault()
    {
        QFETCH(QString, text);
        auto url = PbxUrl::parse(text);
        QVERIFY(url.ok());
        QCOMPARE(url->kind(), PbxUrl::Kind::Simulated);
        QCOMPARE(url->toString(), u"simulated"_s);
    }

    void ami_defaultsAreOmniLeadsClick2Call()
    {
        auto url = PbxUrl::parse(u"ami://enlace:p%40ss%3Aword@10.0.0.5"_s);
        QVERIFY2(url.ok(), qPrintable(url.ok() ? QString() : url.error().text()));
        QCOMPARE(url->kind(), PbxUrl::Kind::Ami);
        const auto &o = url->amiOptions();
        QCOMPARE(o.connection.host, u"10.0.0.5"_s);
        QCOMPARE(o.connection.port, quint16(5038));
        QCOMPARE(o.connection.username, u"enlace"_s);
        QCOMPARE(o.connection.secret, u"p@ss:word"_s);
        QVERIFY(o.connection.md5Challenge);
        QVERIFY(!o.connection.tls);
        QCOMPARE(o.channel, u"Local/{extension}@click2call/n"_s);
        QCOMPARE(o.context, u"from-oml"_s);
        QCOMPARE(o.exten, u"{phone}"_s);
        QCOMPARE(o.originateTimeoutMs, 45000);
        QVERIFY(o.omnileadsVariables);
    }

    void ami_optionsForOtherDialPlans()
    {
        auto url = PbxUrl::parse(
            u"ami://u:s@pbx.example:6000?tls=1&verify=0&auth=plain&ping=5&timeout=30000"
            "&channel=PJSIP/%7Bextension%7D&context=outbound&exten=9%7Bphone%7D&callerid=Enlace&omlvars=0"
            "&var.CRM=%7BcampaignId%7D"_s);
        QVERIFY2(url.ok(), qPrintable(url.ok() ? QString() : url.error().text()));
        const auto &o = url->amiOptions();
        QCOMPARE(o.connection.port, quint16(6000));
        QVERIFY(o.connection.tls);
        QVERIFY(!o.connection.verifyPeer);
        QVERIFY(!o.connection.md5Challenge);
        QCOMPARE(o.connection.pingIntervalMs, 5000);
        QCOMPARE(o.originateTimeoutMs, 30000);
        QCOMPARE(o.channel, u"PJSIP/{extension}"_s);
        QCOMPARE(o.context, u"outbound"_s);
        QCOMPARE(o.exten, u"9{phone}"_s);
        QCOMPARE(o.callerId, u"Enlace"_s);
        QVERIFY(!o.omnileadsVariables);
        QCOMPARE(o.extraVariables.size(), 1);
        QCOMPARE(o.extraVariables[0].first, u"CRM"_s);
        QCOMPARE(o.extraVariables[0].second, u"{campaignId}"_s);
    }

    void caFile_isKeptForTheTlsHandshake()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"ca.pem"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        auto url = PbxUrl::parse(u"ami://u:s@pbx?tls=1&ca="_s + path);
        QVERIFY(url.ok());
        QCOMPARE(url->amiOptions().connection.caFile, path);
    }

    void tls_defaultsToPort5039()
    {
        auto url = PbxUrl::parse(u"ami://u:s@pbx?tls=1"_s);
        QVERIFY(url.ok());
        QCOMPARE(url->amiOptions().connection.port, quint16(5039));
    }

    void toString_neverShowsTheSecret()
    {
        auto url = PbxUrl::parse(u"ami://enlace:TopSecret99@pbx:5038?context=from-oml"_s);
        QVERIFY(url.ok());
        const QString shown = url->toString();
        QVERIFY2(!shown.contains(u"TopSecret99"_s), qPrintable(shown));
        QCOMPARE(shown, u"ami://enlace@pbx:5038?context=from-oml"_s);
    }

    void secretFile_isReadAndNotShown()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"ami.secret"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("FromFile123\n");
        f.close();
        auto url = PbxUrl::parse(u"ami://enlace@pbx?secret_file="_s + path);
        QVERIFY2(url.ok(), qPrintable(url.ok() ? QString() : url.error().text()));
        QCOMPARE(url->amiOptions().connection.secret, u"FromFile123"_s);
        QVERIFY(!url->toString().contains(u"FromFile"_s));
    }

    void secretFromEnvironment()
    {
        qputenv("ENLACE_AMI_SECRET", "EnvSecret");
        auto url = PbxUrl::parse(u"ami://enlace@pbx"_s);
        qunsetenv("ENLACE_AMI_SECRET");
        QVERIFY(url.ok());
        QCOMPARE(url->amiOptions().connection.secret, u"EnvSecret"_s);
    }

    void invalid_isAClearErrorWithoutTheSecret_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("scheme") << u"sip://u:Hidden1@pbx"_s << u"unknown scheme"_s;
        QTest::newRow("no user") << u"ami://pbx:5038"_s << u"no manager user"_s;
        QTest::newRow("no secret") << u"ami://u@pbx"_s << u"no secret"_s;
        QTest::newRow("bad auth") << u"ami://u:Hidden1@pbx?auth=sha"_s << u"auth must be"_s;
        QTest::newRow("unknown option") << u"ami://u:Hidden1@pbx?colour=red"_s << u"unknown option 'colour'"_s;
        QTest::newRow("bad ping") << u"ami://u:Hidden1@pbx?ping=often"_s << u"ping must be"_s;
        QTest::newRow("unreadable secret file")
            << u"ami://u@pbx?secret_file=/nonexistent/x"_s << u"cannot read secret_file"_s;
        QTest::newRow("missing ca file") << u"ami://u:Hidden1@pbx?tls=1&ca=/nonexistent/ca.pem"_s
                                         << u"cannot read ca file"_s;
    }
    void invalid_isAClearErrorWithoutTheSecret()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        qunsetenv("ENLACE_AMI_SECRET");
        auto url = PbxUrl::parse(text);
        QVERIFY(!url.ok());
        QCOMPARE(url.error().kind, Error::Kind::Invalid);
        const QString message = url.error().text();
        QVERIFY2(message.startsWith(u"Invalid PBX address: "_s), qPrintable(message));
        QVERIFY2(message.contains(mentions), qPrintable(message));
        QVERIFY(!message.contains(u"Hidden1"_s));
    }
};

QTEST_GUILESS_MAIN(TestPbxUrl)
#include "tst_pbxurl.moc"
