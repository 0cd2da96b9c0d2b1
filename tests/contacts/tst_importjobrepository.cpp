#include <core/contacts/importjobrepository.h>
#include <tests/support/fakeclock.h>
#include <tests/support/scratchdatabase.h>

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

QJsonObject refusal(const QString &es, const QString &en)
{
    return QJsonObject {
        { u"es"_s,
          QJsonObject { { u"message"_s, es }, { u"errors"_s, QJsonObject { { u"line 3"_s, QJsonArray { es } } } } } },
        { u"en"_s,
          QJsonObject { { u"message"_s, en }, { u"errors"_s, QJsonObject { { u"line 3"_s, QJsonArray { en } } } } } }
    };
}

}   // namespace

class TestImportJobRepository final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void job_runsThenFinishes_andEveryReaderSeesIt_data() { test::addBackendRows(); }
    void job_runsThenFinishes_andEveryReaderSeesIt()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        ImportJobRepository jobs(scratch.db(), clock);
        QVERIFY(jobs.create(u"job-1"_s, 5000, 7).ok());
        auto found = jobs.find(u"job-1"_s);
        QVERIFY(found.ok() && found->has_value());
        QCOMPARE(found->value().state, ImportJobRecord::State::Running);
        QCOMPARE(found->value().phase, int(ContactImporter::Validating));
        QCOMPARE(found->value().totalBytes, 5000);
        QCOMPARE(found->value().createdBy, std::optional<qint64>(7));
        QCOMPARE(found->value().createdAtMs, clock.nowMs());

        clock.advance(3000);
        QVERIFY(jobs.saveProgress(u"job-1"_s, ContactImporter::Writing, 120, 2500, 5000).ok());
        found = jobs.find(u"job-1"_s);
        QCOMPARE(found->value().phase, int(ContactImporter::Writing));
        QCOMPARE(found->value().rowsDone, 120);
        QCOMPARE(found->value().bytesRead, 2500);
        QCOMPARE(found->value().updatedAtMs, clock.nowMs());
        QVERIFY(!found->value().summary);

        ImportJobRecord ended = found->value();
        ended.state = ImportJobRecord::State::Finished;
        ended.summary = ImportSummary {};
        ended.summary->databaseId = 42;
        ended.summary->rowsImported = 250;
        ended.summary->bytesRead = 5000;
        ended.summary->createdDatabase = true;
        ended.rowsDone = 250;
        ended.bytesRead = 5000;
        QVERIFY(jobs.end(ended).ok());
        found = jobs.find(u"job-1"_s);
        QCOMPARE(found->value().state, ImportJobRecord::State::Finished);
        QVERIFY(found->value().summary);
        QCOMPARE(found->value().summary->databaseId, 42);
        QCOMPARE(found->value().summary->rowsImported, 250);
        QCOMPARE(found->value().summary->createdDatabase, true);
        QCOMPARE(found->value().rowsDone, 250);
        QCOMPARE(found->value().bytesRead, 5000);
        // Progress no longer moves a job that ended.
        QVERIFY(jobs.saveProgress(u"job-1"_s, ContactImporter::Validating, 1, 1, 1).ok());
        QCOMPARE(jobs.find(u"job-1"_s)->value().state, ImportJobRecord::State::Finished);
        QCOMPARE(jobs.find(u"job-1"_s)->value().rowsDone, 250);

        auto unknown = jobs.find(u"job-2"_s);
        QVERIFY(unknown.ok());
        QVERIFY(!unknown->has_value());
        // The id is the key: a second job with it is refused.
        QVERIFY(!jobs.create(u"job-1"_s, 1, std::nullopt).ok());
    }

    void failedJob_keepsItsRefusalInEveryLanguage_data() { test::addBackendRows(); }
    void failedJob_keepsItsRefusalInEveryLanguage()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        ImportJobRepository jobs(scratch.db(), clock);
        QVERIFY(jobs.create(u"j"_s, 10, std::nullopt).ok());
        const QJsonObject error = refusal(u"Línea 3: falta el teléfono."_s, u"Line 3: the phone is missing."_s);
        ImportJobRecord failed = jobs.find(u"j"_s)->value();
        failed.state = ImportJobRecord::State::Failed;
        failed.errorByLanguage = error;
        failed.rowsDone = 2;   // how far validation got before the refusal
        failed.bytesRead = 8;
        QVERIFY(jobs.end(failed).ok());
        const auto found = jobs.find(u"j"_s);
        QCOMPARE(found->value().state, ImportJobRecord::State::Failed);
        QCOMPARE(found->value().errorByLanguage, error);
        QCOMPARE(found->value().rowsDone, 2);
        QCOMPARE(found->value().bytesRead, 8);
        QVERIFY(!found->value().summary);
        QVERIFY(!found->value().createdBy);
    }

    void failAbandoned_failsOnlyTheJobsNobodyUpdated_data() { test::addBackendRows(); }
    void failAbandoned_failsOnlyTheJobsNobodyUpdated()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        ImportJobRepository jobs(scratch.db(), clock);
        QVERIFY(jobs.create(u"old"_s, 10, std::nullopt).ok());
        QVERIFY(jobs.create(u"done"_s, 10, std::nullopt).ok());
        ImportJobRecord done = jobs.find(u"done"_s)->value();
        done.state = ImportJobRecord::State::Finished;
        done.summary = ImportSummary {};
        QVERIFY(jobs.end(done).ok());
        clock.advance(90'000);
        QVERIFY(jobs.create(u"fresh"_s, 10, std::nullopt).ok());
        const QJsonObject gone = refusal(u"El servidor se fue."_s, u"The server went away."_s);
        auto n = jobs.failAbandoned(60'000, gone);
        QVERIFY(n.ok());
        QCOMPARE(n.value(), 1);
        QCOMPARE(jobs.find(u"old"_s)->value().state, ImportJobRecord::State::Failed);
        QCOMPARE(jobs.find(u"old"_s)->value().errorByLanguage, gone);
        QCOMPARE(jobs.find(u"fresh"_s)->value().state, ImportJobRecord::State::Running);
        QCOMPARE(jobs.find(u"done"_s)->value().state, ImportJobRecord::State::Finished);
        // 0: every running job (a SQLite server starting: none of them can still be running).
        n = jobs.failAbandoned(0, gone);
        QCOMPARE(n.value(), 1);
        QCOMPARE(jobs.find(u"fresh"_s)->value().state, ImportJobRecord::State::Failed);
        QCOMPARE(jobs.failAbandoned(0, gone).value(), 0);
    }
};

QTEST_GUILESS_MAIN(TestImportJobRepository)
#include "tst_importjobrepository.moc"
