#include <core/contacts/filerange.h>

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

class TestFileRange final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    QByteArray m_content;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"body"_s);
        m_content = "--b\r\nheaders\r\n\r\nline one\nline two\nline three\n\r\n--b--\r\n";
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(m_content), m_content.size());
    }

    void readsOnlyItsWindow()
    {
        const qsizetype offset = m_content.indexOf("line one");
        const qsizetype length = m_content.indexOf("\r\n--b--") - offset;
        FileRange range(m_path, offset, length);
        QVERIFY2(range.open(QIODevice::ReadOnly), qPrintable(range.errorString()));
        QCOMPARE(range.size(), length);
        QCOMPARE(range.readLine(), QByteArray("line one\n"));
        QCOMPARE(range.readLine(), QByteArray("line two\n"));
        QCOMPARE(range.readAll(), QByteArray("line three\n"));   // and not the delimiter after it
        QVERIFY(range.atEnd());
        QCOMPARE(range.read(10), QByteArray());
        // Read again from the start, as the importer's second pass does; and from the middle.
        QVERIFY(range.seek(0));
        QCOMPARE(range.readAll(), m_content.mid(offset, length));
        QVERIFY(range.seek(5));
        QCOMPARE(range.read(3), QByteArray("one"));
        QVERIFY(!range.seek(length + 1));
        QVERIFY(!range.seek(-1));
    }

    void negativeLength_runsToTheEnd()
    {
        FileRange range(m_path, 5, -1);
        QVERIFY(range.open(QIODevice::ReadOnly));
        QCOMPARE(range.size(), m_content.size() - 5);
        QCOMPARE(range.readAll(), m_content.mid(5));
    }

    void emptyWindow_isEmpty()
    {
        FileRange range(m_path, m_content.size(), 0);
        QVERIFY(range.open(QIODevice::ReadOnly));
        QCOMPARE(range.size(), 0);
        QVERIFY(range.atEnd());
        QCOMPARE(range.readAll(), QByteArray());
    }

    void windowOutsideTheFile_orWriting_orAMissingFile_failToOpen()
    {
        FileRange past(m_path, 10, m_content.size());
        QVERIFY(!past.open(QIODevice::ReadOnly));
        QVERIFY(!past.errorString().isEmpty());
        FileRange negative(m_path, -1, 3);
        QVERIFY(!negative.open(QIODevice::ReadOnly));
        FileRange writing(m_path, 0, 3);
        QVERIFY(!writing.open(QIODevice::ReadWrite));
        QVERIFY(!writing.open(QIODevice::WriteOnly));
        FileRange missing(m_dir.filePath(u"nothing"_s), 0, -1);
        QVERIFY(!missing.open(QIODevice::ReadOnly));
        QVERIFY(!missing.errorString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFileRange)
#include "tst_filerange.moc"
