#include <core/contacts/contactrepository.h>
#include <core/model/messagecatalog.h>
#include <tests/support/fakeclock.h>
#include <tests/support/scratchdatabase.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

ContactDatabase sampleDatabase(const QString &name = u"Clientes"_s)
{
    ContactDatabase d;
    d.name = name;
    d.columns = { u"telefono"_s, u"nombre"_s, u"id_cliente"_s, u"celular"_s };
    d.phoneColumns = { u"telefono"_s, u"celular"_s };
    d.externalIdColumn = u"id_cliente"_s;
    return d;
}

QHash<QString, QString> values(const QString &phone, const QString &name, const QString &externalId)
{
    return { { u"telefono"_s, phone }, { u"nombre"_s, name }, { u"id_cliente"_s, externalId } };
}

}   // namespace

class TestContactRepository final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createDatabase_storesColumnsAndReadsThemBack_data() { test::addBackendRows(); }
    void createDatabase_storesColumnsAndReadsThemBack()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        ContactRepository repo(scratch.db(), clock);
        auto id = repo.createDatabase(sampleDatabase());
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().text()));
        auto d = repo.findDatabase(id.value());
        QVERIFY(d.ok());
        QCOMPARE(d->name, u"Clientes"_s);
        QCOMPARE(d->columns, sampleDatabase().columns);
        QCOMPARE(d->phoneColumns, sampleDatabase().phoneColumns);
        QCOMPARE(d->externalIdColumn, u"id_cliente"_s);
        QCOMPARE(d->contactCount, 0);
        QCOMPARE(repo.findDatabaseByName(u"Clientes"_s)->id, id.value());
        QCOMPARE(scratch.db()
                     ->scalar(u"SELECT created_at FROM contact_databases WHERE id = ?"_s, { id.value() })
                     ->toLongLong(),
                 clock.nowMs());
        QCOMPARE(repo.findDatabase(id.value() + 100).error().kind, Error::Kind::NotFound);
        QCOMPARE(repo.findDatabaseByName(u"nope"_s).error().kind, Error::Kind::NotFound);
    }

    void createDatabase_rejects_data()
    {
        test::addBackendColumn();
        QTest::addColumn<QStringList>("columns");
        QTest::addColumn<QStringList>("phones");
        QTest::addColumn<QString>("externalId");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("spanish");
        const QStringList cols { u"telefono"_s, u"nombre"_s, u"dni"_s };
        struct Row
        {
            const char *name;
            QStringList columns, phones;
            QString externalId, field, spanish;
        };
        const QList<Row> rows {
            { "repeated columns",
              { u"telefono"_s, u"nombre"_s, u"nombre"_s },
              { u"telefono"_s },
              {},
              u"columns"_s,
              u"Los nombres de los campos no pueden estar repetidos"_s },
            { "phone column as external id",
              cols,
              { u"telefono"_s },
              u"telefono"_s,
              u"external_id_field"_s,
              u"No se puede elegir un campo telefónico como id_externo"_s },
            { "unknown external id column",
              cols,
              { u"telefono"_s },
              u"cuit"_s,
              u"external_id_field"_s,
              u"campo de id externo no coincide con nombre de columna"_s },
            { "unknown phone column", cols, { u"movil"_s }, {}, u"phone_fields"_s, {} },
            { "no phone column", cols, {}, {}, u"phone_fields"_s, {} },
            { "no columns", {}, {}, {}, u"columns"_s, {} },
        };
        for (const Row &r : rows) {
            for (const char *backend : { "sqlite", "postgresql" })
                QTest::addRow("%s %s", r.name, backend)
                    << QString::fromLatin1(backend) << r.columns << r.phones << r.externalId << r.field << r.spanish;
        }
    }
    void createDatabase_rejects()
    {
        QFETCH(QString, backend);
        QFETCH(QStringList, columns);
        QFETCH(QStringList, phones);
        QFETCH(QString, externalId);
        QFETCH(QString, field);
        QFETCH(QString, spanish);
        ENLACE_SCRATCH_DB(scratch, backend);
        ContactRepository repo(scratch.db());
        ContactDatabase d;
        d.name = u"X"_s;
        d.columns = columns;
        d.phoneColumns = phones;
        d.externalIdColumn = externalId;
        auto r = repo.createDatabase(d);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        QVERIFY2(r.error().fields.has(field), qPrintable(r.error().fields.fields().join(u',')));
        if (!spanish.isEmpty()) {
            MessageCatalog catalog;
            QCOMPARE(r.error().fields.messages(field, &catalog, u"es"_s).value(0), spanish);
        }
        QCOMPARE(repo.listDatabases().value().size(), 0);
    }

    void createDatabase_duplicateNameIsAValidationError_data() { test::addBackendRows(); }
    void createDatabase_duplicateNameIsAValidationError()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        ContactRepository repo(scratch.db());
        QVERIFY(repo.createDatabase(sampleDatabase()).ok());
        auto again = repo.createDatabase(sampleDatabase());
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind, Error::Kind::Invalid);
        QVERIFY(again.error().fields.has(u"name"_s));
        QVERIFY(repo.createDatabase(sampleDatabase(u"Otra"_s)).ok());
        const QList<ContactDatabase> all = repo.listDatabases().value();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).name, u"Clientes"_s);
        QCOMPARE(all.at(1).name, u"Otra"_s);
    }

    void addContact_storesValuesInColumnOrder_data() { test::addBackendRows(); }
    void addContact_storesValuesInColumnOrder()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        ContactRepository repo(scratch.db());
        const qint64 dbId = repo.createDatabase(sampleDatabase()).value();
        QHash<QString, QString> v = values(u"351 555"_s, u"José \"Pepe\" 😀\n2"_s, u"C-1"_s);
        v.insert(u"celular"_s, u"11"_s);
        auto id = repo.addContact(dbId, v);
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().text()));
        auto c = repo.find(id.value());
        QVERIFY(c.ok());
        QCOMPARE(c->databaseId, dbId);
        QCOMPARE(c->phone, u"351 555"_s);
        QCOMPARE(c->externalId, u"C-1"_s);
        QCOMPARE(c->values, (QStringList { u"351 555"_s, u"José \"Pepe\" 😀\n2"_s, u"C-1"_s, u"11"_s }));
        QCOMPARE(repo.findByExternalId(dbId, u"C-1"_s)->id, id.value());
        QCOMPARE(repo.findByExternalId(dbId, u"C-2"_s).error().kind, Error::Kind::NotFound);
        QCOMPARE(repo.findByExternalId(dbId, QString()).error().kind, Error::Kind::NotFound);
        QCOMPARE(repo.find(id.value() + 1).error().kind, Error::Kind::NotFound);
        QCOMPARE(repo.findDatabase(dbId)->contactCount, 1);
    }

    void addContact_duplicateExternalIdNamesTheColumn_data() { test::addBackendRows(); }
    void addContact_duplicateExternalIdNamesTheColumn()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        ContactRepository repo(scratch.db());
        const qint64 dbId = repo.createDatabase(sampleDatabase()).value();
        const qint64 other = repo.createDatabase(sampleDatabase(u"Otra"_s)).value();
        QVERIFY(repo.addContact(dbId, values(u"1"_s, u"a"_s, u"77"_s)).ok());
        auto dup = repo.addContact(dbId, values(u"2"_s, u"b"_s, u"77"_s));
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().kind, Error::Kind::Invalid);
        QCOMPARE(dup.error().fields.fields(), QStringList { u"id_cliente"_s });
        QCOMPARE(dup.error().fields.messages(u"id_cliente"_s).value(0),
                 u"A contact with that external id already exist in database"_s);
        MessageCatalog catalog;
        QCOMPARE(dup.error().fields.messages(u"id_cliente"_s, &catalog, u"es"_s).value(0),
                 u"Ya existe un contacto con ese id externo en la base de datos"_s);
        // Another database may reuse the id; empty ids may repeat.
        QVERIFY(repo.addContact(other, values(u"3"_s, u"c"_s, u"77"_s)).ok());
        QVERIFY(repo.addContact(dbId, values(u"4"_s, u"d"_s, QString())).ok());
        QVERIFY(repo.addContact(dbId, values(u"5"_s, u"e"_s, QString())).ok());
        QCOMPARE(repo.count(dbId).value(), 3);
    }

    void addContact_rejectsMissingPhoneAndUnknownColumns_data() { test::addBackendRows(); }
    void addContact_rejectsMissingPhoneAndUnknownColumns()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        ContactRepository repo(scratch.db());
        const qint64 dbId = repo.createDatabase(sampleDatabase()).value();
        auto noPhone = repo.addContact(dbId, values(u" "_s, u"a"_s, u"1"_s));
        QVERIFY(!noPhone.ok());
        QVERIFY(noPhone.error().fields.has(u"telefono"_s));
        QHash<QString, QString> unknown = values(u"1"_s, u"a"_s, u"1"_s);
        unknown.insert(u"foo"_s, u"x"_s);
        auto bad = repo.addContact(dbId, unknown);
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().fields.has(u"columns"_s));
        QCOMPARE(repo.addContact(dbId + 50, values(u"1"_s, u"a"_s, u"1"_s)).error().kind, Error::Kind::NotFound);
        QCOMPARE(repo.count(dbId).value(), 0);
    }

    void updateContact_mergesAndKeepsExternalIdsUnique_data() { test::addBackendRows(); }
    void updateContact_mergesAndKeepsExternalIdsUnique()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        ContactRepository repo(scratch.db());
        const qint64 dbId = repo.createDatabase(sampleDatabase()).value();
        const qint64 a = repo.addContact(dbId, values(u"1"_s, u"Ana"_s, u"A"_s)).value();
        const qint64 b = repo.addContact(dbId, values(u"2"_s, u"Beto"_s, u"B"_s)).value();
        QVERIFY(repo.updateContact(a, { { u"nombre"_s, u"Ana María"_s }, { u"telefono"_s, u"9"_s } }).ok());
        auto c = repo.find(a);
        QCOMPARE(c->values, (QStringList { u"9"_s, u"Ana María"_s, u"A"_s, QString() }));
        QCOMPARE(c->phone, u"9"_s);
        // Keeping its own id is fine; taking another contact's is not.
        QVERIFY(repo.updateContact(a, { { u"id_cliente"_s, u"A"_s } }).ok());
        auto taken = repo.updateContact(a, { { u"id_cliente"_s, u"B"_s } });
        QVERIFY(!taken.ok());
        QVERIFY(taken.error().fields.has(u"id_cliente"_s));
        QVERIFY(repo.updateContact(b, { { u"id_cliente"_s, QString() } }).ok());
        QCOMPARE(repo.find(b)->externalId, QString());
        QVERIFY(repo.updateContact(a, { { u"id_cliente"_s, u"B"_s } }).ok());
        QCOMPARE(repo.findByExternalId(dbId, u"B"_s)->id, a);
        QCOMPARE(repo.updateContact(b + 10, {}).error().kind, Error::Kind::NotFound);
    }

    void listAndCount_pageAndSearchAnyValue_data() { test::addBackendRows(); }
    void listAndCount_pageAndSearchAnyValue()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        ContactRepository repo(scratch.db());
        const qint64 dbId = repo.createDatabase(sampleDatabase()).value();
        const qint64 other = repo.createDatabase(sampleDatabase(u"Otra"_s)).value();
        QList<qint64> ids;
        for (int i = 0; i < 12; ++i)
            ids.append(repo.addContact(dbId,
                                       values(u"35100"_s + QString::number(i), i % 3 == 0 ? u"Gómez 50%"_s : u"Pérez"_s,
                                              u"E"_s + QString::number(i)))
                           .value());
        QVERIFY(repo.addContact(other, values(u"1"_s, u"Gómez"_s, u"X"_s)).ok());
        QCOMPARE(repo.count(dbId).value(), 12);
        const QList<Contact> page = repo.list(dbId, 5, 4).value();
        QCOMPARE(page.size(), 4);
        QCOMPARE(page.at(0).id, ids.at(5));
        QCOMPARE(page.at(3).id, ids.at(8));
        QCOMPARE(repo.list(dbId, 10, 100).value().size(), 2);
        QCOMPARE(repo.count(dbId, u"Gómez"_s).value(), 4);
        QCOMPARE(repo.count(dbId, u"PÉREZ"_s.toLower()).value(), 8);
        QCOMPARE(repo.count(dbId, u"50%"_s).value(), 4);
        QCOMPARE(repo.count(dbId, u"5_%"_s).value(), 0);   // LIKE wildcards are literal
        QCOMPARE(repo.count(dbId, u"e11"_s).value(), 1);   // case-insensitive, matches the external id
        QCOMPARE(repo.list(dbId, 0, 10, u"Gómez"_s).value().size(), 4);
        QCOMPARE(repo.list(dbId, 0, 10, u"351007"_s).value().value(0).id, ids.at(7));
    }

    // A database an import writes in steps: hidden from every reader until published; removed
    // whole when its import fails or is gone.
    void importInSteps_hiddenUntilPublished_andRemovedWhenAbandoned_data() { test::addBackendRows(); }
    void importInSteps_hiddenUntilPublished_andRemovedWhenAbandoned()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        ContactRepository repo(scratch.db(), clock);
        const auto contactsIn = [&](qint64 id) {
            return scratch.db()->scalar(u"SELECT COUNT(*) FROM contacts WHERE database_id = ?"_s, { id })->toLongLong();
        };
        const auto writeRows = [&](qint64 id, int n) {
            for (int i = 0; i < n; ++i)
                QVERIFY(
                    scratch.db()
                        ->exec(
                            u"INSERT INTO contacts (database_id, external_id, phone, values_json) VALUES (?, ?, ?, ?)"_s,
                            { id, u"X%1-%2"_s.arg(id).arg(i), u"555"_s, u"[]"_s })
                        .ok());
        };
        auto gone = repo.createDatabaseForImport(sampleDatabase(u"Gone"_s));
        auto live = repo.createDatabaseForImport(sampleDatabase(u"Live"_s));
        auto done = repo.createDatabaseForImport(sampleDatabase(u"Done"_s));
        QVERIFY(gone.ok() && live.ok() && done.ok());
        writeRows(gone.value(), 30);
        writeRows(live.value(), 5);
        writeRows(done.value(), 7);
        // Hidden: not found by id or name, not listed, not addressable.
        QVERIFY(!repo.findDatabase(gone.value()).ok());
        QVERIFY(!repo.findDatabaseByName(u"Gone"_s).ok());
        QVERIFY(repo.listDatabases().value().isEmpty());
        QVERIFY(!repo.addContact(gone.value(), values(u"1"_s, u"a"_s, u"E1"_s)).ok());
        // Its name is taken all the same.
        QVERIFY(!repo.createDatabase(sampleDatabase(u"Gone"_s)).ok());

        QVERIFY(repo.publishImport(done.value()).ok());
        QCOMPARE(repo.findDatabase(done.value())->contactCount, 7);
        clock.advance(50'000);
        QVERIFY(repo.touchImport(live.value()).ok());
        clock.advance(20'000);
        // "Gone" took no step for 70 s, "Live" for 20 s.
        auto removed = repo.removeAbandonedImports(60'000);
        QVERIFY(removed.ok());
        QCOMPARE(removed.value(), 1);
        QCOMPARE(contactsIn(gone.value()), 0);
        QCOMPARE(scratch.db()
                     ->scalar(u"SELECT COUNT(*) FROM contact_databases WHERE id = ?"_s, { gone.value() })
                     ->toLongLong(),
                 0);
        QCOMPARE(contactsIn(live.value()), 5);
        QCOMPARE(contactsIn(done.value()), 7);
        // A published database is never removed as an import.
        QVERIFY(repo.removeImport(done.value()).ok());
        QCOMPARE(repo.findDatabase(done.value())->contactCount, 7);
        QVERIFY(repo.removeImport(live.value()).ok());
        QCOMPARE(contactsIn(live.value()), 0);
        QCOMPARE(repo.listDatabases().value().size(), 1);
    }

    void jsonArray_roundTripsEveryCharacter()
    {
        const QStringList v { u"a\"b\\c"_s, u"\n\r\t\x01"_s, u"😀 ñ"_s, QString(), u"[]{},:"_s };
        QCOMPARE(ContactRepository::fromJsonArray(ContactRepository::toJsonArray(v)), v);
    }
};

QTEST_GUILESS_MAIN(TestContactRepository)
#include "tst_contactrepository.moc"
