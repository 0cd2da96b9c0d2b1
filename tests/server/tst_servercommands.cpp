#include <core/http/httpserver.h>
#include <core/identity/userrepository.h>
#include <core/model/user.h>
#include <core/server/servercommands.h>
#include <core/server/serverconfig.h>
#include <core/sites/outbox.h>
#include <core/sites/secretbox.h>
#include <core/store/database.h>
#include <tests/support/scratchdatabase.h>

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <functional>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run run(const QStringList &args, const QString &stdinText = {})
{
    Run r;
    QString input = stdinText;
    QTextStream in(&input);
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.code = ServerCommands::run(QStringList { u"enlace-server"_s } + args, in, out, err);
    out.flush();
    err.flush();
    return r;
}

}   // namespace

class TestServerCommands final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    // The messages below are compared in English, whatever the machine's locale.
    void initTestCase() { qputenv("ENLACE_LANGUAGE", "en"); }

    void version_printsVersionAndSchema()
    {
        const Run r = run({ u"version"_s });
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out,
                 u"enlace-server %1 (schema %2)\n"_s.arg(QStringLiteral(ENLACE_VERSION))
                     .arg(Database::latestSchemaVersion()));
        QCOMPARE(run({ u"--version"_s }).out, r.out);
    }

    void help_describesEveryCommand()
    {
        const Run r = run({ u"--help"_s });
        QCOMPARE(r.code, 0);
        for (const QString &word :
             { u"serve"_s, u"create-user"_s, u"import-contacts"_s, u"version"_s, u"schema-version"_s, u"--database"_s,
               u"--listen"_s, u"--tls-cert"_s, u"--pbx"_s, u"ENLACE_DATABASE"_s, u"SIGTERM"_s })
            QVERIFY2(r.out.contains(word), qPrintable(word));
        QCOMPARE(run({ u"help"_s }).out, r.out);
    }

    // The operator's language: ENLACE_LANGUAGE, else the locale of the environment; English when
    // it is not shipped. Lines that scripts read stay as they are.
    void messages_speakTheOperatorsLanguage_data()
    {
        QTest::addColumn<QByteArray>("enlaceLanguage");
        QTest::addColumn<QByteArray>("lang");
        QTest::addColumn<QString>("usage");
        QTest::addColumn<QString>("unknown");
        QTest::addColumn<QString>("role");
        QTest::newRow("ENLACE_LANGUAGE es")
            << QByteArray("es") << QByteArray("C") << u"Uso: enlace-server [orden] [opciones]"_s
            << u"orden desconocida \"frobnicate\""_s << u"--role debe ser admin, supervisor o agent"_s;
        QTest::newRow("LANG pt_BR") << QByteArray() << QByteArray("pt_BR.UTF-8")
                                    << u"Uso: enlace-server [comando] [opções]"_s
                                    << u"comando desconhecido \"frobnicate\""_s
                                    << u"--role deve ser admin, supervisor ou agent"_s;
        QTest::newRow("LANG es_AR") << QByteArray() << QByteArray("es_AR.UTF-8")
                                    << u"Uso: enlace-server [orden] [opciones]"_s
                                    << u"orden desconocida \"frobnicate\""_s
                                    << u"--role debe ser admin, supervisor o agent"_s;
        QTest::newRow("LANG de_DE: not shipped")
            << QByteArray() << QByteArray("de_DE.UTF-8") << u"Usage: enlace-server [command] [options]"_s
            << u"unknown command \"frobnicate\""_s << u"--role must be admin, supervisor or agent"_s;
    }
    void messages_speakTheOperatorsLanguage()
    {
        QFETCH(QByteArray, enlaceLanguage);
        QFETCH(QByteArray, lang);
        QFETCH(QString, usage);
        QFETCH(QString, unknown);
        QFETCH(QString, role);
        const QByteArray savedLang = qgetenv("LANG");
        const QByteArray savedAll = qgetenv("LC_ALL");
        const QByteArray savedMessages = qgetenv("LC_MESSAGES");
        const auto restore = qScopeGuard([&] {
            qputenv("ENLACE_LANGUAGE", "en");
            qputenv("LANG", savedLang);
            qputenv("LC_ALL", savedAll);
            qputenv("LC_MESSAGES", savedMessages);
        });
        if (enlaceLanguage.isEmpty())
            qunsetenv("ENLACE_LANGUAGE");
        else
            qputenv("ENLACE_LANGUAGE", enlaceLanguage);
        qunsetenv("LC_ALL");
        qunsetenv("LC_MESSAGES");
        qputenv("LANG", lang);

        const Run help = run({ u"--help"_s });
        QCOMPARE(help.code, 0);
        QVERIFY2(help.out.startsWith(usage), qPrintable(help.out.left(80)));
        QVERIFY(help.out.contains(u"--database"_s));
        const Run unknownCommand = run({ u"frobnicate"_s });
        QCOMPARE(unknownCommand.code, int(ServerCommands::Usage));
        QVERIFY2(unknownCommand.err.startsWith(u"enlace-server: "_s + unknown),
                 qPrintable(unknownCommand.err.left(80)));
        const Run badRole = run({ u"create-user"_s, u"--username"_s, u"x"_s });
        QCOMPARE(badRole.code, int(ServerCommands::Usage));
        QCOMPARE(badRole.err, u"enlace-server create-user: "_s + role + u"\n"_s);
        QCOMPARE(run({ u"version"_s }).out.left(14), u"enlace-server "_s);   // read by scripts: as it is
    }

    void unknownCommand_isAUsageError()
    {
        const Run r = run({ u"frobnicate"_s });
        QCOMPARE(r.code, int(ServerCommands::Usage));
        QVERIFY(r.err.contains(u"frobnicate"_s));
    }

    void createUser_agentWithPasswordFromStdin_canLogIn_data() { test::addBackendRows(); }
    void createUser_agentWithPasswordFromStdin_canLogIn()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const Run r = run({ u"create-user"_s, u"--role"_s, u"agent"_s, u"--username"_s, u"ana"_s, u"--password-stdin"_s,
                            u"--extension"_s, u"1001"_s, u"--first-name"_s, u"Ana"_s, u"--database"_s, scratch.url() },
                          u"pä ss wörd\n"_s);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(u"agent_id="_s));
        QVERIFY(!r.out.contains(u"pä ss wörd"_s));
        UserRepository users(scratch.db());
        auto user = users.authenticate(u"ana"_s, u"pä ss wörd"_s);
        QVERIFY(user.ok());
        QCOMPARE(user->role, Role::Agent);
        QCOMPARE(scratch.db()->scalar(u"SELECT sip_extension FROM agents"_s)->toString(), u"1001"_s);
    }

    void createUser_withoutPassword_generatesOneShownOnce()
    {
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        const Run r = run({ u"create-user"_s, u"--role"_s, u"supervisor"_s, u"--username"_s, u"sofia"_s,
                            u"--database"_s, scratch.url() });
        QCOMPARE(r.code, 0);
        const QRegularExpressionMatch m = QRegularExpression(u"password: (\\S+)"_s).match(r.out);
        QVERIFY(m.hasMatch());
        QVERIFY(m.captured(1).size() >= 16);
        auto user = UserRepository(scratch.db()).authenticate(u"sofia"_s, m.captured(1));
        QVERIFY(user.ok());
        QCOMPARE(user->role, Role::Supervisor);
    }

    void createUser_rejections_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::newRow("bad role") << QStringList { u"--role"_s, u"boss"_s, u"--username"_s, u"x"_s }
                                  << int(ServerCommands::Usage);
        QTest::newRow("no username") << QStringList { u"--role"_s, u"admin"_s } << int(ServerCommands::Usage);
        QTest::newRow("duplicate") << QStringList { u"--role"_s, u"admin"_s, u"--username"_s, u"taken"_s }
                                   << int(ServerCommands::Rejected);
    }
    void createUser_rejections()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        ENLACE_SCRATCH_DB(scratch, u"sqlite"_s);
        QCOMPARE(run({ u"create-user"_s, u"--role"_s, u"admin"_s, u"--username"_s, u"taken"_s, u"--database"_s,
                       scratch.url() })
                     .code,
                 0);
        const Run r = run(QStringList { u"create-user"_s, u"--database"_s, scratch.url() } + args);
        QCOMPARE(r.code, code);
        QVERIFY(!r.err.isEmpty());
        QCOMPARE(scratch.db()->scalar(u"SELECT COUNT(*) FROM users"_s)->toInt(), 1);
    }

    void schemaVersion_printsTheDatabasesVersion_data() { test::addBackendRows(); }
    void schemaVersion_printsTheDatabasesVersion()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const Run r = run({ u"schema-version"_s, u"--database"_s, scratch.url() });
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(u"schema %1"_s.arg(Database::latestSchemaVersion())));
        QVERIFY2(!r.out.contains(u"password"_s), "no password in the printed url");
    }

    void config_precedenceIsFileThenEnvironmentThenOptions()
    {
        const QString ini = m_dir.filePath(u"enlace.conf"_s);
        {
            QFile f(ini);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("[server]\ndatabase=/from/file.db\nlisten=10.0.0.1:9000\npbx=ami://"
                    "u@pbx:5038\ntoken_lifetime_seconds=100\nlog_level=debug\n");
        }
        QCommandLineParser parser;
        ServerConfig::addOptions(parser);
        QVERIFY(parser.parse({ u"x"_s, u"--config"_s, ini, u"--listen"_s, u"127.0.0.1:0"_s }));
        QProcessEnvironment env;
        env.insert(u"ENLACE_PBX"_s, u"simulated"_s);
        env.insert(u"TOKEN_EXPIRED_AFTER_SECONDS"_s, u"360"_s);
        auto config = ServerConfig::load(parser, env);
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().text()));
        QCOMPARE(config->databaseUrl, u"/from/file.db"_s);
        QCOMPARE(config->pbx, u"simulated"_s);
        QCOMPARE(config->tokenLifetimeSeconds, 360);
        QCOMPARE(config->listenHost, u"127.0.0.1"_s);
        QCOMPARE(config->listenPort, quint16(0));
        QCOMPARE(config->logLevel, u"debug"_s);
    }

    void config_bodyAndUploadLimits_fromFileAndEnvironment()
    {
        const QString ini = m_dir.filePath(u"limits.conf"_s);
        {
            QFile f(ini);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("[server]\nmax_body_bytes=2048\nmax_upload_bytes=4096\n");
        }
        QCommandLineParser parser;
        ServerConfig::addOptions(parser);
        QVERIFY(parser.parse({ u"x"_s, u"--config"_s, ini }));
        auto config = ServerConfig::load(parser, QProcessEnvironment());
        QVERIFY(config.ok());
        QCOMPARE(config->maxBodyBytes, 2048);
        QCOMPARE(config->maxUploadBytes, 4096);
        QProcessEnvironment env;
        env.insert(u"ENLACE_MAX_UPLOAD_BYTES"_s, u"1073741824"_s);
        config = ServerConfig::load(parser, env);
        QVERIFY(config.ok());
        QCOMPARE(config->maxBodyBytes, 2048);
        QCOMPARE(config->maxUploadBytes, 1073741824LL);
        // Defaults: 1 MiB for a request, 256 MiB for an upload.
        QCommandLineParser plain;
        ServerConfig::addOptions(plain);
        QVERIFY(plain.parse({ u"x"_s }));
        config = ServerConfig::load(plain, QProcessEnvironment());
        QVERIFY(config.ok());
        QCOMPARE(config->maxBodyBytes, 1024 * 1024);
        QCOMPARE(config->maxUploadBytes, 256LL * 1024 * 1024);
        env.insert(u"ENLACE_MAX_UPLOAD_BYTES"_s, u"lots"_s);
        config = ServerConfig::load(parser, env);
        QVERIFY(!config.ok());
        QVERIFY2(config.error().text().contains(u"ENLACE_MAX_UPLOAD_BYTES"_s), qPrintable(config.error().text()));
    }

    // Behind HAProxy the client is in X-Forwarded-For; only the listed proxies are believed.
    void config_trustedProxiesAndLoginBound_fromFileAndEnvironment()
    {
        const QString ini = m_dir.filePath(u"proxies.conf"_s);
        {
            QFile f(ini);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("[server]\ntrusted_proxies=10.0.0.5, 192.168.0.0/24, ::1\nlogin_max_failures_per_address=500\n");
        }
        QCommandLineParser parser;
        ServerConfig::addOptions(parser);
        QVERIFY(parser.parse({ u"x"_s, u"--config"_s, ini }));
        auto config = ServerConfig::load(parser, QProcessEnvironment());
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().text()));
        QCOMPARE(config->loginMaxFailuresPerAddress, 500);
        HttpServerLimits limits;
        limits.trustedProxies = config->trustedProxies;
        QCOMPARE(limits.trustedProxies.size(), 3);
        QVERIFY(limits.isTrustedProxy(QHostAddress(u"10.0.0.5"_s)));
        QVERIFY(!limits.isTrustedProxy(QHostAddress(u"10.0.0.6"_s)));
        QVERIFY(limits.isTrustedProxy(QHostAddress(u"192.168.0.77"_s)));
        QVERIFY(limits.isTrustedProxy(QHostAddress(u"::ffff:192.168.0.77"_s)));   // a dual-stack socket's form
        QVERIFY(limits.isTrustedProxy(QHostAddress(u"::1"_s)));

        QProcessEnvironment env;
        env.insert(u"ENLACE_TRUSTED_PROXIES"_s, u"127.0.0.1"_s);
        env.insert(u"ENLACE_LOGIN_MAX_FAILURES_PER_ADDRESS"_s, u"40"_s);
        config = ServerConfig::load(parser, env);
        QVERIFY(config.ok());
        QCOMPARE(config->trustedProxies.size(), 1);
        QCOMPARE(config->loginMaxFailuresPerAddress, 40);
        env.insert(u"ENLACE_TRUSTED_PROXIES"_s, u"10.0.0.1, proxy.example.com"_s);
        config = ServerConfig::load(parser, env);
        QVERIFY(!config.ok());
        QVERIFY2(config.error().text().contains(u"proxy.example.com"_s), qPrintable(config.error().text()));
    }

    // The outbox lease owner: configured, else the same at every start on one host and data
    // directory (and another for another directory or port), never random.
    void config_instanceId_isStableUnlessConfigured()
    {
        const auto load = [](const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment()) {
            QCommandLineParser parser;
            ServerConfig::addOptions(parser);
            parser.parse(QStringList { u"enlace-server"_s } + args);
            return ServerConfig::load(parser, env);
        };
        const QString a = m_dir.filePath(u"a/enlace.db"_s);
        const QString b = m_dir.filePath(u"b/enlace.db"_s);
        auto first = load({ u"--database"_s, a, u"--listen"_s, u"127.0.0.1:8081"_s });
        auto again = load({ u"--database"_s, a, u"--listen"_s, u"127.0.0.1:8081"_s });
        auto otherDir = load({ u"--database"_s, b, u"--listen"_s, u"127.0.0.1:8081"_s });
        auto otherPort = load({ u"--database"_s, a, u"--listen"_s, u"127.0.0.1:8082"_s });
        QVERIFY(first.ok() && again.ok() && otherDir.ok() && otherPort.ok());
        const QString id = first->effectiveInstanceId();
        QVERIFY2(QRegularExpression(u"^[A-Za-z0-9._-]+-8081-[0-9a-f]{8}$"_s).match(id).hasMatch(), qPrintable(id));
        QCOMPARE(again->effectiveInstanceId(), id);
        QVERIFY(otherDir->effectiveInstanceId() != id);
        QVERIFY(otherPort->effectiveInstanceId() != id);
        QProcessEnvironment env;
        env.insert(u"ENLACE_INSTANCE_ID"_s, u"from-env"_s);
        QCOMPARE(load({ u"--database"_s, a }, env)->effectiveInstanceId(), u"from-env"_s);
        QCOMPARE(load({ u"--database"_s, a, u"--instance-id"_s, u"node-2"_s }, env)->effectiveInstanceId(),
                 u"node-2"_s);
        for (const QString &bad : { u"has space"_s, u"a/b"_s, QString(65, u'x'), u"line\nbreak"_s }) {
            auto refused = load({ u"--instance-id"_s, bad });
            QVERIFY2(!refused.ok(), qPrintable(bad));
            QVERIFY(refused.error().text().contains(u"instance id"_s));
        }
    }

    void config_badValuesAreRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("listen") << QStringList { u"--listen"_s, u"host:port"_s };
        QTest::newRow("listen port") << QStringList { u"--listen"_s, u"127.0.0.1:70000"_s };
        QTest::newRow("log level") << QStringList { u"--log-level"_s, u"loud"_s };
        QTest::newRow("tls cert without key") << QStringList { u"--tls-cert"_s, u"/x.pem"_s };
        QTest::newRow("missing config") << QStringList { u"--config"_s, u"/nonexistent/enlace.conf"_s };
    }
    void config_badValuesAreRefused()
    {
        QFETCH(QStringList, args);
        QCommandLineParser parser;
        ServerConfig::addOptions(parser);
        QVERIFY(parser.parse(QStringList { u"x"_s } + args));
        QVERIFY(!ServerConfig::load(parser, QProcessEnvironment()).ok());
        const Run r = run(QStringList { u"serve"_s } + args);
        QCOMPARE(r.code, int(ServerCommands::Usage));
    }

private:
    // Runs `serve` on the database until ask (given the base URL once it listens) raises SIGTERM;
    // returns the exit code.
    int serveWhile(const QString &databaseUrl, const std::function<void(const QString &base)> &ask, QString &out,
                   const QString &logLevel = u"warning"_s, const QStringList &extra = {})
    {
        QString err;
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &poll, [&] {
            outStream.flush();
            const QRegularExpressionMatch m = QRegularExpression(u"listening on (http://\\S+)"_s).match(out);
            if (!m.hasMatch())
                return;
            poll.stop();
            ask(m.captured(1));
        });
        poll.start(10);
        const int code = ServerCommands::serve(
            QStringList { u"enlace-server"_s, u"--database"_s, databaseUrl, u"--listen"_s, u"127.0.0.1:0"_s,
                          u"--secret-key-file"_s, m_dir.filePath(u"secret.key"_s), u"--log-level"_s, logLevel }
                + extra,
            outStream, errStream);
        outStream.flush();
        return code;
    }

private Q_SLOTS:
    void serve_answersThenStopsCleanlyOnSigterm_data() { test::addBackendRows(); }
    void serve_answersThenStopsCleanlyOnSigterm()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QString out;
        QNetworkAccessManager nam;
        QByteArray health;
        QByteArray ready;
        int readyStatus = 0;
        const int code = serveWhile(
            scratch.url(),
            [&](const QString &base) {
                QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(base + u"/api/v1/health"_s)));
                QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, base] {
                    health = reply->readAll();
                    reply->deleteLater();
                    QNetworkReply *readiness = nam.get(QNetworkRequest(QUrl(base + u"/api/v1/ready"_s)));
                    QObject::connect(readiness, &QNetworkReply::finished, readiness, [&, readiness] {
                        readyStatus = readiness->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                        ready = readiness->readAll();
                        readiness->deleteLater();
                        std::raise(SIGTERM);
                    });
                });
            },
            out);
        QCOMPARE(code, 0);
        const QJsonObject h = QJsonDocument::fromJson(health).object();
        QCOMPARE(h.value(u"status"_s).toString(), u"OK"_s);
        QCOMPARE(h.value(u"schema"_s).toInt(), Database::latestSchemaVersion());
        QCOMPARE(h.value(u"pbx_connected"_s), QJsonValue(true));
        QCOMPARE(h.value(u"pbx_events_waiting"_s), QJsonValue(0));
        QCOMPARE(readyStatus, 200);
        const QJsonObject r = QJsonDocument::fromJson(ready).object();
        QCOMPARE(r.value(u"status"_s).toString(), u"OK"_s);
        QCOMPARE(r.value(u"schema"_s).toInt(), Database::latestSchemaVersion());
        QVERIFY(out.contains(u"stopped"_s));
        QVERIFY(QFile::exists(m_dir.filePath(u"secret.key"_s)));
    }

    // Readiness reads the database: when that fails it answers 503 with a message in the
    // caller's language, while liveness (memory only) still answers 200.
    void serve_ready_is503WhenTheDatabaseDoesNotAnswer_data() { test::addBackendRows(); }
    void serve_ready_is503WhenTheDatabaseDoesNotAnswer()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QString out;
        QNetworkAccessManager nam;
        int readyStatus = 0;
        int healthStatus = 0;
        QJsonObject ready;
        const int code = serveWhile(
            scratch.url(),
            [&](const QString &base) {
                // The server's reads of the schema version now fail (another connection took the table).
                QVERIFY(scratch.db()->execStatic(u"DROP TABLE schema_version"_s).ok());
                QNetworkRequest request(QUrl(base + u"/api/v1/ready"_s));
                request.setRawHeader("Accept-Language", "es");
                QNetworkReply *readiness = nam.get(request);
                QObject::connect(readiness, &QNetworkReply::finished, readiness, [&, readiness, base] {
                    readyStatus = readiness->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                    ready = QJsonDocument::fromJson(readiness->readAll()).object();
                    readiness->deleteLater();
                    QNetworkReply *health = nam.get(QNetworkRequest(QUrl(base + u"/api/v1/health"_s)));
                    QObject::connect(health, &QNetworkReply::finished, health, [&, health] {
                        healthStatus = health->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                        health->deleteLater();
                        std::raise(SIGTERM);
                    });
                });
            },
            out);
        QCOMPARE(code, 0);
        QCOMPARE(readyStatus, 503);
        QCOMPARE(ready.value(u"status"_s).toString(), u"ERROR"_s);
        QCOMPARE(ready.value(u"message"_s).toString(), u"La base de datos no responde."_s);
        QCOMPARE(healthStatus, 200);
    }

    // Text from outside (a username, a path) never ends its log record nor starts a forged one:
    // newlines, ESC, NUL and backspace reach the log escaped, in one record per line.
    void serve_logsHostileTextAsOneEscapedRecord_data() { test::addBackendRows(); }
    void serve_logsHostileTextAsOneEscapedRecord()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const QString logPath = m_dir.filePath(u"stderr-%1.log"_s.arg(backend));
        std::fflush(stderr);
        const int saved = ::dup(2);
        const int file = ::open(QFile::encodeName(logPath).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        QVERIFY(saved >= 0 && file >= 0);
        ::dup2(file, 2);
        ::close(file);
        auto restore = qScopeGuard([saved] {
            std::fflush(stderr);
            ::dup2(saved, 2);
            ::close(saved);
            qInstallMessageHandler(nullptr);
        });
        const QString forged = u"eve\nlevel=error category=enlace.auth login ok\u001b[31m\b"_s;
        QString out;
        QNetworkAccessManager nam;
        int loginStatus = 0;
        int pathStatus = 0;
        int nulStatus = 0;
        QJsonObject nulAnswer;
        const int code = serveWhile(
            scratch.url(),
            [&](const QString &base) {
                QNetworkRequest login(QUrl(base + u"/api/v1/login"_s));
                login.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
                const QByteArray body
                    = QJsonDocument(QJsonObject { { u"username"_s, forged }, { u"password"_s, u"wrong"_s } }).toJson();
                QNetworkReply *reply = nam.post(login, body);
                QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, base] {
                    loginStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                    reply->deleteLater();
                    const QUrl url = QUrl::fromEncoded((base + u"/api/v1/x%0Alevel=error%1B%5B2J%00%08"_s).toLatin1());
                    QNetworkReply *path = nam.get(QNetworkRequest(url));
                    QObject::connect(path, &QNetworkReply::finished, path, [&, path, base] {
                        pathStatus = path->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                        path->deleteLater();
                        // NUL cannot be stored (PostgreSQL refuses it): a 400 naming the field on
                        // both stores, never a 500.
                        QNetworkRequest nul(QUrl(base + u"/api/v1/login"_s));
                        nul.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
                        const QString withNul = u"eve"_s + QChar(0) + u"x"_s;
                        QNetworkReply *nulReply = nam.post(
                            nul,
                            QJsonDocument(QJsonObject { { u"username"_s, withNul }, { u"password"_s, u"wrong"_s } })
                                .toJson());
                        QObject::connect(nulReply, &QNetworkReply::finished, nulReply, [&, nulReply] {
                            nulStatus = nulReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                            nulAnswer = QJsonDocument::fromJson(nulReply->readAll()).object();
                            nulReply->deleteLater();
                            std::raise(SIGTERM);
                        });
                    });
                });
            },
            out, u"info"_s);
        restore.dismiss();
        std::fflush(stderr);
        ::dup2(saved, 2);
        ::close(saved);
        qInstallMessageHandler(nullptr);
        QFile log(logPath);
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray bytes = log.readAll();
        QCOMPARE(code, 0);
        QVERIFY2(loginStatus == 404, bytes.constData());   // OMniLeads' answer to bad credentials
        QCOMPARE(pathStatus, 404);
        QVERIFY2(nulStatus == 400, bytes.constData());
        QVERIFY2(nulAnswer.value(u"errors"_s).toObject().contains(u"username"_s),
                 QJsonDocument(nulAnswer).toJson().constData());
        for (const char c : { '\x1b', '\0', '\b', '\r' })
            QVERIFY2(!bytes.contains(c), bytes.constData());
        const QList<QByteArray> lines = bytes.split('\n');
        const QRegularExpression record(
            u"^\\d{4}-\\d\\d-\\d\\dT\\S+ level=(debug|info|warning|error|fatal) category=\\S+ "_s);
        int failed = 0;
        int forgedRecords = 0;
        int pathRecords = 0;
        for (const QByteArray &line : lines) {
            if (line.isEmpty())
                continue;
            const QString text = QString::fromUtf8(line);
            QVERIFY2(record.match(text).hasMatch(), line.constData());
            if (text.contains(u"level=error category=enlace.auth login ok"_s) && !text.contains(u"login failed"_s))
                ++forgedRecords;
            if (text.contains(
                    u"login failed username=\"eve\\nlevel=error category=enlace.auth login ok\\x1b[31m\\x08\""_s))
                ++failed;
            if (text.contains(u"path=\"/api/v1/x\\nlevel=error\\x1b[2J\\x00\\x08\""_s))
                ++pathRecords;
        }
        QVERIFY2(failed == 1, bytes.constData());
        QCOMPARE(forgedRecords, 0);
        QVERIFY2(pathRecords == 1, bytes.constData());
    }

    // A server killed while it held outbox leases takes them back when it starts again under the
    // same (stable) id: the CRM gets the request at once, not when the lease ends.
    void serve_restartedServer_sendsWhatItHeldAtOnce_data() { test::addBackendRows(); }
    void serve_restartedServer_sendsWhatItHeldAtOnce()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QHttpServer crm;
        int received = 0;
        crm.route(u"/crash"_s, [&received] {
            ++received;
            return QHttpServerResponse(QHttpServerResponse::StatusCode::Ok);
        });
        const quint16 crmPort = crm.listen(QHostAddress::LocalHost);
        QVERIFY(crmPort != 0);
        auto box = SecretBox::loadOrCreate(m_dir.filePath(u"secret.key"_s));
        QVERIFY(box.ok());
        Outbox outbox(scratch.db(), box.value());
        OutboxItem item;
        item.request.method = "POST";
        item.request.url = QUrl(u"http://127.0.0.1:%1/crash"_s.arg(crmPort));
        item.request.headers = { { "Content-Type", "application/json" } };
        item.request.body = "{}";
        QVERIFY(outbox.add(item, QDateTime::currentMSecsSinceEpoch()).ok());
        // What the previous run of "node-a" had claimed, for an hour, when it was killed.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(outbox.claim(u"node-a"_s, now, now + 3600000, 10)->size(), 1);
        QString out;
        const int code
            = serveWhile(scratch.url(),
                         [&](const QString &) {
                             auto *waiting = new QTimer;
                             QElapsedTimer waited;
                             waited.start();
                             QObject::connect(waiting, &QTimer::timeout, waiting, [waiting, waited, &received] {
                                 if (received > 0 || waited.hasExpired(10000)) {
                                     waiting->deleteLater();
                                     std::raise(SIGTERM);
                                 }
                             });
                             waiting->start(20);
                         },
                         out, u"warning"_s, { u"--instance-id"_s, u"node-a"_s });
        QCOMPARE(code, 0);
        QCOMPARE(received, 1);
    }

    void serve_unusableDatabase_failsWithExitCode3()
    {
        const Run r = run({ u"serve"_s, u"--database"_s, u"postgresql://nobody@127.0.0.1:1/none"_s, u"--listen"_s,
                            u"127.0.0.1:0"_s, u"--secret-key-file"_s, m_dir.filePath(u"k2"_s) });
        QCOMPARE(r.code, int(ServerCommands::Failure));
        QVERIFY(r.err.contains(u"cannot start"_s));
    }
};

QTEST_GUILESS_MAIN(TestServerCommands)
#include "tst_servercommands.moc"
