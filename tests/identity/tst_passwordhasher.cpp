#include <core/identity/passwordhasher.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

class TestPasswordHasher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hash_hasSelfDescribingFormat()
    {
        const PasswordHasher hasher(1500);
        const QString encoded = hasher.hash(u"s3cret"_s);
        const QStringList parts = encoded.split(u'$');
        QCOMPARE(parts.size(), 4);
        QCOMPARE(parts.at(0), u"pbkdf2-sha256"_s);
        QCOMPARE(parts.at(1), u"1500"_s);
        QCOMPARE(QByteArray::fromBase64(parts.at(2).toLatin1()).size(), 16);
        QCOMPARE(QByteArray::fromBase64(parts.at(3).toLatin1()).size(), 32);
        QVERIFY(!encoded.contains(u"s3cret"_s));
    }

    void defaultIterations_are120000()
    {
        QCOMPARE(PasswordHasher().iterations(), 120000);
        QVERIFY(PasswordHasher().hash(u"x"_s).startsWith(u"pbkdf2-sha256$120000$"_s));
    }

    void hash_usesAFreshSaltEachTime()
    {
        const PasswordHasher hasher(1000);
        const QString a = hasher.hash(u"same"_s);
        const QString b = hasher.hash(u"same"_s);
        QVERIFY(a != b);
        QVERIFY(a.section(u'$', 2, 2) != b.section(u'$', 2, 2));
        QVERIFY(hasher.verify(u"same"_s, a));
        QVERIFY(hasher.verify(u"same"_s, b));
    }

    void verify_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("attempt");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("right password") << u"correct horse"_s << u"correct horse"_s << true;
        QTest::newRow("wrong password") << u"correct horse"_s << u"correct hors"_s << false;
        QTest::newRow("case matters") << u"Secret"_s << u"secret"_s << false;
        QTest::newRow("unicode") << u"contraseña☎"_s << u"contraseña☎"_s << true;
        QTest::newRow("unicode differs") << u"contraseña"_s << u"contrasena"_s << false;
        QTest::newRow("empty attempt") << u"x"_s << QString() << false;
    }
    void verify()
    {
        QFETCH(QString, stored);
        QFETCH(QString, attempt);
        QFETCH(bool, accepted);
        const PasswordHasher hasher(1000);
        QCOMPARE(hasher.verify(attempt, hasher.hash(stored)), accepted);
    }

    void verify_readsIterationsFromTheEncoding()
    {
        // A hash made with other settings keeps working after the default changes.
        const QString old = PasswordHasher(1000).hash(u"pw"_s);
        QVERIFY(PasswordHasher(2000).verify(u"pw"_s, old));
        QVERIFY(PasswordHasher(2000).needsRehash(old));
        QVERIFY(!PasswordHasher(1000).needsRehash(old));
        QVERIFY(!PasswordHasher(500).needsRehash(old));
    }

    void verify_rejectsTampering_data()
    {
        QTest::addColumn<int>("part");
        QTest::newRow("iterations changed") << 1;
        QTest::newRow("salt changed") << 2;
        QTest::newRow("hash changed") << 3;
    }
    void verify_rejectsTampering()
    {
        QFETCH(int, part);
        const PasswordHasher hasher(1000);
        QStringList parts = hasher.hash(u"pw"_s).split(u'$');
        if (part == 1) {
            parts[1] = u"1001"_s;
        } else {
            QByteArray bytes = QByteArray::fromBase64(parts.at(part).toLatin1());
            bytes[0] = char(bytes.at(0) ^ 0x01);
            parts[part] = QString::fromLatin1(bytes.toBase64());
        }
        QVERIFY(!hasher.verify(u"pw"_s, parts.join(u'$')));
    }

    void verify_rejectsMalformed_data()
    {
        QTest::addColumn<QString>("encoded");
        QTest::newRow("empty") << QString();
        QTest::newRow("plain text") << u"pw"_s;
        QTest::newRow("other scheme") << u"md5$1000$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA=="_s;
        QTest::newRow("missing part") << u"pbkdf2-sha256$1000$c2FsdA=="_s;
        QTest::newRow("extra part") << u"pbkdf2-sha256$1000$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==$x"_s;
        QTest::newRow("zero iterations") << u"pbkdf2-sha256$0$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA=="_s;
        QTest::newRow("absurd iterations") << u"pbkdf2-sha256$999999999$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA=="_s;
        QTest::newRow("not base64") << u"pbkdf2-sha256$1000$!!!$aGFzaGhhc2hoYXNoaGFzaA=="_s;
        QTest::newRow("truncated hash") << u"pbkdf2-sha256$1000$c2FsdA==$aGFzaA=="_s;
    }
    void verify_rejectsMalformed()
    {
        QFETCH(QString, encoded);
        QVERIFY(!PasswordHasher(1000).verify(u"pw"_s, encoded));
        QVERIFY(PasswordHasher(1000).needsRehash(encoded));
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
