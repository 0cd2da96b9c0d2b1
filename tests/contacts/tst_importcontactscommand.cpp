#include <core/contacts/contactimporter.h>
#include <core/contacts/contactrepository.h>
#include <core/contacts/importcontactscommand.h>
#include <tests/contacts/support/corpus.h>
#include <tests/support/scratchdatabase.h>

#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run run(const QStringList &args, const std::function<void(ContactImporter &)> &onStart = {})
{
    Run r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.code = ImportContactsCommand::run(args, out, err, onStart);
    return r;
}

QByteArray manyContacts(int n)
{
    QByteArray out = "phone,name,ext\n";
    for (int i = 1; i <= n; ++i)
        out += "351" + QByteArray::number(i) + ",N" + QByteArray::number(i) + ",E" + QByteArray::number(i) + "\n";
    return out;
}

}   // namespace

class TestImportContactsCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Messages are compared in English unless a test asks for another language.
    void initTestCase() { qputenv("ENLACE_LANGUAGE", "en"); }

    void goodFile_exitsZeroWithOneResultLine_data() { test::addBackendRows(); }
    void goodFile_exitsZeroWithOneResultLine()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const Run r = run({ u"--database"_s, scratch.url(), u"--name"_s, u"Clientes"_s, u"--phone-columns"_s,
                            u"telefono"_s, u"--external-id-column"_s, u"id_cliente"_s, u"--language"_s, u"en"_s,
                            test::corpusFile(u"good_bom_crlf.csv"_s) });
        QCOMPARE(r.code, int(ImportContactsCommand::Ok));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(lines.size() >= 1);
        QVERIFY2(lines.constLast().startsWith(u"Imported 5 contacts into contact database \"Clientes\""_s),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(u"validating: "_s));
        QVERIFY(r.out.contains(u"writing: 100% (5 rows)"_s));
        ContactRepository repo(scratch.db());
        auto d = repo.findDatabaseByName(u"Clientes"_s);
        QVERIFY(d.ok());
        QCOMPARE(d->contactCount, 5);
        QCOMPARE(d->externalIdColumn, u"id_cliente"_s);

        // --into-existing takes the database's own columns; an id already there is refused.
        const Run again = run({ u"--database"_s, scratch.url(), u"--name"_s, u"Clientes"_s, u"--into-existing"_s,
                                u"--language"_s, u"es"_s, test::corpusFile(u"good_basic.csv"_s) });
        QCOMPARE(again.code, int(ImportContactsCommand::Rejected));
        QVERIFY2(again.err.contains(u"ID repetido: C-001"_s), qPrintable(again.err));
        QVERIFY(again.err.contains(u"El archivo fue rechazado; no se importó nada."_s));
        QCOMPARE(repo.count(d->id).value(), 5);
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QString>("errPart");
        const QString db = u"@DB@"_s;
        const QString good = test::corpusFile(u"good_basic.csv"_s);
        const QStringList base { u"--database"_s, db,     u"--name"_s, u"X"_s, u"--phone-columns"_s, u"telefono"_s,
                                 u"--language"_s, u"en"_s };
        QTest::newRow("no arguments") << QStringList() << 1 << u"Exactly one FILE"_s;
        QTest::newRow("unknown option") << (base + QStringList { u"--frobnicate"_s, good }) << 1 << u"frobnicate"_s;
        QTest::newRow("two files") << (base + QStringList { good, good }) << 1 << u"Exactly one FILE"_s;
        QTest::newRow("no database") << QStringList { u"--name"_s, u"X"_s, u"--phone-columns"_s, u"telefono"_s, good }
                                     << 1 << u"--database"_s;
        QTest::newRow("no name") << QStringList { u"--database"_s, db, u"--phone-columns"_s, u"telefono"_s, good } << 1
                                 << u"--name"_s;
        QTest::newRow("no phone columns")
            << QStringList { u"--database"_s, db, u"--name"_s, u"X"_s, good } << 1 << u"--phone-columns"_s;
        QTest::newRow("repeated external id")
            << (base
                + QStringList { u"--external-id-column"_s, u"id_cliente"_s,
                                test::corpusFile(u"bad_repeated_external_id.csv"_s) })
            << 2 << u"line 5: The selected file has contacts with external ids repeated. Invalid line: 5"_s;
        QTest::newRow("phone as external id")
            << (base + QStringList { u"--external-id-column"_s, u"telefono"_s, good }) << 2
            << u"external_id_field: Cannot choose a phone field as and external id"_s;
        QTest::newRow("missing file") << (base + QStringList { u"/nonexistent/file.csv"_s }) << 2 << u"file.csv"_s;
        QTest::newRow("into missing database")
            << QStringList { u"--database"_s, db,      u"--name"_s, u"Nope"_s, u"--into-existing"_s,
                             u"--language"_s, u"en"_s, good }
            << 2 << u"Contact database not found."_s;
        QTest::newRow("store cannot be opened") << QStringList { u"--database"_s,
                                                                 u"postgresql://nobody@127.0.0.1:1/none"_s,
                                                                 u"--name"_s,
                                                                 u"X"_s,
                                                                 u"--phone-columns"_s,
                                                                 u"telefono"_s,
                                                                 good }
                                                << 3 << QString();
    }
    void exitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, expected);
        QFETCH(QString, errPart);
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        args.replaceInStrings(u"@DB@"_s, scratch.url());
        const Run r = run(args);
        QVERIFY2(r.code == expected, qPrintable(QString::number(r.code) + u"\n"_s + r.out + r.err));
        QVERIFY(!r.err.isEmpty());
        QVERIFY2(r.err.contains(errPart), qPrintable(r.err));
        QCOMPARE(scratch.db()->scalar(u"SELECT COUNT(*) FROM contacts"_s)->toInt(), 0);
    }

    void help_exitsZero()
    {
        const Run r = run({ u"--help"_s });
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(u"--phone-columns"_s));
        QVERIFY(r.out.contains(u"4 cancelled"_s));
    }

    // --language (else ENLACE_LANGUAGE, else the locale) also decides the help and usage texts.
    void helpAndUsage_speakTheLanguageAskedFor()
    {
        const Run help = run({ u"--help"_s, u"--language"_s, u"es"_s });
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains(u"Importa un archivo CSV de contactos a una base de contactos, todo o nada."_s));
        QVERIFY(help.out.contains(u"Códigos de salida: 0 importado"_s));
        // Qt's own words too (Qt's translations, qt6-translations-l10n, which setup-deps installs).
        QVERIFY2(help.out.startsWith(u"Uso: "_s), qPrintable(help.out.left(60)));
        QVERIFY(help.out.contains(u"\nOpciones:\n"_s));
        QVERIFY(help.out.contains(u"\nArgumentos:\n"_s));
        QVERIFY(!help.out.contains(u"Usage:"_s));
        const Run unknown = run({ u"--language=pt_BR"_s, u"--frobnicate"_s, u"x.csv"_s });
        QCOMPARE(unknown.code, 1);
        QVERIFY2(unknown.err.startsWith(u"Opção desconhecida 'frobnicate'."_s), qPrintable(unknown.err.left(60)));
        QVERIFY(unknown.err.contains(u"\nOpções:\n"_s));
        // And English stays English afterwards: the translation lasts as long as the command.
        const Run english = run({ u"--help"_s, u"--language"_s, u"en"_s });
        QVERIFY2(english.out.startsWith(u"Usage: "_s), qPrintable(english.out.left(60)));
        const Run missing = run({ u"--language=pt_BR"_s });
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.err.startsWith(u"Espera-se exatamente um ARQUIVO.\n"_s), qPrintable(missing.err.left(60)));
        qputenv("ENLACE_LANGUAGE", "pt_BR");
        const Run byEnvironment = run({ u"x.csv"_s });
        qputenv("ENLACE_LANGUAGE", "en");
        QVERIFY2(byEnvironment.err.startsWith(u"--database é obrigatório.\n"_s),
                 qPrintable(byEnvironment.err.left(60)));
    }

    void interrupt_cancelsAndExitsFour_data() { test::addBackendRows(); }
    void interrupt_cancelsAndExitsFour()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        const QString file = test::writeFile(dir.path(), u"many.csv"_s, manyContacts(2000));
        bool interrupted = false;
        const Run r
            = run({ u"--database"_s, scratch.url(), u"--name"_s, u"X"_s, u"--phone-columns"_s, u"phone"_s,
                    u"--external-id-column"_s, u"ext"_s, u"--language"_s, u"en"_s, file },
                  [&](ContactImporter &importer) {
                      importer.setBatchSize(100);
                      importer.setProgressIntervalMs(0);
                      QObject::connect(&importer, &ContactImporter::importProgressed, &importer,
                                       [&](qint64 rows, qint64, qint64, int phase) {
                                           if (phase == ContactImporter::Writing && rows >= 300 && !interrupted) {
                                               interrupted = true;
                                               std::raise(SIGINT);   // what Ctrl+C sends
                                           }
                                       });
                  });
        QVERIFY(interrupted);
        QCOMPARE(r.code, int(ImportContactsCommand::Cancelled));
        QVERIFY2(r.err.contains(u"cancelled"_s), qPrintable(r.err));
        QCOMPARE(scratch.db()->scalar(u"SELECT COUNT(*) FROM contacts"_s)->toInt(), 0);
        QCOMPARE(scratch.db()->scalar(u"SELECT COUNT(*) FROM contact_databases"_s)->toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestImportContactsCommand)
#include "tst_importcontactscommand.moc"
