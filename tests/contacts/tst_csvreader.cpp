#include <core/contacts/csvreader.h>
#include <tests/contacts/support/corpus.h>

#include <QBuffer>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

// One line per record: "<line>: f1|f2|..." or "error <problem> @<line>" (then the fields, when
// the record is still readable).
QStringList trace(const QByteArray &bytes, qsizetype chunk, char *delimiter = nullptr)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, chunk);
    QStringList out;
    for (int guard = 0; guard < 1000; ++guard) {
        const CsvReader::Status s = reader.readNext();
        if (s == CsvReader::Status::End)
            break;
        QString line = QString::number(reader.line()) + u": "_s;
        if (s == CsvReader::Status::Error) {
            line = u"error "_s + QString::number(int(reader.problem())) + u" @"_s + reader.errorMessage().args.value(0)
                + u" "_s;
            if (reader.isFatal()) {
                out.append(line.trimmed());
                continue;
            }
        }
        out.append(line + reader.fields().join(u'|'));
    }
    if (delimiter)
        *delimiter = reader.delimiter();
    return out;
}

const QString kInvalidUtf8 = QString::number(int(CsvReader::Problem::InvalidUtf8));
const QString kStray = QString::number(int(CsvReader::Problem::StrayQuote));
const QString kUnterminated = QString::number(int(CsvReader::Problem::UnterminatedQuote));

}   // namespace

class TestCsvReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readNext_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("delimiter");
        struct Case
        {
            const char *name;
            QByteArray input;
            QStringList expected;
            QString delimiter;
        };
        const QList<Case> cases {
            { "plain LF", "a,b\n1,2\n", { u"1: a|b"_s, u"2: 1|2"_s }, u","_s },
            { "no final newline", "a,b\n1,2", { u"1: a|b"_s, u"2: 1|2"_s }, u","_s },
            { "CRLF", "a,b\r\n1,2\r\n", { u"1: a|b"_s, u"2: 1|2"_s }, u","_s },
            { "CR only", "a,b\r1,2\r", { u"1: a|b"_s, u"2: 1|2"_s }, u","_s },
            { "mixed endings", "a,b\r\n1,2\n3,4\r\n", { u"1: a|b"_s, u"2: 1|2"_s, u"3: 3|4"_s }, u","_s },
            { "BOM",
              "\xEF\xBB\xBF"
              "a,b\n1,2\n",
              { u"1: a|b"_s, u"2: 1|2"_s },
              u","_s },
            { "semicolon", "a;b;c\n1;2,5;3\n", { u"1: a|b|c"_s, u"2: 1|2,5|3"_s }, u";"_s },
            { "tab", "a\tb\n1\t2\n", { u"1: a|b"_s, u"2: 1|2"_s }, u"\t"_s },
            { "delimiter counted outside quotes only",
              "\"a;b;c\",d,e\n1,2,3\n",
              { u"1: a;b;c|d|e"_s, u"2: 1|2|3"_s },
              u","_s },
            { "single column", "phone\n1\n", { u"1: phone"_s, u"2: 1"_s }, u","_s },
            { "quoted delimiter and doubled quotes",
              "a,b\n\"x, y\",\"say \"\"hi\"\"\"\n",
              { u"1: a|b"_s, u"2: x, y|say \"hi\""_s },
              u","_s },
            { "newline inside quotes counts lines",
              "a,b\n\"1\n2\",x\n3,y\n",
              { u"1: a|b"_s, u"2: 1\n2|x"_s, u"4: 3|y"_s },
              u","_s },
            { "CRLF inside quotes",
              "a,b\r\n\"1\r\n2\",x\r\n3,y\r\n",
              { u"1: a|b"_s, u"2: 1\r\n2|x"_s, u"4: 3|y"_s },
              u","_s },
            { "empty fields", "a,b,c\n,,\n\"\",x,\n", { u"1: a|b|c"_s, u"2: ||"_s, u"3: |x|"_s }, u","_s },
            { "blank lines skipped", "a,b\n\n1,2\r\n\r\n3,4\n", { u"1: a|b"_s, u"3: 1|2"_s, u"5: 3|4"_s }, u","_s },
            { "UTF-8 kept", "nombre\nJosé 😀\n", { u"1: nombre"_s, u"2: José 😀"_s }, u","_s },
            { "invalid UTF-8 names the line, reading goes on",
              "a,b\n1,2\nJos\xE9,3\n4,5\n",
              { u"1: a|b"_s, u"2: 1|2"_s,
                u"error "_s + kInvalidUtf8 + u" @3 "_s + QString::fromUtf8("Jos\xEF\xBF\xBD") + u"|3"_s, u"4: 4|5"_s },
              u","_s },
            { "overlong UTF-8 rejected",
              "a\n\xC0\xAF\n",
              { u"1: a"_s, u"error "_s + kInvalidUtf8 + u" @2 "_s + QString::fromUtf8("\xEF\xBF\xBD\xEF\xBF\xBD") },
              u","_s },
            { "stray quote in unquoted field",
              "a,b\nx\"y,2\n3,4\n",
              { u"1: a|b"_s, u"error "_s + kStray + u" @2 x\"y|2"_s, u"3: 3|4"_s },
              u","_s },
            { "text after closing quote",
              "a,b\n\"x\"y,2\n",
              { u"1: a|b"_s, u"error "_s + kStray + u" @2 \"x\"y|2"_s },
              u","_s },
            { "unterminated quote at EOF",
              "a,b\n1,2\n\"3,4\n5,6\n",
              { u"1: a|b"_s, u"2: 1|2"_s, u"error "_s + kUnterminated + u" @3"_s },
              u","_s },
            { "empty input", "", {}, u","_s },
            { "BOM only", "\xEF\xBB\xBF", {}, u","_s },
        };
        for (const Case &c : cases) {
            for (qsizetype chunk : { qsizetype(16), qsizetype(65536) })
                QTest::addRow("%s, chunk %lld", c.name, qlonglong(chunk)) << c.input << c.expected << c.delimiter;
        }
    }
    void readNext()
    {
        QFETCH(QByteArray, input);
        QFETCH(QStringList, expected);
        QFETCH(QString, delimiter);
        const qsizetype chunk = QByteArray(QTest::currentDataTag()).endsWith("16") ? 16 : 65536;
        char detected = 0;
        QCOMPARE(trace(input, chunk, &detected), expected);
        if (!expected.isEmpty())
            QCOMPARE(QString(QLatin1Char(detected)), delimiter);
    }

    void rawRecord_isTheRecordAsWritten()
    {
        QBuffer buffer;
        buffer.setData("a,b\r\n\"x\"\"1\",\"two\nlines\"\r\n");
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer, 16);
        QCOMPARE(reader.readNext(), CsvReader::Status::Record);
        QCOMPARE(reader.readNext(), CsvReader::Status::Record);
        QCOMPARE(reader.rawRecord(), QByteArrayView("\"x\"\"1\",\"two\nlines\""));
        QCOMPARE(reader.recordIndex(), 1);
        QCOMPARE(reader.readNext(), CsvReader::Status::End);
        QCOMPARE(reader.bytesRead(), buffer.size());
    }

    void recordLongerThanTheLimit_isFatal()
    {
        QByteArray big = "a\n\"";
        big.append(QByteArray(5000, 'x'));
        QBuffer buffer;
        buffer.setData(big);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer, 256);
        reader.setMaxRecordBytes(1024);
        QCOMPARE(reader.readNext(), CsvReader::Status::Record);
        QCOMPARE(reader.readNext(), CsvReader::Status::Error);
        QCOMPARE(reader.problem(), CsvReader::Problem::RecordTooLong);
        QVERIFY(reader.isFatal());
        QCOMPARE(reader.readNext(), CsvReader::Status::End);
    }

    void goodCorpusFiles_allMeanTheSameRows_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *f :
             { "good_basic.csv", "good_bom_crlf.csv", "good_semicolon.csv", "good_tab.csv", "good_quoted_all.csv",
               "good_mixed_line_endings.csv", "good_no_final_newline.csv", "good_blank_lines.csv" })
            QTest::newRow(f) << QString::fromLatin1(f);
    }
    void goodCorpusFiles_allMeanTheSameRows()
    {
        QFETCH(QString, file);
        QFile f(test::corpusFile(file));
        QVERIFY(f.open(QIODevice::ReadOnly));
        CsvReader reader(&f, 32);
        QCOMPARE(reader.readNext(), CsvReader::Status::Record);
        QCOMPARE(reader.fields(), test::corpusHeader());
        QList<QStringList> rows;
        while (reader.readNext() == CsvReader::Status::Record)
            rows.append(reader.fields());
        QVERIFY(!reader.hasError());
        QCOMPARE(rows, test::corpusGoodRows());
    }

    void isValidUtf8_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ascii long") << QByteArray(100, 'a') << true;
        QTest::newRow("2-byte") << QByteArray("\xC3\xA9") << true;
        QTest::newRow("3-byte") << QByteArray("\xE2\x82\xAC") << true;
        QTest::newRow("4-byte emoji") << QByteArray("\xF0\x9F\x98\x80") << true;
        QTest::newRow("latin-1") << QByteArray("\xE9") << false;
        QTest::newRow("truncated at end") << QByteArray("abcdefgh\xE2\x82") << false;
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << false;
        QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << false;
        QTest::newRow("overlong 3-byte") << QByteArray("\xE0\x80\xAF") << false;
        QTest::newRow("lone continuation") << QByteArray("\x80") << false;
    }
    void isValidUtf8()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, valid);
        QCOMPARE(CsvReader::isValidUtf8(bytes), valid);
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
