#include <core/api/tokenstore.h>
#include <core/identity/passwordhasher.h>
#include <core/identity/userrepository.h>
#include <core/model/user.h>
#include <core/store/database.h>
#include <tests/support/fakeclock.h>
#include <tests/support/scratchdatabase.h>

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

class TestTokenStore final : public QObject
{
    Q_OBJECT

    static qint64 makeUser(const std::shared_ptr<Database> &db)
    {
        User u;
        u.username = u"ana"_s;
        u.role = Role::Agent;
        auto id = UserRepository(db, PasswordHasher(1000)).create(u, u"una clave larga 123"_s);
        return id.ok() ? id.value() : 0;
    }

private Q_SLOTS:
    void issuedToken_isHexFoundUntilItExpires_data() { test::addBackendRows(); }
    void issuedToken_isHexFoundUntilItExpires()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        TokenStore tokens(scratch.db(), clock);
        const qint64 user = makeUser(scratch.db());
        QVERIFY(user > 0);
        auto issued = tokens.issue(user, 60'000);
        QVERIFY(issued.ok());
        // The shape Authenticator relies on: 64 lowercase hex characters.
        QVERIFY(QRegularExpression(u"^[0-9a-f]{64}$"_s).match(issued->token).hasMatch());
        auto found = tokens.find(issued->token);
        QVERIFY(found.ok());
        QCOMPARE(found->userId, user);
        // Only the hash is stored.
        auto stored = scratch.db()->scalar(u"SELECT token_hash FROM api_tokens WHERE user_id = ?"_s, { user });
        QVERIFY(stored.ok());
        QCOMPARE(stored->toString(), TokenStore::hash(issued->token));
        QVERIFY(stored->toString() != issued->token);

        clock.advance(60'000);
        auto expired = tokens.find(issued->token);
        QVERIFY(!expired.ok());
        QCOMPARE(expired.error().kind, Error::Kind::Forbidden);
        QCOMPARE(tokens.find(issued->token).error().kind, Error::Kind::NotFound);   // deleted on the way
    }

    // What cannot be a token is NotFound (TokenStore answers it without asking the store): not hex (an
    // integration key, base64url), upper case, empty, too long.
    void notAToken_isNotFound_data() { test::addBackendRows(); }
    void notAToken_isNotFound()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        TokenStore tokens(scratch.db(), clock);
        const qint64 user = makeUser(scratch.db());
        auto issued = tokens.issue(user, 60'000);
        QVERIFY(issued.ok());
        for (const QString &candidate :
             QStringList { issued->token.toUpper(), u"kInxsFQOFUAT6KSkuTKy1znaKbVgPBF_IkpjoWeVfZI"_s, QString(),
                           QString(257, u'a'), QString(issued->token + u" "_s) }) {
            auto r = tokens.find(candidate);
            QVERIFY2(!r.ok(), qPrintable(candidate));
            QCOMPARE(r.error().kind, Error::Kind::NotFound);
        }
        QVERIFY(tokens.find(issued->token).ok());
    }

    void revoke_endsTheToken_data() { test::addBackendRows(); }
    void revoke_endsTheToken()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        TokenStore tokens(scratch.db(), clock);
        const qint64 user = makeUser(scratch.db());
        auto a = tokens.issue(user, 60'000);
        auto b = tokens.issue(user, 60'000);
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a->token != b->token);
        QVERIFY(tokens.revoke(a->token).ok());
        QCOMPARE(tokens.find(a->token).error().kind, Error::Kind::NotFound);
        QVERIFY(tokens.find(b->token).ok());
        QVERIFY(tokens.revokeAll(user).ok());
        QCOMPARE(tokens.find(b->token).error().kind, Error::Kind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
