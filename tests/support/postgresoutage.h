#pragma once

#include <QString>

#include <memory>

namespace enlace {
class Database;
}

namespace enlace::test {

// A PostgreSQL database of its own (on the cluster of ENLACE_TEST_PG_URL) that a test can cut off
// as an outage would: every session of it terminated and no new one allowed, until restore().
// Other tests' databases on the same cluster are not touched. Dropped when it goes.
class PostgresOutage final
{
public:
    PostgresOutage();
    ~PostgresOutage();
    PostgresOutage(const PostgresOutage &) = delete;
    PostgresOutage &operator=(const PostgresOutage &) = delete;

    bool ok() const { return !m_url.isEmpty(); }
    QString error() const { return m_error; }
    QString url() const { return m_url; }   // for Database::open / ServerConfig::databaseUrl

    bool cutOff();   // ALLOW_CONNECTIONS false, then every session of the database terminated
    bool restore();   // connections allowed again

private:
    std::shared_ptr<Database> m_admin;   // on the cluster's own database
    QString m_name;
    QString m_url;
    QString m_error;
};

}   // namespace enlace::test
