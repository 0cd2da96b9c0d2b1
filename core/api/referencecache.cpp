#include <core/api/referencecache.h>
#include <core/model/logvalue.h>
#include <core/store/database.h>

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcReference, "enlace.reference", QtInfoMsg)

namespace enlace {

int ReferenceCache::Entries::size() const
{
    return int(campaign.size() + campaignByExternalId.size() + agentByExternalId.size() + agentExternalId.size()
               + agent.size() + systemExists.size() + campaignsOfSystem.size() + dispositionOptions.size()
               + dispositionOption.size() + integrationKey.size());
}

ReferenceCache::ReferenceCache(std::shared_ptr<Database> db)
    : m_db(std::move(db))
{ }

bool ReferenceCache::usable() const
{
    return !m_db->inTransaction();
}

void ReferenceCache::sync(quint64 requestSerial)
{
    if (!usable())
        return;   // the lookups of this transaction go to the store anyway
    if (requestSerial != 0) {
        QMutexLocker lock(&m_mutex);
        if (requestSerial == m_syncedSerial)
            return;
        m_syncedSerial = requestSerial;
    }
    auto read = m_db->scalar(u"SELECT n FROM reference_version WHERE id = 1"_s);
    const qint64 version = read.ok() && read->isValid() ? read->toLongLong() : -1;
    QMutexLocker lock(&m_mutex);
    if (version == m_version)
        return;
    if (version < 0)
        qCWarning(lcReference).noquote() << u"reference version unreadable; lookups go to the store: detail=%1"_s.arg(
            LogValue::quoted(read.ok() ? u"no row"_s : read.error().detail));
    m_version = version;
    m_entries = Entries();
    ++m_generation;
}

qint64 ReferenceCache::version() const
{
    QMutexLocker lock(&m_mutex);
    return m_version;
}

int ReferenceCache::size() const
{
    QMutexLocker lock(&m_mutex);
    return m_entries.size();
}

}   // namespace enlace
