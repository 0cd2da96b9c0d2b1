#include <core/contacts/contactimportjobs.h>
#include <core/contacts/importjobrepository.h>
#include <core/model/messagecatalog.h>
#include <core/store/database.h>
#include <tests/support/fakeclock.h>
#include <tests/support/scratchdatabase.h>

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

// n contacts: phone, name, external id.
QString csvFile(const QTemporaryDir &dir, int n)
{
    const QString path = dir.filePath(u"contacts.csv"_s);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("telefono,nombre,id\n");
    for (int i = 0; i < n; ++i)
        f.write("55" + QByteArray::number(10000000 + i) + ",Nombre " + QByteArray::number(i) + ",K"
                + QByteArray::number(i) + "\n");
    return path;
}

ContactImportOptions newDatabase(const QString &path)
{
    ContactImportOptions o;
    o.filePath = path;
    o.databaseName = u"Board"_s;
    o.phoneColumns = { u"telefono"_s };
    o.externalIdColumn = u"id"_s;
    return o;
}

// What the jobs are given by the server: the store, a clock and the catalog.
struct Services
{
    explicit Services(std::shared_ptr<Database> store)
        : db(std::move(store))
    { }
    std::shared_ptr<Database> db;
    test::FakeClock clock;
    MessageCatalog catalog;
};

}   // namespace

class TestContactImportJobs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // PostgreSQL: a running job's row is kept up to date by its server (what other servers answer
    // from, and how they know it is alive). SQLite: never while it runs (the write would wait for
    // the import's own transaction); its one server answers from memory.
    void runningJob_rowFollowsItOnPostgresOnly_data() { test::addBackendRows(); }
    void runningJob_rowFollowsItOnPostgresOnly()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Services given(scratch.db());
        QTemporaryDir dir;
        const int rows = 60000;
        const QString path = csvFile(dir, rows);
        ContactImportJobs board(given.db, given.clock, given.catalog);
        board.setHeartbeatIntervalMs(10);
        QSignalSpy ended(&board, &ContactImportJobs::jobEnded);
        auto id = board.start(newDatabase(path), std::make_shared<QFile>(path), 42);
        QVERIFY(id.ok());
        QCOMPARE(board.runningHere(), 1);
        ImportJobRepository jobs(scratch.db(), given.clock);
        const bool postgres = scratch.db()->dialect() == SqlDialect::Postgres;
        // Watch the row while the job runs.
        qint64 rowProgressWhileRunning = 0;
        qint64 liveProgress = 0;
        bool rowReadable = true;
        const auto sample = [&] {
            if (!ended.isEmpty())
                return true;
            const auto row = jobs.find(id.value());
            if (!row.ok() || !row->has_value()) {
                rowReadable = false;
                return true;
            }
            if (row->value().state == ImportJobRecord::State::Running)
                rowProgressWhileRunning = qMax(rowProgressWhileRunning, row->value().rowsDone + row->value().bytesRead);
            if (const auto live = board.find(id.value());
                live.ok() && live->has_value() && live->value().state == ImportJobRecord::State::Running)
                liveProgress = qMax(liveProgress, live->value().bytesRead);
            return postgres && rowProgressWhileRunning > 0;   // seen: no need to wait for the end here
        };
        QVERIFY(QTest::qWaitFor(sample, 120000));
        QVERIFY(rowReadable);
        QVERIFY2(liveProgress > 0 || !ended.isEmpty(), "no live progress seen");
        if (postgres)
            QVERIFY2(rowProgressWhileRunning > 0, "the running job's row was never written");
        else
            QCOMPARE(rowProgressWhileRunning, 0);
        QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 120000);
        QCOMPARE(board.runningHere(), 0);
        const auto row = jobs.find(id.value());
        QCOMPARE(row->value().state, ImportJobRecord::State::Finished);
        QCOMPARE(row->value().summary->rowsImported, rows);
        QCOMPARE(row->value().createdBy, std::optional<qint64>(42));
        // From the row now, the same as any server would answer.
        const auto answered = board.find(id.value());
        QCOMPARE(answered->value().state, ImportJobRecord::State::Finished);
        QCOMPARE(answered->value().rowsDone, rows);
        QVERIFY(!board.find(u"unknown"_s)->has_value());
    }

    // A refused file: the row keeps the refusal, worded, in every shipped language.
    void refusedFile_isStoredInEveryLanguage_data() { test::addBackendRows(); }
    void refusedFile_isStoredInEveryLanguage()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Services given(scratch.db());
        QTemporaryDir dir;
        const QString path = dir.filePath(u"bad.csv"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("telefono,nombre,id\n1,a,X\n,b,Y\n");
        f.close();
        ContactImportJobs board(given.db, given.clock, given.catalog);
        QSignalSpy ended(&board, &ContactImportJobs::jobEnded);
        auto id = board.start(newDatabase(path), std::make_shared<QFile>(path), std::nullopt);
        QVERIFY(id.ok());
        QTRY_COMPARE(ended.size(), 1);
        const auto job = board.find(id.value());
        QCOMPARE(job->value().state, ImportJobRecord::State::Failed);
        for (const QString &language : given.catalog.languages()) {
            const QJsonObject error = job->value().errorByLanguage.value(language).toObject();
            QVERIFY2(!error.value(u"message"_s).toString().isEmpty(), qPrintable(language));
            QVERIFY2(error.value(u"errors"_s).toObject().contains(u"line 3"_s), qPrintable(language));
        }
        QCOMPARE(job->value().errorByLanguage.value(u"es"_s).toObject().value(u"message"_s).toString(),
                 u"El archivo fue rechazado; no se importó nada."_s);
    }
};

QTEST_GUILESS_MAIN(TestContactImportJobs)
#include "tst_contactimportjobs.moc"
