#include <core/identity/userrepository.h>
#include <tests/identity/support/identityfixture.h>
#include <tests/support/fakeclock.h>
#include <tests/support/scratchdatabase.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

User makeUser(const QString &username, Role role = Role::Supervisor)
{
    User u;
    u.username = username;
    u.firstName = u"Ana"_s;
    u.lastName = u"Pérez"_s;
    u.email = u"ana@example.com"_s;
    u.role = role;
    return u;
}

}   // namespace

class TestUserRepository final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void create_storesEveryFieldAndFindsIt_data() { test::addBackendRows(); }
    void create_storesEveryFieldAndFindsIt()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        UserRepository users(scratch.db(), PasswordHasher(1000), &clock);
        auto id = users.create(makeUser(u"ana"_s, Role::Manager), u"pw"_s);
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().text()));
        auto found = users.find(id.value());
        QVERIFY(found.ok());
        QCOMPARE(found->username, u"ana"_s);
        QCOMPARE(found->firstName, u"Ana"_s);
        QCOMPARE(found->lastName, u"Pérez"_s);
        QCOMPARE(found->email, u"ana@example.com"_s);
        QCOMPARE(found->role, Role::Manager);
        QVERIFY(found->active);
        QCOMPARE(found->fullName(), u"Ana Pérez"_s);
        QCOMPARE(users.findByUsername(u"ana"_s)->id, id.value());
        QCOMPARE(scratch.db()->scalar(u"SELECT created_at FROM users WHERE id = ?"_s, { id.value() })->toLongLong(),
                 clock.nowMs());
        // Only a hash is stored.
        const QString stored
            = scratch.db()->scalar(u"SELECT password_hash FROM users WHERE id = ?"_s, { id.value() })->toString();
        QVERIFY(stored.startsWith(u"pbkdf2-sha256$1000$"_s));
    }

    void find_unknownIsNotFound_data() { test::addBackendRows(); }
    void find_unknownIsNotFound()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        UserRepository users(scratch.db(), PasswordHasher(1000));
        QCOMPARE(users.find(4242).error().kind, Error::Kind::NotFound);
        QCOMPARE(users.findByUsername(u"nobody"_s).error().kind, Error::Kind::NotFound);
    }

    void create_duplicateUsernameIsValidationError_data() { test::addBackendRows(); }
    void create_duplicateUsernameIsValidationError()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        UserRepository users(scratch.db(), PasswordHasher(1000));
        QVERIFY(users.create(makeUser(u"ana"_s), u"pw"_s).ok());
        auto dup = users.create(makeUser(u" ana "_s), u"other"_s);
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().kind, Error::Kind::Invalid);
        QCOMPARE(dup.error().fields.fields(), QStringList { u"username"_s });
        const Message m = dup.error().fields.entries().first().message;
        QCOMPARE(test::render(m, u"en"_s), u"A user with that username already exists."_s);
        QCOMPARE(test::render(m, u"es"_s), u"Ya existe un usuario con ese nombre."_s);
        QCOMPARE(test::countRows(*scratch.db(), u"users"_s), 1);
    }

    void create_rejectsMissingFields_data()
    {
        test::addBackendColumn();
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("role");
        QTest::addColumn<QStringList>("fields");
        for (const QString &b : { u"sqlite"_s, u"postgresql"_s }) {
            QTest::addRow("no username %s", qPrintable(b))
                << b << u"  "_s << u"pw"_s << 3 << QStringList { u"username"_s };
            QTest::addRow("no password %s", qPrintable(b))
                << b << u"ana"_s << QString() << 3 << QStringList { u"password"_s };
            QTest::addRow("bad role %s", qPrintable(b)) << b << u"ana"_s << u"pw"_s << 9 << QStringList { u"role"_s };
            QTest::addRow("all wrong %s", qPrintable(b))
                << b << QString() << QString() << 0 << QStringList { u"username"_s, u"password"_s, u"role"_s };
        }
    }
    void create_rejectsMissingFields()
    {
        QFETCH(QString, backend);
        QFETCH(QString, username);
        QFETCH(QString, password);
        QFETCH(int, role);
        QFETCH(QStringList, fields);
        ENLACE_SCRATCH_DB(scratch, backend);
        UserRepository users(scratch.db(), PasswordHasher(1000));
        auto r = users.create(makeUser(username, Role(role)), password);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        QCOMPARE(r.error().fields.fields(), fields);
        QCOMPARE(test::countRows(*scratch.db(), u"users"_s), 0);
    }

    void authenticate_data()
    {
        test::addBackendColumn();
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("deactivate");
        QTest::addColumn<bool>("accepted");
        for (const QString &b : { u"sqlite"_s, u"postgresql"_s }) {
            QTest::addRow("good %s", qPrintable(b)) << b << u"ana"_s << u"pw-1"_s << false << true;
            QTest::addRow("wrong password %s", qPrintable(b)) << b << u"ana"_s << u"pw-2"_s << false << false;
            QTest::addRow("unknown user %s", qPrintable(b)) << b << u"bob"_s << u"pw-1"_s << false << false;
            QTest::addRow("inactive %s", qPrintable(b)) << b << u"ana"_s << u"pw-1"_s << true << false;
        }
    }
    void authenticate()
    {
        QFETCH(QString, backend);
        QFETCH(QString, username);
        QFETCH(QString, password);
        QFETCH(bool, deactivate);
        QFETCH(bool, accepted);
        ENLACE_SCRATCH_DB(scratch, backend);
        UserRepository users(scratch.db(), PasswordHasher(1000));
        const qint64 id = users.create(makeUser(u"ana"_s), u"pw-1"_s).value();
        if (deactivate)
            QVERIFY(users.setActive(id, false).ok());
        auto r = users.authenticate(username, password);
        QCOMPARE(r.ok(), accepted);
        if (accepted) {
            QCOMPARE(r->id, id);
        } else {
            // The same answer whatever the reason, and never the password in it.
            QCOMPARE(r.error().kind, Error::Kind::NotFound);
            QCOMPARE(r.error().code, u"identity.bad_credentials"_s);
            QCOMPARE(test::render(r.error().message, u"en"_s), u"Invalid Credentials or activate account"_s);
            QCOMPARE(test::render(r.error().message, u"es"_s), u"Credenciales inválidas o cuenta inactiva"_s);
            QVERIFY(!r.error().text().contains(password));
        }
    }

    void authenticate_upgradesWeakerHash_data() { test::addBackendRows(); }
    void authenticate_upgradesWeakerHash()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const qint64 id
            = UserRepository(scratch.db(), PasswordHasher(1000)).create(makeUser(u"ana"_s), u"pw"_s).value();
        UserRepository stronger(scratch.db(), PasswordHasher(1200));
        QVERIFY(stronger.authenticate(u"ana"_s, u"pw"_s).ok());
        const QString stored
            = scratch.db()->scalar(u"SELECT password_hash FROM users WHERE id = ?"_s, { id })->toString();
        QVERIFY(stored.startsWith(u"pbkdf2-sha256$1200$"_s));
        QVERIFY(stronger.authenticate(u"ana"_s, u"pw"_s).ok());
    }

    void setPassword_replacesTheOldOne_data() { test::addBackendRows(); }
    void setPassword_replacesTheOldOne()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        UserRepository users(scratch.db(), PasswordHasher(1000));
        const qint64 id = users.create(makeUser(u"ana"_s), u"old"_s).value();
        QVERIFY(users.setPassword(id, u"new"_s).ok());
        QVERIFY(!users.authenticate(u"ana"_s, u"old"_s).ok());
        QVERIFY(users.authenticate(u"ana"_s, u"new"_s).ok());
        QCOMPARE(users.setPassword(id, QString()).error().kind, Error::Kind::Invalid);
        QCOMPARE(users.setPassword(id + 100, u"x"_s).error().kind, Error::Kind::NotFound);
    }

    void setActive_togglesAndReportsUnknown_data() { test::addBackendRows(); }
    void setActive_togglesAndReportsUnknown()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        UserRepository users(scratch.db(), PasswordHasher(1000));
        const qint64 id = users.create(makeUser(u"ana"_s), u"pw"_s).value();
        QVERIFY(users.setActive(id, false).ok());
        QVERIFY(!users.find(id)->active);
        QVERIFY(users.setActive(id, true).ok());
        QVERIFY(users.find(id)->active);
        QCOMPARE(users.setActive(id + 100, true).error().kind, Error::Kind::NotFound);
    }

    void list_isOrderedById_data() { test::addBackendRows(); }
    void list_isOrderedById()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        UserRepository users(scratch.db(), PasswordHasher(1000));
        const QStringList names { u"zoe"_s, u"ana"_s, u"mia"_s };
        QList<qint64> ids;
        for (const QString &n : names)
            ids.append(users.create(makeUser(n), u"pw"_s).value());
        const QList<User> all = users.list().value();
        QCOMPARE(all.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(all.at(i).id, ids.at(i));
            QCOMPARE(all.at(i).username, names.at(i));
        }
    }
};

QTEST_GUILESS_MAIN(TestUserRepository)
#include "tst_userrepository.moc"
