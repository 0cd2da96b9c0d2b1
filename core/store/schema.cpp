#include <core/store/schema.h>

using namespace Qt::StringLiterals;

namespace enlace {

// Conventions: times are epoch milliseconds (BIGINT); booleans are INTEGER 0/1; list-valued
// columns of a contact database are JSON text; secrets are {blob} ciphertext, never plain.
const QList<Migration> &schemaMigrations()
{
    static const QList<Migration> migrations {
        { 1,
          {
              uR"(CREATE TABLE users (
                id {pk},
                username TEXT NOT NULL UNIQUE,
                password_hash TEXT NOT NULL,
                first_name TEXT NOT NULL DEFAULT '',
                last_name TEXT NOT NULL DEFAULT '',
                email TEXT NOT NULL DEFAULT '',
                role INTEGER NOT NULL,
                active INTEGER NOT NULL DEFAULT 1,
                created_at BIGINT NOT NULL))"_s,
              // Only a hash of each token is stored; the token itself exists once, in the login answer.
              uR"(CREATE TABLE api_tokens (
                id {pk},
                user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                token_hash TEXT NOT NULL UNIQUE,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL))"_s,
              uR"(CREATE TABLE login_failures (
                username TEXT PRIMARY KEY,
                failures INTEGER NOT NULL,
                last_failure_at BIGINT NOT NULL))"_s,
              uR"(CREATE TABLE agents (
                id {pk},
                user_id BIGINT NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
                sip_extension TEXT NOT NULL DEFAULT '',
                active INTEGER NOT NULL DEFAULT 1))"_s,
              uR"(CREATE TABLE external_systems (
                id {pk},
                name TEXT NOT NULL UNIQUE,
                integration_key_hash TEXT NULL UNIQUE))"_s,
              uR"(CREATE TABLE agent_external_ids (
                id {pk},
                system_id BIGINT NOT NULL REFERENCES external_systems(id) ON DELETE CASCADE,
                agent_id BIGINT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
                external_id TEXT NOT NULL,
                UNIQUE (system_id, external_id),
                UNIQUE (system_id, agent_id)))"_s,
              uR"(CREATE TABLE site_authentications (
                id {pk},
                name TEXT NOT NULL UNIQUE,
                url TEXT NOT NULL,
                username TEXT NOT NULL,
                password_enc {blob} NOT NULL,
                token_field TEXT NOT NULL DEFAULT 'token',
                duration INTEGER NOT NULL DEFAULT 0,
                duration_field TEXT NOT NULL DEFAULT '',
                ssl_strict INTEGER NOT NULL DEFAULT 1,
                token_enc {blob} NULL,
                token_expires_at BIGINT NULL))"_s,
              uR"(CREATE TABLE external_sites (
                id {pk},
                name TEXT NOT NULL UNIQUE,
                url TEXT NOT NULL,
                hidden INTEGER NOT NULL DEFAULT 0,
                trigger_type INTEGER NOT NULL DEFAULT 3,
                method INTEGER NOT NULL DEFAULT 1,
                format INTEGER NULL,
                target INTEGER NULL,
                authentication_id BIGINT NULL REFERENCES site_authentications(id) ON DELETE SET NULL,
                timeout_ms INTEGER NOT NULL DEFAULT 10000,
                max_attempts INTEGER NOT NULL DEFAULT 8,
                signature_secret_enc {blob} NULL))"_s,
              uR"(CREATE TABLE contact_databases (
                id {pk},
                name TEXT NOT NULL UNIQUE,
                columns_json TEXT NOT NULL,
                phone_columns_json TEXT NOT NULL,
                external_id_column TEXT NULL,
                created_at BIGINT NOT NULL))"_s,
              // NULL external ids are distinct under UNIQUE on both dialects: empty ids may repeat.
              uR"(CREATE TABLE contacts (
                id {pk},
                database_id BIGINT NOT NULL REFERENCES contact_databases(id) ON DELETE CASCADE,
                external_id TEXT NULL,
                phone TEXT NOT NULL,
                values_json TEXT NOT NULL,
                UNIQUE (database_id, external_id)))"_s,
              uR"(CREATE INDEX contacts_phone ON contacts (database_id, phone))"_s,
              uR"(CREATE TABLE campaigns (
                id {pk},
                name TEXT NOT NULL UNIQUE,
                type INTEGER NOT NULL,
                state INTEGER NOT NULL DEFAULT 2,
                external_system_id BIGINT NULL REFERENCES external_systems(id) ON DELETE SET NULL,
                external_id TEXT NULL,
                contact_database_id BIGINT NULL REFERENCES contact_databases(id),
                site_id BIGINT NULL REFERENCES external_sites(id),
                interaction_type INTEGER NOT NULL DEFAULT 1,
                UNIQUE (external_system_id, external_id)))"_s,
              uR"(CREATE TABLE campaign_agents (
                campaign_id BIGINT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
                agent_id BIGINT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
                PRIMARY KEY (campaign_id, agent_id)))"_s,
              uR"(CREATE INDEX campaign_agents_agent ON campaign_agents (agent_id))"_s,
              uR"(CREATE TABLE campaign_supervisors (
                campaign_id BIGINT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
                user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                PRIMARY KEY (campaign_id, user_id)))"_s,
              uR"(CREATE TABLE crm_parameters (
                id {pk},
                campaign_id BIGINT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                value TEXT NOT NULL,
                type INTEGER NOT NULL))"_s,
              uR"(CREATE TABLE disposition_options (
                id {pk},
                campaign_id BIGINT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                hidden INTEGER NOT NULL DEFAULT 0,
                crm_interaction INTEGER NOT NULL DEFAULT 0,
                engagement INTEGER NOT NULL DEFAULT 0))"_s,
              uR"(CREATE TABLE calls (
                id {pk},
                call_id TEXT NOT NULL UNIQUE,
                campaign_id BIGINT NULL REFERENCES campaigns(id) ON DELETE SET NULL,
                agent_id BIGINT NULL REFERENCES agents(id) ON DELETE SET NULL,
                contact_id BIGINT NULL REFERENCES contacts(id) ON DELETE SET NULL,
                phone TEXT NOT NULL DEFAULT '',
                call_type INTEGER NOT NULL,
                state INTEGER NOT NULL,
                recording_file TEXT NOT NULL DEFAULT '',
                wait_seconds INTEGER NOT NULL DEFAULT 0,
                dialplan_json TEXT NOT NULL DEFAULT '{}',
                offered_at BIGINT NULL,
                connected_at BIGINT NULL,
                ended_at BIGINT NULL))"_s,
              uR"(CREATE TABLE dispositions (
                id {pk},
                campaign_id BIGINT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
                contact_id BIGINT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
                option_id BIGINT NOT NULL REFERENCES disposition_options(id),
                agent_id BIGINT NOT NULL REFERENCES agents(id),
                call_id TEXT NULL,
                comments TEXT NOT NULL DEFAULT '',
                subdisposition TEXT NOT NULL DEFAULT '',
                form_json TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                UNIQUE (campaign_id, contact_id)))"_s,
              // A request to a CRM that the server must deliver. Written in the same transaction as
              // the event that causes it; claimed with a lease so several servers can share it.
              uR"(CREATE TABLE outbox (
                id {pk},
                idempotency_key TEXT NOT NULL UNIQUE,
                site_id BIGINT NULL REFERENCES external_sites(id) ON DELETE SET NULL,
                agent_id BIGINT NULL,
                call_id TEXT NULL,
                method TEXT NOT NULL,
                url TEXT NOT NULL,
                headers_json TEXT NOT NULL,
                body {blob} NULL,
                created_at BIGINT NOT NULL,
                next_attempt_at BIGINT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                lease_owner TEXT NULL,
                lease_until BIGINT NULL,
                last_status INTEGER NULL,
                last_error TEXT NULL,
                auth_id BIGINT NULL,
                timeout_ms INTEGER NOT NULL DEFAULT 10000,
                max_attempts INTEGER NOT NULL DEFAULT 8,
                signature_secret_enc {blob} NULL))"_s,
              uR"(CREATE INDEX outbox_due ON outbox (next_attempt_at))"_s,
              uR"(CREATE TABLE delivery_outcomes (
                id {pk},
                idempotency_key TEXT NOT NULL,
                site_id BIGINT NULL,
                agent_id BIGINT NULL,
                call_id TEXT NULL,
                delivered INTEGER NOT NULL,
                status INTEGER NULL,
                attempts INTEGER NOT NULL,
                latency_ms BIGINT NOT NULL,
                last_error TEXT NULL,
                finished_at BIGINT NOT NULL))"_s,
              // The agent event channel: ids are global and increasing, so a console that
              // reconnects with its last id receives what it missed, from any server instance.
              uR"(CREATE TABLE agent_events (
                id {pk},
                agent_id BIGINT NOT NULL,
                type TEXT NOT NULL,
                payload_json TEXT NOT NULL,
                created_at BIGINT NOT NULL))"_s,
              uR"(CREATE INDEX agent_events_agent ON agent_events (agent_id, id))"_s,
          } },
        // Lookups that the call path makes per PBX event and the console per agent: without these
        // they scan (found by EXPLAIN QUERY PLAN while profiling the REST benchmark).
        { 2,
          {
              uR"(CREATE INDEX agents_extension ON agents (sip_extension))"_s,
              uR"(CREATE INDEX calls_agent ON calls (agent_id, id))"_s,
              uR"(CREATE INDEX delivery_outcomes_key ON delivery_outcomes (idempotency_key))"_s,
              uR"(CREATE INDEX agent_events_created ON agent_events (created_at))"_s,
          } },
        // The reference version: one row that every change to what the API keeps in memory
        // (ReferenceCache: users, agents, their external ids, external systems and their keys,
        // campaigns, their queues and disposition options) moves on, whoever makes it: this
        // server, another one on the same database, or the command line.
        { 3,
          [] {
              QStringList s {
                  uR"(CREATE TABLE reference_version (id INTEGER PRIMARY KEY, n BIGINT NOT NULL))"_s,
                  uR"(INSERT INTO reference_version (id, n) VALUES (1, 0))"_s,
                  uR"({postgres}CREATE FUNCTION enlace_reference_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN UPDATE reference_version SET n = n + 1 WHERE id = 1; RETURN NULL; END $$)"_s,
              };
              for (const char *table : { "users", "agents", "agent_external_ids", "external_systems", "campaigns",
                                         "campaign_agents", "disposition_options" }) {
                  const QString t = QString::fromLatin1(table);
                  // PostgreSQL: once per statement; SQLite has row triggers only.
                  s.append(u"{postgres}CREATE TRIGGER "_s + t
                           + u"_reference AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "_s + t
                           + u" FOR EACH STATEMENT EXECUTE FUNCTION enlace_reference_changed()"_s);
                  for (const char *event : { "INSERT", "UPDATE", "DELETE" })
                      s.append(u"{sqlite}CREATE TRIGGER "_s + t + u"_reference_"_s
                               + QString::fromLatin1(event).toLower() + u" AFTER "_s + QString::fromLatin1(event)
                               + u" ON "_s + t + u" BEGIN UPDATE reference_version SET n = n + 1 WHERE id = 1; END"_s);
              }
              return s;
          }() },
        // CSV uploads' import jobs, so any server behind the load balancer can answer for a job
        // another one runs (ImportJobRepository). error_json holds the refusal rendered in every
        // shipped language: {"es": {"message": ..., "errors": {...}}, ...}.
        { 4,
          {
              uR"(CREATE TABLE contact_imports (
                id TEXT PRIMARY KEY,
                state TEXT NOT NULL,
                phase INTEGER NOT NULL DEFAULT 1,
                rows_done BIGINT NOT NULL DEFAULT 0,
                bytes_read BIGINT NOT NULL DEFAULT 0,
                total_bytes BIGINT NOT NULL DEFAULT 0,
                database_id BIGINT NULL,
                rows_imported BIGINT NULL,
                created_database INTEGER NULL,
                error_json TEXT NULL,
                created_by BIGINT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL))"_s,
              uR"(CREATE INDEX contact_imports_running ON contact_imports (state, updated_at))"_s,
              // A database an import is still writing in steps (SQLite, ContactImporter): the time of
              // its last step; NULL once it is complete. Hidden until then.
              uR"(ALTER TABLE contact_databases ADD COLUMN import_heartbeat BIGINT NULL)"_s,
          } },
        // Login throttling counts attempts (not only failures, so guesses sent at once are counted
        // before any is checked) per scope: "pair|<address>|<username>", "user|<username>" and
        // "address|<address>" (LoginThrottle). login_failures counted per username only.
        { 5,
          {
              uR"(DROP TABLE login_failures)"_s,
              uR"(CREATE TABLE login_attempts (
                scope TEXT PRIMARY KEY,
                attempts INTEGER NOT NULL,
                last_attempt_at BIGINT NOT NULL))"_s,
              uR"(CREATE INDEX login_attempts_last ON login_attempts (last_attempt_at))"_s,
          } },
        // The admin panel's delivery log (Outbox): one row per idempotency key from enqueue on,
        // kept after the outbox row is gone, with what a re-send needs (the request as built, its
        // sealed signature secret) and its state: pending (in the outbox), delivered, failed (given
        // up after its attempts); and one row per attempt. campaign_id is the call's, read at
        // enqueue. Rows already in the outbox or the outcome log are carried over (an outcome
        // without its request cannot be re-sent: method stays NULL).
        { 6,
          {
              uR"(CREATE TABLE deliveries (
                id {pk},
                idempotency_key TEXT NOT NULL UNIQUE,
                site_id BIGINT NULL,
                campaign_id BIGINT NULL,
                agent_id BIGINT NULL,
                call_id TEXT NULL,
                state TEXT NOT NULL,
                method TEXT NULL,
                url TEXT NULL,
                headers_json TEXT NULL,
                body {blob} NULL,
                auth_id BIGINT NULL,
                timeout_ms INTEGER NOT NULL DEFAULT 10000,
                max_attempts INTEGER NOT NULL DEFAULT 8,
                signature_secret_enc {blob} NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL))"_s,
              uR"(CREATE INDEX deliveries_created ON deliveries (created_at, id))"_s,
              uR"(CREATE INDEX deliveries_site ON deliveries (site_id, created_at))"_s,
              uR"(CREATE INDEX deliveries_campaign ON deliveries (campaign_id, created_at))"_s,
              uR"(CREATE TABLE delivery_attempts (
                id {pk},
                idempotency_key TEXT NOT NULL,
                attempted_at BIGINT NOT NULL,
                status INTEGER NULL,
                error TEXT NULL,
                elapsed_ms BIGINT NULL))"_s,
              uR"(CREATE INDEX delivery_attempts_key ON delivery_attempts (idempotency_key, id))"_s,
              uR"(INSERT INTO deliveries (idempotency_key, site_id, campaign_id, agent_id, call_id, state, method, url,
                headers_json, body, auth_id, timeout_ms, max_attempts, signature_secret_enc, created_at, updated_at)
                SELECT o.idempotency_key, o.site_id, (SELECT c.campaign_id FROM calls c WHERE c.call_id = o.call_id),
                o.agent_id, o.call_id, 'pending', o.method, o.url, o.headers_json, o.body, o.auth_id, o.timeout_ms,
                o.max_attempts, o.signature_secret_enc, o.created_at, o.created_at FROM outbox o)"_s,
              uR"(INSERT INTO deliveries (idempotency_key, site_id, campaign_id, agent_id, call_id, state, created_at,
                updated_at)
                SELECT f.idempotency_key, f.site_id, (SELECT c.campaign_id FROM calls c WHERE c.call_id = f.call_id),
                f.agent_id, f.call_id, CASE WHEN f.delivered = 1 THEN 'delivered' ELSE 'failed' END,
                f.finished_at - f.latency_ms, f.finished_at FROM delivery_outcomes f
                WHERE f.id = (SELECT MAX(g.id) FROM delivery_outcomes g WHERE g.idempotency_key = f.idempotency_key)
                AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.idempotency_key = f.idempotency_key))"_s,
          } },
    };
    return migrations;
}

}   // namespace enlace
