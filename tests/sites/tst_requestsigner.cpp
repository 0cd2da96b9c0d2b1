#include <core/sites/requestsigner.h>

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

class TestRequestSigner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signature_matchesPythonHmac_data()
    {
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<qint64>("timestamp");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("json") << QByteArray("whsec_abc") << qint64(1767225600)
                              << QByteArray(R"({"call_id":"1","phone":"555"})");
        QTest::newRow("empty body") << QByteArray("k") << qint64(1) << QByteArray();
        QTest::newRow("utf8 and binary") << QByteArray("s\xc3\xb1") << qint64(2000000000)
                                         << QByteArray("\x00\xff\xc3\xb1.x", 6);
        QTest::newRow("long secret") << QByteArray(200, 'z') << qint64(1767225600) << QByteArray(5000, 'b');
    }
    void signature_matchesPythonHmac()
    {
        QFETCH(QByteArray, secret);
        QFETCH(qint64, timestamp);
        QFETCH(QByteArray, body);
        const QString python = QStandardPaths::findExecutable(u"python3"_s);
        if (python.isEmpty())
            QSKIP("python3 not installed");
        // An independent implementation: Python's hmac module, fed through stdin as hex.
        QProcess p;
        p.start(python,
                { u"-c"_s,
                  u"import hmac,hashlib,sys\n"
                  "s,t,b=sys.stdin.read().split(' ')\n"
                  "msg=t.encode()+b'.'+bytes.fromhex(b)\n"
                  "print('sha256='+hmac.new(bytes.fromhex(s),msg,hashlib.sha256).hexdigest())"_s });
        QVERIFY(p.waitForStarted());
        p.write(secret.toHex() + ' ' + QByteArray::number(timestamp) + ' ' + body.toHex());
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished());
        const QByteArray expected = p.readAllStandardOutput().trimmed();
        QVERIFY(expected.startsWith("sha256="));
        QCOMPARE(RequestSigner::signature(secret, timestamp, body), expected);
    }

    void sign_setsBothHeaders_andResignsOnRetry()
    {
        HttpRequest r;
        r.method = "POST";
        r.body = "{}";
        RequestSigner::sign(r, "k", 100);
        QCOMPARE(r.header("X-Enlace-Timestamp"), QByteArray("100"));
        QCOMPARE(r.header("X-Enlace-Signature"), RequestSigner::signature("k", 100, "{}"));
        RequestSigner::sign(r, "k", 160);
        QCOMPARE(r.header("X-Enlace-Timestamp"), QByteArray("160"));
        int signatures = 0;
        for (const auto &h : r.headers)
            signatures += h.first == "X-Enlace-Signature" ? 1 : 0;
        QCOMPARE(signatures, 1);
    }

    void sign_withoutSecret_addsNothing()
    {
        HttpRequest r;
        r.body = "{}";
        RequestSigner::sign(r, {}, 100);
        QVERIFY(r.headers.isEmpty());
    }

    void verify_data()
    {
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QByteArray>("timestamp");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<bool>("valid");
        QTest::newRow("genuine") << QByteArray("k") << QByteArray("1000") << QByteArray("{\"a\":1}") << qint64(1000)
                                 << true;
        QTest::newRow("clock skew within tolerance")
            << QByteArray("k") << QByteArray("1000") << QByteArray("{\"a\":1}") << qint64(1299) << true;
        QTest::newRow("replayed late") << QByteArray("k") << QByteArray("1000") << QByteArray("{\"a\":1}")
                                       << qint64(1301) << false;
        QTest::newRow("body altered") << QByteArray("k") << QByteArray("1000") << QByteArray("{\"a\":2}")
                                      << qint64(1000) << false;
        QTest::newRow("timestamp altered")
            << QByteArray("k") << QByteArray("1001") << QByteArray("{\"a\":1}") << qint64(1000) << false;
        QTest::newRow("other secret") << QByteArray("j") << QByteArray("1000") << QByteArray("{\"a\":1}")
                                      << qint64(1000) << false;
        QTest::newRow("garbage timestamp")
            << QByteArray("k") << QByteArray("soon") << QByteArray("{\"a\":1}") << qint64(1000) << false;
    }
    void verify()
    {
        QFETCH(QByteArray, secret);
        QFETCH(QByteArray, timestamp);
        QFETCH(QByteArray, body);
        QFETCH(qint64, now);
        QFETCH(bool, valid);
        // Signed by the sender with secret "k" at 1000 over {"a":1}.
        const QByteArray sent = RequestSigner::signature("k", 1000, "{\"a\":1}");
        QCOMPARE(RequestSigner::verify(secret, timestamp, sent, body, now), valid);
    }
};

QTEST_GUILESS_MAIN(TestRequestSigner)
#include "tst_requestsigner.moc"
