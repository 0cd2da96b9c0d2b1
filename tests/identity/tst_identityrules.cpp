#include <core/identity/identityrules.h>
#include <tests/identity/support/identityfixture.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

// The rules without a store: what the admin panel runs on the form it holds. The repositories'
// tests check the same rules against stored data on both stores.
class TestIdentityRules final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agentExternalIds_data()
    {
        QTest::addColumn<QList<qint64>>("agents");
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<QStringList>("fields");
        QTest::newRow("valid") << QList<qint64> { 1, 2 } << QStringList { u"A"_s, u"B"_s } << QStringList {};
        QTest::newRow("empty list") << QList<qint64> {} << QStringList {} << QStringList {};
        QTest::newRow("ids compared trimmed")
            << QList<qint64> { 1, 2 } << QStringList { u"A"_s, u" A"_s }
            << QStringList { u"agentes[0].id_externo_agente"_s, u"agentes[1].id_externo_agente"_s };
        QTest::newRow("ids are case sensitive")
            << QList<qint64> { 1, 2 } << QStringList { u"a"_s, u"A"_s } << QStringList {};
        QTest::newRow("three repeats name every later row")
            << QList<qint64> { 1, 2, 3 } << QStringList { u"A"_s, u"A"_s, u"A"_s }
            << QStringList { u"agentes[0].id_externo_agente"_s, u"agentes[1].id_externo_agente"_s,
                             u"agentes[2].id_externo_agente"_s };
        QTest::newRow("unknown agent") << QList<qint64> { 9 } << QStringList { u"A"_s }
                                       << QStringList { u"agentes[0].agente"_s };
        QTest::newRow("no agent, no id") << QList<qint64> { 0 } << QStringList { u""_s }
                                         << QStringList { u"agentes[0].agente"_s, u"agentes[0].id_externo_agente"_s };
    }
    void agentExternalIds()
    {
        QFETCH(QList<qint64>, agents);
        QFETCH(QStringList, ids);
        QFETCH(QStringList, fields);
        QList<AgentExternalId> rows;
        for (qsizetype i = 0; i < agents.size(); ++i)
            rows.append({ 0, agents.at(i), ids.at(i) });
        QStringList found = IdentityRules::checkAgentExternalIds(rows, { 1, 2, 3 }).fields();
        found.sort();
        QCOMPARE(found, fields);
    }

    void contactExternalId_single_data()
    {
        QTest::addColumn<QString>("externalId");
        QTest::addColumn<qint64>("usedBy");
        QTest::addColumn<qint64>("self");
        QTest::addColumn<bool>("rejected");
        QTest::newRow("free") << u"77"_s << qint64(0) << qint64(0) << false;
        QTest::newRow("taken by another") << u"77"_s << qint64(5) << qint64(0) << true;
        QTest::newRow("taken by another while editing") << u"77"_s << qint64(5) << qint64(6) << true;
        QTest::newRow("its own id") << u"77"_s << qint64(5) << qint64(5) << false;
        QTest::newRow("blank never compared") << u" "_s << qint64(5) << qint64(0) << false;
    }
    void contactExternalId_single()
    {
        QFETCH(QString, externalId);
        QFETCH(qint64, usedBy);
        QFETCH(qint64, self);
        QFETCH(bool, rejected);
        const ValidationErrors errors
            = IdentityRules::checkContactExternalId(u"id_externo"_s, externalId, usedBy, self);
        QCOMPARE(!errors.isEmpty(), rejected);
        if (rejected) {
            QCOMPARE(errors.fields(), QStringList { u"id_externo"_s });
            QCOMPARE(test::render(errors.entries().first().message, u"en"_s),
                     u"A contact with that external id already exist in database"_s);
            QCOMPARE(test::render(errors.entries().first().message, u"es"_s),
                     u"Ya existe un contacto con ese id externo en la base de datos"_s);
        }
    }

    void contactExternalId_import()
    {
        // Lines 1..5 of a file; line 5 repeats line 2's id; empty ids repeat freely; "900" is stored.
        const QStringList ids { u"10"_s, u"77"_s, u""_s, u""_s, u"77"_s };
        QHash<QString, int> seen;
        const auto inDatabase = [](const QString &id) { return id == u"900"_s; };
        QList<ValidationErrors> results;
        for (int i = 0; i < ids.size(); ++i)
            results.append(
                IdentityRules::checkContactExternalId(ids.at(i), i + 1, u"555,Ana,"_s + ids.at(i), seen, inDatabase));
        for (int i = 0; i < 4; ++i)
            QVERIFY2(results.at(i).isEmpty(), qPrintable(QString::number(i)));
        QCOMPARE(results.at(4).fields(), QStringList { u"line 5"_s });
        const Message m = results.at(4).entries().first().message;
        QCOMPARE(
            test::render(m, u"en"_s),
            u"The selected file has contacts with external ids repeated. Invalid line: 5 Line content: 555,Ana,77 Repeated ID: 77 (first seen on line 2)"_s);
        QCOMPARE(
            test::render(m, u"es"_s),
            u"Operación Errónea! El archivo que seleccionó posee contactos con identificadores externos repetidos. Línea Inválida: 5 Contenido Línea: 555,Ana,77 ID repetido: 77 (visto antes en la línea 2)"_s);
        // An id the database already holds.
        const ValidationErrors stored = IdentityRules::checkContactExternalId(u"900"_s, 6, u"x"_s, seen, inDatabase);
        QCOMPARE(stored.fields(), QStringList { u"line 6"_s });
        QCOMPARE(test::render(stored.entries().first().message, u"es"_s),
                 u"Línea 6: ya existe un contacto con el id externo \"900\" en la base de datos."_s);
        // Without a database check only the file is compared.
        QHash<QString, int> fresh;
        QVERIFY(IdentityRules::checkContactExternalId(u"900"_s, 1, u"x"_s, fresh).isEmpty());
    }

    void externalIdColumn_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("spanish");
        QTest::newRow("none") << QString() << QString() << QString();
        QTest::newRow("data column") << u"dni"_s << QString() << QString();
        QTest::newRow("phone column") << u"telefono"_s << u"Cannot choose a phone field as and external id"_s
                                      << u"No se puede elegir un campo telefónico como id_externo"_s;
        QTest::newRow("not a column") << u"foo"_s << u"The external id field does not match a column name."_s
                                      << u"El campo de id externo no coincide con un nombre de columna."_s;
    }
    void externalIdColumn()
    {
        QFETCH(QString, column);
        QFETCH(QString, english);
        QFETCH(QString, spanish);
        const ValidationErrors errors
            = IdentityRules::checkExternalIdColumn({ u"telefono"_s, u"nombre"_s, u"dni"_s }, { u"telefono"_s }, column);
        if (english.isEmpty()) {
            QVERIFY(errors.isEmpty());
            return;
        }
        QCOMPARE(errors.fields(), QStringList { u"id_externo"_s });
        QCOMPARE(test::render(errors.entries().first().message, u"en"_s), english);
        QCOMPARE(test::render(errors.entries().first().message, u"es"_s), spanish);
    }

    void everyMessageHasSpanishAndPortuguese()
    {
        // Messages produced by the rules, rendered in each shipped language, must differ from English.
        ValidationErrors all;
        all.append(IdentityRules::checkSystemName(QString(), false));
        all.append(IdentityRules::checkSystemName(u"x"_s, true));
        all.append(
            IdentityRules::checkAgentExternalIds({ { 0, 1, u"A"_s }, { 0, 1, u"A"_s }, { 0, 9, u"B"_s } }, { 1 }));
        Campaign c;
        c.name = u"C"_s;
        c.type = CampaignType(9);
        c.externalId = u"x"_s;
        c.interactionType = InteractionType::ExternalUrl;
        all.append(IdentityRules::checkCampaign(c, {}));
        c.externalSystemId = 1;
        c.interactionType = InteractionType::Form;
        c.siteId = 1;
        IdentityRules::CampaignContext ctx;
        ctx.nameTaken = true;
        ctx.campaignWithSameExternalId = 2;
        ctx.unknownAgentIds = { 4 };
        ctx.previousInteractionType = InteractionType::ExternalUrl;
        all.append(IdentityRules::checkCampaign(c, ctx));
        QVERIFY(all.size() >= 12);
        for (const auto &entry : all.entries()) {
            const QString en = test::render(entry.message, u"en"_s);
            QVERIFY2(test::render(entry.message, u"es"_s) != en, qPrintable(en));
            QVERIFY2(test::render(entry.message, u"pt_BR"_s) != en, qPrintable(en));
        }
    }
};

QTEST_GUILESS_MAIN(TestIdentityRules)
#include "tst_identityrules.moc"
