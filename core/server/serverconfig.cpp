#include <core/model/message.h>
#include <core/server/serverconfig.h>

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QHostInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

Error configError(const Message &message)
{
    return Error { Error::Kind::Invalid, u"config.invalid"_s, message, {}, {} };
}

Result<bool> parseBool(const QString &text, const QString &name)
{
    const QString t = text.trimmed().toLower();
    if (t == u"1"_s || t == u"true"_s || t == u"yes"_s || t == u"on"_s)
        return true;
    if (t == u"0"_s || t == u"false"_s || t == u"no"_s || t == u"off"_s || t.isEmpty())
        return false;
    return configError(
        Message::make("Api", QT_TRANSLATE_NOOP("Api", "%1 must be true or false, not \"%2\".")).arg(name).arg(text));
}

Result<qint64> parsePositive(const QString &text, const QString &name)
{
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok || v <= 0)
        return configError(
            Message::make("Api", QT_TRANSLATE_NOOP("Api", "%1 must be a positive whole number, not \"%2\"."))
                .arg(name)
                .arg(text));
    return v;
}

Result<void> checkLevel(const QString &level)
{
    if (level == u"debug"_s || level == u"info"_s || level == u"warning"_s || level == u"error"_s)
        return {};
    return configError(
        Message::make("Api",
                      QT_TRANSLATE_NOOP("Api", "The log level must be debug, info, warning or error, not \"%1\"."))
            .arg(level));
}

}   // namespace

QString ServerConfig::dataDirectory()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + u"/.local/share/enlace-server"_s;
    QDir().mkpath(dir);
    return dir;
}

QString ServerConfig::effectiveDatabaseUrl() const
{
    return databaseUrl.isEmpty() ? dataDirectory() + u"/enlace.db"_s : databaseUrl;
}

QString ServerConfig::effectiveSecretKeyFile() const
{
    if (!secretKeyFile.isEmpty())
        return secretKeyFile;
    // Next to a SQLite file given explicitly, so a demo directory is self-contained.
    const QString db = effectiveDatabaseUrl();
    if (!db.startsWith(u"postgres"_s) && !db.startsWith(u"sqlite::memory"_s)) {
        const QString path = db.startsWith(u"sqlite://"_s) ? db.mid(9) : db;
        return QFileInfo(path).absolutePath() + u"/secret.key"_s;
    }
    return dataDirectory() + u"/secret.key"_s;
}

QString ServerConfig::effectiveInstanceId() const
{
    if (!instanceId.isEmpty())
        return instanceId;
    // The data directory is where the secret key lives (next to a SQLite file given explicitly).
    const QString directory = QFileInfo(effectiveSecretKeyFile()).absolutePath();
    const QByteArray hash = QCryptographicHash::hash(directory.toUtf8(), QCryptographicHash::Sha256).toHex().left(8);
    QString host = QHostInfo::localHostName();
    for (QChar &c : host)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'.')
            c = u'_';
    return u"%1-%2-%3"_s.arg(host.left(40), QString::number(listenPort), QString::fromLatin1(hash));
}

QString ServerConfig::effectivePublicUrl(quint16 actualPort) const
{
    if (!publicUrl.isEmpty())
        return publicUrl.endsWith(u'/') ? publicUrl.chopped(1) : publicUrl;
    QString host = listenHost;
    if (host.isEmpty() || host == u"0.0.0.0"_s || host == u"::"_s)
        host = u"127.0.0.1"_s;
    if (host.contains(u':'))
        host = u'[' + host + u']';
    const QString scheme = tlsCertificate.isEmpty() ? u"http"_s : u"https"_s;
    return u"%1://%2:%3"_s.arg(scheme, host).arg(actualPort);
}

namespace {

// Lease owners are compared as text and logged: letters, digits, '.', '_', '-', at most 64.
Result<void> setInstanceId(QString &target, const QString &text)
{
    static const QRegularExpression valid(u"^[A-Za-z0-9._-]{1,64}$"_s);
    if (!valid.match(text).hasMatch())
        return configError(
            Message::make(
                "Api",
                QT_TRANSLATE_NOOP("Api",
                                  "The instance id \"%1\" is not valid: use 1 to 64 letters, digits, '.', '_' or '-'."))
                .arg(text));
    target = text;
    return {};
}

}   // namespace

Result<void> ServerConfig::setTrustedProxies(const QString &text)
{
    QList<std::pair<QHostAddress, int>> subnets;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QString entry = part.trimmed();
        if (entry.isEmpty())
            continue;
        std::pair<QHostAddress, int> subnet;
        if (entry.contains(u'/')) {
            subnet = QHostAddress::parseSubnet(entry);
        } else {
            const QHostAddress address(entry);
            subnet = { address, address.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32 };
        }
        if (subnet.first.isNull() || subnet.second < 0)
            return configError(
                Message::make("Api",
                              QT_TRANSLATE_NOOP("Api", "The trusted proxy \"%1\" is not an IP address or subnet."))
                    .arg(entry));
        subnets.append(subnet);
    }
    trustedProxies = subnets;
    return {};
}

Result<void> ServerConfig::setListen(const QString &text)
{
    const QString t = text.trimmed();
    QString host = listenHost;
    QString port = t;
    if (t.startsWith(u'[')) {
        const qsizetype close = t.indexOf(u']');
        if (close < 0 || t.mid(close + 1, 1) != u":"_s)
            return configError(
                Message::make("Api", QT_TRANSLATE_NOOP("Api", "Cannot read the listen address \"%1\"; use host:port."))
                    .arg(text));
        host = t.mid(1, close - 1);
        port = t.mid(close + 2);
    } else if (t.count(u':') == 1) {
        host = t.section(u':', 0, 0);
        port = t.section(u':', 1);
        if (host.isEmpty())
            host = u"0.0.0.0"_s;
    } else if (t.contains(u':')) {
        return configError(
            Message::make("Api", QT_TRANSLATE_NOOP("Api", "Cannot read the listen address \"%1\"; use host:port."))
                .arg(text));
    }
    bool ok = false;
    const int p = port.toInt(&ok);
    if (!ok || p < 0 || p > 65535)
        return configError(
            Message::make("Api", QT_TRANSLATE_NOOP("Api", "Cannot read the listen address \"%1\"; use host:port."))
                .arg(text));
    if (host != u"localhost"_s && QHostAddress(host).isNull())
        return configError(
            Message::make("Api", QT_TRANSLATE_NOOP("Api", "The listen host \"%1\" is not an IP address.")).arg(host));
    listenHost = host == u"localhost"_s ? u"127.0.0.1"_s : host;
    listenPort = quint16(p);
    return {};
}

Result<void> ServerConfig::applyFile(const QString &path)
{
    if (!QFileInfo::exists(path))
        return configError(
            Message::make("Api", QT_TRANSLATE_NOOP("Api", "The configuration file %1 does not exist.")).arg(path));
    QSettings ini(path, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        return configError(
            Message::make("Api", QT_TRANSLATE_NOOP("Api", "Cannot read the configuration file %1.")).arg(path));
    ini.beginGroup(u"server"_s);
    const auto text = [&](const char *key) { return ini.value(QString::fromLatin1(key)).toString(); };
    if (ini.contains(u"database"_s))
        databaseUrl = text("database");
    if (ini.contains(u"listen"_s))
        if (auto r = setListen(text("listen")); !r.ok())
            return r;
    if (ini.contains(u"tls_cert"_s))
        tlsCertificate = text("tls_cert");
    if (ini.contains(u"tls_key"_s))
        tlsKey = text("tls_key");
    if (ini.contains(u"pbx"_s))
        pbx = text("pbx");
    if (ini.contains(u"secret_key_file"_s))
        secretKeyFile = text("secret_key_file");
    if (ini.contains(u"instance_id"_s))
        if (auto r = setInstanceId(instanceId, text("instance_id")); !r.ok())
            return r;
    if (ini.contains(u"token_lifetime_seconds"_s)) {
        auto v = parsePositive(text("token_lifetime_seconds"), u"token_lifetime_seconds"_s);
        if (!v.ok())
            return v.error();
        tokenLifetimeSeconds = v.value();
    }
    for (const auto &[key, limit] :
         { std::pair { "max_body_bytes", &maxBodyBytes }, std::pair { "max_upload_bytes", &maxUploadBytes },
           std::pair { "max_connections_per_address", &maxConnectionsPerAddress },
           std::pair { "login_max_failures_per_address", &loginMaxFailuresPerAddress } }) {
        if (!ini.contains(QString::fromLatin1(key)))
            continue;
        auto v = parsePositive(text(key), QString::fromLatin1(key));
        if (!v.ok())
            return v.error();
        *limit = v.value();
    }
    if (ini.contains(u"trusted_proxies"_s))
        // QSettings splits a comma-separated value into a list.
        if (auto r = setTrustedProxies(ini.value(u"trusted_proxies"_s).toStringList().join(u',')); !r.ok())
            return r;
    if (ini.contains(u"log_level"_s)) {
        logLevel = text("log_level").toLower();
        if (auto r = checkLevel(logLevel); !r.ok())
            return r;
    }
    if (ini.contains(u"public_url"_s))
        publicUrl = text("public_url");
    if (ini.contains(u"language"_s))
        language = text("language");
    if (ini.contains(u"demo"_s)) {
        auto v = parseBool(text("demo"), u"demo"_s);
        if (!v.ok())
            return v.error();
        demo = v.value();
    }
    return {};
}

Result<void> ServerConfig::applyEnvironment(const QProcessEnvironment &env)
{
    const auto has = [&](const char *name) {
        return env.contains(QString::fromLatin1(name)) && !env.value(QString::fromLatin1(name)).isEmpty();
    };
    const auto get = [&](const char *name) { return env.value(QString::fromLatin1(name)); };
    if (has("ENLACE_DATABASE"))
        databaseUrl = get("ENLACE_DATABASE");
    if (has("ENLACE_LISTEN"))
        if (auto r = setListen(get("ENLACE_LISTEN")); !r.ok())
            return r;
    if (has("ENLACE_TLS_CERT"))
        tlsCertificate = get("ENLACE_TLS_CERT");
    if (has("ENLACE_TLS_KEY"))
        tlsKey = get("ENLACE_TLS_KEY");
    if (has("ENLACE_PBX"))
        pbx = get("ENLACE_PBX");
    if (has("ENLACE_SECRET_KEY_FILE"))
        secretKeyFile = get("ENLACE_SECRET_KEY_FILE");
    if (has("ENLACE_INSTANCE_ID"))
        if (auto r = setInstanceId(instanceId, get("ENLACE_INSTANCE_ID")); !r.ok())
            return r;
    for (const char *name : { "TOKEN_EXPIRED_AFTER_SECONDS", "ENLACE_TOKEN_LIFETIME" }) {
        if (has(name)) {
            auto v = parsePositive(get(name), QString::fromLatin1(name));
            if (!v.ok())
                return v.error();
            tokenLifetimeSeconds = v.value();
        }
    }
    for (const auto &[name, limit] :
         { std::pair { "ENLACE_MAX_BODY_BYTES", &maxBodyBytes },
           std::pair { "ENLACE_MAX_UPLOAD_BYTES", &maxUploadBytes },
           std::pair { "ENLACE_MAX_CONNECTIONS_PER_ADDRESS", &maxConnectionsPerAddress },
           std::pair { "ENLACE_LOGIN_MAX_FAILURES_PER_ADDRESS", &loginMaxFailuresPerAddress } }) {
        if (!has(name))
            continue;
        auto v = parsePositive(get(name), QString::fromLatin1(name));
        if (!v.ok())
            return v.error();
        *limit = v.value();
    }
    if (has("ENLACE_TRUSTED_PROXIES"))
        if (auto r = setTrustedProxies(get("ENLACE_TRUSTED_PROXIES")); !r.ok())
            return r;
    if (has("ENLACE_LOG_LEVEL")) {
        logLevel = get("ENLACE_LOG_LEVEL").toLower();
        if (auto r = checkLevel(logLevel); !r.ok())
            return r;
    }
    if (has("ENLACE_SIMULATED_TIME_SCALE")) {
        bool ok = false;
        const double scale = get("ENLACE_SIMULATED_TIME_SCALE").toDouble(&ok);
        if (!ok || scale <= 0)
            return configError(
                Message::make("Api", QT_TRANSLATE_NOOP("Api", "%1 must be a positive number, not \"%2\"."))
                    .arg(u"ENLACE_SIMULATED_TIME_SCALE"_s)
                    .arg(get("ENLACE_SIMULATED_TIME_SCALE")));
        simulatedTimeScale = scale;
    }
    if (has("ENLACE_PUBLIC_URL"))
        publicUrl = get("ENLACE_PUBLIC_URL");
    if (has("ENLACE_DEMO")) {
        auto v = parseBool(get("ENLACE_DEMO"), u"ENLACE_DEMO"_s);
        if (!v.ok())
            return v.error();
        demo = v.value();
    }
    return {};
}

void ServerConfig::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        { u"config"_s, u"Read settings from this INI file (section [server])."_s, u"FILE"_s },
        { u"database"_s,
          u"Database: a SQLite file path, or postgresql://user[:password]@host[:port]/dbname. Default: enlace.db in the data directory."_s,
          u"URL"_s },
        { u"listen"_s,
          u"Address and port to listen on (default 127.0.0.1:8080; :8080 = all interfaces; port 0 = any free port)."_s,
          u"HOST:PORT"_s },
        { u"tls-cert"_s, u"Serve HTTPS with this PEM certificate (chain)."_s, u"FILE"_s },
        { u"tls-key"_s, u"The PEM private key of --tls-cert (unencrypted)."_s, u"FILE"_s },
        { u"pbx"_s, u"Telephony: simulated (default) or ami://user@host:5038 (secret in ENLACE_AMI_SECRET)."_s,
          u"URL"_s },
        { u"secret-key-file"_s, u"Key that encrypts stored site passwords and secrets (created when missing)."_s,
          u"FILE"_s },
        { u"log-level"_s, u"debug, info (default), warning or error."_s, u"LEVEL"_s },
        { u"public-url"_s,
          u"How clients reach this server, e.g. https://enlace.example.com (used in the demo's URLs)."_s, u"URL"_s },
        { u"demo"_s, u"Seed the demo data set when the database is empty and serve the demo CRM at /demo/crm."_s },
        { u"instance-id"_s,
          u"This server's id among the instances sharing a database (default: stable per host, port and data directory)."_s,
          u"ID"_s },
    });
}

Result<void> ServerConfig::applyOptions(const QCommandLineParser &parser)
{
    if (parser.isSet(u"database"_s))
        databaseUrl = parser.value(u"database"_s);
    if (parser.isSet(u"listen"_s))
        if (auto r = setListen(parser.value(u"listen"_s)); !r.ok())
            return r;
    if (parser.isSet(u"tls-cert"_s))
        tlsCertificate = parser.value(u"tls-cert"_s);
    if (parser.isSet(u"tls-key"_s))
        tlsKey = parser.value(u"tls-key"_s);
    if (parser.isSet(u"pbx"_s))
        pbx = parser.value(u"pbx"_s);
    if (parser.isSet(u"secret-key-file"_s))
        secretKeyFile = parser.value(u"secret-key-file"_s);
    if (parser.isSet(u"log-level"_s)) {
        logLevel = parser.value(u"log-level"_s).toLower();
        if (auto r = checkLevel(logLevel); !r.ok())
            return r;
    }
    if (parser.isSet(u"public-url"_s))
        publicUrl = parser.value(u"public-url"_s);
    if (parser.isSet(u"demo"_s))
        demo = true;
    if (parser.isSet(u"instance-id"_s))
        if (auto r = setInstanceId(instanceId, parser.value(u"instance-id"_s)); !r.ok())
            return r;
    return {};
}

Result<ServerConfig> ServerConfig::load(const QCommandLineParser &parser, const QProcessEnvironment &env)
{
    ServerConfig config;
    QString file = env.value(u"ENLACE_CONFIG"_s);
    if (parser.isSet(u"config"_s))
        file = parser.value(u"config"_s);
    if (!file.isEmpty())
        if (auto r = config.applyFile(file); !r.ok())
            return r.error();
    if (auto r = config.applyEnvironment(env); !r.ok())
        return r.error();
    if (auto r = config.applyOptions(parser); !r.ok())
        return r.error();
    if (config.tlsCertificate.isEmpty() != config.tlsKey.isEmpty())
        return configError(Message::make("Api", QT_TRANSLATE_NOOP("Api", "TLS needs both a certificate and a key.")));
    return config;
}

}   // namespace enlace
