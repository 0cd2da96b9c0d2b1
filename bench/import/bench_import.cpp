// Imports one CSV file into a new contact database with ContactImporter, as the server would,
// and prints one line of figures: rows, wall time of each phase, rows/s.
//   bench_import --database URL --name NAME --phone-columns a,b --external-id-column c FILE
#include <core/contacts/contactimporter.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace enlace;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption database(u"database"_s, u"store url"_s, u"url"_s);
    const QCommandLineOption name(u"name"_s, u"database name"_s, u"name"_s, u"bench"_s);
    const QCommandLineOption phones(u"phone-columns"_s, u"phone columns"_s, u"columns"_s);
    const QCommandLineOption external(u"external-id-column"_s, u"external id column"_s, u"column"_s);
    const QCommandLineOption batch(u"batch"_s, u"rows per INSERT"_s, u"rows"_s, u"500"_s);
    const QCommandLineOption step(u"rows-per-step"_s,
                                  u"SQLite, new database: rows per transaction (0: one transaction)"_s, u"rows"_s,
                                  u"20000"_s);
    parser.addOptions({ database, name, phones, external, batch, step });
    parser.addPositionalArgument(u"file"_s, u"CSV file"_s);
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(1);

    auto db = Database::open(parser.value(database));
    if (!db) {
        std::fprintf(stderr, "open: %s\n", qPrintable(db.error().text()));
        return 3;
    }
    ContactImporter importer(db.value());
    importer.setBatchSize(parser.value(batch).toInt());
    importer.setRowsPerStep(parser.value(step).toInt());
    QElapsedTimer timer;
    qint64 validatedAtMs = 0;
    QObject::connect(&importer, &ContactImporter::importProgressed, &importer, [&](qint64, qint64, qint64, int phase) {
        if (phase == ContactImporter::Writing && validatedAtMs == 0)
            validatedAtMs = timer.elapsed();
    });
    ContactImportOptions options;
    options.filePath = parser.positionalArguments().constFirst();
    options.databaseName = parser.value(name);
    options.phoneColumns = parser.value(phones).split(u',', Qt::SkipEmptyParts);
    options.externalIdColumn = parser.value(external);
    timer.start();
    auto result = importer.importFile(options);
    const qint64 totalMs = timer.elapsed();
    if (!result) {
        std::fprintf(stderr, "import failed: %s\n", qPrintable(result.error().text()));
        for (const auto &e : result.error().fields.entries())
            std::fprintf(stderr, "  %s: %s\n", qPrintable(e.field), qPrintable(e.message.text()));
        return 2;
    }
    std::printf("rows=%lld total_ms=%lld validate_ms=%lld write_ms=%lld rows_per_s=%.0f\n",
                qlonglong(result->rowsImported), qlonglong(totalMs), qlonglong(validatedAtMs),
                qlonglong(totalMs - validatedAtMs),
                double(result->rowsImported) * 1000.0 / double(qMax<qint64>(1, totalMs)));
    return 0;
}
