#include <core/contacts/contactrepository.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

const char *const kContext = "Contacts";

Message notFoundDatabase()
{
    return Message::make(kContext, QT_TRANSLATE_NOOP("Contacts", "Contact database not found."));
}

QString escapeLike(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            out.append(u'\\');
        out.append(c);
    }
    return out;
}

// The JSON text of a string without its quotes, as it appears inside values_json.
QString jsonStringContent(const QString &text)
{
    const QString quoted = ContactRepository::toJsonArray({ text });
    return quoted.mid(2, quoted.size() - 4);
}

}   // namespace

ContactRepository::ContactRepository(std::shared_ptr<Database> db)
    : m_db(std::move(db))
    , m_clock(m_systemClock)
{ }

ContactRepository::ContactRepository(std::shared_ptr<Database> db, const Clock &clock)
    : m_db(std::move(db))
    , m_clock(clock)
{ }

Message ContactRepository::duplicateExternalIdMessage()
{
    return Message::make(kContext,
                         QT_TRANSLATE_NOOP("Contacts", "A contact with that external id already exist in database"));
}

QString ContactRepository::toJsonArray(const QStringList &values)
{
    QString out;
    qsizetype size = 2;
    for (const QString &v : values)
        size += v.size() + 3;
    out.reserve(size);
    out.append(u'[');
    bool first = true;
    for (const QString &v : values) {
        if (!first)
            out.append(u',');
        first = false;
        out.append(u'"');
        for (const QChar c : v) {
            const char16_t u = c.unicode();
            if (u == u'"' || u == u'\\') {
                out.append(u'\\');
                out.append(c);
            } else if (u < 0x20) {
                switch (u) {
                case u'\n':
                    out.append(u"\\n"_s);
                    break;
                case u'\r':
                    out.append(u"\\r"_s);
                    break;
                case u'\t':
                    out.append(u"\\t"_s);
                    break;
                default:
                    out.append(u"\\u00"_s + QString::number(u, 16).rightJustified(2, u'0'));
                }
            } else {
                out.append(c);
            }
        }
        out.append(u'"');
    }
    out.append(u']');
    return out;
}

QStringList ContactRepository::fromJsonArray(const QString &json)
{
    QStringList out;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    out.reserve(array.size());
    for (const QJsonValue &v : array)
        out.append(v.toString());
    return out;
}

ValidationErrors ContactRepository::validateDatabase(const ContactDatabase &database)
{
    ValidationErrors errors;
    if (database.name.trimmed().isEmpty())
        errors.add(u"name"_s, Message::make(kContext, QT_TRANSLATE_NOOP("Contacts", "This field is required.")));
    if (database.columns.isEmpty())
        errors.add(u"columns"_s,
                   Message::make(kContext, QT_TRANSLATE_NOOP("Contacts", "The database needs at least one column.")));
    QSet<QString> seen;
    bool repeated = false;
    bool blank = false;
    for (const QString &c : database.columns) {
        if (c.trimmed().isEmpty())
            blank = true;
        else if (seen.contains(c))
            repeated = true;
        seen.insert(c);
    }
    if (blank)
        errors.add(u"columns"_s,
                   Message::make(kContext, QT_TRANSLATE_NOOP("Contacts", "Column names cannot be empty.")));
    if (repeated)
        errors.add(u"columns"_s,
                   Message::make(kContext, QT_TRANSLATE_NOOP("Contacts", "Field names cannot be repeated")));
    if (database.phoneColumns.isEmpty())
        errors.add(u"phone_fields"_s,
                   Message::make(kContext, QT_TRANSLATE_NOOP("Contacts", "Choose at least one phone column.")));
    QSet<QString> phones;
    for (const QString &p : database.phoneColumns) {
        if (!seen.contains(p))
            errors.add(u"phone_fields"_s,
                       Message::make(kContext,
                                     QT_TRANSLATE_NOOP("Contacts", "Phone field %1 is not a column of the database."),
                                     { p }));
        else if (phones.contains(p))
            errors.add(u"phone_fields"_s,
                       Message::make(kContext, QT_TRANSLATE_NOOP("Contacts", "Field names cannot be repeated")));
        phones.insert(p);
    }
    if (!database.externalIdColumn.isEmpty()) {
        if (phones.contains(database.externalIdColumn))
            errors.add(u"external_id_field"_s,
                       Message::make(kContext,
                                     QT_TRANSLATE_NOOP("Contacts", "Cannot choose a phone field as and external id")));
        else if (!seen.contains(database.externalIdColumn))
            errors.add(u"external_id_field"_s,
                       Message::make(kContext,
                                     QT_TRANSLATE_NOOP("Contacts", "External id field does not match a column name")));
    }
    return errors;
}

Result<qint64> ContactRepository::createDatabase(const ContactDatabase &database)
{
    return insertDatabase(database, false);
}

Result<qint64> ContactRepository::createDatabaseForImport(const ContactDatabase &database)
{
    return insertDatabase(database, true);
}

Result<qint64> ContactRepository::insertDatabase(const ContactDatabase &database, bool forImport)
{
    ValidationErrors errors = validateDatabase(database);
    if (!errors.isEmpty())
        return Error::invalid(errors);
    const Message nameTaken
        = Message::make(kContext, QT_TRANSLATE_NOOP("Contacts", "A contact database with that name already exists."));
    Database::Transaction tx(*m_db);
    auto existing = m_db->scalar(u"SELECT id FROM contact_databases WHERE name = ?"_s, { database.name });
    if (!existing)
        return existing.error();
    if (existing->isValid()) {
        errors.add(u"name"_s, nameTaken);
        return Error::invalid(errors);
    }
    auto id = m_db->insert(u"INSERT INTO contact_databases (name, columns_json, phone_columns_json, "
                           u"external_id_column, created_at, import_heartbeat) "
                           "VALUES (?, ?, ?, ?, ?, ?)"_s,
                           { database.name, toJsonArray(database.columns), toJsonArray(database.phoneColumns),
                             database.externalIdColumn.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                                 : QVariant(database.externalIdColumn),
                             m_clock.nowMs(),
                             forImport ? QVariant(m_clock.nowMs()) : QVariant(QMetaType::fromType<qint64>()) });
    if (!id) {
        if (id.error().kind == Error::Kind::Conflict) {
            errors.add(u"name"_s, nameTaken);
            return Error::invalid(errors);
        }
        return id.error();
    }
    if (auto c = tx.commit(); !c)
        return c.error();
    return id.value();
}

Result<void> ContactRepository::touchImport(qint64 databaseId)
{
    auto q = m_db->exec(
        u"UPDATE contact_databases SET import_heartbeat = ? WHERE id = ? AND import_heartbeat IS NOT NULL"_s,
        { m_clock.nowMs(), databaseId });
    if (!q)
        return q.error();
    return {};
}

Result<void> ContactRepository::publishImport(qint64 databaseId)
{
    auto q = m_db->exec(u"UPDATE contact_databases SET import_heartbeat = NULL WHERE id = ?"_s, { databaseId });
    if (!q)
        return q.error();
    return {};
}

Result<void> ContactRepository::removeImport(qint64 databaseId)
{
    // Only a database still hidden: a published one is never removed as an import.
    auto hidden = m_db->scalar(u"SELECT id FROM contact_databases WHERE id = ? AND import_heartbeat IS NOT NULL"_s,
                               { databaseId });
    if (!hidden)
        return hidden.error();
    if (!hidden->isValid())
        return {};
    // In steps as it was written, so that other writers wait for one step at most.
    constexpr int kRowsPerStep = 20000;
    for (;;) {
        Database::Transaction tx(*m_db);
        auto q
            = m_db->exec(u"DELETE FROM contacts WHERE id IN (SELECT id FROM contacts WHERE database_id = ? LIMIT ?)"_s,
                         { databaseId, kRowsPerStep });
        if (!q)
            return q.error();
        const int removed = q->numRowsAffected();
        if (auto c = tx.commit(); !c)
            return c.error();
        if (removed < kRowsPerStep)
            break;
    }
    auto q
        = m_db->exec(u"DELETE FROM contact_databases WHERE id = ? AND import_heartbeat IS NOT NULL"_s, { databaseId });
    if (!q)
        return q.error();
    return {};
}

Result<int> ContactRepository::removeAbandonedImports(qint64 olderThanMs)
{
    auto q
        = m_db->exec(u"SELECT id FROM contact_databases WHERE import_heartbeat IS NOT NULL AND import_heartbeat <= ?"_s,
                     { m_clock.nowMs() - olderThanMs });
    if (!q)
        return q.error();
    QList<qint64> ids;
    while (q->next())
        ids.append(q->value(0).toLongLong());
    for (qint64 id : std::as_const(ids))
        if (auto r = removeImport(id); !r)
            return r.error();
    return int(ids.size());
}

Result<ContactDatabase> ContactRepository::readDatabase(const QString &where, const QVariant &value) const
{
    auto q = m_db->exec(
        u"SELECT d.id, d.name, d.columns_json, d.phone_columns_json, d.external_id_column, "
        "(SELECT COUNT(*) FROM contacts c WHERE c.database_id = d.id) FROM contact_databases d WHERE d.import_heartbeat IS NULL AND "_s
            + where,
        { value });
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(u"contacts.database_not_found"_s, notFoundDatabase());
    ContactDatabase d;
    d.id = q->value(0).toLongLong();
    d.name = q->value(1).toString();
    d.columns = fromJsonArray(q->value(2).toString());
    d.phoneColumns = fromJsonArray(q->value(3).toString());
    d.externalIdColumn = q->value(4).toString();
    d.contactCount = q->value(5).toLongLong();
    return d;
}

Result<ContactDatabase> ContactRepository::findDatabase(qint64 id) const
{
    return readDatabase(u"d.id = ?"_s, id);
}

Result<ContactDatabase> ContactRepository::findDatabaseByName(const QString &name) const
{
    return readDatabase(u"d.name = ?"_s, name);
}

Result<QList<ContactDatabase>> ContactRepository::listDatabases() const
{
    QList<ContactDatabase> out;
    auto q = m_db->exec(u"SELECT id FROM contact_databases WHERE import_heartbeat IS NULL ORDER BY name, id"_s);
    if (!q)
        return q.error();
    QList<qint64> ids;
    while (q->next())
        ids.append(q->value(0).toLongLong());
    for (qint64 id : std::as_const(ids))
        if (auto d = findDatabase(id))
            out.append(d.value());
    return out;
}

Result<Contact> ContactRepository::readContact(const QString &where, const QVariantList &values) const
{
    auto q
        = m_db->exec(u"SELECT id, database_id, external_id, phone, values_json FROM contacts WHERE "_s + where, values);
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(u"contacts.contact_not_found"_s,
                               Message::make(kContext, QT_TRANSLATE_NOOP("Contacts", "Contact not found.")));
    Contact c;
    c.id = q->value(0).toLongLong();
    c.databaseId = q->value(1).toLongLong();
    c.externalId = q->value(2).toString();
    c.phone = q->value(3).toString();
    c.values = fromJsonArray(q->value(4).toString());
    return c;
}

Result<Contact> ContactRepository::find(qint64 id) const
{
    return readContact(u"id = ?"_s, { id });
}

Result<Contact> ContactRepository::findByExternalId(qint64 databaseId, const QString &externalId) const
{
    if (externalId.isEmpty())
        return Error::notFound(u"contacts.contact_not_found"_s,
                               Message::make(kContext, QT_TRANSLATE_NOOP("Contacts", "Contact not found.")));
    return readContact(u"database_id = ? AND external_id = ?"_s, { databaseId, externalId });
}

Result<bool> ContactRepository::externalIdTaken(qint64 databaseId, const QString &externalId,
                                                qint64 exceptContactId) const
{
    auto r = m_db->scalar(u"SELECT id FROM contacts WHERE database_id = ? AND external_id = ? AND id <> ?"_s,
                          { databaseId, externalId, exceptContactId });
    if (!r)
        return r.error();
    return r->isValid();
}

ValidationErrors ContactRepository::checkValues(const ContactDatabase &database,
                                                const QHash<QString, QString> &columnValues) const
{
    ValidationErrors errors;
    for (auto it = columnValues.cbegin(); it != columnValues.cend(); ++it) {
        if (!database.columns.contains(it.key()))
            errors.add(u"columns"_s,
                       Message::make(kContext, QT_TRANSLATE_NOOP("Contacts", "Incorrect fields were received: %1"),
                                     { it.key() }));
    }
    const QString main = database.mainPhoneColumn();
    if (columnValues.value(main).trimmed().isEmpty())
        errors.add(main, Message::make(kContext, QT_TRANSLATE_NOOP("Contacts", "This field is required.")));
    return errors;
}

Result<qint64> ContactRepository::addContact(qint64 databaseId, const QHash<QString, QString> &columnValues)
{
    auto database = findDatabase(databaseId);
    if (!database)
        return database.error();
    ValidationErrors errors = checkValues(database.value(), columnValues);
    const QString externalId
        = database->externalIdColumn.isEmpty() ? QString() : columnValues.value(database->externalIdColumn);
    Database::Transaction tx(*m_db);
    if (!externalId.isEmpty()) {
        auto taken = externalIdTaken(databaseId, externalId, 0);
        if (!taken)
            return taken.error();
        if (taken.value())
            errors.add(database->externalIdColumn, duplicateExternalIdMessage());
    }
    if (!errors.isEmpty())
        return Error::invalid(errors);
    QStringList values;
    values.reserve(database->columns.size());
    for (const QString &c : std::as_const(database->columns))
        values.append(columnValues.value(c));
    auto id = m_db->insert(u"INSERT INTO contacts (database_id, external_id, phone, values_json) VALUES (?, ?, ?, ?)"_s,
                           { databaseId,
                             externalId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(externalId),
                             columnValues.value(database->mainPhoneColumn()), toJsonArray(values) });
    if (!id) {
        if (id.error().kind == Error::Kind::Conflict) {
            errors.add(database->externalIdColumn, duplicateExternalIdMessage());
            return Error::invalid(errors);
        }
        return id.error();
    }
    if (auto c = tx.commit(); !c)
        return c.error();
    return id.value();
}

Result<void> ContactRepository::updateContact(qint64 contactId, const QHash<QString, QString> &columnValues)
{
    auto contact = find(contactId);
    if (!contact)
        return contact.error();
    auto database = findDatabase(contact->databaseId);
    if (!database)
        return database.error();
    QHash<QString, QString> merged;
    for (qsizetype i = 0; i < database->columns.size(); ++i)
        merged.insert(database->columns.at(i), contact->values.value(i));
    ValidationErrors errors;
    for (auto it = columnValues.cbegin(); it != columnValues.cend(); ++it)
        merged.insert(it.key(), it.value());
    errors = checkValues(database.value(), merged);
    const QString externalId
        = database->externalIdColumn.isEmpty() ? QString() : merged.value(database->externalIdColumn);
    Database::Transaction tx(*m_db);
    if (!externalId.isEmpty()) {
        auto taken = externalIdTaken(database->id, externalId, contactId);
        if (!taken)
            return taken.error();
        if (taken.value())
            errors.add(database->externalIdColumn, duplicateExternalIdMessage());
    }
    if (!errors.isEmpty())
        return Error::invalid(errors);
    QStringList values;
    for (const QString &c : std::as_const(database->columns))
        values.append(merged.value(c));
    auto r = m_db->exec(u"UPDATE contacts SET external_id = ?, phone = ?, values_json = ? WHERE id = ?"_s,
                        { externalId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(externalId),
                          merged.value(database->mainPhoneColumn()), toJsonArray(values), contactId });
    if (!r) {
        if (r.error().kind == Error::Kind::Conflict) {
            errors.add(database->externalIdColumn, duplicateExternalIdMessage());
            return Error::invalid(errors);
        }
        return r.error();
    }
    return tx.commit();
}

QString ContactRepository::searchClause(const QString &search, QVariantList &values) const
{
    if (search.isEmpty())
        return {};
    values.append(QString(u"%"_s + escapeLike(jsonStringContent(search.toLower())) + u"%"_s));
    return u" AND LOWER(values_json) LIKE ? ESCAPE '\\'"_s;
}

Result<QList<Contact>> ContactRepository::list(qint64 databaseId, int offset, int limit, const QString &search) const
{
    QList<Contact> out;
    QVariantList values { databaseId };
    const QString where = searchClause(search, values);
    values << qMax(0, limit) << qMax(0, offset);
    auto q = m_db->exec(u"SELECT id, database_id, external_id, phone, values_json FROM contacts WHERE database_id = ?"_s
                            + where + u" ORDER BY id LIMIT ? OFFSET ?"_s,
                        values);
    if (!q)
        return q.error();
    while (q->next()) {
        Contact c;
        c.id = q->value(0).toLongLong();
        c.databaseId = q->value(1).toLongLong();
        c.externalId = q->value(2).toString();
        c.phone = q->value(3).toString();
        c.values = fromJsonArray(q->value(4).toString());
        out.append(c);
    }
    return out;
}

Result<qint64> ContactRepository::count(qint64 databaseId, const QString &search) const
{
    QVariantList values { databaseId };
    const QString where = searchClause(search, values);
    auto r = m_db->scalar(u"SELECT COUNT(*) FROM contacts WHERE database_id = ?"_s + where, values);
    if (!r)
        return r.error();
    return r->toLongLong();
}

}   // namespace enlace
