#include <core/sites/secretbox.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

class TestSecretBox final : public QObject
{
    Q_OBJECT

private:
    static SecretBox box(char fill)
    {
        auto b = SecretBox::fromKey(QByteArray(SecretBox::KeySize, fill));
        if (!b)
            qFatal("fromKey failed");
        return b.value();
    }

private Q_SLOTS:
    void seal_thenOpen_returnsThePlainText_data()
    {
        QTest::addColumn<QByteArray>("plain");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("password") << QByteArray("s3cr3t-ñ-☎");
        QTest::newRow("binary") << QByteArray("\x00\x01\xff\x00zz", 6);
        QTest::newRow("large") << QByteArray(100'000, 'x');
    }
    void seal_thenOpen_returnsThePlainText()
    {
        QFETCH(QByteArray, plain);
        const SecretBox b = box('k');
        const QByteArray sealed = b.seal(plain);
        QCOMPARE(sealed.size(), plain.size() + 1 + 12 + 16);
        if (!plain.isEmpty())
            QVERIFY(!sealed.contains(plain));
        auto opened = b.open(sealed);
        QVERIFY(opened.ok());
        QCOMPARE(opened.value(), plain);
    }

    void seal_twice_usesFreshNonces()
    {
        const SecretBox b = box('k');
        QVERIFY(b.seal("same") != b.seal("same"));
    }

    void open_alteredByte_isRejected_data()
    {
        QTest::addColumn<int>("position");
        // version, nonce, ciphertext, tag
        QTest::newRow("version") << 0;
        QTest::newRow("nonce") << 5;
        QTest::newRow("ciphertext") << 14;
        QTest::newRow("tag") << -1;
    }
    void open_alteredByte_isRejected()
    {
        QFETCH(int, position);
        const SecretBox b = box('k');
        QByteArray sealed = b.seal("the password");
        const int at = position < 0 ? int(sealed.size()) - 1 : position;
        sealed[at] = char(sealed[at] ^ 0x01);
        auto opened = b.open(sealed);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, u"secretbox.open_failed"_s);
    }

    void open_truncated_isRejected()
    {
        const SecretBox b = box('k');
        const QByteArray sealed = b.seal("the password");
        QVERIFY(!b.open(sealed.left(sealed.size() - 1)).ok());
        QVERIFY(!b.open(sealed.left(10)).ok());
        QVERIFY(!b.open({}).ok());
    }

    void open_withAnotherKey_isRejected()
    {
        const QByteArray sealed = box('a').seal("the password");
        auto opened = box('b').open(sealed);
        QVERIFY(!opened.ok());
        QVERIFY(!opened.error().text().contains(u"the password"_s));
    }

    void fromKey_wrongSize_isRejected_data()
    {
        QTest::addColumn<int>("size");
        QTest::newRow("empty") << 0;
        QTest::newRow("16") << 16;
        QTest::newRow("31") << 31;
        QTest::newRow("33") << 33;
    }
    void fromKey_wrongSize_isRejected()
    {
        QFETCH(int, size);
        QVERIFY(!SecretBox::fromKey(QByteArray(size, 'k')).ok());
    }

    void loadOrCreate_missingFile_createsOwnerOnlyKey()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"keys/secret.key"_s);
        auto created = SecretBox::loadOrCreate(path);
        QVERIFY(created.ok());
        QFile f(path);
        QVERIFY(f.exists());
        QCOMPARE(f.size(), qint64(SecretBox::KeySize));
        QCOMPARE(f.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(
            f.permissions()
                & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther),
            QFileDevice::Permissions());
        // The same file opens what the first box sealed: the key persists across restarts.
        const QByteArray sealed = created->seal("token");
        auto loaded = SecretBox::loadOrCreate(path);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->open(sealed).value(), QByteArray("token"));
    }

    void loadOrCreate_twoFiles_haveDifferentKeys()
    {
        QTemporaryDir dir;
        auto a = SecretBox::loadOrCreate(dir.filePath(u"a.key"_s));
        auto b = SecretBox::loadOrCreate(dir.filePath(u"b.key"_s));
        QVERIFY(a.ok() && b.ok());
        QVERIFY(!b->open(a->seal("x")).ok());
    }

    void loadOrCreate_corruptFile_isRejected()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"short.key"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("too short");
        f.close();
        auto r = SecretBox::loadOrCreate(path);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"secretbox.bad_key"_s);
    }
};

QTEST_GUILESS_MAIN(TestSecretBox)
#include "tst_secretbox.moc"
