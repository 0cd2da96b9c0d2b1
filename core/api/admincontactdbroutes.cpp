#include <core/api/admincontactdbroutes.h>
#include <core/api/answers.h>
#include <core/contacts/contactimporter.h>
#include <core/contacts/contactimportjobs.h>
#include <core/contacts/contactrepository.h>
#include <core/http/apirouter.h>
#include <core/model/validationerrors.h>

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryFile>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

QJsonObject databaseJson(const ContactDatabase &d)
{
    return QJsonObject { { u"id"_s, d.id },
                         { u"nombre"_s, d.name },
                         { u"columnas"_s, QJsonArray::fromStringList(d.columns) },
                         { u"campos_telefono"_s, QJsonArray::fromStringList(d.phoneColumns) },
                         { u"id_externo"_s, routes::textOrNull(d.externalIdColumn) },
                         { u"contactos"_s, d.contactCount } };
}

ApiResponse invalid(const ValidationErrors &errors, const ApiRequest &request, const ApiServices &s)
{
    return routes::adminInvalid(errors, request, s);
}

ApiResponse fail(const Error &error, const ApiRequest &request, const ApiServices &s)
{
    return routes::adminFail(error, request, s);
}

// One part of a multipart/form-data body: where its content lies in the body, and (when small,
// as a form field is) a copy of it.
struct Part
{
    QString name;
    QString fileName;
    qsizetype offset = 0;
    qsizetype length = 0;
    QByteArray data;   // the content, when it is at most kCopiedPartBytes
};
constexpr qsizetype kCopiedPartBytes = 64 * 1024;

// Up to n bytes of view from pos (fewer, or none, past its end).
QByteArrayView slice(QByteArrayView view, qsizetype pos, qsizetype n)
{
    pos = qBound<qsizetype>(0, pos, view.size());
    return view.sliced(pos, qBound<qsizetype>(0, n, view.size() - pos));
}

// body: the whole request body (in memory, or the upload's file mapped).
std::optional<QList<Part>> parseMultipart(const ApiRequest &request, QByteArrayView body)
{
    const QByteArray type = request.header("content-type");
    const qsizetype at = type.indexOf("boundary=");
    if (request.contentType() != "multipart/form-data" || at < 0)
        return std::nullopt;
    QByteArray boundary = type.mid(at + 9);
    if (const qsizetype semicolon = boundary.indexOf(';'); semicolon >= 0)
        boundary.truncate(semicolon);
    boundary = boundary.trimmed();
    if (boundary.startsWith('"') && boundary.endsWith('"') && boundary.size() >= 2)
        boundary = boundary.mid(1, boundary.size() - 2);
    if (boundary.isEmpty())
        return std::nullopt;
    const QByteArray delimiter = QByteArray("--" + boundary);
    const QByteArray separator = QByteArray("\r\n" + delimiter);
    QList<Part> parts;
    qsizetype pos = body.indexOf(delimiter);
    if (pos < 0)
        return std::nullopt;
    while (true) {
        pos += delimiter.size();
        if (slice(body, pos, 2) == "--")
            return parts;   // closing delimiter
        if (slice(body, pos, 2) != "\r\n")
            return std::nullopt;
        pos += 2;
        const qsizetype headersEnd = body.indexOf("\r\n\r\n", pos);
        if (headersEnd < 0)
            return std::nullopt;
        const qsizetype next = body.indexOf(separator, headersEnd + 4);
        if (next < 0)
            return std::nullopt;
        Part part;
        for (const QByteArray &line : slice(body, pos, headersEnd - pos).toByteArray().split('\n')) {
            const QByteArray l = line.trimmed();
            if (!l.toLower().startsWith("content-disposition:"))
                continue;
            for (const QByteArray &param : l.mid(20).split(';')) {
                const QByteArray p = param.trimmed();
                const auto value = [&p](qsizetype from) {
                    QByteArray v = p.mid(from).trimmed();
                    if (v.startsWith('"') && v.endsWith('"') && v.size() >= 2)
                        v = v.mid(1, v.size() - 2);
                    return QString::fromUtf8(v);
                };
                if (p.startsWith("name="))
                    part.name = value(5);
                else if (p.startsWith("filename="))
                    part.fileName = value(9);
            }
        }
        part.offset = headersEnd + 4;
        part.length = next - part.offset;
        if (part.length <= kCopiedPartBytes)
            part.data = slice(body, part.offset, part.length).toByteArray();
        parts.append(part);
        pos = next + 2;
    }
}

QJsonObject jobJson(const ImportJobRecord &job, const ApiRequest &request)
{
    QJsonObject o { { u"id"_s, job.id },
                    { u"state"_s, ImportJobRecord::stateName(job.state) },
                    { u"phase"_s, job.phase == ContactImporter::Writing ? u"writing"_s : u"validating"_s },
                    { u"rows"_s, job.rowsDone },
                    { u"bytes_read"_s, job.bytesRead },
                    { u"total_bytes"_s, job.totalBytes } };
    if (job.summary) {
        o.insert(u"database_id"_s, job.summary->databaseId);
        o.insert(u"rows_imported"_s, job.summary->rowsImported);
        o.insert(u"created_database"_s, job.summary->createdDatabase);
    }
    if (job.state == ImportJobRecord::State::Failed) {
        QJsonObject error = job.errorByLanguage.value(request.language).toObject();
        if (error.isEmpty())
            error = job.errorByLanguage.value(u"en"_s).toObject();
        o.insert(u"message"_s, error.value(u"message"_s).toString());
        o.insert(u"errors"_s, error.value(u"errors"_s).toObject());
    }
    return o;
}

void answerJob(ApiServices &s, ContactImportJobs &board, const ApiRequest &r, ApiResponder respond)
{
    auto found = board.find(r.pathArgs.value(0));
    if (!found)
        return respond(fail(found.error(), r, s));
    if (!found.value())
        return respond(routes::notFound(r, s));
    respond(ApiResponse::json(200,
                              QJsonObject { { u"status"_s, u"SUCCESS"_s }, { u"job"_s, jobJson(*found.value(), r) } }));
}

QStringList commaList(const QString &text)
{
    QStringList out;
    for (const QString &piece : text.split(u',', Qt::SkipEmptyParts))
        if (!piece.trimmed().isEmpty())
            out.append(piece.trimmed());
    return out;
}

void handleUpload(ApiServices &s, ContactImportJobs &board, const ApiRequest &r, ApiResponder respond)
{
    // A large upload arrives as a file (ApiRequest::bodyFile): its parts are found in place, and the
    // importer reads the CSV part straight from it.
    QByteArrayView whole = r.body;
    uchar *mapped = nullptr;
    if (r.bodyFile && r.bodyFile->size() > 0) {
        mapped = r.bodyFile->map(0, r.bodyFile->size());
        if (!mapped)
            return respond(routes::fail(Error::internal(u"api.upload"_s, r.bodyFile->errorString()), r, s));
        whole = QByteArrayView(mapped, r.bodyFile->size());
    }
    const auto unmap = qScopeGuard([&] {
        if (mapped)
            r.bodyFile->unmap(mapped);
    });
    const auto parts = parseMultipart(r, whole);
    if (!parts)
        return respond(ApiResponse::error(
            400,
            routes::text(
                Message::make(
                    "Api", QT_TRANSLATE_NOOP("Api", "Send the file as multipart/form-data with a \"filename\" part.")),
                r, s)));
    QHash<QString, Part> byName;
    for (const Part &p : *parts)
        byName.insert(p.name, p);
    ValidationErrors errors;
    if (!byName.contains(u"filename"_s))
        errors.add(u"filename"_s, ApiJson::requiredMessage());
    ContactImportOptions options;
    const QString existing = QString::fromUtf8(byName.value(u"base_datos"_s).data).trimmed();
    if (!existing.isEmpty()) {
        bool ok = false;
        options.intoExisting = true;
        options.existingDatabaseId = existing.toLongLong(&ok);
        if (!ok || options.existingDatabaseId <= 0)
            errors.add(u"base_datos"_s, ApiJson::integerMessage());
    } else {
        options.databaseName = QString::fromUtf8(byName.value(u"nombre"_s).data).trimmed();
        options.phoneColumns = commaList(QString::fromUtf8(byName.value(u"campos_telefono"_s).data));
        options.externalIdColumn = QString::fromUtf8(byName.value(u"id_externo"_s).data).trimmed();
        if (options.databaseName.isEmpty())
            errors.add(u"nombre"_s, ApiJson::requiredMessage());
        if (options.phoneColumns.isEmpty())
            errors.add(u"campos_telefono"_s, ApiJson::requiredMessage());
    }
    if (!errors.isEmpty())
        return respond(invalid(errors, r, s));
    const Part csv = byName.value(u"filename"_s);
    std::shared_ptr<QFile> file;
    if (r.bodyFile) {
        file = r.bodyFile;   // kept until the import ends
        options.fileOffset = csv.offset;
        options.fileLength = csv.length;
    } else {
        auto copy = std::make_shared<QTemporaryFile>();
        if (!copy->open() || copy->write(whole.data() + csv.offset, csv.length) < 0 || !copy->flush())
            return respond(routes::fail(Error::internal(u"api.upload"_s, copy->errorString()), r, s));
        file = std::move(copy);
    }
    options.filePath = file->fileName();
    auto id = board.start(options, std::move(file), r.caller ? std::optional<qint64>(r.caller->userId) : std::nullopt);
    if (!id)
        return respond(fail(id.error(), r, s));
    respond(ApiResponse::json(202,
                              QJsonObject { { u"status"_s, u"SUCCESS"_s },
                                            { u"job"_s, id.value() },
                                            { u"progress"_s, u"/api/v1/contact_imports/%1/"_s.arg(id.value()) } }));
}

}   // namespace

namespace {

void handleListContactDatabases(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    respond(routes::listed(u"contactDatabases"_s, ContactRepository(s.db).listDatabases(), databaseJson, r, s));
}

void handleGetContactDatabase(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    respond(routes::detail(
        r, s, u"contactDatabase"_s, [&s](qint64 id) { return ContactRepository(s.db).findDatabase(id); },
        databaseJson));
}

void handleCreateContactDatabase(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    auto json = routes::body(r, s, respond);
    if (!json)
        return;
    const auto names = [&](const QString &key, ApiJson::Need need) {
        QStringList out;
        const QJsonArray items = json->array(key, need).value_or(QJsonArray());
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (items.at(i).isString())
                out.append(items.at(i).toString().trimmed());
            else
                json->addError(u"%1[%2]"_s.arg(key).arg(i), ApiJson::stringMessage());
        }
        return out;
    };
    ContactDatabase d;
    d.name = json->string(u"name"_s, ApiJson::Need::Required, 128).value_or(QString()).trimmed();
    d.phoneColumns = names(u"phone_fields"_s, ApiJson::Need::Required);
    const QStringList data = names(u"data_fields"_s, ApiJson::Need::Optional);
    d.externalIdColumn
        = json->string(u"external_id_field"_s, ApiJson::Need::Optional, 128).value_or(QString()).trimmed();
    if (!json->ok())
        return respond(invalid(json->errors(), r, s));
    // As OMniLeads: phone columns, then data columns, the external-id column last.
    d.columns = d.phoneColumns + data;
    if (!d.externalIdColumn.isEmpty())
        d.columns.append(d.externalIdColumn);
    auto id = ContactRepository(s.db, *s.clock).createDatabase(d);
    if (!id)
        return respond(fail(id.error(), r, s));
    respond(routes::saved(Message::make("Api", QT_TRANSLATE_NOOP("Api", "Contact database created successfully")), r, s,
                          QJsonObject { { u"id"_s, id.value() } }));
}

void handlePostContactDatabaseContact(ApiServices &s, const ApiRequest &r, ApiResponder respond)
{
    const auto id = r.pathId(0);
    if (!id)
        return respond(routes::notFound(r, s));
    ContactRepository contacts(s.db, *s.clock);
    if (auto d = contacts.findDatabase(*id); !d)
        return respond(fail(d.error(), r, s));
    auto json = routes::body(r, s, respond);
    if (!json)
        return;
    QHash<QString, QString> values;
    for (auto it = json->object().constBegin(); it != json->object().constEnd(); ++it)
        if (auto v = json->string(it.key()))
            values.insert(it.key(), *v);
    if (!json->ok())
        return respond(invalid(json->errors(), r, s));
    auto contact = contacts.addContact(*id, values);
    if (!contact)
        return respond(fail(contact.error(), r, s));
    respond(routes::saved(Message::make("Api", QT_TRANSLATE_NOOP("Api", "Contact added")), r, s,
                          QJsonObject { { u"id"_s, contact.value() } }));
}

}   // namespace

void registerAdminContactDbRoutes(ApiRouter &router, ApiServices &services)
{
    ApiServices &s = services;
    // Held by the routes below, so it lives as long as they do.
    auto board = std::make_shared<ContactImportJobs>(s.db, *s.clock, *s.catalog);
    board->sweepAtStart();
    router.add("GET", u"/api/v1/contact_databases/"_s, Access::Admin, routes::bound(s, handleListContactDatabases));
    router.add("GET", u"/api/v1/contact_databases/<arg>/"_s, Access::Admin, routes::bound(s, handleGetContactDatabase));
    router.add("POST", u"/api/v1/contact_database/create/"_s, Access::Admin,
               routes::bound(s, handleCreateContactDatabase));
    router.add("POST", u"/api/v1/contact_database/<arg>/contact/"_s, Access::Admin,
               routes::bound(s, handlePostContactDatabaseContact));
    router.addUpload(
        "POST", u"/api/v1/crear_base_contactos/"_s, Access::Admin,
        [&s, board](const ApiRequest &r, ApiResponder respond) { handleUpload(s, *board, r, std::move(respond)); });
    router.add("GET", u"/api/v1/contact_imports/<arg>/"_s, Access::Admin,
               [&s, board](const ApiRequest &r, ApiResponder respond) { answerJob(s, *board, r, std::move(respond)); });
}

}   // namespace enlace
