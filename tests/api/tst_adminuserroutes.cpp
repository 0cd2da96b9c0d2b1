#include <core/api/adminuserroutes.h>
#include <core/api/tokenstore.h>
#include <core/calls/eventlog.h>
#include <core/identity/userrepository.h>
#include <tests/support/server/apiserver.h>
#include <tests/support/server/world.h>

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

class TestAdminUserRoutes final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void users_createListUpdateWithoutPasswords_data() { test::addBackendRows(); }
    void users_createListUpdateWithoutPasswords()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const QString admin = f.tokenFor(test::addUser(f.database(), f.clock(), u"admin"_s, Role::Admin));
        auto r = f.send("POST", u"/api/v1/users/create/"_s,
                        QJsonObject { { u"username"_s, u"nuevo"_s },
                                      { u"password"_s, u"Una-clave-larga-1"_s },
                                      { u"first_name"_s, u"Nu"_s },
                                      { u"last_name"_s, u"Evo"_s },
                                      { u"role"_s, 5 },
                                      { u"sip_extension"_s, u"2001"_s } },
                        admin);
        QVERIFY2(r.status == 200, r.body.constData());
        const qint64 id = r.json().value(u"id"_s).toInteger();
        QCOMPARE(r.json().value(u"user"_s).toObject().value(u"sip_extension"_s).toString(), u"2001"_s);
        QVERIFY(r.json().value(u"user"_s).toObject().value(u"agent_id"_s).toInteger() > 0);
        r = f.send(
            "POST", u"/api/v1/users/create/"_s,
            QJsonObject { { u"username"_s, u"jefa"_s }, { u"password"_s, u"Otra-clave-larga-2"_s }, { u"role"_s, 3 } },
            admin);
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().value(u"user"_s).toObject().value(u"agent_id"_s).isNull());
        const auto list = f.send("GET", u"/api/v1/users/"_s, {}, admin);
        QCOMPARE(list.json().value(u"users"_s).toArray().size(), 3);
        QVERIFY(!list.body.contains("Una-clave"));
        QVERIFY(!list.body.contains("pbkdf2"));
        QVERIFY(!list.body.contains("password"));
        // Taken username, unknown role, missing password.
        r = f.send(
            "POST", u"/api/v1/users/create/"_s,
            QJsonObject { { u"username"_s, u"nuevo"_s }, { u"password"_s, u"x-long-enough-3"_s }, { u"role"_s, 3 } },
            admin);
        QCOMPARE(r.status, 400);
        QVERIFY(r.json().value(u"errors"_s).toObject().contains(u"username"_s));
        r = f.send("POST", u"/api/v1/users/create/"_s, QJsonObject { { u"username"_s, u"otro"_s }, { u"role"_s, 9 } },
                   admin);
        QCOMPARE(r.status, 400);
        QVERIFY(r.json().value(u"errors"_s).toObject().contains(u"role"_s));
        QVERIFY(r.json().value(u"errors"_s).toObject().contains(u"password"_s));
        QCOMPARE(test::count(f.database(), u"users"_s), 3);
        // Deactivate and change the password: the new one authenticates.
        r = f.send("PUT", u"/api/v1/users/%1/update/"_s.arg(id),
                   QJsonObject { { u"password"_s, u"Cambiada-clave-9"_s }, { u"active"_s, false } }, admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"user"_s).toObject().value(u"active"_s), QJsonValue(false));
        QVERIFY(
            f.send("PUT", u"/api/v1/users/%1/update/"_s.arg(id), QJsonObject { { u"active"_s, true } }, admin).status
            == 200);
        QVERIFY(UserRepository(f.database()).authenticate(u"nuevo"_s, u"Cambiada-clave-9"_s).ok());
        QCOMPARE(f.send("GET", u"/api/v1/users/999999/"_s, {}, admin).status, 404);
        QCOMPARE(f.send("PUT", u"/api/v1/users/999999/update/"_s, QJsonObject { { u"active"_s, true } }, admin).status,
                 404);
    }

    // Deactivating a user ends its API tokens and announces it to every instance's event
    // channel (tst_eventchannel checks that a session.revoked event closes the sessions).
    void deactivate_revokesTokensAndAnnouncesItToTheChannels_data() { test::addBackendRows(); }
    void deactivate_revokesTokensAndAnnouncesItToTheChannels()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const QString admin = f.tokenFor(test::addUser(f.database(), f.clock(), u"admin"_s, Role::Admin));
        const Agent ana = test::addAgent(f.database(), f.clock(), u"ana"_s, u"1001"_s);
        const qint64 sup = test::addUser(f.database(), f.clock(), u"sup"_s, Role::Supervisor);
        TokenStore tokens(f.database(), f.clock());
        QVERIFY(tokens.issue(ana.userId, 3'600'000).ok());
        QVERIFY(tokens.issue(ana.userId, 3'600'000).ok());
        QVERIFY(tokens.issue(sup, 3'600'000).ok());
        const auto tokensOf = [&](qint64 user) {
            return f.database()->scalar(u"SELECT COUNT(*) FROM api_tokens WHERE user_id = ?"_s, { user })->toInt();
        };
        const auto announcements = [&] {
            return f.database()
                ->scalar(u"SELECT COUNT(*) FROM agent_events WHERE agent_id = ? AND type = ?"_s,
                         { ana.id, QString::fromLatin1(EventLog::SessionRevoked) })
                ->toInt();
        };
        // Changing only the password, or activating, announces nothing.
        QCOMPARE(
            f.send("PUT", u"/api/v1/users/%1/update/"_s.arg(ana.userId), QJsonObject { { u"active"_s, true } }, admin)
                .status,
            200);
        QCOMPARE(announcements(), 0);
        QCOMPARE(tokensOf(ana.userId), 2);

        QCOMPARE(
            f.send("PUT", u"/api/v1/users/%1/update/"_s.arg(ana.userId), QJsonObject { { u"active"_s, false } }, admin)
                .status,
            200);
        QCOMPARE(tokensOf(ana.userId), 0);
        QCOMPARE(announcements(), 1);
        QCOMPARE(f.database()
                     ->scalar(u"SELECT payload_json FROM agent_events WHERE agent_id = ? AND type = ?"_s,
                              { ana.id, QString::fromLatin1(EventLog::SessionRevoked) })
                     ->toString(),
                 u"{\"reason\":\"deactivated\"}"_s);
        // A user that is not an agent has no channel: its tokens go all the same.
        QCOMPARE(
            f.send("PUT", u"/api/v1/users/%1/update/"_s.arg(sup), QJsonObject { { u"active"_s, false } }, admin).status,
            200);
        QCOMPARE(tokensOf(sup), 0);
    }

    void users_areForAdministratorsOnly_data() { test::addBackendRows(); }
    void users_areForAdministratorsOnly()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        QCOMPARE(f.send("GET", u"/api/v1/users/"_s).status, 401);
        QCOMPARE(f.send("GET", u"/api/v1/users/"_s, {},
                        f.tokenFor(test::addUser(f.database(), f.clock(), u"sup"_s, Role::Supervisor)))
                     .status,
                 403);
        QCOMPARE(f.send("GET", u"/api/v1/users/"_s, {},
                        f.tokenFor(test::addUser(f.database(), f.clock(), u"ger"_s, Role::Manager)))
                     .status,
                 403);
        QCOMPARE(
            f.send("POST", u"/api/v1/users/create/"_s,
                   QJsonObject { { u"username"_s, u"x"_s }, { u"password"_s, u"y-long-enough-1"_s }, { u"role"_s, 1 } },
                   f.tokenFor(test::addAgent(f.database(), f.clock(), u"ana"_s, u"1001"_s).userId))
                .status,
            403);
        QCOMPARE(test::count(f.database(), u"users"_s), 3);
    }
};

QTEST_GUILESS_MAIN(TestAdminUserRoutes)
#include "tst_adminuserroutes.moc"
