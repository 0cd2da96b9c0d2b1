#include <core/telephony/amiparser.h>
#include <tests/support/testdata.h>
#include <tests/telephony/support/amitranscript.h>

#include <QDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

QList<AmiMessage> parseAll(QByteArrayView bytes)
{
    AmiParser parser;
    parser.feed(bytes);
    return parser.takeAll();
}

QByteArray describe(const QList<AmiMessage> &messages)
{
    QByteArray out;
    for (const AmiMessage &m : messages) {
        out += m.serialize();
        for (const QByteArray &o : m.output)
            out += "| " + o + '\n';
        out += "--\n";
    }
    return out;
}

}   // namespace

class TestAmiParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void banner_isItsOwnMessage()
    {
        const auto messages
            = parseAll("Asterisk Call Manager/7.0.3\r\nResponse: Success\r\nMessage: Authentication accepted\r\n\r\n");
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages[0].kind(), AmiMessage::Kind::Banner);
        QCOMPARE(messages[0].banner, "Asterisk Call Manager/7.0.3"_ba);
        QCOMPARE(messages[1].kind(), AmiMessage::Kind::Response);
        QCOMPARE(messages[1].value("message"), "Authentication accepted"_ba);
    }

    void bannerLikeLine_laterInTheStream_isNotABanner()
    {
        const auto messages = parseAll("Event: X\r\n\r\nAsterisk Call Manager/1.0\r\n\r\n");
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages[1].kind(), AmiMessage::Kind::Unknown);
        QCOMPARE(messages[1].output, QList<QByteArray> { "Asterisk Call Manager/1.0"_ba });
    }

    void fields_keepOrderDuplicatesAndCaseInsensitiveLookup()
    {
        const auto messages
            = parseAll("Action: Originate\r\nVariable: IdCamp=7\r\nVariable: codCli=\r\nexten: 5411\r\n\r\n");
        QCOMPARE(messages.size(), 1);
        const AmiMessage &m = messages[0];
        QCOMPARE(m.kind(), AmiMessage::Kind::Action);
        QCOMPARE(m.values("VARIABLE"), (QList<QByteArray> { "IdCamp=7"_ba, "codCli="_ba }));
        QCOMPARE(m.value("Exten"), "5411"_ba);
        QCOMPARE(m.fields.size(), 4);
        QCOMPARE(m.fields[3].first, "exten"_ba);
    }

    void valueKeepsColonsAndInnerSpaces_andEmptyValues()
    {
        const auto messages = parseAll("Event: VarSet\r\nValue: a: b  c \r\nData:\r\nApplication: \r\n\r\n");
        QCOMPARE(messages[0].value("Value"), "a: b  c "_ba);
        QVERIFY(messages[0].has("Data"));
        QCOMPARE(messages[0].value("Data"), QByteArray());
        QCOMPARE(messages[0].value("Application"), QByteArray());
    }

    void bareLineFeeds_areAccepted()
    {
        const auto messages = parseAll("Response: Success\nPing: Pong\n\nEvent: FullyBooted\n\n");
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages[0].value("Ping"), "Pong"_ba);
        QCOMPARE(messages[1].eventName(), "FullyBooted"_ba);
    }

    void strayBlankLines_produceNoMessages()
    {
        const auto messages = parseAll("\r\n\r\nResponse: Success\r\n\r\n\r\n\r\n");
        QCOMPARE(messages.size(), 1);
    }

    void outputLines_areCollected()
    {
        const auto messages = parseAll("Response: Success\r\nActionID: 9\r\nMessage: Command output follows\r\n"
                                       "Output: Name/username  Host\r\nOutput: 1001/1001  10.0.0.5\r\n\r\n");
        QCOMPARE(messages[0].output, (QList<QByteArray> { "Name/username  Host"_ba, "1001/1001  10.0.0.5"_ba }));
        QCOMPARE(messages[0].actionId(), "9"_ba);
    }

    void legacyFollows_bodyRunsToEndCommandEvenAcrossBlankLines()
    {
        const auto messages = parseAll("Response: Follows\r\nPrivilege: Command\r\nActionID: 3\r\n"
                                       "Channel  Location: x\n\nline after blank\n--END COMMAND--\r\n\r\n"
                                       "Event: Next\r\n\r\n");
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages[0].actionId(), "3"_ba);
        QCOMPARE(messages[0].value("Privilege"), "Command"_ba);
        QCOMPARE(messages[0].output, (QList<QByteArray> { "Channel  Location: x"_ba, ""_ba, "line after blank"_ba }));
        QCOMPARE(messages[1].eventName(), "Next"_ba);
    }

    void legacyFollows_endMarkerGluedToLastOutputLine()
    {
        const auto messages = parseAll("Response: Follows\r\nPrivilege: Command\r\nlast line--END COMMAND--\r\n\r\n");
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages[0].output, QList<QByteArray> { "last line"_ba });
    }

    void oversizedMessage_isDroppedAndTheStreamRecovers_data()
    {
        QTest::addColumn<QByteArray>("hostile");
        QTest::newRow("many lines") << QByteArray("Event: Big\r\n" + QByteArray("X: 0123456789\r\n").repeated(200)
                                                  + "\r\n");
        QTest::newRow("one endless line") << QByteArray("Event: Big\r\nX: " + QByteArray(5000, 'y') + "\r\n\r\n");
        QTest::newRow("too many fields") << QByteArray("Event: Big\r\n" + QByteArray("A: 1\r\n").repeated(70) + "\r\n");
        QTest::newRow("follows body") << QByteArray("Response: Follows\r\n" + QByteArray("text\n").repeated(800)
                                                    + "--END COMMAND--\r\n\r\n");
    }
    void oversizedMessage_isDroppedAndTheStreamRecovers()
    {
        QFETCH(QByteArray, hostile);
        AmiParser parser(AmiParser::Limits { 2048, 64 });
        const QByteArray stream = "Event: Before\r\n\r\n" + hostile + "Event: After\r\n\r\n";
        // Byte at a time too: the limit must hold however the bytes arrive.
        for (int chunk : { int(stream.size()), 1, 7 }) {
            AmiParser p(AmiParser::Limits { 2048, 64 });
            for (qsizetype i = 0; i < stream.size(); i += chunk)
                p.feed(QByteArrayView(stream).sliced(i, qMin<qsizetype>(chunk, stream.size() - i)));
            const auto messages = p.takeAll();
            QCOMPARE(messages.size(), 2);
            QCOMPARE(messages[0].eventName(), "Before"_ba);
            QCOMPARE(messages[1].eventName(), "After"_ba);
            QCOMPARE(p.droppedMessages(), 1);
        }
    }

    void reset_expectsANewBannerAndForgetsPartialMessage()
    {
        AmiParser parser;
        parser.feed("Asterisk Call Manager/7.0.3\r\nEvent: Half\r\nChan");
        QCOMPARE(parser.takeAll().size(), 1);
        parser.reset();
        parser.feed("Asterisk Call Manager/7.0.3\r\nEvent: Whole\r\n\r\n");
        const auto messages = parser.takeAll();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages[0].kind(), AmiMessage::Kind::Banner);
        QCOMPARE(messages[1].eventName(), "Whole"_ba);
        QCOMPARE(messages[1].fields.size(), 1);
    }

    void redacted_masksSecretAndKey()
    {
        AmiMessage m;
        m.append("Action", "Login");
        m.append("Username", "enlace");
        m.append("Secret", "s3cr3t");
        m.append("Key", "abcdef");
        const QByteArray text = m.redacted();
        QVERIFY(!text.contains("s3cr3t"));
        QVERIFY(!text.contains("abcdef"));
        QVERIFY(text.contains("Username: enlace"));
    }

    void serialize_roundTrips()
    {
        AmiMessage m;
        m.append("Action", "Originate");
        m.append("Variable", "a=1");
        m.append("Variable", "b=2");
        const auto back = parseAll(m.serialize());
        QCOMPARE(back.size(), 1);
        QCOMPARE(back[0].fields, m.fields);
    }

    // Every transcript under tests/data/ami, cut at every byte, parses exactly as in one piece.
    void everySplitPoint_givesTheSameMessages_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(test::testDataPath(u"ami"_s));
        const auto files = dir.entryList({ u"*.txt"_s }, QDir::Files, QDir::Name);
        QVERIFY(!files.isEmpty());
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }
    void everySplitPoint_givesTheSameMessages()
    {
        QFETCH(QString, file);
        auto transcript = test::AmiTranscript::load(file);
        QVERIFY2(transcript.ok(), qPrintable(transcript.ok() ? QString() : transcript.error().text()));
        const QByteArray stream = transcript->serverBytes();
        QVERIFY(!stream.isEmpty());
        const auto whole = parseAll(stream);
        QVERIFY(!whole.isEmpty());
        const QByteArray expected = describe(whole);
        // Snapshot the parser wherever a message completes; every cut inside the following
        // message is then checked from that exact state (linear instead of quadratic in the
        // transcript size, and still every byte position).
        QList<std::pair<qsizetype, AmiParser>> snapshots { { 0, AmiParser() } };
        AmiParser base;
        for (qsizetype j = 0; j < stream.size(); ++j) {
            base.feed(QByteArrayView(stream).sliced(j, 1));
            if (base.hasMessage()) {
                base.takeAll();
                snapshots.append({ j + 1, base });
            }
        }
        if (snapshots.last().first != stream.size())
            snapshots.append({ stream.size(), base });
        QCOMPARE(snapshots.size() - 1, whole.size());
        for (qsizetype i = 0; i + 1 < snapshots.size(); ++i) {
            const QByteArrayView window
                = QByteArrayView(stream).sliced(snapshots[i].first, snapshots[i + 1].first - snapshots[i].first);
            AmiParser reference = snapshots[i].second;
            reference.feed(window);
            const QByteArray want = describe(reference.takeAll());
            QCOMPARE(want, describe({ whole[i] }));
            for (qsizetype cut = 0; cut <= window.size(); ++cut) {
                AmiParser parser = snapshots[i].second;
                parser.feed(window.first(cut));
                parser.feed(window.sliced(cut));
                if (describe(parser.takeAll()) != want)
                    QFAIL(qPrintable(u"split at byte %1 differs"_s.arg(snapshots[i].first + cut)));
            }
        }
        AmiParser bytewise;
        for (char c : stream)
            bytewise.feed(QByteArrayView(&c, 1));
        QCOMPARE(describe(bytewise.takeAll()), expected);
    }
};

QTEST_GUILESS_MAIN(TestAmiParser)
#include "tst_amiparser.moc"
