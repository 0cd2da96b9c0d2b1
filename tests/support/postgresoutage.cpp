#include <core/store/database.h>
#include <tests/support/postgresoutage.h>

#include <QAtomicInt>
#include <QCoreApplication>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace enlace::test {

PostgresOutage::PostgresOutage()
{
    const QString cluster = qEnvironmentVariable("ENLACE_TEST_PG_URL");
    if (cluster.isEmpty()) {
        m_error = u"ENLACE_TEST_PG_URL is not set"_s;
        return;
    }
    auto admin = Database::open(cluster);
    if (!admin) {
        m_error = admin.error().text();
        return;
    }
    m_admin = admin.value();
    static QAtomicInt serial;
    m_name = u"enlace_outage_%1_%2"_s.arg(QCoreApplication::applicationPid()).arg(serial.fetchAndAddRelaxed(1));
    (void)m_admin->execStatic(u"DROP DATABASE IF EXISTS "_s + m_name + u" WITH (FORCE)"_s);
    if (auto created = m_admin->execStatic(u"CREATE DATABASE "_s + m_name); !created) {
        m_error = created.error().text();
        return;
    }
    QUrl url(cluster);
    url.setPath(u"/"_s + m_name);
    m_url = url.toString();
}

PostgresOutage::~PostgresOutage()
{
    if (m_admin && !m_name.isEmpty()) {
        (void)restore();
        (void)m_admin->execStatic(u"DROP DATABASE IF EXISTS "_s + m_name + u" WITH (FORCE)"_s);
    }
}

bool PostgresOutage::cutOff()
{
    // The name is ours ([a-z0-9_]): no value of a caller is written into the statement.
    return m_admin && m_admin->execStatic(u"ALTER DATABASE "_s + m_name + u" ALLOW_CONNECTIONS false"_s).ok()
        && m_admin
               ->execStatic(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"_s + m_name
                            + u"' AND pid <> pg_backend_pid()"_s)
               .ok();
}

bool PostgresOutage::restore()
{
    return m_admin && m_admin->execStatic(u"ALTER DATABASE "_s + m_name + u" ALLOW_CONNECTIONS true"_s).ok();
}

}   // namespace enlace::test
