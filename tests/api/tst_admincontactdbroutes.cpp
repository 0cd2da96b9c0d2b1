#include <core/api/admincontactdbroutes.h>
#include <core/contacts/contactrepository.h>
#include <core/contacts/importjobrepository.h>
#include <core/http/apirouter.h>
#include <core/store/database.h>
#include <tests/support/server/apiserver.h>
#include <tests/support/server/world.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

QByteArray multipart(const QByteArray &boundary, const QList<std::tuple<QByteArray, QByteArray, QByteArray>> &parts)
{
    QByteArray body;
    for (const auto &[name, fileName, data] : parts) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"";
        if (!fileName.isEmpty())
            body += "; filename=\"" + fileName + "\"\r\nContent-Type: text/csv";
        body += "\r\n\r\n" + data + "\r\n";
    }
    body += "--" + boundary + "--\r\n";
    return body;
}

}   // namespace

class TestAdminContactDbRoutes final : public QObject
{
    Q_OBJECT

private:
    static QJsonObject waitForJob(test::ApiServer &f, const QString &token, const QString &job, int timeoutMs = 5000)
    {
        QJsonObject state;
        const auto poll = [&] {
            state
                = f.send("GET", u"/api/v1/contact_imports/%1/"_s.arg(job), {}, token).json().value(u"job"_s).toObject();
            return state.value(u"state"_s).toString() != u"running"_s;
        };
        // Its state when it ended, or the last one read (running) when it did not in time.
        Q_UNUSED(QTest::qWaitFor(poll, timeoutMs));
        return state;
    }

private Q_SLOTS:
    void upload_importsCsvAndReportsProgress_data() { test::addBackendRows(); }
    void upload_importsCsvAndReportsProgress()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const QString admin = f.tokenFor(test::addUser(f.database(), f.clock(), u"admin"_s, Role::Admin));
        const QByteArray csv = "telefono,nombre,id_cliente\n111,Ana,77\n222,Beto,78\n333,Carla,\n444,Dario,\n";
        const QByteArray body = multipart("XyZ",
                                          { { "filename", "clientes.csv", csv },
                                            { "nombre", {}, "Clientes" },
                                            { "campos_telefono", {}, "telefono" },
                                            { "id_externo", {}, "id_cliente" } });
        const auto r
            = f.sendRaw("POST", u"/api/v1/crear_base_contactos/"_s, body, "multipart/form-data; boundary=XyZ", admin);
        QVERIFY2(r.status == 202, r.body.constData());
        const QJsonObject job = waitForJob(f, admin, r.json().value(u"job"_s).toString());
        QCOMPARE(job.value(u"state"_s).toString(), u"finished"_s);
        QCOMPARE(job.value(u"rows_imported"_s).toInt(), 4);
        QCOMPARE(job.value(u"bytes_read"_s).toInteger(), qint64(csv.size()));
        const qint64 database = job.value(u"database_id"_s).toInteger();
        const QJsonObject d = f.send("GET", u"/api/v1/contact_databases/%1/"_s.arg(database), {}, admin)
                                  .json()
                                  .value(u"contactDatabase"_s)
                                  .toObject();
        QCOMPARE(d.value(u"nombre"_s).toString(), u"Clientes"_s);
        QCOMPARE(d.value(u"id_externo"_s).toString(), u"id_cliente"_s);
        QCOMPARE(d.value(u"contactos"_s).toInt(), 4);
        QCOMPARE(f.send("GET", u"/api/v1/contact_databases/"_s, {}, admin)
                     .json()
                     .value(u"contactDatabases"_s)
                     .toArray()
                     .size(),
                 1);
    }

    // Jobs are stored: once one ends, its row answers (on this server and on any other).
    void upload_outcomeIsStored_data() { test::addBackendRows(); }
    void upload_outcomeIsStored()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const QString admin = f.tokenFor(test::addUser(f.database(), f.clock(), u"admin"_s, Role::Admin));
        const QByteArray good = multipart("XyZ",
                                          { { "filename", "a.csv", "telefono,id\n111,A\n222,B\n" },
                                            { "nombre", {}, "Stored" },
                                            { "campos_telefono", {}, "telefono" },
                                            { "id_externo", {}, "id" } });
        auto r
            = f.sendRaw("POST", u"/api/v1/crear_base_contactos/"_s, good, "multipart/form-data; boundary=XyZ", admin);
        QCOMPARE(r.status, 202);
        const QString id = r.json().value(u"job"_s).toString();
        QCOMPARE(waitForJob(f, admin, id).value(u"state"_s).toString(), u"finished"_s);
        ImportJobRepository jobs(f.database(), f.clock());
        auto row = jobs.find(id);
        QVERIFY(row.ok() && row->has_value());
        QCOMPARE(row->value().state, ImportJobRecord::State::Finished);
        QCOMPARE(row->value().summary->rowsImported, 2);
        QVERIFY(row->value().createdBy.has_value());

        // A refused file: its row keeps the refusal in every language, and answers in the caller's.
        const QByteArray bad = multipart("XyZ",
                                         { { "filename", "b.csv", "telefono,id\n111,A\n222,A\n" },
                                           { "nombre", {}, "Bad" },
                                           { "campos_telefono", {}, "telefono" },
                                           { "id_externo", {}, "id" } });
        r = f.sendRaw("POST", u"/api/v1/crear_base_contactos/"_s, bad, "multipart/form-data; boundary=XyZ", admin);
        const QString badId = r.json().value(u"job"_s).toString();
        QCOMPARE(waitForJob(f, admin, badId).value(u"state"_s).toString(), u"failed"_s);
        row = jobs.find(badId);
        QCOMPARE(row->value().state, ImportJobRecord::State::Failed);
        QCOMPARE(row->value().errorByLanguage.keys(), QStringList({ u"en"_s, u"es"_s, u"pt_BR"_s }));
        const auto spanish = f.sendRaw("GET", u"/api/v1/contact_imports/%1/"_s.arg(badId), {}, {}, admin,
                                       { { "Accept-Language", "es" } });
        const QJsonObject job = spanish.json().value(u"job"_s).toObject();
        QCOMPARE(job.value(u"message"_s).toString(), u"El archivo fue rechazado; no se importó nada."_s);
        QVERIFY2(
            job.value(u"errors"_s).toObject().value(u"line 3"_s).toArray().first().toString().contains(u"repetido"_s),
            spanish.body.constData());
    }

    // A job another server runs: answered from its row; past a minute without news its server is
    // taken for gone.
    void job_ofAnotherServer_isAnsweredFromItsRow_untilItIsAbandoned_data() { test::addBackendRows(); }
    void job_ofAnotherServer_isAnsweredFromItsRow_untilItIsAbandoned()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const QString admin = f.tokenFor(test::addUser(f.database(), f.clock(), u"admin"_s, Role::Admin));
        ImportJobRepository jobs(f.database(), f.clock());
        QVERIFY(jobs.create(u"elsewhere"_s, 9000, std::nullopt).ok());
        f.clock().advance(20'000);
        QVERIFY(jobs.saveProgress(u"elsewhere"_s, ContactImporter::Writing, 300, 4500, 9000).ok());
        f.clock().advance(40'000);
        QJsonObject job
            = f.send("GET", u"/api/v1/contact_imports/elsewhere/"_s, {}, admin).json().value(u"job"_s).toObject();
        QCOMPARE(job.value(u"state"_s).toString(), u"running"_s);
        QCOMPARE(job.value(u"phase"_s).toString(), u"writing"_s);
        QCOMPARE(job.value(u"rows"_s).toInt(), 300);
        QCOMPARE(job.value(u"bytes_read"_s).toInt(), 4500);
        f.clock().advance(21'000);
        const auto r = f.sendRaw("GET", u"/api/v1/contact_imports/elsewhere/"_s, {}, {}, admin,
                                 { { "Accept-Language", "pt-BR" } });
        job = r.json().value(u"job"_s).toObject();
        QCOMPARE(job.value(u"state"_s).toString(), u"failed"_s);
        QVERIFY2(job.value(u"message"_s).toString().startsWith(u"A importação parou antes de terminar"_s),
                 r.body.constData());
        QCOMPARE(jobs.find(u"elsewhere"_s)->value().state, ImportJobRecord::State::Failed);
        QCOMPARE(f.send("GET", u"/api/v1/contact_imports/nowhere/"_s, {}, admin).status, 404);
    }

    // A SQLite database has one server: when it starts, a job its row shows running was cut off by
    // the last stop. On PostgreSQL another server may be running it, so it is left alone.
    void start_onSqlite_failsTheJobsTheLastStopCutOff_data() { test::addBackendRows(); }
    void start_onSqlite_failsTheJobsTheLastStopCutOff()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        ImportJobRepository jobs(f.database(), f.clock());
        QVERIFY(jobs.create(u"cut-off"_s, 100, std::nullopt).ok());
        // What a cut-off import had written in steps, and one another process is writing now.
        ContactRepository contacts(f.database(), f.clock());
        ContactDatabase d;
        d.columns = { u"telefono"_s };
        d.phoneColumns = { u"telefono"_s };
        d.name = u"half"_s;
        const auto half = contacts.createDatabaseForImport(d);
        f.clock().advance(61'000);
        d.name = u"busy"_s;
        const auto busy = contacts.createDatabaseForImport(d);
        QVERIFY(half.ok() && busy.ok());
        ApiRouter restarted;   // the routes of a server starting on the same database
        registerAdminContactDbRoutes(restarted, f.server().services());
        QCOMPARE(f.database()->scalar(u"SELECT COUNT(*) FROM contact_databases WHERE name = 'half'"_s)->toInt(), 0);
        QCOMPARE(f.database()->scalar(u"SELECT COUNT(*) FROM contact_databases WHERE name = 'busy'"_s)->toInt(), 1);
        const auto row = jobs.find(u"cut-off"_s);
        if (f.database()->dialect() == SqlDialect::Sqlite) {
            QCOMPARE(row->value().state, ImportJobRecord::State::Failed);
            QVERIFY(row->value()
                        .errorByLanguage.value(u"es"_s)
                        .toObject()
                        .value(u"message"_s)
                        .toString()
                        .startsWith(u"La importación se detuvo"_s));
        } else {
            QCOMPARE(row->value().state, ImportJobRecord::State::Running);
        }
    }

    // A real contact list is megabytes: past the 1 MiB body limit the upload goes to a file as it
    // arrives, and the importer reads the CSV part in place.
    void upload_largerThanTheBodyLimit_isImportedWhole_data() { test::addBackendRows(); }
    void upload_largerThanTheBodyLimit_isImportedWhole()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const QString admin = f.tokenFor(test::addUser(f.database(), f.clock(), u"admin"_s, Role::Admin));
        QByteArray csv = "telefono,nombre,direccion,id_cliente\n";
        const int rows = 30000;
        for (int i = 0; i < rows; ++i)
            csv += "55" + QByteArray::number(10000000 + i) + ",Cliente número " + QByteArray::number(i) + ",\"Calle "
                + QByteArray::number(i) + ", piso 3, departamento B, Ciudad Autónoma\",C" + QByteArray::number(i)
                + "\n";
        QVERIFY(csv.size() > 2 * 1024 * 1024);
        // The CSV part first, the form fields after it.
        const QByteArray body = multipart("----enlace7MA4YWxk",
                                          { { "filename", "clientes.csv", csv },
                                            { "nombre", {}, "Grande" },
                                            { "campos_telefono", {}, "telefono" },
                                            { "id_externo", {}, "id_cliente" } });
        const auto r = f.sendRaw("POST", u"/api/v1/crear_base_contactos/"_s, body,
                                 "multipart/form-data; boundary=----enlace7MA4YWxk", admin);
        QVERIFY2(r.status == 202, qPrintable(QString::number(r.status) + u' ' + QString::fromUtf8(r.body)));
        const QJsonObject job = waitForJob(f, admin, r.json().value(u"job"_s).toString(), 60000);
        QVERIFY2(job.value(u"state"_s).toString() == u"finished"_s, QJsonDocument(job).toJson().constData());
        QCOMPARE(job.value(u"rows_imported"_s).toInt(), rows);
        QCOMPARE(job.value(u"bytes_read"_s).toInteger(), qint64(csv.size()));
        QCOMPARE(job.value(u"total_bytes"_s).toInteger(), qint64(csv.size()));
        // The first and the last rows whole: nothing of the multipart framing leaked into them.
        const qint64 database = job.value(u"database_id"_s).toInteger();
        for (const int i : { 0, rows - 1 }) {
            auto values
                = f.database()->scalar(u"SELECT values_json FROM contacts WHERE database_id = ? AND external_id = ?"_s,
                                       { database, u"C%1"_s.arg(i) });
            QVERIFY(values.ok());
            const QJsonArray row = QJsonDocument::fromJson(values->toString().toUtf8()).array();
            QCOMPARE(row.size(), 4);
            QCOMPARE(row.at(0).toString(), u"55%1"_s.arg(10000000 + i));
            QCOMPARE(row.at(1).toString(), u"Cliente número %1"_s.arg(i));
            QCOMPARE(row.at(2).toString(), u"Calle %1, piso 3, departamento B, Ciudad Autónoma"_s.arg(i));
            QCOMPARE(row.at(3).toString(), u"C%1"_s.arg(i));
        }
    }

    void upload_largeButMalformed_is400AndStoresNothing_data() { test::addBackendRows(); }
    void upload_largeButMalformed_is400AndStoresNothing()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const QString admin = f.tokenFor(test::addUser(f.database(), f.clock(), u"admin"_s, Role::Admin));
        // No closing delimiter: the body is cut short.
        QByteArray body = multipart(
            "B", { { "filename", "c.csv", "telefono\n" + QByteArray(2 * 1024 * 1024, '5') }, { "nombre", {}, "x" } });
        body.chop(12);
        auto r = f.sendRaw("POST", u"/api/v1/crear_base_contactos/"_s, body, "multipart/form-data; boundary=B", admin);
        QCOMPARE(r.status, 400);
        // Form fields missing: named, as for a small upload.
        body = multipart("B", { { "filename", "c.csv", "telefono\n" + QByteArray(2 * 1024 * 1024, '5') } });
        r = f.sendRaw("POST", u"/api/v1/crear_base_contactos/"_s, body, "multipart/form-data; boundary=B", admin);
        QCOMPARE(r.status, 400);
        QVERIFY2(r.json().value(u"errors"_s).toObject().contains(u"nombre"_s), r.body.constData());
        QCOMPARE(f.send("GET", u"/api/v1/contact_databases/"_s, {}, admin)
                     .json()
                     .value(u"contactDatabases"_s)
                     .toArray()
                     .size(),
                 0);
    }

    // Reference §7 item 63: repeated external ids reject the whole file.
    void upload_duplicateExternalIds_rejectsWholeFile_data() { test::addBackendRows(); }
    void upload_duplicateExternalIds_rejectsWholeFile()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const QString admin = f.tokenFor(test::addUser(f.database(), f.clock(), u"admin"_s, Role::Admin));
        const QByteArray csv = "telefono,id_cliente\n1,10\n2,77\n3,\n4,\n5,77\n";
        const QByteArray body = multipart("b0undary",
                                          { { "nombre", {}, "Dup" },
                                            { "campos_telefono", {}, "telefono" },
                                            { "id_externo", {}, "id_cliente" },
                                            { "filename", "dup.csv", csv } });
        const auto r = f.sendRaw("POST", u"/api/v1/crear_base_contactos/"_s, body,
                                 "multipart/form-data; boundary=b0undary", admin);
        QCOMPARE(r.status, 202);
        const QJsonObject job = waitForJob(f, admin, r.json().value(u"job"_s).toString());
        QCOMPARE(job.value(u"state"_s).toString(), u"failed"_s);
        const QString errors = QString::fromUtf8(QJsonDocument(job.value(u"errors"_s).toObject()).toJson());
        // The message names the offending row by its content and the repeated id.
        QVERIFY2(errors.contains(u"5,77"_s) && errors.contains(u"repeated ID: 77"_s), qPrintable(errors));
        QCOMPARE(test::count(f.database(), u"contacts"_s), 0);
        QCOMPARE(test::count(f.database(), u"contact_databases"_s), 0);
    }

    // Each upload is imported on a thread of its own; a later thread may get an ended thread's id.
    // Uploads in a row, failed ones among them, each end as they should, and the store stays
    // writable after every one (it once stayed locked for good after the second).
    void upload_manyInARow_eachEndsAndTheStoreStaysWritable_data() { test::addBackendRows(); }
    void upload_manyInARow_eachEndsAndTheStoreStaysWritable()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const qint64 adminId = test::addUser(f.database(), f.clock(), u"admin"_s, Role::Admin);
        QString admin = f.tokenFor(adminId);
        int finished = 0;
        for (int i = 0; i < 6; ++i) {
            const bool good = i % 3 != 1;
            const QByteArray csv = good
                ? "telefono,id_cliente\n1," + QByteArray::number(i) + "\n2,x" + QByteArray::number(i) + "\n"
                : QByteArray("telefono,id_cliente\n1,7\n2,7\n");
            const QByteArray body = multipart("b",
                                              { { "nombre", {}, "Base " + QByteArray::number(i) },
                                                { "campos_telefono", {}, "telefono" },
                                                { "id_externo", {}, "id_cliente" },
                                                { "filename", "c.csv", csv } });
            const auto r
                = f.sendRaw("POST", u"/api/v1/crear_base_contactos/"_s, body, "multipart/form-data; boundary=b", admin);
            QVERIFY2(r.status == 202, r.body.constData());
            const QJsonObject job = waitForJob(f, admin, r.json().value(u"job"_s).toString(), 15000);
            const QString errors = QString::fromUtf8(QJsonDocument(job.value(u"errors"_s).toObject()).toJson());
            QVERIFY2(job.value(u"state"_s).toString() == (good ? u"finished"_s : u"failed"_s),
                     qPrintable(u"upload %1: %2 %3"_s.arg(i).arg(job.value(u"state"_s).toString(), errors)));
            if (!good)
                QVERIFY2(errors.contains(u"repeated ID: 7"_s), qPrintable(errors));
            finished += good ? 1 : 0;
            // A write on the server's thread right after (a new token) and a read with it.
            admin = f.tokenFor(adminId);
            QVERIFY(!admin.isEmpty());
            const auto list = f.send("GET", u"/api/v1/contact_databases/"_s, {}, admin);
            QVERIFY2(list.status == 200, list.body.constData());
            QCOMPARE(list.json().value(u"contactDatabases"_s).toArray().size(), finished);
        }
    }

    void upload_badRequests_are400_data() { test::addBackendRows(); }
    void upload_badRequests_are400()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const QString admin = f.tokenFor(test::addUser(f.database(), f.clock(), u"admin"_s, Role::Admin));
        auto r = f.send("POST", u"/api/v1/crear_base_contactos/"_s, QJsonObject { { u"nombre"_s, u"x"_s } }, admin);
        QCOMPARE(r.status, 400);
        r = f.sendRaw("POST", u"/api/v1/crear_base_contactos/"_s, multipart("B", { { "nombre", {}, "x" } }),
                      "multipart/form-data; boundary=B", admin);
        QCOMPARE(r.status, 400);
        QVERIFY(r.json().value(u"errors"_s).toObject().contains(u"filename"_s));
        QVERIFY(r.json().value(u"errors"_s).toObject().contains(u"campos_telefono"_s));
        r = f.sendRaw("POST", u"/api/v1/crear_base_contactos/"_s, "--B\r\ngarbage", "multipart/form-data; boundary=B",
                      admin);
        QCOMPARE(r.status, 400);
        QCOMPARE(f.send("GET", u"/api/v1/contact_imports/nope/"_s, {}, admin).status, 404);
        const QString agent = f.tokenFor(test::addAgent(f.database(), f.clock(), u"ana"_s, u"1001"_s).userId);
        QCOMPARE(f.sendRaw("POST", u"/api/v1/crear_base_contactos/"_s, multipart("B", { { "nombre", {}, "x" } }),
                           "multipart/form-data; boundary=B", agent)
                     .status,
                 403);
        QCOMPARE(test::count(f.database(), u"contact_databases"_s), 0);
    }

    void createDatabaseAndContact_followOmniLeads_data() { test::addBackendRows(); }
    void createDatabaseAndContact_followOmniLeads()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const QString admin = f.tokenFor(test::addUser(f.database(), f.clock(), u"admin"_s, Role::Admin));
        auto r = f.send("POST", u"/api/v1/contact_database/create/"_s,
                        QJsonObject { { u"name"_s, u"Manual"_s },
                                      { u"phone_fields"_s, QJsonArray { u"telefono"_s } },
                                      { u"data_fields"_s, QJsonArray { u"nombre"_s } },
                                      { u"external_id_field"_s, u"ext"_s } },
                        admin);
        QVERIFY2(r.status == 200, r.body.constData());
        const qint64 id = r.json().value(u"id"_s).toInteger();
        const QJsonObject d = f.send("GET", u"/api/v1/contact_databases/%1/"_s.arg(id), {}, admin)
                                  .json()
                                  .value(u"contactDatabase"_s)
                                  .toObject();
        // The external-id column comes last.
        QCOMPARE(d.value(u"columnas"_s).toArray(), (QJsonArray { u"telefono"_s, u"nombre"_s, u"ext"_s }));
        r = f.send("POST", u"/api/v1/contact_database/create/"_s,
                   QJsonObject { { u"name"_s, u"Rep"_s },
                                 { u"phone_fields"_s, QJsonArray { u"a"_s } },
                                 { u"data_fields"_s, QJsonArray { u"a"_s } } },
                   admin);
        QCOMPARE(r.status, 400);
        const QString path = u"/api/v1/contact_database/%1/contact/"_s.arg(id);
        QCOMPARE(f.send("POST", path, QJsonObject { { u"telefono"_s, u"1"_s }, { u"ext"_s, u"E1"_s } }, admin).status,
                 200);
        r = f.send("POST", path, QJsonObject { { u"telefono"_s, u"2"_s }, { u"ext"_s, u"E1"_s } }, admin);
        QCOMPARE(r.status, 400);
        QVERIFY(r.json().value(u"errors"_s).toObject().contains(u"ext"_s));
        QCOMPARE(f.send("POST", u"/api/v1/contact_database/999999/contact/"_s,
                        QJsonObject { { u"telefono"_s, u"1"_s } }, admin)
                     .status,
                 404);
        QCOMPARE(test::count(f.database(), u"contacts"_s), 1);
    }
};

QTEST_GUILESS_MAIN(TestAdminContactDbRoutes)
#include "tst_admincontactdbroutes.moc"
