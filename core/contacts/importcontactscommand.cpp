#include <core/contacts/contactimporter.h>
#include <core/contacts/importcontactscommand.h>
#include <core/model/messagecatalog.h>

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLocale>

#include <atomic>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

const char *const kContext = "Contacts";

std::atomic<ContactImporter *> g_interruptible { nullptr };

#ifdef Q_OS_UNIX
extern "C" void handleInterrupt(int)
{
    // Only an atomic store happens here (ContactImporter::cancel): async-signal-safe.
    if (ContactImporter *importer = g_interruptible.load())
        importer->cancel();
}
#endif

// SIGINT cancels the import for as long as this lives.
class InterruptGuard
{
public:
    explicit InterruptGuard(ContactImporter *importer)
    {
        g_interruptible.store(importer);
#ifdef Q_OS_UNIX
        struct sigaction action = {};
        action.sa_handler = handleInterrupt;
        sigemptyset(&action.sa_mask);
        m_installed = sigaction(SIGINT, &action, &m_previous) == 0;
#endif
    }
    ~InterruptGuard()
    {
#ifdef Q_OS_UNIX
        if (m_installed)
            sigaction(SIGINT, &m_previous, nullptr);
#endif
        g_interruptible.store(nullptr);
    }

private:
#ifdef Q_OS_UNIX
    struct sigaction m_previous = {};
    bool m_installed = false;
#endif
};

QString percent(qint64 part, qint64 total)
{
    return total > 0 ? QString::number(part * 100 / total) : u"100"_s;
}

}   // namespace

int ImportContactsCommand::run(const QStringList &args, QTextStream &out, QTextStream &err,
                               const std::function<void(ContactImporter &)> &onStart)
{
    MessageCatalog catalog;
    // The language is known before the options are described, so --help speaks it too.
    QString explicitLanguage;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == u"--language"_s && i + 1 < args.size())
            explicitLanguage = args.at(i + 1);
        else if (args.at(i).startsWith(u"--language="_s))
            explicitLanguage = args.at(i).mid(11);
    }
    const QString language = catalog.commandLineLanguage(explicitLanguage);
    const auto tr = [&](const char *source) { return catalog.translate(language, "Cli", source); };
    const QtCommandLineTranslation qtWords(language);   // "Usage:", "Options:", the parser's errors

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr(QT_TRANSLATE_NOOP("Cli", "Imports a CSV file of contacts into a contact database, all or nothing.")));
    const QCommandLineOption help({ u"h"_s, u"help"_s }, tr(QT_TRANSLATE_NOOP("Cli", "Shows this help.")));
    const QCommandLineOption databaseOption(
        u"database"_s, tr(QT_TRANSLATE_NOOP("Cli", "The store: a SQLite file or postgresql://user@host/db.")),
        u"url"_s);
    const QCommandLineOption nameOption(
        u"name"_s,
        tr(QT_TRANSLATE_NOOP("Cli", "Name of the contact database (new, or existing with --into-existing).")),
        tr(QT_TRANSLATE_NOOP("Cli", "name")));
    const QCommandLineOption phonesOption(
        u"phone-columns"_s,
        tr(QT_TRANSLATE_NOOP("Cli", "Phone columns, comma separated; the first is the main phone.")),
        tr(QT_TRANSLATE_NOOP("Cli", "columns")));
    const QCommandLineOption externalOption(
        u"external-id-column"_s, tr(QT_TRANSLATE_NOOP("Cli", "The column holding the contacts' external ids.")),
        tr(QT_TRANSLATE_NOOP("Cli", "column")));
    const QCommandLineOption existingOption(
        u"into-existing"_s, tr(QT_TRANSLATE_NOOP("Cli", "Add the contacts to the existing database --name.")));
    const QCommandLineOption languageOption(
        u"language"_s,
        tr(QT_TRANSLATE_NOOP("Cli",
                             "Language of the messages: es, en, pt_BR (default: ENLACE_LANGUAGE, else the system's).")),
        tr(QT_TRANSLATE_NOOP("Cli", "lang")));
    parser.addOptions(
        { help, databaseOption, nameOption, phonesOption, externalOption, existingOption, languageOption });
    parser.addPositionalArgument(
        tr(QT_TRANSLATE_NOOP("Cli", "file")),
        tr(QT_TRANSLATE_NOOP("Cli", "The CSV file (UTF-8; delimiter , ; or tab; first line = column names).")));
    const QString exitCodes
        = tr(QT_TRANSLATE_NOOP("Cli", "Exit codes: 0 imported, 1 usage, 2 file rejected, 3 store error, 4 cancelled."));

    auto usage = [&](const QString &problem) {
        if (!problem.isEmpty())
            err << problem << '\n';
        err << parser.helpText();
        err << exitCodes << '\n';
        err.flush();
        return int(Usage);
    };

    if (!parser.parse(QStringList { u"import-contacts"_s } + args))
        return usage(parser.errorText());
    if (parser.isSet(help)) {
        out << parser.helpText();
        out << exitCodes << '\n';
        out.flush();
        return Ok;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return usage(tr(QT_TRANSLATE_NOOP("Cli", "Exactly one FILE is expected.")));
    if (!parser.isSet(databaseOption) || parser.value(databaseOption).isEmpty())
        return usage(tr(QT_TRANSLATE_NOOP("Cli", "--database is required.")));
    if (parser.value(nameOption).isEmpty())
        return usage(tr(QT_TRANSLATE_NOOP("Cli", "--name is required.")));
    const bool intoExisting = parser.isSet(existingOption);
    if (!intoExisting && parser.value(phonesOption).isEmpty())
        return usage(tr(QT_TRANSLATE_NOOP("Cli", "--phone-columns is required for a new database.")));

    auto opened = Database::open(parser.value(databaseOption));
    if (!opened) {
        err << opened.error().text(&catalog, language) << '\n';
        err.flush();
        return StoreError;
    }

    ContactImportOptions options;
    options.filePath = files.constFirst();
    options.databaseName = parser.value(nameOption);
    options.intoExisting = intoExisting;
    for (const QString &p : parser.value(phonesOption).split(u',', Qt::SkipEmptyParts))
        options.phoneColumns.append(p.trimmed());
    options.externalIdColumn = parser.value(externalOption).trimmed();

    ContactImporter importer(opened.value());
    importer.setProgressIntervalMs(1000);
    QObject::connect(
        &importer, &ContactImporter::importProgressed, &importer,
        [&](qint64 rows, qint64 bytes, qint64 total, int phase) {
            const Message m = phase == ContactImporter::Validating
                ? Message::make(kContext, QT_TRANSLATE_NOOP("Contacts", "validating: %1% (%2 rows)"))
                : Message::make(kContext, QT_TRANSLATE_NOOP("Contacts", "writing: %1% (%2 rows)"));
            out << m.arg(percent(bytes, total)).arg(QString::number(rows)).text(&catalog, language) << '\n';
            out.flush();
        },
        Qt::DirectConnection);
    if (onStart)
        onStart(importer);

    Result<ImportSummary> result = [&] {
        InterruptGuard guard(&importer);
        return importer.importFile(options);
    }();

    if (result) {
        const ImportSummary &s = result.value();
        const Message done = Message::make(
            kContext,
            QT_TRANSLATE_NOOP("Contacts", "Imported %1 contacts into contact database \"%2\" (id %3) in %4 s."),
            { QString::number(s.rowsImported), s.databaseName, QString::number(s.databaseId),
              QString::number(double(s.elapsedMs) / 1000.0, 'f', 1) });
        out << done.text(&catalog, language) << '\n';
        out.flush();
        return Ok;
    }
    const Error &e = result.error();
    if (ContactImporter::isCancellation(e)) {
        err << e.text(&catalog, language) << '\n';
        err.flush();
        return Cancelled;
    }
    if (e.kind == Error::Kind::Invalid || e.kind == Error::Kind::NotFound) {
        const Message rejectedMessage
            = Message::make(kContext, QT_TRANSLATE_NOOP("Contacts", "The file was rejected; nothing was imported."));
        err << rejectedMessage.text(&catalog, language) << '\n';
        if (e.fields.isEmpty())
            err << e.text(&catalog, language) << '\n';
        for (const ValidationErrors::Entry &entry : e.fields.entries())
            err << entry.field << ": " << entry.message.text(&catalog, language) << '\n';
        err.flush();
        return Rejected;
    }
    err << e.text(&catalog, language) << '\n';
    err.flush();
    return StoreError;
}

}   // namespace enlace
