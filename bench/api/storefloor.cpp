// The store's floor under the REST API benchmark: what the durable part of one makeCall and of one
// disposition costs on SQLite's own C API, with no HTTP, no Qt, no JSON building and nothing else
// running. bench/api/run.sh prints it next to wrk's figures, so the ratio goal can be judged
// against what the storage alone needs on the same machine (bench/RESULTS.md).
//
//   bench_store_floor <seeded SQLite file (a copy: it is written)> [--calls N] [--dispositions N]
//
// The statements are those the server runs (CallRepository, EventLog, routes::Lookup,
// DispositionRepository), on the seeded data set (10,000 agents, 1,000 campaigns, 1,000,000
// contacts), with the server's connection settings (WAL, synchronous NORMAL, foreign keys, memory
// map):
// - a call: its row inserted at "offered" and updated at "connected" and "ended" (each returning the
//   row, as CallRepository reads it), three agent events of a realistic size; 21 calls (63 events)
//   per transaction, as the recording thread batches up to 64 events;
// - a disposition: the contact found by external id, the row inserted (ON CONFLICT DO NOTHING
//   RETURNING id), one commit per request, as the route does.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sqlite3.h>
#include <string>

namespace {

sqlite3 *g_db = nullptr;

[[noreturn]] void die(const char *what)
{
    std::fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(g_db));
    std::exit(1);
}

sqlite3_stmt *prepare(const std::string &sql)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v3(g_db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK)
        die(sql.c_str());
    return statement;
}

// Steps to the end (reading every returned column, as a caller would) and resets.
void run(sqlite3_stmt *statement)
{
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        for (int c = 0, n = sqlite3_column_count(statement); c < n; ++c) {
            if (sqlite3_column_type(statement, c) == SQLITE_TEXT)
                (void)sqlite3_column_text(statement, c);
            else
                (void)sqlite3_column_int64(statement, c);
        }
    }
    if (rc != SQLITE_DONE)
        die("step");
    sqlite3_reset(statement);
}

void exec(const char *sql)
{
    if (sqlite3_exec(g_db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        die(sql);
}

using i64 = long long;

i64 scalar(const char *sql)
{
    sqlite3_stmt *s = prepare(sql);
    i64 v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_finalize(s);
    return v;
}

double microsecondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
}

}   // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_store_floor <seeded SQLite file, a copy> [--calls N] [--dispositions N]\n");
        return 2;
    }
    int calls = 30000, dispositions = 30000;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--calls"))
            calls = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--dispositions"))
            dispositions = std::atoi(argv[i + 1]);
    }
    if (sqlite3_open_v2(argv[1], &g_db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
        die(argv[1]);
    exec("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = "
         "1073741824");

    const i64 firstAgent = scalar("SELECT MIN(id) FROM agents");
    const i64 agentCount = scalar("SELECT COUNT(*) FROM agents");
    const i64 firstCampaign = scalar("SELECT MIN(id) FROM campaigns");
    const i64 campaignCount = scalar("SELECT COUNT(*) FROM campaigns");
    const i64 firstOption = scalar("SELECT MIN(id) FROM disposition_options");
    const i64 database = scalar("SELECT MIN(id) FROM contact_databases");
    const i64 contactCount = scalar("SELECT COUNT(*) FROM contacts");
    const i64 firstContact = scalar("SELECT MIN(id) FROM contacts");
    if (agentCount == 0 || campaignCount == 0 || contactCount == 0 || firstOption == 0) {
        std::fprintf(stderr, "%s is not a seeded benchmark database (bench_api_seed)\n", argv[1]);
        return 1;
    }
    const i64 now = 1764633600000LL;

    // A call: the statements of CallRepository::record and EventLog::append.
    const std::string columns
        = " RETURNING id, call_id, campaign_id, agent_id, contact_id, phone, call_type, state, recording_file, "
          "wait_seconds, dialplan_json, offered_at, connected_at, ended_at";
    sqlite3_stmt *insertCall
        = prepare("INSERT INTO calls (call_id, campaign_id, agent_id, contact_id, phone, call_type, state, "
                  "recording_file, wait_seconds, "
                  "dialplan_json, offered_at) VALUES (?, (SELECT id FROM campaigns WHERE id = ?), (SELECT id FROM "
                  "agents WHERE id = ?), "
                  "(SELECT id FROM contacts WHERE id = ?), ?, 1, 1, ?, 0, '{}', ?) ON CONFLICT (call_id) DO NOTHING"
                  + columns);
    sqlite3_stmt *connectCall
        = prepare("UPDATE calls SET state = ?, connected_at = ? WHERE call_id = ? AND state < ?" + columns);
    sqlite3_stmt *endCall
        = prepare("UPDATE calls SET state = ?, ended_at = ? WHERE call_id = ? AND state < ?" + columns);
    sqlite3_stmt *insertEvent
        = prepare("INSERT INTO agent_events (agent_id, type, payload_json, created_at) VALUES (?, ?, ?, ?)");
    // A call.connected payload as the benchmark's calls write it (its campaigns have no site, so no
    // interaction): about 370 bytes.
    const std::string payload
        = R"({"agent_id":4840,"call_id":"1796167892.1","call_type":6,"campaign_id":484,"campaign_name":"Campaign 483",)"
          R"("campaign_type":3,"contact":{"id_externo":"E0296885","nombre":"Contacto 296885","telefono":"5500296885"},)"
          R"("contact_id":296886,"dialplan":{},"interaction":null,"phone":"5500296885",)"
          R"("recording_file":"20261201-233132_5500296885_1796167892.1.wav","wait_seconds":0})";
    const char *types[] = { "call.offered", "call.connected", "call.ended" };
    constexpr int kCallsPerTransaction = 21;

    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < calls; i += kCallsPerTransaction) {
        exec("BEGIN IMMEDIATE");
        for (int j = i; j < i + kCallsPerTransaction && j < calls; ++j) {
            char callId[32];
            std::snprintf(callId, sizeof callId, "floor-%08d", j);
            const i64 agent = firstAgent + j % agentCount;
            sqlite3_bind_text(insertCall, 1, callId, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(insertCall, 2, firstCampaign + j % campaignCount);
            sqlite3_bind_int64(insertCall, 3, agent);
            sqlite3_bind_int64(insertCall, 4, firstContact + (i64(j) * 7919) % contactCount);
            sqlite3_bind_text(insertCall, 5, "5500123456", -1, SQLITE_STATIC);
            sqlite3_bind_text(insertCall, 6, "20261201-floor.wav", -1, SQLITE_STATIC);
            sqlite3_bind_int64(insertCall, 7, now);
            run(insertCall);
            int state = 2;
            for (sqlite3_stmt *update : { connectCall, endCall }) {
                sqlite3_bind_int(update, 1, state);
                sqlite3_bind_int64(update, 2, now);
                sqlite3_bind_text(update, 3, callId, -1, SQLITE_TRANSIENT);
                sqlite3_bind_int(update, 4, state);
                run(update);
                ++state;
            }
            for (const char *type : types) {
                sqlite3_bind_int64(insertEvent, 1, agent);
                sqlite3_bind_text(insertEvent, 2, type, -1, SQLITE_STATIC);
                sqlite3_bind_text(insertEvent, 3, payload.data(), int(payload.size()), SQLITE_STATIC);
                sqlite3_bind_int64(insertEvent, 4, now);
                run(insertEvent);
            }
        }
        exec("COMMIT");
    }
    const double perCall = microsecondsSince(start) / calls;

    // A disposition: routes::Lookup::contactByExternalId, then DispositionRepository::create.
    sqlite3_stmt *findContact = prepare("SELECT id FROM contacts WHERE database_id = ? AND external_id = ?");
    sqlite3_stmt *insertDisposition = prepare("INSERT INTO dispositions (campaign_id, contact_id, option_id, agent_id, "
                                              "call_id, comments, subdisposition, form_json, "
                                              "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'bench', '', '', ?, ?) "
                                              "ON CONFLICT (campaign_id, contact_id) DO NOTHING RETURNING id");
    // perTransaction 1 is what the route does; more is group commit (several requests' rows in one
    // transaction), which the server does not do: the figure says what it would save.
    int next = 0;
    const auto disposition = [&](int perTransaction) {
        const auto start = std::chrono::steady_clock::now();
        for (int n = 0; n < dispositions; ++n) {
            const int k = next++;
            const i64 campaign = k % campaignCount;
            char externalId[16], callId[32];
            std::snprintf(externalId, sizeof externalId, "E%07lld", (k / campaignCount) % contactCount);
            std::snprintf(callId, sizeof callId, "b-%d", k);
            sqlite3_bind_int64(findContact, 1, database);
            sqlite3_bind_text(findContact, 2, externalId, -1, SQLITE_TRANSIENT);
            i64 contact = 0;
            if (sqlite3_step(findContact) == SQLITE_ROW)
                contact = sqlite3_column_int64(findContact, 0);
            sqlite3_reset(findContact);
            if (contact == 0)
                die("contact by external id");
            if (n % perTransaction == 0)
                exec("BEGIN IMMEDIATE");
            sqlite3_bind_int64(insertDisposition, 1, firstCampaign + campaign);
            sqlite3_bind_int64(insertDisposition, 2, contact);
            sqlite3_bind_int64(insertDisposition, 3, firstOption + campaign);
            sqlite3_bind_int64(insertDisposition, 4, firstAgent + (k % agentCount));
            sqlite3_bind_text(insertDisposition, 5, callId, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(insertDisposition, 6, now);
            sqlite3_bind_int64(insertDisposition, 7, now);
            run(insertDisposition);
            if (n % perTransaction == perTransaction - 1 || n == dispositions - 1)
                exec("COMMIT");
        }
        return microsecondsSince(start) / dispositions;
    };
    const double perDisposition = disposition(1);
    const double perGrouped = disposition(16);

    std::printf("store floor (SQLite C API, one thread, nothing else): makeCall's recording %.1f us per call "
                "(3 transitions + 3 events, %d calls); disposition %.1f us (lookup + insert + commit, %d), "
                "%.1f us with 16 per commit\n",
                perCall, calls, perDisposition, dispositions, perGrouped);
    for (sqlite3_stmt *s : { insertCall, connectCall, endCall, insertEvent, findContact, insertDisposition })
        sqlite3_finalize(s);
    sqlite3_close(g_db);
    return 0;
}
