#pragma once

#include <core/http/apirequest.h>
#include <core/model/agent.h>
#include <core/model/campaign.h>
#include <core/model/dispositionoption.h>
#include <core/model/result.h>

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

#include <memory>
#include <optional>
#include <utility>

namespace enlace {

class Database;

// What the API's hot routes read again and again about the configuration (agents and their
// external ids, campaigns and their queues, external systems and their integration keys,
// disposition options), kept in memory between changes to it.
//
// Every change to those tables moves the one-row `reference_version` on, through triggers
// (schema migration 3), whoever makes it: this server, another one on the same database, or the
// command line. sync() reads that row (one indexed read instead of the six or seven a makeCall
// would make) and forgets everything when it moved; entries are then read again as they are asked
// for. A value is only ever cached from a read outside a transaction, so it is committed data and
// a rolled-back change never lingers; inside a transaction every lookup goes to the store.
//
// Used from any thread (one mutex); a caller syncs once per request before its lookups.
class ReferenceCache final
{
public:
    explicit ReferenceCache(std::shared_ptr<Database> db);

    // Brings the cache up to the store's reference version. When the version cannot be read
    // nothing is served from the cache until a later sync() reads it. With a request's serial
    // (ApiRequest::serial) the version is read once per request, however many ask.
    void sync(quint64 requestSerial = 0);
    // The version seen by the last sync() (tests), -1 before one succeeded.
    qint64 version() const;
    // Entries held now, all maps together (tests).
    int size() const;

    // Each map is bounded: past this many entries it starts over (a caller asking for many ids
    // that do not exist cannot make it grow without end).
    static constexpr int kMaxEntries = 200000;

    // What is cached, by the question asked. Integration keys are kept by their SHA-256, never
    // in clear.
    struct Entries
    {
        QHash<qint64, std::optional<Campaign>> campaign;   // with its queue
        QHash<std::pair<qint64, QString>, std::optional<qint64>> campaignByExternalId;   // (system, external id)
        QHash<std::pair<qint64, QString>, std::optional<qint64>> agentByExternalId;   // (system, external id)
        QHash<std::pair<qint64, qint64>, std::optional<QString>> agentExternalId;   // (system, agent)
        QHash<qint64, std::optional<Agent>> agent;
        QHash<qint64, bool> systemExists;
        QHash<qint64, QList<qint64>> campaignsOfSystem;
        QHash<qint64, QList<DispositionOption>> dispositionOptions;   // by campaign
        QHash<qint64, std::optional<DispositionOption>> dispositionOption;
        QHash<QString, std::optional<Caller>> integrationKey;   // by the key's hash
        int size() const;
    };

    // Through the cache when there is one (after syncing it for the request), else straight to
    // load(): what routes::Lookup and the Authenticator both do.
    template <typename Map, typename Key, typename Load>
    static auto through(ReferenceCache *cache, quint64 requestSerial, Map Entries::*map, const Key &key, Load load)
        -> decltype(load())
    {
        if (!cache)
            return load();
        cache->sync(requestSerial);
        return cache->through(map, key, load);
    }

    // The value cached under key, or what load() returns (a Result), then cached when that is
    // safe. Errors are never cached.
    template <typename Map, typename Key, typename Load>
    auto through(Map Entries::*map, const Key &key, Load load) -> decltype(load())
    {
        if (!usable())
            return load();
        quint64 generation = 0;
        {
            QMutexLocker lock(&m_mutex);
            if (m_version >= 0) {
                const Map &m = m_entries.*map;
                auto it = m.constFind(key);
                if (it != m.cend())
                    return it.value();
            }
            generation = m_generation;
        }
        auto loaded = load();
        if (!loaded.ok())
            return loaded;
        QMutexLocker lock(&m_mutex);
        // Not when another thread started over meanwhile: what was read may predate its version.
        if (m_version >= 0 && generation == m_generation) {
            Map &m = m_entries.*map;
            if (m.size() >= kMaxEntries)
                m.clear();
            m.insert(key, loaded.value());
        }
        return loaded;
    }

private:
    bool usable() const;   // outside a transaction

    std::shared_ptr<Database> m_db;
    mutable QMutex m_mutex;
    qint64 m_version = -1;
    quint64 m_generation = 0;   // moves each time the entries are dropped
    quint64 m_syncedSerial = 0;
    Entries m_entries;
};

}   // namespace enlace
