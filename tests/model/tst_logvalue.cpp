#include <core/model/logvalue.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

class TestLogValue final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quoted_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("written");
        QTest::newRow("plain") << u"alice"_s << u"alice"_s;
        QTest::newRow("path") << u"/api/v1/health"_s << u"/api/v1/health"_s;
        QTest::newRow("non-ASCII letters stay") << u"José-Ñandú"_s << u"José-Ñandú"_s;
        QTest::newRow("empty") << QString() << u"\"\""_s;
        QTest::newRow("space") << u"a b"_s << u"\"a b\""_s;
        QTest::newRow("equals") << u"x=y"_s << u"\"x=y\""_s;
        QTest::newRow("quote and backslash") << u"say \"hi\" \\o/"_s << u"\"say \\\"hi\\\" \\\\o/\""_s;
        QTest::newRow("backslash alone") << u"a\\b"_s << u"\"a\\\\b\""_s;
        QTest::newRow("line break then a fake record")
            << u"bob\nlevel=error category=x"_s << u"\"bob\\nlevel=error category=x\""_s;
        QTest::newRow("CR and tab") << u"a\rb\tc"_s << u"\"a\\rb\\tc\""_s;
        QTest::newRow("ESC NUL BS DEL") << QString::fromUtf16(u"e\x1b[2Jn\0b\x08"
                                                              u"d\x7f",
                                                              11)
                                        << u"\"e\\x1b[2Jn\\x00b\\x08d\\x7f\""_s;
        QTest::newRow("C1 and line separator") << QString::fromUtf16(u"a\u0085b\u2028c") << u"\"a\\u0085b\\u2028c\""_s;
        QTest::newRow("lone surrogate") << QString(QChar(0xd800)) << u"\"\\ud800\""_s;
        QTest::newRow("astral plane stays") << QString::fromUtf16(u"\U0001F600") << QString::fromUtf16(u"\U0001F600");
    }
    void quoted()
    {
        QFETCH(QString, value);
        QFETCH(QString, written);
        QCOMPARE(LogValue::quoted(value), written);
        // The bytes overload agrees on valid UTF-8 (a lone surrogate has no UTF-8 form).
        if (!value.contains(QChar(0xd800)))
            QCOMPARE(LogValue::quoted(QByteArrayView(value.toUtf8())), written);
    }

    void quoted_bytes_invalidUtf8IsEscapedByteByByte_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("written");
        QTest::newRow("stray continuation") << QByteArray("a\x80z") << u"\"a\\x80z\""_s;
        QTest::newRow("truncated sequence") << QByteArray("\xc3") << u"\"\\xc3\""_s;
        QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << u"\"\\xc0\\xaf\""_s;
        QTest::newRow("encoded surrogate") << QByteArray("\xed\xa0\x80") << u"\"\\xed\\xa0\\x80\""_s;
        QTest::newRow("past U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << u"\"\\xf4\\x90\\x80\\x80\""_s;
        QTest::newRow("valid beside invalid") << QByteArray("\xc3\xa9\xff") << u"\"\u00e9\\xff\""_s;
        QTest::newRow("NUL") << QByteArray("a\0b", 3) << u"\"a\\x00b\""_s;
    }
    void quoted_bytes_invalidUtf8IsEscapedByteByByte()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, written);
        QCOMPARE(LogValue::quoted(QByteArrayView(bytes)), written);
    }

    void oneLine_escapesControlsOnly()
    {
        QCOMPARE(LogValue::oneLine(u"login ok user=3 username=\"a b\""_s), u"login ok user=3 username=\"a b\""_s);
        QCOMPARE(LogValue::oneLine(u"first\nsecond\x1b"_s), u"first\\nsecond\\x1b"_s);
    }

    // Whatever goes in, what comes out is one line of printable text: no byte below 0x20, no DEL,
    // no line separator.
    void quoted_neverWritesAControlCharacter()
    {
        QString all;
        for (char16_t c = 0; c < 0x3000; ++c)
            all.append(QChar(c));
        for (const QString &out : { LogValue::quoted(all), LogValue::oneLine(all) }) {
            for (const QChar c : out) {
                QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f && !(c.unicode() >= 0x80 && c.unicode() <= 0x9f)
                             && c.unicode() != 0x2028 && c.unicode() != 0x2029,
                         qPrintable(QString::number(c.unicode(), 16)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestLogValue)
#include "tst_logvalue.moc"
