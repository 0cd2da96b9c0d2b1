#include <core/contacts/contactimportjobs.h>
#include <core/contacts/contactrepository.h>
#include <core/model/clock.h>
#include <core/model/logvalue.h>
#include <core/model/message.h>
#include <core/model/messagecatalog.h>
#include <core/model/validationerrors.h>
#include <core/store/database.h>

#include <QFile>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUuid>

#include <functional>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcImports, "enlace.imports", QtInfoMsg)

namespace enlace {

namespace {

// Rendered in every shipped language (English when there is no catalog).
QJsonObject inEveryLanguage(const MessageCatalog *catalog,
                            const std::function<QJsonObject(const QString &language)> &render)
{
    QJsonObject out;
    for (const QString &language : catalog ? catalog->languages() : QStringList { u"en"_s })
        out.insert(language, render(language));
    return out;
}

}   // namespace

ContactImportJobs::ContactImportJobs(std::shared_ptr<Database> db, const Clock &clock, const MessageCatalog &catalog,
                                     QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_clock(clock)
    , m_catalog(catalog)
{
    m_heartbeat.setInterval(10'000);
    connect(&m_heartbeat, &QTimer::timeout, this, &ContactImportJobs::writeProgress);
}

ContactImportJobs::~ContactImportJobs() = default;

const Clock &ContactImportJobs::clock() const
{
    return m_clock;
}

QJsonObject ContactImportJobs::errorInEveryLanguage(const Error &error) const
{
    // A refused file's error names its lines in `errors` and has no message of its own: say what
    // happened rather than show its code.
    const Message rejected
        = Message::make("Contacts", QT_TRANSLATE_NOOP("Contacts", "The file was rejected; nothing was imported."));
    const MessageCatalog *catalog = &m_catalog;
    return inEveryLanguage(catalog, [&](const QString &language) {
        const QString message = error.message.isNull() && !error.fields.isEmpty() ? rejected.text(catalog, language)
                                                                                  : error.text(catalog, language);
        return QJsonObject { { u"message"_s, message }, { u"errors"_s, error.fields.toJson(catalog, language) } };
    });
}

QJsonObject ContactImportJobs::abandonedInEveryLanguage() const
{
    const Message abandoned
        = Message::make("Api",
                        QT_TRANSLATE_NOOP("Api",
                                          "The import stopped before it ended: the server running it went away. "
                                          "Nothing was imported; upload the file again."));
    const MessageCatalog *catalog = &m_catalog;
    return inEveryLanguage(catalog, [&](const QString &language) {
        return QJsonObject { { u"message"_s, abandoned.text(catalog, language) }, { u"errors"_s, QJsonObject() } };
    });
}

void ContactImportJobs::sweepAtStart()
{
    // A SQLite database has one server: a job its row shows running was cut off when that server
    // stopped. (On PostgreSQL other servers may be running theirs: find() judges by kAbandonedMs.)
    if (m_db->dialect() == SqlDialect::Sqlite) {
        if (auto n = ImportJobRepository(m_db, clock()).failAbandoned(0, abandonedInEveryLanguage());
            n && n.value() > 0)
            qCInfo(lcImports).noquote() << u"%1 import job(s) cut off by the last stop marked failed"_s.arg(n.value());
    }
    // What a stopped importer had written of a new database in steps (still hidden) goes, once it
    // has taken no step for kAbandonedMs (another process may be importing right now).
    if (auto n = ContactRepository(m_db, clock()).removeAbandonedImports(kAbandonedMs); !n)
        qCWarning(lcImports).noquote() << u"unfinished imports not removed: detail=%1"_s.arg(
            LogValue::quoted(n.error().detail));
    else if (n.value() > 0)
        qCInfo(lcImports).noquote() << u"removed %1 contact database(s) whose import was cut off"_s.arg(n.value());
}

Result<QString> ContactImportJobs::start(const ContactImportOptions &options, std::shared_ptr<QFile> file,
                                         std::optional<qint64> createdBy)
{
    auto job = std::make_shared<Job>();
    job->record.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    job->record.totalBytes = options.fileLength >= 0 ? options.fileLength : (file ? file->size() : 0);
    job->file = std::move(file);
    if (auto created = ImportJobRepository(m_db, clock()).create(job->record.id, job->record.totalBytes, createdBy);
        !created)
        return created.error();
    auto *importer = new ContactImporter(m_db, clock(), this);   // a stopping server cancels it
    job->importer = importer;
    const QString id = job->record.id;
    // The importer works on its own thread; its signals arrive here, on this board's thread.
    connect(importer, &ContactImporter::importProgressed, this,
            [this, id](qint64 rows, qint64 bytes, qint64 total, int phase) {
                if (const auto j = m_running.value(id)) {
                    j->record.rowsDone = rows;
                    j->record.bytesRead = bytes;
                    j->record.totalBytes = total;
                    j->record.phase = phase;
                }
            });
    connect(importer, &ContactImporter::importFinished, this, [this, id](bool) { finish(id); });
    m_running.insert(id, job);
    if (m_db->dialect() == SqlDialect::Postgres && !m_heartbeat.isActive())
        m_heartbeat.start();
    importer->start(options);
    return id;
}

void ContactImportJobs::finish(const QString &id)
{
    const auto j = m_running.value(id);
    if (!j)
        return;
    ContactImporter *importer = j->importer;
    const auto result = importer ? importer->result() : std::nullopt;
    if (result && result->ok()) {
        j->record.state = ImportJobRecord::State::Finished;
        j->record.summary = result->value();
        j->record.phase = ContactImporter::Writing;
        j->record.rowsDone = j->record.summary->rowsImported;
        j->record.bytesRead = j->record.summary->bytesRead;
    } else {
        j->record.state = ImportJobRecord::State::Failed;
        j->record.errorByLanguage
            = errorInEveryLanguage(result ? result->error() : Error::internal(u"api.import"_s, u"no result"_s));
    }
    j->file.reset();
    if (importer)
        importer->deleteLater();
    if (auto ended = ImportJobRepository(m_db, clock()).end(j->record); ended) {
        m_running.remove(id);   // its row answers from now on, on every server
    } else {
        // Kept here so this server still answers for it; the row shows it running until readers
        // take it for abandoned.
        qCWarning(lcImports).noquote() << u"import job ended but its row was not updated: job=%1 detail=%2"_s.arg(
            LogValue::quoted(id), LogValue::quoted(ended.error().detail));
    }
    if (m_running.isEmpty())
        m_heartbeat.stop();
    Q_EMIT jobEnded(id);
}

void ContactImportJobs::writeProgress()
{
    ImportJobRepository rows(m_db, clock());
    for (const auto &job : std::as_const(m_running)) {
        const ImportJobRecord &r = job->record;
        if (r.state != ImportJobRecord::State::Running)
            continue;
        if (auto saved = rows.saveProgress(r.id, r.phase, r.rowsDone, r.bytesRead, r.totalBytes); !saved)
            qCWarning(lcImports).noquote() << u"import job progress not stored: job=%1 detail=%2"_s.arg(
                LogValue::quoted(r.id), LogValue::quoted(saved.error().detail));
    }
}

Result<std::optional<ImportJobRecord>> ContactImportJobs::find(const QString &id)
{
    if (const auto local = m_running.value(id))
        return std::optional<ImportJobRecord>(local->record);
    ImportJobRepository rows(m_db, clock());
    auto found = rows.find(id);
    if (!found || !found.value())
        return found;
    ImportJobRecord job = *found.value();
    if (job.state == ImportJobRecord::State::Running && clock().nowMs() - job.updatedAtMs > kAbandonedMs) {
        // Its server went away (a running one writes every heartbeat): say so, and store it.
        job.state = ImportJobRecord::State::Failed;
        job.errorByLanguage = abandonedInEveryLanguage();
        (void)rows.failAbandoned(kAbandonedMs, job.errorByLanguage);
    }
    return std::optional<ImportJobRecord>(job);
}

}   // namespace enlace
