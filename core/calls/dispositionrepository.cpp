#include <core/calls/dispositionrepository.h>

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

const QString kColumns
    = u"id, campaign_id, contact_id, option_id, agent_id, call_id, comments, subdisposition, form_json, created_at, updated_at"_s;

Disposition read(const QSqlQuery &q)
{
    Disposition d;
    d.id = q.value(0).toLongLong();
    d.campaignId = q.value(1).toLongLong();
    d.contactId = q.value(2).toLongLong();
    d.optionId = q.value(3).toLongLong();
    d.agentId = q.value(4).toLongLong();
    d.callId = q.value(5).isNull() ? QString() : q.value(5).toString();
    d.comments = q.value(6).toString();
    d.subdisposition = q.value(7).toString();
    d.formJson = q.value(8).toString();
    d.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(9).toLongLong(), Qt::UTC);
    d.updatedAt = QDateTime::fromMSecsSinceEpoch(q.value(10).toLongLong(), Qt::UTC);
    return d;
}

QVariant nullableText(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

// A null QString binds as SQL NULL; NOT NULL text columns need an empty, non-null string.
QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(u""_s) : QVariant(s);
}

}   // namespace

DispositionRepository::DispositionRepository(std::shared_ptr<Database> db, const Clock &clock)
    : m_db(std::move(db))
    , m_clock(clock)
{ }

Error DispositionRepository::duplicateError()
{
    return Error { Error::Kind::Conflict,
                   u"disposition.duplicate"_s,
                   Message::make(
                       "Api",
                       QT_TRANSLATE_NOOP("Api", "There is another disposition for this contact on this campaign")),
                   {},
                   {} };
}

Result<Disposition> DispositionRepository::create(Disposition d) const
{
    // One statement: the contact already qualified in the campaign inserts nothing (and, unlike a
    // failed INSERT, does not poison the caller's transaction on PostgreSQL), so no check before
    // it and no savepoint around it.
    const qint64 now = m_clock.nowMs();
    auto q = m_db->exec(u"INSERT INTO dispositions (campaign_id, contact_id, option_id, agent_id, call_id, comments, "
                        "subdisposition, form_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT (campaign_id, contact_id) DO NOTHING RETURNING id"_s,
                        { d.campaignId, d.contactId, d.optionId, d.agentId, nullableText(d.callId), text(d.comments),
                          text(d.subdisposition), text(d.formJson), now, now });
    if (!q)
        return q.error();
    if (!q->next())
        return duplicateError();
    d.id = q->value(0).toLongLong();
    d.createdAt = d.updatedAt = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    return d;
}

Result<Disposition> DispositionRepository::update(Disposition d) const
{
    Database::Transaction tx(*m_db);
    auto current = find(d.id);
    if (!current)
        return current.error();
    auto other = m_db->scalar(u"SELECT id FROM dispositions WHERE campaign_id = ? AND contact_id = ? AND id <> ?"_s,
                              { d.campaignId, d.contactId, d.id });
    if (!other)
        return other.error();
    if (other->isValid())
        return duplicateError();
    const qint64 now = m_clock.nowMs();
    auto q = m_db->exec(
        u"UPDATE dispositions SET campaign_id = ?, contact_id = ?, option_id = ?, agent_id = ?, call_id = ?, "
        "comments = ?, subdisposition = ?, form_json = ?, updated_at = ? WHERE id = ?"_s,
        { d.campaignId, d.contactId, d.optionId, d.agentId, nullableText(d.callId), text(d.comments),
          text(d.subdisposition), text(d.formJson), now, d.id });
    if (!q)
        return q.error().kind == Error::Kind::Conflict ? duplicateError() : q.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    d.createdAt = current->createdAt;
    d.updatedAt = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    return d;
}

Result<QList<Disposition>> DispositionRepository::select(const QString &where, const QVariantList &values) const
{
    auto q = m_db->exec(u"SELECT "_s + kColumns + u" FROM dispositions WHERE "_s + where + u" ORDER BY id"_s, values);
    if (!q)
        return q.error();
    QList<Disposition> out;
    while (q->next())
        out.append(read(q.value()));
    return out;
}

Result<Disposition> DispositionRepository::find(qint64 id) const
{
    auto rows = select(u"id = ?"_s, { id });
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error::notFound(u"disposition.not_found"_s,
                               Message::make("Api", QT_TRANSLATE_NOOP("Api", "Not found.")));
    return rows->first();
}

Result<std::optional<Disposition>> DispositionRepository::findFor(qint64 campaignId, qint64 contactId) const
{
    auto rows = select(u"campaign_id = ? AND contact_id = ?"_s, { campaignId, contactId });
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<Disposition>();
    return std::optional<Disposition>(rows->first());
}

Result<QList<Disposition>> DispositionRepository::listByAgent(qint64 agentId) const
{
    return select(u"agent_id = ?"_s, { agentId });
}

Result<QList<Disposition>> DispositionRepository::listForCalls(const QStringList &callIds) const
{
    if (callIds.isEmpty())
        return QList<Disposition>();
    QStringList marks;
    QVariantList values;
    for (const QString &id : callIds) {
        marks.append(u"?"_s);
        values.append(id);
    }
    return select(u"call_id IN (%1)"_s.arg(marks.join(u", "_s)), values);
}

Result<QList<Disposition>> DispositionRepository::listByCampaign(qint64 campaignId) const
{
    return select(u"campaign_id = ?"_s, { campaignId });
}

Result<qint64> DispositionRepository::count() const
{
    auto n = m_db->scalar(u"SELECT COUNT(*) FROM dispositions"_s);
    if (!n)
        return n.error();
    return n->toLongLong();
}

}   // namespace enlace
