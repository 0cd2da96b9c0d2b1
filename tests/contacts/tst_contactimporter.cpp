#include <core/contacts/contactimporter.h>
#include <core/contacts/contactrepository.h>
#include <core/model/messagecatalog.h>
#include <tests/contacts/support/corpus.h>
#include <tests/support/scratchdatabase.h>

#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

qint64 countRows(const Database &db, const QString &table)
{
    return db.scalar(u"SELECT COUNT(*) FROM "_s + table)->toLongLong();
}

// A file of n contacts: phone, name, external id "N-<i>" (empty for every 10th), city.
QByteArray generated(int n)
{
    QByteArray out = "phone,name,ext,city\n";
    for (int i = 1; i <= n; ++i) {
        out += "35100" + QByteArray::number(i) + ",\"Name " + QByteArray::number(i) + ", Jr\","
            + (i % 10 == 0 ? QByteArray() : "N-" + QByteArray::number(i)) + ",Córdoba\n";
    }
    return out;
}

ContactImportOptions newDatabase(const QString &file, const QString &name = u"Imported"_s)
{
    ContactImportOptions o;
    o.filePath = file;
    o.databaseName = name;
    o.phoneColumns = { u"phone"_s };
    o.externalIdColumn = u"ext"_s;
    return o;
}

QString errorText(const Error &e)
{
    QStringList parts { e.code, e.text() };
    for (const auto &entry : e.fields.entries())
        parts.append(entry.field + u": "_s + entry.message.text());
    return parts.join(u" | "_s);
}

}   // namespace

class TestContactImporter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpus_data()
    {
        test::addBackendColumn();
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("phones");
        QTest::addColumn<QString>("externalId");
        QTest::addColumn<int>("expectedRows");   // -1: rejected
        QTest::addColumn<QString>("expectedField");   // the field that names the problem
        QTest::addColumn<QStringList>("expectedParts");   // pieces of the English message
        struct Row
        {
            const char *name;
            QString file;
            QStringList phones;
            QString externalId;
            int rows;
            QString field;
            QStringList parts;
        };
        const QStringList tel { u"telefono"_s };
        const QString ext = u"id_cliente"_s;
        const QList<Row> rows {
            { "good basic", u"good_basic.csv"_s, tel, ext, 5, {}, {} },
            { "good BOM + CRLF", u"good_bom_crlf.csv"_s, tel, ext, 5, {}, {} },
            { "good semicolon", u"good_semicolon.csv"_s, tel, ext, 5, {}, {} },
            { "good tab", u"good_tab.csv"_s, tel, ext, 5, {}, {} },
            { "good all quoted", u"good_quoted_all.csv"_s, tel, ext, 5, {}, {} },
            { "good mixed line endings", u"good_mixed_line_endings.csv"_s, tel, ext, 5, {}, {} },
            { "good no final newline", u"good_no_final_newline.csv"_s, tel, ext, 5, {}, {} },
            { "good blank lines", u"good_blank_lines.csv"_s, tel, ext, 5, {}, {} },
            { "good without external id column", u"good_basic.csv"_s, tel, QString(), 5, {}, {} },
            { "good two phone columns", u"good_basic.csv"_s, { u"telefono"_s, u"notas"_s }, ext, 5, {}, {} },
            { "repeated empty ids accepted", u"good_repeated_empty_ids.csv"_s, tel, ext, 3, {}, {} },
            { "repeated external id at lines 2 and 5",
              u"bad_repeated_external_id.csv"_s,
              tel,
              ext,
              -1,
              u"line 5"_s,
              { u"external ids repeated"_s, u"Invalid line: 5 "_s, u"line content: 3510000004,Dario,D,77,"_s,
                u"repeated ID: 77"_s } },
            { "wrong field count",
              u"bad_wrong_field_count.csv"_s,
              tel,
              ext,
              -1,
              u"line 5"_s,
              { u"Line 5 has 3 fields but the header has 5: 3510000003,Carla,C"_s } },
            { "invalid UTF-8",
              u"bad_invalid_utf8.csv"_s,
              tel,
              ext,
              -1,
              u"line 3"_s,
              { u"Line 3 is not valid UTF-8"_s } },
            { "empty main phone",
              u"bad_empty_phone.csv"_s,
              tel,
              ext,
              -1,
              u"line 4"_s,
              { u"Line 4 has no main phone (telefono)"_s } },
            { "unterminated quote",
              u"bad_unterminated_quote.csv"_s,
              tel,
              ext,
              -1,
              u"line 3"_s,
              { u"quote opened on line 3"_s } },
            { "stray quote",
              u"bad_stray_quote.csv"_s,
              tel,
              ext,
              -1,
              u"line 2"_s,
              { u"Line 2 has a quote"_s, u"An\"a"_s } },
            { "header only", u"header_only.csv"_s, tel, ext, -1, u"file"_s, { u"no contacts"_s } },
            { "empty file", u"empty.csv"_s, tel, ext, -1, u"file"_s, { u"empty"_s } },
            { "missing file", u"no_such_file.csv"_s, tel, ext, -1, u"file"_s, { u"no_such_file.csv"_s } },
            { "phone column chosen as external id",
              u"good_basic.csv"_s,
              tel,
              u"telefono"_s,
              -1,
              u"external_id_field"_s,
              { u"Cannot choose a phone field as and external id"_s } },
            { "unknown external id column",
              u"good_basic.csv"_s,
              tel,
              u"dni"_s,
              -1,
              u"external_id_field"_s,
              { u"does not match a column name"_s } },
            { "unknown phone column", u"good_basic.csv"_s, { u"movil"_s }, ext, -1, u"phone_fields"_s, { u"movil"_s } },
        };
        for (const Row &r : rows) {
            for (const char *backend : { "sqlite", "postgresql" })
                QTest::addRow("%s %s", r.name, backend) << QString::fromLatin1(backend) << r.file << r.phones
                                                        << r.externalId << r.rows << r.field << r.parts;
        }
    }
    void corpus()
    {
        QFETCH(QString, backend);
        QFETCH(QString, file);
        QFETCH(QStringList, phones);
        QFETCH(QString, externalId);
        QFETCH(int, expectedRows);
        QFETCH(QString, expectedField);
        QFETCH(QStringList, expectedParts);
        ENLACE_SCRATCH_DB(scratch, backend);
        ContactImporter importer(scratch.db());
        ContactImportOptions options;
        options.filePath = test::corpusFile(file);
        options.databaseName = u"Corpus"_s;
        options.phoneColumns = phones;
        options.externalIdColumn = externalId;
        auto result = importer.importFile(options);

        if (expectedRows < 0) {
            QVERIFY2(!result.ok(), "the file was accepted");
            QCOMPARE(result.error().kind, Error::Kind::Invalid);
            QVERIFY2(result.error().fields.has(expectedField), qPrintable(errorText(result.error())));
            const QString message = result.error().fields.messages(expectedField).join(u'\n');
            for (const QString &part : expectedParts)
                QVERIFY2(message.contains(part), qPrintable(message + u" lacks "_s + part));
            QCOMPARE(countRows(*scratch.db(), u"contact_databases"_s), 0);
            QCOMPARE(countRows(*scratch.db(), u"contacts"_s), 0);
            return;
        }

        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : errorText(result.error())));
        QCOMPARE(result->rowsImported, expectedRows);
        QVERIFY(result->createdDatabase);
        ContactRepository repo(scratch.db());
        auto database = repo.findDatabase(result->databaseId);
        QVERIFY(database.ok());
        QCOMPARE(database->name, u"Corpus"_s);
        QCOMPARE(database->columns, test::corpusHeader());
        QCOMPARE(database->phoneColumns, phones);
        QCOMPARE(database->externalIdColumn, externalId);
        QCOMPARE(database->contactCount, expectedRows);
        const QList<Contact> contacts = repo.list(result->databaseId, 0, 100).value();
        QCOMPARE(contacts.size(), expectedRows);
        if (!file.startsWith(u"good_"_s) || file == u"good_repeated_empty_ids.csv"_s) {
            for (const Contact &c : contacts)
                QCOMPARE(c.externalId, QString());
            return;
        }
        const QList<QStringList> expected = test::corpusGoodRows();
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const Contact &c = contacts.at(i);
            QCOMPARE(c.values, expected.at(i));
            QCOMPARE(c.phone, expected.at(i).at(0));
            QCOMPARE(c.externalId, externalId.isEmpty() ? QString() : expected.at(i).at(3));
        }
        if (!externalId.isEmpty())
            QCOMPARE(repo.findByExternalId(result->databaseId, u"C-004"_s)->values, expected.at(3));
    }

    void awkwardValues_roundTripExactly_data() { test::addBackendRows(); }
    void awkwardValues_roundTripExactly()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        // Backslashes, braces, the word NULL, JSON and SQL punctuation, control characters.
        const QList<QStringList> rows {
            { u"1"_s, u"C:\\dir\\ \\\"x\\\""_s, u"NULL"_s, u"{a,b}"_s },
            { u"2"_s, u"'; DROP TABLE contacts; --"_s, u"null"_s, u"[\"]\u0001"_s },
            { u"3"_s, u"\\"_s, u" "_s, u"}{"_s },
        };
        QByteArray bytes = "phone,a,ext,b\n";
        for (const QStringList &r : rows) {
            QStringList quoted;
            for (const QString &v : r)
                quoted.append(u'"' + QString(v).replace(u'"', u"\"\""_s) + u'"');
            bytes += quoted.join(u',').toUtf8() + "\n";
        }
        ContactImporter importer(scratch.db());
        auto r = importer.importFile(newDatabase(test::writeFile(dir.path(), u"a.csv"_s, bytes)));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : errorText(r.error())));
        ContactRepository repo(scratch.db());
        const QList<Contact> contacts = repo.list(r->databaseId, 0, 10).value();
        QCOMPARE(contacts.size(), rows.size());
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QCOMPARE(contacts.at(i).values, rows.at(i));
            QCOMPARE(contacts.at(i).externalId, rows.at(i).at(2));
        }
        QCOMPARE(repo.findByExternalId(r->databaseId, u"NULL"_s)->phone, u"1"_s);
    }

    void repeatedExternalId_messageInSpanish()
    {
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        ContactImporter importer(scratch.db());
        ContactImportOptions o;
        o.filePath = test::corpusFile(u"bad_repeated_external_id.csv"_s);
        o.databaseName = u"X"_s;
        o.phoneColumns = { u"telefono"_s };
        o.externalIdColumn = u"id_cliente"_s;
        auto r = importer.importFile(o);
        QVERIFY(!r.ok());
        MessageCatalog catalog;
        QCOMPARE(
            r.error().fields.messages(u"line 5"_s, &catalog, u"es"_s).value(0),
            u"Operación Errónea! El archivo que seleccionó posee contactos con identificadores externos repetidos. "
            "Línea Inválida: 5 Contenido Línea: 3510000004,Dario,D,77, ID repetido: 77"_s);
    }

    void intoExisting_appendsAndRejectsIdsAlreadyThere_data() { test::addBackendRows(); }
    void intoExisting_appendsAndRejectsIdsAlreadyThere()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        ContactImporter importer(scratch.db());
        auto first = importer.importFile(newDatabase(test::writeFile(dir.path(), u"a.csv"_s, generated(30))));
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : errorText(first.error())));

        ContactImportOptions more;
        more.intoExisting = true;
        more.databaseName = u"Imported"_s;
        more.filePath
            = test::writeFile(dir.path(), u"b.csv"_s, "phone,name,ext,city\n1,a,NEW-1,x\n2,b,,y\n3,c,N-7,z\n");
        auto clash = importer.importFile(more);
        QVERIFY(!clash.ok());
        QCOMPARE(clash.error().kind, Error::Kind::Invalid);
        QVERIFY2(clash.error().fields.has(u"line 4"_s), qPrintable(errorText(clash.error())));
        QVERIFY(clash.error().fields.messages(u"line 4"_s).value(0).contains(u"repeated ID: N-7"_s));
        QCOMPARE(countRows(*scratch.db(), u"contacts"_s), 30);

        more.filePath = test::writeFile(dir.path(), u"c.csv"_s, "phone,name,ext,city\n1,a,NEW-1,x\n2,b,,y\n");
        auto ok = importer.importFile(more);
        QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : errorText(ok.error())));
        QVERIFY(!ok->createdDatabase);
        QCOMPARE(ok->databaseId, first->databaseId);
        QCOMPARE(ok->rowsImported, 2);
        ContactRepository repo(scratch.db());
        QCOMPARE(repo.count(first->databaseId).value(), 32);
        QCOMPARE(repo.findByExternalId(first->databaseId, u"NEW-1"_s)->phone, u"1"_s);

        more.filePath = test::writeFile(dir.path(), u"d.csv"_s, "phone,name,city,ext\n1,a,x,Z\n");
        auto columns = importer.importFile(more);
        QVERIFY(!columns.ok());
        QVERIFY(columns.error().fields.has(u"columns"_s));

        more.databaseName = u"Missing"_s;
        QCOMPARE(importer.importFile(more).error().kind, Error::Kind::NotFound);
        more.databaseName.clear();
        more.existingDatabaseId = first->databaseId;
        more.filePath = test::writeFile(dir.path(), u"e.csv"_s, "phone,name,ext,city\n5,e,NEW-2,x\n");
        QVERIFY(importer.importFile(more).ok());
        QCOMPARE(repo.count(first->databaseId).value(), 33);
    }

    void newDatabase_nameTakenIsRejectedBeforeReading_data() { test::addBackendRows(); }
    void newDatabase_nameTakenIsRejectedBeforeReading()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        ContactImporter importer(scratch.db());
        const QString path = test::writeFile(dir.path(), u"a.csv"_s, generated(5));
        QVERIFY(importer.importFile(newDatabase(path)).ok());
        auto again = importer.importFile(newDatabase(path));
        QVERIFY(!again.ok());
        QVERIFY(again.error().fields.has(u"name"_s));
        QCOMPARE(countRows(*scratch.db(), u"contacts"_s), 5);
    }

    void batches_writeEveryRowIncludingTheLastPartialBatch_data() { test::addBackendRows(); }
    void batches_writeEveryRowIncludingTheLastPartialBatch()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        ContactImporter importer(scratch.db());
        importer.setBatchSize(100);
        auto r = importer.importFile(newDatabase(test::writeFile(dir.path(), u"a.csv"_s, generated(1234))));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : errorText(r.error())));
        QCOMPARE(r->rowsImported, 1234);
        ContactRepository repo(scratch.db());
        QCOMPARE(repo.count(r->databaseId).value(), 1234);
        QCOMPARE(repo.findByExternalId(r->databaseId, u"N-1233"_s)->values,
                 (QStringList { u"351001233"_s, u"Name 1233, Jr"_s, u"N-1233"_s, u"Córdoba"_s }));
        QCOMPARE(scratch.db()->scalar(u"SELECT COUNT(*) FROM contacts WHERE external_id IS NULL"_s)->toInt(), 123);
    }

    void progress_isReportedForBothPhases_data() { test::addBackendRows(); }
    void progress_isReportedForBothPhases()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        const QByteArray bytes = generated(2000);
        ContactImporter importer(scratch.db());
        importer.setBatchSize(100);
        importer.setProgressIntervalMs(0);
        QSignalSpy spy(&importer, &ContactImporter::importProgressed);
        auto r = importer.importFile(newDatabase(test::writeFile(dir.path(), u"a.csv"_s, bytes)));
        QVERIFY(r.ok());
        QVERIFY(spy.size() > 4);
        qint64 lastRows[3] = { -1, -1, -1 };
        qint64 lastBytes[3] = { -1, -1, -1 };
        int previousPhase = ContactImporter::Validating;
        for (const QList<QVariant> &args : std::as_const(spy)) {
            const int phase = args.at(3).toInt();
            QVERIFY(phase == ContactImporter::Validating || phase == ContactImporter::Writing);
            QVERIFY(phase >= previousPhase);
            previousPhase = phase;
            QVERIFY(args.at(0).toLongLong() >= lastRows[phase]);
            QVERIFY(args.at(1).toLongLong() >= lastBytes[phase]);
            QCOMPARE(args.at(2).toLongLong(), bytes.size());
            lastRows[phase] = args.at(0).toLongLong();
            lastBytes[phase] = args.at(1).toLongLong();
        }
        QCOMPARE(lastRows[ContactImporter::Validating], 2000);
        QCOMPARE(lastRows[ContactImporter::Writing], 2000);
        QCOMPARE(lastBytes[ContactImporter::Validating], bytes.size());
        QCOMPARE(lastBytes[ContactImporter::Writing], bytes.size());
    }

    void cancel_duringWriting_leavesNothing_data()
    {
        test::addBackendColumn();
        QTest::addColumn<bool>("intoExisting");
        for (bool existing : { false, true }) {
            for (const char *backend : { "sqlite", "postgresql" })
                QTest::addRow("%s %s", existing ? "existing database" : "new database", backend)
                    << QString::fromLatin1(backend) << existing;
        }
    }
    void cancel_duringWriting_leavesNothing()
    {
        QFETCH(QString, backend);
        QFETCH(bool, intoExisting);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        ContactImporter importer(scratch.db());
        ContactImportOptions options = newDatabase(test::writeFile(dir.path(), u"a.csv"_s, generated(3000)));
        qint64 databases = 0;
        if (intoExisting) {
            QVERIFY(importer
                        .importFile(
                            newDatabase(test::writeFile(dir.path(), u"seed.csv"_s, "phone,name,ext,city\n1,a,S-1,x\n")))
                        .ok());
            options.intoExisting = true;
            databases = 1;
        }
        importer.setBatchSize(100);
        importer.setRowsPerStep(200);   // a new SQLite database: several steps committed before the cancel
        importer.setProgressIntervalMs(0);
        qint64 writtenBeforeCancel = 0;
        connect(&importer, &ContactImporter::importProgressed, this, [&](qint64 rows, qint64, qint64, int phase) {
            if (phase == ContactImporter::Writing && rows >= 500 && !writtenBeforeCancel) {
                writtenBeforeCancel = rows;
                importer.cancel();
            }
        });
        auto r = importer.importFile(options);
        QVERIFY(!r.ok());
        QVERIFY2(ContactImporter::isCancellation(r.error()), qPrintable(errorText(r.error())));
        QVERIFY(writtenBeforeCancel >= 500);
        QCOMPARE(countRows(*scratch.db(), u"contact_databases"_s), databases);
        QCOMPARE(countRows(*scratch.db(), u"contacts"_s), databases);
    }

    // SQLite has one writer: a new database is written in steps, and another writer (here the
    // main thread, as the server's would be) gets in between two of them instead of waiting for
    // the whole file; until the last step the database does not exist for anyone who looks.
    void steps_onSqlite_letOtherWritersInAndStayHiddenUntilTheLast()
    {
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        QTemporaryDir dir;
        ContactImporter importer(scratch.db());
        importer.setBatchSize(50);
        importer.setRowsPerStep(100);
        importer.setProgressIntervalMs(0);
        std::atomic<bool> writing { false };
        connect(
            &importer, &ContactImporter::importProgressed, &importer,
            [&](qint64 rows, qint64, qint64, int phase) {
                if (phase == ContactImporter::Writing && rows >= 300)
                    writing = true;
            },
            Qt::DirectConnection);
        QSignalSpy finished(&importer, &ContactImporter::importFinished);
        const int total = 20000;
        importer.start(newDatabase(test::writeFile(dir.path(), u"a.csv"_s, generated(total)), u"Stepped"_s));
        QTRY_VERIFY_WITH_TIMEOUT(writing || !finished.isEmpty(), 30000);
        QVERIFY2(finished.isEmpty(), "the import ended before it was seen writing");
        // Another writer commits while the import goes on.
        {
            Database::Transaction tx(*scratch.db());
            QVERIFY(tx.active());
            QVERIFY(scratch.db()->insert(u"INSERT INTO external_systems (name) VALUES (?)"_s, { u"meanwhile"_s }).ok());
            QVERIFY(tx.commit().ok());
        }
        QVERIFY2(importer.isRunning() && finished.isEmpty(), "the other writer waited for the whole import");
        // Steps are committed, yet the database is nowhere to be seen.
        const qint64 committed
            = scratch.db()
                  ->scalar(u"SELECT COUNT(*) FROM contacts c JOIN contact_databases d ON d.id = c.database_id "
                           "WHERE d.name = 'Stepped'"_s)
                  ->toLongLong();
        QVERIFY2(committed >= 300 && committed < total, qPrintable(QString::number(committed)));
        ContactRepository repository(scratch.db());
        QVERIFY(!repository.findDatabaseByName(u"Stepped"_s).ok());
        QVERIFY(repository.listDatabases().value().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        const auto d = repository.findDatabaseByName(u"Stepped"_s);
        QVERIFY(d.ok());
        QCOMPARE(d->contactCount, total);
        QCOMPARE(repository.listDatabases().value().size(), 1);
    }

    void cancel_fromAnotherThread_whileRunningOnAWorker_data() { test::addBackendRows(); }
    void cancel_fromAnotherThread_whileRunningOnAWorker()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        ContactImporter importer(scratch.db());
        importer.setBatchSize(100);
        importer.setProgressIntervalMs(0);
        std::atomic<bool> reached { false };
        QSemaphore resume;
        QThread *mainThread = QThread::currentThread();
        bool ranOnWorker = false;
        connect(
            &importer, &ContactImporter::importProgressed, &importer,
            [&](qint64 rows, qint64, qint64, int phase) {
                if (phase == ContactImporter::Writing && rows == 300) {
                    ranOnWorker = QThread::currentThread() != mainThread;
                    reached = true;
                    resume.tryAcquire(1, 30000);   // hold the worker until the main thread has cancelled
                }
            },
            Qt::DirectConnection);
        QSignalSpy finished(&importer, &ContactImporter::importFinished);
        importer.start(newDatabase(test::writeFile(dir.path(), u"a.csv"_s, generated(3000))));
        QVERIFY(importer.isRunning());
        QTRY_VERIFY2(reached || finished.size() > 0, "no progress from the worker");
        if (!finished.isEmpty() && importer.result() && !importer.result()->ok())
            QFAIL(qPrintable(errorText(importer.result()->error())));
        QVERIFY(finished.isEmpty());
        importer.cancel();
        resume.release();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(ranOnWorker);
        QVERIFY(importer.result().has_value());
        QVERIFY(ContactImporter::isCancellation(importer.result()->error()));
        QCOMPARE(countRows(*scratch.db(), u"contacts"_s), 0);
        QCOMPARE(countRows(*scratch.db(), u"contact_databases"_s), 0);
    }

    void start_importsOnAWorkerThread_data() { test::addBackendRows(); }
    void start_importsOnAWorkerThread()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        ContactImporter importer(scratch.db());
        QSignalSpy finished(&importer, &ContactImporter::importFinished);
        QSignalSpy progress(&importer, &ContactImporter::importProgressed);
        importer.start(newDatabase(test::writeFile(dir.path(), u"a.csv"_s, generated(700))));
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY(!progress.isEmpty());
        auto r = importer.result();
        QVERIFY(r.has_value() && r->ok());
        QCOMPARE(r->value().rowsImported, 700);
        QCOMPARE(ContactRepository(scratch.db()).count(r->value().databaseId).value(), 700);
    }

    void writeFailure_rollsBackEverything_data() { test::addBackendRows(); }
    void writeFailure_rollsBackEverything()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QTemporaryDir dir;
        ContactImporter importer(scratch.db());
        auto seed = importer.importFile(
            newDatabase(test::writeFile(dir.path(), u"seed.csv"_s, "phone,name,ext,city\n1,a,S-1,x\n")));
        QVERIFY(seed.ok());
        ContactImportOptions options;
        options.intoExisting = true;
        options.existingDatabaseId = seed->databaseId;
        options.filePath = test::writeFile(dir.path(), u"a.csv"_s, generated(1500));
        importer.setBatchSize(100);
        importer.setProgressIntervalMs(0);
        ContactRepository repo(scratch.db());
        // Once validation has passed, someone adds a contact whose id is in the file (here inside
        // the import's own transaction, so it is rolled back with it).
        bool added = false;
        connect(&importer, &ContactImporter::importProgressed, this, [&](qint64 rows, qint64, qint64, int phase) {
            if (phase == ContactImporter::Writing && rows == 0 && !added)
                added = repo.addContact(seed->databaseId, { { u"phone"_s, u"9"_s }, { u"ext"_s, u"N-1234"_s } }).ok();
        });
        auto r = importer.importFile(options);
        QVERIFY(added);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Conflict);
        QCOMPARE(r.error().code, u"contacts.import_conflict"_s);
        QCOMPARE(countRows(*scratch.db(), u"contacts"_s), 1);
        QCOMPARE(repo.findByExternalId(seed->databaseId, u"S-1"_s)->phone, u"1"_s);
        // The store is usable afterwards.
        QVERIFY(repo.addContact(seed->databaseId, { { u"phone"_s, u"2"_s }, { u"ext"_s, u"S-2"_s } }).ok());
    }

    void manyErrors_areCappedAndAllNamed()
    {
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        QTemporaryDir dir;
        QByteArray bytes = "phone,ext\n";
        for (int i = 0; i < 100; ++i)
            bytes += ",E" + QByteArray::number(i) + "\n";
        ContactImporter importer(scratch.db());
        importer.setMaxErrors(7);
        ContactImportOptions o;
        o.filePath = test::writeFile(dir.path(), u"a.csv"_s, bytes);
        o.databaseName = u"X"_s;
        o.phoneColumns = { u"phone"_s };
        auto r = importer.importFile(o);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().fields.size(), 7);
        QCOMPARE(r.error().fields.fields().constFirst(), u"line 2"_s);
        QCOMPARE(r.error().fields.fields().constLast(), u"line 8"_s);
    }
};

QTEST_GUILESS_MAIN(TestContactImporter)
#include "tst_contactimporter.moc"
