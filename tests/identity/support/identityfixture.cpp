#include <core/model/messagecatalog.h>
#include <tests/identity/support/identityfixture.h>

#include <QTest>

using namespace Qt::StringLiterals;

namespace enlace::test {

namespace {

qint64 mustInsert(const Database &db, const QString &sql, const QVariantList &values)
{
    auto id = db.insert(sql, values);
    if (!id)
        qFatal("fixture insert failed: %s", qPrintable(id.error().text()));
    return id.value();
}

}   // namespace

qint64 insertUser(const Database &db, const QString &username, Role role)
{
    return mustInsert(
        db,
        u"INSERT INTO users (username, password_hash, first_name, last_name, role, created_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
        { username, u"-"_s, QString(username + u"-first"_s), u"Last"_s, int(role), 0 });
}

qint64 insertAgent(const Database &db, const QString &username, const QString &extension)
{
    const qint64 userId = insertUser(db, username);
    return mustInsert(db, u"INSERT INTO agents (user_id, sip_extension) VALUES (?, ?)"_s,
                      { userId, extension.isNull() ? u""_s : extension });
}

qint64 insertSystem(const Database &db, const QString &name)
{
    return mustInsert(db, u"INSERT INTO external_systems (name) VALUES (?)"_s, { name });
}

void insertAgentExternalId(const Database &db, qint64 systemId, qint64 agentId, const QString &externalId)
{
    mustInsert(db, u"INSERT INTO agent_external_ids (system_id, agent_id, external_id) VALUES (?, ?, ?)"_s,
               { systemId, agentId, externalId });
}

qint64 insertContactDatabase(const Database &db, const QString &name, const QString &externalIdColumn)
{
    const QString columns = externalIdColumn.isEmpty() ? u"[\"telefono\",\"nombre\"]"_s
                                                       : u"[\"telefono\",\"nombre\",\""_s + externalIdColumn + u"\"]"_s;
    return mustInsert(
        db,
        u"INSERT INTO contact_databases (name, columns_json, phone_columns_json, external_id_column, created_at) VALUES (?, ?, ?, ?, ?)"_s,
        { name, columns, u"[\"telefono\"]"_s, externalIdColumn.isEmpty() ? QVariant() : QVariant(externalIdColumn),
          0 });
}

qint64 insertContact(const Database &db, qint64 databaseId, const QString &externalId, const QString &phone)
{
    return mustInsert(db, u"INSERT INTO contacts (database_id, external_id, phone, values_json) VALUES (?, ?, ?, ?)"_s,
                      { databaseId, externalId.isEmpty() ? QVariant() : QVariant(externalId), phone, u"[]"_s });
}

qint64 insertSite(const Database &db, const QString &name, SiteTrigger trigger, std::optional<SiteTarget> target)
{
    return mustInsert(
        db, u"INSERT INTO external_sites (name, url, trigger_type, method, format, target) VALUES (?, ?, ?, 1, 1, ?)"_s,
        { name, u"https://crm.example/"_s, int(trigger), target ? QVariant(int(*target)) : QVariant() });
}

qint64 countRows(const Database &db, const QString &table)
{
    // table names come from the tests themselves, never from input
    auto n = db.scalar(u"SELECT COUNT(*) FROM "_s + table);
    return n ? n->toLongLong() : -1;
}

QString render(const Message &message, const QString &language)
{
    static MessageCatalog catalog;
    return message.text(&catalog, language);
}

}   // namespace enlace::test
