#include <core/identity/externalsystemrepository.h>
#include <tests/identity/support/identityfixture.h>
#include <tests/support/scratchdatabase.h>

#include <QTest>

#include <barrier>
#include <thread>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

QString describe(const Error &e)
{
    QStringList out { e.text() };
    for (const auto &entry : e.fields.entries())
        out.append(entry.field + u": "_s + entry.message.text());
    return out.join(u" | "_s);
}

}   // namespace

class TestExternalSystemRepository final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void create_storesRowsAndFindsThem_data() { test::addBackendRows(); }
    void create_storesRowsAndFindsThem()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const auto &db = *scratch.db();
        const qint64 a1 = test::insertAgent(db, u"a1"_s);
        const qint64 a2 = test::insertAgent(db, u"a2"_s);
        ExternalSystemRepository systems(scratch.db());
        auto s = systems.create({ 0, u" CRM "_s, { { 0, a1, u" X1 "_s }, { 0, a2, u"X2"_s } } });
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : describe(s.error())));
        QVERIFY(s->id > 0);
        QCOMPARE(s->name, u"CRM"_s);
        QCOMPARE(s->agents.size(), 2);
        QCOMPARE(s->agents.at(0).agentId, a1);
        QCOMPARE(s->agents.at(0).externalId, u"X1"_s);
        QVERIFY(s->agents.at(0).id > 0);
        QCOMPARE(s->agents.at(1).agentId, a2);
        auto found = systems.find(s->id);
        QVERIFY(found.ok());
        QCOMPARE(found->agents.size(), 2);
        QCOMPARE(found->agents.at(1).externalId, u"X2"_s);
        QCOMPARE(systems.find(s->id + 50).error().kind, Error::Kind::NotFound);
        QVERIFY(systems.create({ 0, u"Other"_s, {} }).ok());
        const QList<ExternalSystem> all = systems.list().value();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).name, u"CRM"_s);
        QCOMPARE(all.at(0).agents.size(), 2);
        QCOMPARE(all.at(1).name, u"Other"_s);
        QVERIFY(all.at(1).agents.isEmpty());
    }

    // Each case: rows as (agent index, external id); agent index -1 = unknown agent, 0 = none.
    void create_rejectsWholeSystem_data()
    {
        test::addBackendColumn();
        QTest::addColumn<QString>("name");
        QTest::addColumn<QList<int>>("agents");
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<QStringList>("fields");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("spanish");
        for (const QString &b : { u"sqlite"_s, u"postgresql"_s }) {
            QTest::addRow("duplicate external id %s", qPrintable(b))
                << b << u"S"_s << QList<int> { 1, 2, 3 } << QStringList { u"X"_s, u"Y"_s, u"X"_s }
                << QStringList { u"agentes[0].id_externo_agente"_s, u"agentes[2].id_externo_agente"_s }
                << u"The external id \"X\" is also given to the agent in row 3; an external id identifies one agent per system."_s
                << u"El id externo \"X\" también está asignado al agente de la fila 3; un id externo identifica a un solo agente por sistema."_s;
            QTest::addRow("agent twice %s", qPrintable(b))
                << b << u"S"_s << QList<int> { 1, 2, 2 } << QStringList { u"X"_s, u"Y"_s, u"Z"_s }
                << QStringList { u"agentes[1].agente"_s, u"agentes[2].agente"_s }
                << u"The agent already has an external id in this system, in row 3."_s
                << u"El agente ya tiene un id externo en este sistema, en la fila 3."_s;
            QTest::addRow("unknown agent %s", qPrintable(b))
                << b << u"S"_s << QList<int> { 1, -1 } << QStringList { u"X"_s, u"Y"_s }
                << QStringList { u"agentes[1].agente"_s } << u"Unknown agent."_s << u"Agente inexistente."_s;
            QTest::addRow("missing agent %s", qPrintable(b))
                << b << u"S"_s << QList<int> { 0 } << QStringList { u"X"_s } << QStringList { u"agentes[0].agente"_s }
                << u"This field is required."_s << u"Este campo es obligatorio."_s;
            QTest::addRow("missing external id %s", qPrintable(b))
                << b << u"S"_s << QList<int> { 1, 2 } << QStringList { u"X"_s, u"  "_s }
                << QStringList { u"agentes[1].id_externo_agente"_s } << u"This field is required."_s
                << u"Este campo es obligatorio."_s;
            QTest::addRow("missing name %s", qPrintable(b))
                << b << u" "_s << QList<int> { 1 } << QStringList { u"X"_s } << QStringList { u"nombre"_s }
                << u"This field is required."_s << u"Este campo es obligatorio."_s;
            QTest::addRow("name taken %s", qPrintable(b))
                << b << u"Taken"_s << QList<int> { 1 } << QStringList { u"X"_s } << QStringList { u"nombre"_s }
                << u"An external system with this name already exists."_s
                << u"Ya existe un sistema externo con este nombre."_s;
        }
    }
    void create_rejectsWholeSystem()
    {
        QFETCH(QString, backend);
        QFETCH(QString, name);
        QFETCH(QList<int>, agents);
        QFETCH(QStringList, ids);
        QFETCH(QStringList, fields);
        QFETCH(QString, english);
        QFETCH(QString, spanish);
        ENLACE_SCRATCH_DB(scratch, backend);
        const auto &db = *scratch.db();
        const QList<qint64> agentIds { test::insertAgent(db, u"a1"_s), test::insertAgent(db, u"a2"_s),
                                       test::insertAgent(db, u"a3"_s) };
        test::insertSystem(db, u"Taken"_s);
        ExternalSystem s { 0, name, {} };
        for (qsizetype i = 0; i < agents.size(); ++i) {
            const int a = agents.at(i);
            s.agents.append({ 0, a > 0 ? agentIds.at(a - 1) : (a < 0 ? agentIds.last() + 100 : 0), ids.at(i) });
        }
        auto r = ExternalSystemRepository(scratch.db()).create(s);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        QCOMPARE(r.error().fields.fields(), fields);
        // The first named field carries the message of the row it points to.
        QCOMPARE(test::render(r.error().fields.entries().first().message, u"en"_s), english);
        QCOMPARE(test::render(r.error().fields.entries().first().message, u"es"_s), spanish);
        QCOMPARE(test::countRows(db, u"external_systems"_s), 1);
        QCOMPARE(test::countRows(db, u"agent_external_ids"_s), 0);
    }

    void duplicate_namesBothRows_data() { test::addBackendRows(); }
    void duplicate_namesBothRows()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const qint64 a1 = test::insertAgent(*scratch.db(), u"a1"_s);
        const qint64 a2 = test::insertAgent(*scratch.db(), u"a2"_s);
        auto r
            = ExternalSystemRepository(scratch.db()).create({ 0, u"S"_s, { { 0, a1, u"77"_s }, { 0, a2, u"77"_s } } });
        QVERIFY(!r.ok());
        const ValidationErrors &f = r.error().fields;
        QCOMPARE(
            f.messages(u"agentes[0].id_externo_agente"_s),
            QStringList {
                u"The external id \"77\" is also given to the agent in row 2; an external id identifies one agent per system."_s });
        QCOMPARE(
            f.messages(u"agentes[1].id_externo_agente"_s),
            QStringList {
                u"The external id \"77\" is also given to the agent in row 1; an external id identifies one agent per system."_s });
    }

    void sameIdInAnotherSystem_isAllowed_data() { test::addBackendRows(); }
    void sameIdInAnotherSystem_isAllowed()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const qint64 a1 = test::insertAgent(*scratch.db(), u"a1"_s);
        const qint64 a2 = test::insertAgent(*scratch.db(), u"a2"_s);
        ExternalSystemRepository systems(scratch.db());
        QVERIFY(systems.create({ 0, u"S1"_s, { { 0, a1, u"X"_s } } }).ok());
        auto second = systems.create({ 0, u"S2"_s, { { 0, a2, u"X"_s }, { 0, a1, u"Y"_s } } });
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : describe(second.error())));
        QCOMPARE(test::countRows(*scratch.db(), u"agent_external_ids"_s), 3);
    }

    void update_followsOmniLeadsSemantics_data() { test::addBackendRows(); }
    void update_followsOmniLeadsSemantics()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const auto &db = *scratch.db();
        const qint64 a1 = test::insertAgent(db, u"a1"_s);
        const qint64 a2 = test::insertAgent(db, u"a2"_s);
        const qint64 a3 = test::insertAgent(db, u"a3"_s);
        const qint64 a4 = test::insertAgent(db, u"a4"_s);
        ExternalSystemRepository systems(scratch.db());
        const ExternalSystem before
            = systems.create({ 0, u"S"_s, { { 0, a1, u"X"_s }, { 0, a2, u"Y"_s }, { 0, a3, u"Z"_s } } }).value();
        ExternalSystem edit = before;
        edit.name = u"S renamed"_s;
        // Row 1: new external id, and an agent change that OMniLeads ignores. Row 2 unchanged.
        // Row 3 omitted (deleted). A new row for a4 takes the id row 3 gave up.
        edit.agents = { { before.agents.at(0).id, a4, u"X2"_s }, before.agents.at(1), { 0, a4, u"Z"_s } };
        auto after = systems.update(edit);
        QVERIFY2(after.ok(), qPrintable(after.ok() ? QString() : describe(after.error())));
        QCOMPARE(after->name, u"S renamed"_s);
        QCOMPARE(after->agents.size(), 3);
        QCOMPARE(after->agents.at(0).id, before.agents.at(0).id);
        QCOMPARE(after->agents.at(0).agentId, a1);
        QCOMPARE(after->agents.at(0).externalId, u"X2"_s);
        QCOMPARE(after->agents.at(1).id, before.agents.at(1).id);
        QCOMPARE(after->agents.at(1).externalId, u"Y"_s);
        QVERIFY(after->agents.at(2).id > before.agents.at(2).id);
        QCOMPARE(after->agents.at(2).agentId, a4);
        QCOMPARE(after->agents.at(2).externalId, u"Z"_s);
        QCOMPARE(
            db.scalar(u"SELECT COUNT(*) FROM agent_external_ids WHERE id = ?"_s, { before.agents.at(2).id })->toInt(),
            0);
    }

    void update_swapsIdsBetweenRows_data() { test::addBackendRows(); }
    void update_swapsIdsBetweenRows()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const qint64 a1 = test::insertAgent(*scratch.db(), u"a1"_s);
        const qint64 a2 = test::insertAgent(*scratch.db(), u"a2"_s);
        ExternalSystemRepository systems(scratch.db());
        ExternalSystem s = systems.create({ 0, u"S"_s, { { 0, a1, u"X"_s }, { 0, a2, u"Y"_s } } }).value();
        s.agents[0].externalId = u"Y"_s;
        s.agents[1].externalId = u"X"_s;
        auto after = systems.update(s);
        QVERIFY2(after.ok(), qPrintable(after.ok() ? QString() : describe(after.error())));
        QCOMPARE(after->agents.at(0).externalId, u"Y"_s);
        QCOMPARE(after->agents.at(1).externalId, u"X"_s);
    }

    void update_rejectsWholeEdit_data()
    {
        test::addBackendColumn();
        QTest::addColumn<QString>("case_");
        QTest::addColumn<QStringList>("fields");
        for (const QString &b : { u"sqlite"_s, u"postgresql"_s }) {
            QTest::addRow("new row repeats a kept id %s", qPrintable(b))
                << b << u"repeat"_s
                << QStringList { u"agentes[1].id_externo_agente"_s, u"agentes[2].id_externo_agente"_s };
            QTest::addRow("new row for an agent already listed %s", qPrintable(b))
                << b << u"agent"_s << QStringList { u"agentes[0].agente"_s, u"agentes[2].agente"_s };
            QTest::addRow("row of another system %s", qPrintable(b))
                << b << u"foreign"_s << QStringList { u"agentes[2].id"_s };
            QTest::addRow("name of another system %s", qPrintable(b)) << b << u"name"_s << QStringList { u"nombre"_s };
        }
    }
    void update_rejectsWholeEdit()
    {
        QFETCH(QString, backend);
        QFETCH(QString, case_);
        QFETCH(QStringList, fields);
        ENLACE_SCRATCH_DB(scratch, backend);
        const auto &db = *scratch.db();
        const qint64 a1 = test::insertAgent(db, u"a1"_s);
        const qint64 a2 = test::insertAgent(db, u"a2"_s);
        const qint64 a3 = test::insertAgent(db, u"a3"_s);
        ExternalSystemRepository systems(scratch.db());
        const ExternalSystem other = systems.create({ 0, u"Other"_s, { { 0, a3, u"Q"_s } } }).value();
        const ExternalSystem before = systems.create({ 0, u"S"_s, { { 0, a1, u"X"_s }, { 0, a2, u"Y"_s } } }).value();
        ExternalSystem edit = before;
        edit.agents[0].externalId = u"X-changed"_s;
        if (case_ == u"repeat"_s)
            edit.agents.append({ 0, a3, u"Y"_s });
        else if (case_ == u"agent"_s)
            edit.agents.append({ 0, a1, u"W"_s });
        else if (case_ == u"foreign"_s)
            edit.agents.append(other.agents.first());
        else
            edit.name = u"Other"_s;
        auto r = systems.update(edit);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        QCOMPARE(r.error().fields.fields(), fields);
        if (case_ == u"foreign"_s) {
            QCOMPARE(test::render(r.error().fields.entries().first().message, u"en"_s),
                     u"Unknown row of this external system."_s);
            QCOMPARE(test::render(r.error().fields.entries().first().message, u"es"_s),
                     u"Fila inexistente en este sistema externo."_s);
        }
        // Nothing written: the first row kept its id, the name is unchanged.
        auto now = systems.find(before.id);
        QCOMPARE(now->name, u"S"_s);
        QCOMPARE(now->agents.size(), 2);
        QCOMPARE(now->agents.at(0).externalId, u"X"_s);
        QCOMPARE(test::countRows(db, u"agent_external_ids"_s), 3);
    }

    // Two sessions save the same name at once. Whoever loses, even when both pass the checks before
    // either writes (PostgreSQL, read committed), gets the validation error, not the index's.
    void concurrentCreates_loserGetsValidationError_data() { test::addBackendRows(); }
    void concurrentCreates_loserGetsValidationError()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const qint64 agent = test::insertAgent(*scratch.db(), u"a1"_s);
        constexpr int kRounds = 15;
        std::barrier start(2);
        QList<Error::Kind> outcomes[2];
        QStringList fields[2];
        auto session = [&](int who) {
            ExternalSystemRepository systems(scratch.db());
            for (int round = 0; round < kRounds; ++round) {
                start.arrive_and_wait();
                auto r = systems.create({ 0, u"Race %1"_s.arg(round), { { 0, agent, u"X"_s } } });
                outcomes[who].append(r.ok() ? Error::Kind::Internal : r.error().kind);
                fields[who].append(r.ok() ? u"ok"_s : r.error().fields.fields().join(u','));
            }
        };
        std::thread a(session, 0);
        std::thread b(session, 1);
        a.join();
        b.join();
        for (int round = 0; round < kRounds; ++round) {
            const QString one = fields[0].at(round);
            const QString two = fields[1].at(round);
            QVERIFY2((one == u"ok"_s) != (two == u"ok"_s), qPrintable(one + u" / "_s + two));
            const int loser = one == u"ok"_s ? 1 : 0;
            QCOMPARE(outcomes[loser].at(round), Error::Kind::Invalid);
            QCOMPARE(fields[loser].at(round), u"nombre"_s);
        }
        QCOMPARE(test::countRows(*scratch.db(), u"external_systems"_s), kRounds);
        QCOMPARE(test::countRows(*scratch.db(), u"agent_external_ids"_s), kRounds);
    }

    void update_unknownSystemIsNotFound_data() { test::addBackendRows(); }
    void update_unknownSystemIsNotFound()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        auto r = ExternalSystemRepository(scratch.db()).update({ 99, u"S"_s, {} });
        QCOMPARE(r.error().kind, Error::Kind::NotFound);
        QCOMPARE(test::render(r.error().message, u"es"_s), u"Sistema externo inexistente."_s);
    }

    void integrationKey_isShownOnceAndStoredHashed_data() { test::addBackendRows(); }
    void integrationKey_isShownOnceAndStoredHashed()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        ExternalSystemRepository systems(scratch.db());
        const qint64 s1 = systems.create({ 0, u"S1"_s, {} })->id;
        const qint64 s2 = systems.create({ 0, u"S2"_s, {} })->id;
        QCOMPARE(systems.systemForIntegrationKey(QString()).value(), std::nullopt);
        auto k1 = systems.rotateIntegrationKey(s1);
        auto k2 = systems.rotateIntegrationKey(s2);
        QVERIFY(k1.ok() && k2.ok());
        QVERIFY(k1.value().size() >= 40);
        QVERIFY(k1.value() != k2.value());
        QCOMPARE(systems.systemForIntegrationKey(k1.value()).value(), std::optional<qint64>(s1));
        QCOMPARE(systems.systemForIntegrationKey(k2.value()).value(), std::optional<qint64>(s2));
        QCOMPARE(systems.systemForIntegrationKey(k1.value() + u"x"_s).value(), std::nullopt);
        const QString stored = scratch.db()
                                   ->scalar(u"SELECT integration_key_hash FROM external_systems WHERE id = ?"_s, { s1 })
                                   ->toString();
        QVERIFY(!stored.isEmpty());
        QVERIFY(!stored.contains(k1.value()));
        // A new key replaces the old one.
        auto k1b = systems.rotateIntegrationKey(s1);
        QVERIFY(k1b.ok());
        QCOMPARE(systems.systemForIntegrationKey(k1.value()).value(), std::nullopt);
        QCOMPARE(systems.systemForIntegrationKey(k1b.value()).value(), std::optional<qint64>(s1));
        QCOMPARE(systems.rotateIntegrationKey(s2 + 10).error().kind, Error::Kind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestExternalSystemRepository)
#include "tst_externalsystemrepository.moc"
