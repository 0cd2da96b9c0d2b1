#pragma once

#include <core/model/demodefaults.h>
#include <core/model/result.h>

#include <QHostAddress>
#include <QList>
#include <QProcessEnvironment>
#include <QString>

#include <utility>

class QCommandLineParser;

namespace enlace {

// How enlace-server runs. Each setting comes, in increasing precedence, from the defaults, the
// INI file (--config FILE or ENLACE_CONFIG, section [server]), the environment and the command line.
//   setting          INI key                  environment                 option
//   database         database                 ENLACE_DATABASE             --database URL
//   listen           listen                   ENLACE_LISTEN               --listen HOST:PORT
//   TLS              tls_cert / tls_key       ENLACE_TLS_CERT / _KEY      --tls-cert / --tls-key FILE
//   PBX              pbx                      ENLACE_PBX                  --pbx simulated|ami://...
//   secret key file  secret_key_file          ENLACE_SECRET_KEY_FILE      --secret-key-file FILE
//   token lifetime   token_lifetime_seconds   ENLACE_TOKEN_LIFETIME (or OMniLeads' TOKEN_EXPIRED_AFTER_SECONDS)
//   body limit       max_body_bytes           ENLACE_MAX_BODY_BYTES
//   upload limit     max_upload_bytes         ENLACE_MAX_UPLOAD_BYTES   (CSV uploads: HttpServerLimits)
//   per-address      max_connections_per_address  ENLACE_MAX_CONNECTIONS_PER_ADDRESS
//   proxies          trusted_proxies          ENLACE_TRUSTED_PROXIES      (addresses or CIDR, comma-separated)
//   login bound      login_max_failures_per_address  ENLACE_LOGIN_MAX_FAILURES_PER_ADDRESS
//   log level        log_level                ENLACE_LOG_LEVEL            --log-level debug|info|warning
//   public URL       public_url               ENLACE_PUBLIC_URL           --public-url URL
//   demo             demo                     ENLACE_DEMO                 --demo
//   instance id      instance_id              ENLACE_INSTANCE_ID          --instance-id ID
struct ServerConfig
{
    QString databaseUrl;   // empty: <data dir>/enlace.db
    QString listenHost = QString::fromLatin1(demo::ListenHost);
    quint16 listenPort = demo::ListenPort;
    QString tlsCertificate;
    QString tlsKey;
    QString pbx = QStringLiteral("simulated");
    QString secretKeyFile;   // empty: <data dir>/secret.key
    qint64 tokenLifetimeSeconds = 9 * 3600;
    qint64 maxBodyBytes = 1024 * 1024;
    qint64 maxUploadBytes = 256LL * 1024 * 1024;
    qint64 maxConnectionsPerAddress = 256;   // HTTP connections from one client address (HttpServerLimits)
    // Reverse proxies whose X-Forwarded-For names the client (HttpServerLimits::trustedProxies).
    QList<std::pair<QHostAddress, int>> trustedProxies;
    // Failed logins from one client address, whatever the username, before it answers 429
    // (LoginThrottlePolicy::maxAddressFailures): a contact center behind one NAT address is one client.
    qint64 loginMaxFailuresPerAddress = 100;
    QString logLevel = QStringLiteral("info");
    QString publicUrl;   // empty: http(s)://<listen>
    bool demo = false;
    QString instanceId;   // empty: effectiveInstanceId()'s stable default
    QString language = QStringLiteral("es");   // of values the server resolves (campaign type names)
    int eventPollMs = 1000;
    double simulatedTimeScale
        = 1.0;   // SimulatedPbx delays (ring, talk, inbound interval); ENLACE_SIMULATED_TIME_SCALE

    // QStandardPaths::AppDataLocation, created on demand.
    static QString dataDirectory();
    QString effectiveDatabaseUrl() const;
    QString effectiveSecretKeyFile() const;
    QString effectivePublicUrl(quint16 actualPort) const;
    // Who this server is among the instances sharing a database (the owner of its outbox leases):
    // the configured id, else "<host>-<listen port>-<8 hex of the data directory's path>", the
    // same at every start on this host and directory, so a restarted server takes its own leases
    // back at once. Two servers running at once must not share it.
    QString effectiveInstanceId() const;

    // "host:port", "[v6]:port", ":port" (all interfaces) or "port".
    Result<void> setListen(const QString &text);
    // "10.0.0.5, 192.168.0.0/24, ::1"; an empty text trusts none.
    Result<void> setTrustedProxies(const QString &text);
    Result<void> applyFile(const QString &path);
    Result<void> applyEnvironment(const QProcessEnvironment &env);
    // The parser must have been set up by addOptions().
    Result<void> applyOptions(const QCommandLineParser &parser);
    static void addOptions(QCommandLineParser &parser);

    // Defaults < file < environment < options; the file is --config or ENLACE_CONFIG.
    static Result<ServerConfig> load(const QCommandLineParser &parser, const QProcessEnvironment &env);
};

}   // namespace enlace
