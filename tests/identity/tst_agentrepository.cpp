#include <core/identity/agentrepository.h>
#include <core/identity/userrepository.h>
#include <tests/identity/support/identityfixture.h>
#include <tests/support/scratchdatabase.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

class TestAgentRepository final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void create_joinsUsernameAndFullName_data() { test::addBackendRows(); }
    void create_joinsUsernameAndFullName()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const qint64 userId = test::insertUser(*scratch.db(), u"ana"_s);
        AgentRepository agents(scratch.db(), PasswordHasher(1000));
        auto id = agents.create(userId, u" 1001 "_s);
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().text()));
        for (const Result<Agent> &found :
             { agents.find(id.value()), agents.findByUserId(userId), agents.findByExtension(u"1001"_s) }) {
            QVERIFY(found.ok());
            QCOMPARE(found->id, id.value());
            QCOMPARE(found->userId, userId);
            QCOMPARE(found->username, u"ana"_s);
            QCOMPARE(found->fullName, u"ana-first Last"_s);
            QCOMPARE(found->sipExtension, u"1001"_s);
            QVERIFY(found->active);
        }
    }

    void create_withoutExtension_data() { test::addBackendRows(); }
    void create_withoutExtension()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        AgentRepository agents(scratch.db());
        auto a = agents.create(test::insertUser(*scratch.db(), u"a"_s), QString());
        auto b = agents.create(test::insertUser(*scratch.db(), u"b"_s), u""_s);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(agents.find(a.value())->sipExtension, QString());
        // No extension is not an extension: it never finds an agent.
        QCOMPARE(agents.findByExtension(u""_s).error().kind, Error::Kind::NotFound);
    }

    void find_unknownIsNotFound_data() { test::addBackendRows(); }
    void find_unknownIsNotFound()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        AgentRepository agents(scratch.db());
        QCOMPARE(agents.find(77).error().kind, Error::Kind::NotFound);
        QCOMPARE(agents.findByUserId(77).error().kind, Error::Kind::NotFound);
        QCOMPARE(agents.findByExtension(u"9"_s).error().kind, Error::Kind::NotFound);
        QCOMPARE(agents.findByExtension(QString()).error().kind, Error::Kind::NotFound);
    }

    void create_rejects_data()
    {
        test::addBackendColumn();
        QTest::addColumn<QString>("case_");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("spanish");
        for (const QString &b : { u"sqlite"_s, u"postgresql"_s }) {
            QTest::addRow("unknown user %s", qPrintable(b))
                << b << u"unknown"_s << u"user"_s << u"Unknown user."_s << u"Usuario inexistente."_s;
            QTest::addRow("already agent %s", qPrintable(b))
                << b << u"twice"_s << u"user"_s << u"This user already has an agent profile."_s
                << u"Este usuario ya tiene un perfil de agente."_s;
            QTest::addRow("extension taken %s", qPrintable(b))
                << b << u"extension"_s << u"sip_extension"_s << u"Another agent already uses this SIP extension."_s
                << u"Otro agente ya usa esta extensión SIP."_s;
        }
    }
    void create_rejects()
    {
        QFETCH(QString, backend);
        QFETCH(QString, case_);
        QFETCH(QString, field);
        QFETCH(QString, english);
        QFETCH(QString, spanish);
        ENLACE_SCRATCH_DB(scratch, backend);
        const auto &db = *scratch.db();
        const qint64 existing = test::insertAgent(db, u"ana"_s, u"1001"_s);
        const qint64 anaUser = db.scalar(u"SELECT user_id FROM agents WHERE id = ?"_s, { existing })->toLongLong();
        const qint64 freeUser = test::insertUser(db, u"bob"_s);
        AgentRepository agents(scratch.db());
        Result<qint64> r = Error::internal(u"unset"_s, {});
        if (case_ == u"unknown"_s)
            r = agents.create(freeUser + 100, u"2000"_s);
        else if (case_ == u"twice"_s)
            r = agents.create(anaUser, u"2000"_s);
        else
            r = agents.create(freeUser, u"1001"_s);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        QCOMPARE(r.error().fields.fields(), QStringList { field });
        QCOMPARE(test::render(r.error().fields.entries().first().message, u"en"_s), english);
        QCOMPARE(test::render(r.error().fields.entries().first().message, u"es"_s), spanish);
        QCOMPARE(test::countRows(db, u"agents"_s), 1);
    }

    void createAgentUser_makesAnAgentThatCanLogIn_data() { test::addBackendRows(); }
    void createAgentUser_makesAnAgentThatCanLogIn()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        AgentRepository agents(scratch.db(), PasswordHasher(1000));
        auto agent = agents.createAgentUser(u"luis"_s, u"pw"_s, u"Luis"_s, u"Gómez"_s, u"1002"_s);
        QVERIFY2(
            agent.ok(),
            qPrintable(agent.ok() ? QString()
                                  : agent.error().text() + agent.error().fields.fields().join(u',')
                               + agent.error().fields.messages(agent.error().fields.fields().value(0)).join(u';')));
        QCOMPARE(agent->username, u"luis"_s);
        QCOMPARE(agent->fullName, u"Luis Gómez"_s);
        QCOMPARE(agent->sipExtension, u"1002"_s);
        UserRepository users(scratch.db(), PasswordHasher(1000));
        auto user = users.authenticate(u"luis"_s, u"pw"_s);
        QVERIFY(user.ok());
        QCOMPARE(user->role, Role::Agent);
        QCOMPARE(user->id, agent->userId);
    }

    void createAgentUser_isAllOrNothing_data()
    {
        test::addBackendColumn();
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("extension");
        QTest::addColumn<QStringList>("fields");
        for (const QString &b : { u"sqlite"_s, u"postgresql"_s }) {
            QTest::addRow("username taken %s", qPrintable(b))
                << b << u"ana"_s << u"3000"_s << QStringList { u"username"_s };
            QTest::addRow("extension taken %s", qPrintable(b))
                << b << u"new"_s << u"1001"_s << QStringList { u"sip_extension"_s };
            QTest::addRow("both %s", qPrintable(b))
                << b << u"ana"_s << u"1001"_s << QStringList { u"username"_s, u"sip_extension"_s };
        }
    }
    void createAgentUser_isAllOrNothing()
    {
        QFETCH(QString, backend);
        QFETCH(QString, username);
        QFETCH(QString, extension);
        QFETCH(QStringList, fields);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::insertAgent(*scratch.db(), u"ana"_s, u"1001"_s);
        AgentRepository agents(scratch.db(), PasswordHasher(1000));
        auto r = agents.createAgentUser(username, u"pw"_s, u"N"_s, u"L"_s, extension);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        QCOMPARE(r.error().fields.fields(), fields);
        QCOMPARE(test::countRows(*scratch.db(), u"users"_s), 1);
        QCOMPARE(test::countRows(*scratch.db(), u"agents"_s), 1);
    }

    void list_andSetActive_data() { test::addBackendRows(); }
    void list_andSetActive()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const qint64 a = test::insertAgent(*scratch.db(), u"a1"_s, u"1"_s);
        const qint64 b = test::insertAgent(*scratch.db(), u"a2"_s, u"2"_s);
        AgentRepository agents(scratch.db());
        QVERIFY(agents.setActive(b, false).ok());
        const QList<Agent> all = agents.list().value();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).id, a);
        QCOMPARE(all.at(0).username, u"a1"_s);
        QVERIFY(all.at(0).active);
        QCOMPARE(all.at(1).id, b);
        QVERIFY(!all.at(1).active);
        QCOMPARE(agents.setActive(b + 10, true).error().kind, Error::Kind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestAgentRepository)
#include "tst_agentrepository.moc"
