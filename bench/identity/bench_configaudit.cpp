// ConfigAudit::all() over a configuration the size of a large contact center:
// 10,000 agents, 100 external systems, 1,000 campaigns with 20 queue agents each.
// Run: bench_configaudit [--benchmark_repetitions=5]; the store is a SQLite file in a temp dir.
#include <core/identity/configaudit.h>
#include <core/store/database.h>

#include <QCoreApplication>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

constexpr int kAgents = 10'000;
constexpr int kSystems = 100;
constexpr int kCampaigns = 1'000;
constexpr int kQueue = 20;
constexpr int kBatch = 500;

// Multi-row INSERTs with bound values, kBatch rows per statement.
class BatchInsert
{
public:
    BatchInsert(const Database &db, QString head, int columns)
        : m_db(db)
        , m_head(std::move(head))
        , m_columns(columns)
    { }
    ~BatchInsert() { flush(); }
    void add(const QVariantList &row)
    {
        m_values.append(row);
        if (++m_rows == kBatch)
            flush();
    }
    void flush()
    {
        if (m_rows == 0)
            return;
        QString tuple = u"("_s;
        for (int c = 0; c < m_columns; ++c)
            tuple += c == 0 ? u"?"_s : u", ?"_s;
        tuple += u')';
        QStringList tuples;
        for (int r = 0; r < m_rows; ++r)
            tuples.append(tuple);
        if (auto q = m_db.exec(m_head + u" VALUES "_s + tuples.join(u", "_s), m_values); !q)
            qFatal("seed: %s", qPrintable(q.error().text()));
        m_values.clear();
        m_rows = 0;
    }

private:
    const Database &m_db;
    QString m_head;
    int m_columns;
    QVariantList m_values;
    int m_rows = 0;
};

int systemOf(int c)
{
    return c % kSystems;
}
int queueMember(int c, int k)
{
    return (c * 10 + k) % kAgents;
}

// Ids are 1-based and dense because each table starts empty.
void seed(const Database &db)
{
    Database::Transaction tx(db);
    {
        BatchInsert users(db, u"INSERT INTO users (username, password_hash, first_name, last_name, role, created_at)"_s,
                          6);
        for (int a = 0; a < kAgents; ++a)
            users.add({ u"agent%1"_s.arg(a), u"-"_s, u"First"_s, u"Last"_s, 5, 0 });
    }
    {
        BatchInsert agents(db, u"INSERT INTO agents (user_id, sip_extension)"_s, 2);
        for (int a = 0; a < kAgents; ++a)
            agents.add({ a + 1, QString::number(1000 + a) });
    }
    {
        BatchInsert systems(db, u"INSERT INTO external_systems (name)"_s, 1);
        for (int s = 0; s < kSystems; ++s)
            systems.add({ u"CRM %1"_s.arg(s) });
    }
    {
        // Each system knows the agents of its campaigns' queues, except one in twenty.
        BatchInsert ids(db, u"INSERT INTO agent_external_ids (system_id, agent_id, external_id)"_s, 3);
        for (int s = 0; s < kSystems; ++s) {
            QSet<int> known;
            for (int c = s; c < kCampaigns; c += kSystems)
                for (int k = 0; k < kQueue; ++k)
                    known.insert(queueMember(c, k));
            for (int a : std::as_const(known))
                if ((a + s) % 20 != 0)
                    ids.add({ s + 1, a + 1, u"ext-%1"_s.arg(a) });
        }
    }
    {
        BatchInsert databases(
            db,
            u"INSERT INTO contact_databases (name, columns_json, phone_columns_json, external_id_column, created_at)"_s,
            5);
        for (int d = 0; d < kCampaigns; ++d)
            databases.add({ u"DB %1"_s.arg(d), u"[\"telefono\",\"id\"]"_s, u"[\"telefono\"]"_s, u"id"_s, 0 });
        BatchInsert sites(db, u"INSERT INTO external_sites (name, url, trigger_type, method, format, target)"_s, 6);
        for (int s = 0; s < kSystems; ++s)
            sites.add({ u"Site %1"_s.arg(s), u"https://crm.example/"_s, 1, 1, 1, 2 });
    }
    {
        // Mostly one database per campaign and one site per system; every tenth pair of campaigns
        // shares a database across systems, and a few campaigns borrow site 1 of another system.
        BatchInsert campaigns(
            db,
            u"INSERT INTO campaigns (name, type, external_system_id, external_id, contact_database_id, site_id, interaction_type)"_s,
            7);
        for (int c = 0; c < kCampaigns; ++c) {
            const int database = c % 10 == 1 ? c - 1 : c;
            const int site = c % 50 == 7 ? 0 : systemOf(c);
            campaigns.add({ u"Campaign %1"_s.arg(c), 3, systemOf(c) + 1, u"c%1"_s.arg(c), database + 1, site + 1, 2 });
        }
    }
    {
        BatchInsert queue(db, u"INSERT INTO campaign_agents (campaign_id, agent_id)"_s, 2);
        for (int c = 0; c < kCampaigns; ++c)
            for (int k = 0; k < kQueue; ++k)
                queue.add({ c + 1, queueMember(c, k) + 1 });
    }
    if (auto r = tx.commit(); !r)
        qFatal("seed commit: %s", qPrintable(r.error().text()));
}

struct Store
{
    QTemporaryDir dir;
    std::shared_ptr<Database> db;
    Store()
    {
        auto opened = Database::open(dir.filePath(u"bench.db"_s));
        if (!opened)
            qFatal("open: %s", qPrintable(opened.error().text()));
        db = opened.value();
        seed(*db);
        (void)db->execStatic(u"ANALYZE"_s);
    }
};

Store &store()
{
    static Store s;
    return s;
}

void BM_ConfigAuditAll(benchmark::State &state)
{
    const ConfigAudit audit(store().db);
    qsizetype warnings = 0;
    for (auto _ : state) {
        const QList<ConfigWarning> found = audit.all().value();
        warnings = found.size();
        benchmark::DoNotOptimize(found.constData());
    }
    state.counters["warnings"] = double(warnings);
}
BENCHMARK(BM_ConfigAuditAll)->Unit(benchmark::kMillisecond);

void BM_ConfigAuditForCampaign(benchmark::State &state)
{
    const ConfigAudit audit(store().db);
    qint64 c = 1;
    for (auto _ : state) {
        benchmark::DoNotOptimize(audit.forCampaign(c).value().size());
        c = c % kCampaigns + 1;
    }
}
BENCHMARK(BM_ConfigAuditForCampaign)->Unit(benchmark::kMicrosecond);

void BM_ConfigAuditForSystem(benchmark::State &state)
{
    const ConfigAudit audit(store().db);
    qint64 s = 1;
    for (auto _ : state) {
        benchmark::DoNotOptimize(audit.forSystem(s).value().size());
        s = s % kSystems + 1;
    }
}
BENCHMARK(BM_ConfigAuditForSystem)->Unit(benchmark::kMicrosecond);

// Reference: the same warnings gathered one entity at a time, as a screen that audits each
// campaign and each system separately would (about 4 queries per entity).
void BM_ReferencePerEntity(benchmark::State &state)
{
    const ConfigAudit audit(store().db);
    qsizetype warnings = 0;
    for (auto _ : state) {
        warnings = 0;
        for (qint64 c = 1; c <= kCampaigns; ++c)
            warnings += audit.forCampaign(c).value().size();
        for (qint64 s = 1; s <= kSystems; ++s)
            warnings += audit.forSystem(s).value().size();
    }
    state.counters["warnings"] = double(warnings);
}
BENCHMARK(BM_ReferencePerEntity)->Unit(benchmark::kMillisecond);

}   // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    store();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
