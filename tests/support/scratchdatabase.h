#pragma once

#include <core/store/database.h>

#include <QString>

#include <memory>

namespace enlace::test {

// Data-driven store tests run every case on both stores:
//   void x_data() { enlace::test::addBackendRows(); ... }
//   void x() { QFETCH(QString, backend); ENLACE_SCRATCH_DB(db, backend); ... }
// The SQLite store is a fresh file in a temporary dir; the PostgreSQL store is a fresh schema in
// the database named by ENLACE_TEST_PG_URL, dropped afterwards.
void addBackendColumn();
void addBackendRows();   // adds the column and the rows "sqlite" and "postgresql"
void newBackendRows(const char *name);   // rows "<name> sqlite" and "<name> postgresql" (column must exist)
bool postgresAvailable();
bool postgresRequired();

class ScratchDatabase final
{
public:
    explicit ScratchDatabase(const QString &backend);
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase &) = delete;
    ScratchDatabase &operator=(const ScratchDatabase &) = delete;

    bool skipped() const { return m_skipped; }
    QString error() const { return m_error; }
    const std::shared_ptr<Database> &db() const { return m_db; }
    // The url to open the same store again (a second instance, a restart).
    QString url() const { return m_url; }

private:
    std::shared_ptr<Database> m_db;
    QString m_url;
    QString m_schema;
    QString m_dir;
    QString m_error;
    bool m_skipped = false;
};

}   // namespace enlace::test

#define ENLACE_SCRATCH_DB(scratch, backend)                                                                            \
    ::enlace::test::ScratchDatabase scratch(backend);                                                                  \
    if (scratch.skipped())                                                                                             \
        QSKIP("PostgreSQL not configured (set ENLACE_TEST_PG_URL)");                                                   \
    QVERIFY2(scratch.db(), qPrintable(scratch.error()))
