#pragma once

#include <core/model/clock.h>
#include <core/model/contact.h>
#include <core/model/contactdatabase.h>
#include <core/model/result.h>
#include <core/store/database.h>

#include <QHash>
#include <QList>
#include <QString>

#include <memory>

namespace enlace {

// Contact databases and their contacts. Validation failures are Error::invalid with these fields:
//   createDatabase: "name", "columns", "phone_fields", "external_id_field"
//   addContact / updateContact: the column's own name (e.g. "telefono", "id_cliente"), or
//   "columns" for names that are not columns of the database.
// A contact's values follow the database's columns; its phone is the main (first) phone column's
// value and its external id the external-id column's value (empty = none, stored as NULL).
class ContactRepository final
{
public:
    explicit ContactRepository(std::shared_ptr<Database> db);
    ContactRepository(std::shared_ptr<Database> db, const Clock &clock);

    Result<qint64> createDatabase(const ContactDatabase &database);
    // Finding, listing, campaigns and contacts see only complete databases: one an import still
    // writes in steps (see below) does not exist for them yet.
    Result<ContactDatabase> findDatabase(qint64 id) const;
    Result<ContactDatabase> findDatabaseByName(const QString &name) const;
    // Every database with its contactCount, by name.
    Result<QList<ContactDatabase>> listDatabases() const;

    // A database an import writes in several transactions (so that other writers of a SQLite file
    // wait for one step, not for the whole file): created hidden, kept alive by touchImport() at
    // each step, shown by publishImport(), or removed whole by removeImport().
    Result<qint64> createDatabaseForImport(const ContactDatabase &database);
    Result<void> touchImport(qint64 databaseId);
    Result<void> publishImport(qint64 databaseId);
    Result<void> removeImport(qint64 databaseId);
    // Hidden databases whose import took no step for olderThanMs: their importer is gone (a
    // stopped server or command). Removed with their contacts; returns how many.
    Result<int> removeAbandonedImports(qint64 olderThanMs);

    Result<Contact> find(qint64 id) const;
    Result<Contact> findByExternalId(qint64 databaseId, const QString &externalId) const;
    // columnValues: column name -> value; missing columns are empty. The main phone is required.
    Result<qint64> addContact(qint64 databaseId, const QHash<QString, QString> &columnValues);
    // Replaces the values of the columns given; the others keep their value.
    Result<void> updateContact(qint64 contactId, const QHash<QString, QString> &columnValues);
    // Contacts by id; search (case-insensitive, substring) matches any value of the contact.
    Result<QList<Contact>> list(qint64 databaseId, int offset, int limit, const QString &search = {}) const;
    Result<qint64> count(qint64 databaseId, const QString &search = {}) const;

    // The rules of a new database, without touching the store (the importer checks a file's
    // header with them before reading the rest of it).
    static ValidationErrors validateDatabase(const ContactDatabase &database);
    static Message duplicateExternalIdMessage();

    static QString toJsonArray(const QStringList &values);
    static QStringList fromJsonArray(const QString &json);

private:
    Result<ContactDatabase> readDatabase(const QString &where, const QVariant &value) const;
    Result<qint64> insertDatabase(const ContactDatabase &database, bool forImport);
    Result<Contact> readContact(const QString &where, const QVariantList &values) const;
    Result<bool> externalIdTaken(qint64 databaseId, const QString &externalId, qint64 exceptContactId) const;
    ValidationErrors checkValues(const ContactDatabase &database, const QHash<QString, QString> &columnValues) const;
    QString searchClause(const QString &search, QVariantList &values) const;

    std::shared_ptr<Database> m_db;
    SystemClock m_systemClock;
    const Clock &m_clock;
};

}   // namespace enlace
