#include <tests/support/scratchdatabase.h>

#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace enlace::test {

void addBackendColumn()
{
    QTest::addColumn<QString>("backend");
}

void addBackendRows()
{
    addBackendColumn();
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgresql") << u"postgresql"_s;
}

void newBackendRows(const char *name)
{
    QTest::addRow("%s sqlite", name) << u"sqlite"_s;
    QTest::addRow("%s postgresql", name) << u"postgresql"_s;
}

bool postgresAvailable()
{
    return !qEnvironmentVariableIsEmpty("ENLACE_TEST_PG_URL");
}

bool postgresRequired()
{
    return qEnvironmentVariableIntValue("ENLACE_REQUIRE_PG") == 1;
}

ScratchDatabase::ScratchDatabase(const QString &backend)
{
    if (backend == u"postgresql"_s) {
        if (!postgresAvailable()) {
            if (postgresRequired())
                m_error = u"ENLACE_REQUIRE_PG=1 but ENLACE_TEST_PG_URL is not set"_s;
            else
                m_skipped = true;
            return;
        }
        m_schema = u"t_"_s + QUuid::createUuid().toString(QUuid::Id128);
        QUrl url(qEnvironmentVariable("ENLACE_TEST_PG_URL"));
        QUrlQuery query(url);
        query.removeAllQueryItems(u"schema"_s);
        query.addQueryItem(u"schema"_s, m_schema);
        url.setQuery(query);
        m_url = url.toString();
    } else {
        static QTemporaryDir root;   // one per test process; each scratch database gets its own file
        m_dir = root.path();
        m_url = QDir(m_dir).filePath(QUuid::createUuid().toString(QUuid::Id128) + u".db"_s);
    }
    auto opened = Database::open(m_url);
    if (!opened) {
        m_error = opened.error().text();
        return;
    }
    m_db = std::move(opened).value();
}

ScratchDatabase::~ScratchDatabase()
{
    if (!m_schema.isEmpty() && m_db) {
        QSqlQuery q(m_db->connection());
        q.exec(u"DROP SCHEMA IF EXISTS "_s + m_schema + u" CASCADE"_s);
    }
    m_db.reset();
    if (!m_dir.isEmpty() && !m_url.isEmpty()) {
        QFile::remove(m_url);
        QFile::remove(m_url + u"-wal"_s);
        QFile::remove(m_url + u"-shm"_s);
    }
}

}   // namespace enlace::test
