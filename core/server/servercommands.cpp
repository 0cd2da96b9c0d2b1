#include <core/contacts/importcontactscommand.h>
#include <core/identity/agentrepository.h>
#include <core/identity/userrepository.h>
#include <core/model/logvalue.h>
#include <core/model/messagecatalog.h>
#include <core/model/user.h>
#include <core/server/demoseeder.h>
#include <core/server/servercommands.h>
#include <core/server/serverconfig.h>
#include <core/server/serverinstance.h>
#include <core/store/database.h>
#include <core/telephony/pbx.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcServe, "enlace.server.signals", QtInfoMsg)

namespace enlace {

namespace {

#ifdef Q_OS_UNIX
int g_signalFds[2] = { -1, -1 };

void handleSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe calls here: the event loop does the rest.
    [[maybe_unused]] const auto written = ::write(g_signalFds[0], &byte, 1);
}
#endif

// Quits the event loop on SIGTERM or SIGINT, through a socket pair read by a QSocketNotifier.
class SignalWatcher final
{
public:
    template <typename F> explicit SignalWatcher(F onSignal)
    {
#ifdef Q_OS_UNIX
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
            return;
        m_notifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read);
        QObject::connect(m_notifier, &QSocketNotifier::activated, m_notifier, [onSignal] {
            char byte;
            [[maybe_unused]] const auto r = ::read(g_signalFds[1], &byte, 1);
            onSignal();
        });
        struct sigaction action = {};
        action.sa_handler = handleSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(SIGTERM, &action, &m_oldTerm);
        ::sigaction(SIGINT, &action, &m_oldInt);
        m_installed = true;
#else
        Q_UNUSED(onSignal)
#endif
    }
    ~SignalWatcher()
    {
#ifdef Q_OS_UNIX
        if (!m_installed)
            return;
        ::sigaction(SIGTERM, &m_oldTerm, nullptr);
        ::sigaction(SIGINT, &m_oldInt, nullptr);
        delete m_notifier;
        ::close(g_signalFds[0]);
        ::close(g_signalFds[1]);
        g_signalFds[0] = g_signalFds[1] = -1;
#endif
    }

private:
#ifdef Q_OS_UNIX
    QSocketNotifier *m_notifier = nullptr;
    struct sigaction m_oldTerm = {};
    struct sigaction m_oldInt = {};
    bool m_installed = false;
#endif
};

QMutex g_logMutex;

// One record per line whatever the message holds: the values in it were quoted where they were
// put (LogValue::quoted); a control character that still arrives here (a Qt message, a value
// someone forgot) is escaped rather than written.
void logHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const char *level = "info";
    switch (type) {
    case QtDebugMsg:
        level = "debug";
        break;
    case QtInfoMsg:
        level = "info";
        break;
    case QtWarningMsg:
        level = "warning";
        break;
    case QtCriticalMsg:
        level = "error";
        break;
    case QtFatalMsg:
        level = "fatal";
        break;
    }
    const QByteArray line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8() + " level=" + level
        + " category=" + QByteArray(context.category ? context.category : "default") + ' '
        + LogValue::oneLine(message).toUtf8() + '\n';
    QMutexLocker lock(&g_logMutex);
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

// The command line speaks the operator's language (MessageCatalog::commandLineLanguage). Lines
// that scripts read (version, "created ... user_id=", "password:", schema-version) stay as they are.
class CliText final
{
public:
    CliText()
        : m_language(m_catalog.commandLineLanguage())
    { }
    QString operator()(const char *source) const { return m_catalog.translate(m_language, "Cli", source); }
    QString error(const Error &e) const
    {
        QString text = e.text(&m_catalog, m_language);
        for (const auto &entry : e.fields.entries())
            text += u"\n  "_s + entry.field + u": "_s + entry.message.text(&m_catalog, m_language);
        return text;
    }

private:
    MessageCatalog m_catalog;
    QString m_language;
    QtCommandLineTranslation m_qtWords { m_language };   // QCommandLineParser's own errors
};

QString randomPassword()
{
    static const QString alphabet = u"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"_s;
    QString out;
    for (int i = 0; i < 20; ++i)
        out.append(alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size()))));
    return out;
}

bool parse(QCommandLineParser &parser, const QStringList &arguments, QTextStream &err)
{
    if (!parser.parse(arguments)) {
        err << "enlace-server: " << parser.errorText() << "\n";
        return false;
    }
    if (!parser.positionalArguments().isEmpty() && parser.positionalArguments() != QStringList { arguments.value(1) }) {
        // Only the command name may be positional.
    }
    return true;
}

}   // namespace

QString ServerCommands::usage()
{
    return CliText()(QT_TRANSLATE_NOOP("Cli", R"(Usage: enlace-server [command] [options]

Enlace links every call of a contact center to the customer's CRM. This program is the server:
the REST API (OMniLeads-compatible, /api/v1/...), the agents' event channel (WebSocket
/api/v1/events), the telephony link and the server-side CRM deliveries.

Commands:
  serve            Run the server (the default command). With no options it uses a SQLite file
                   in the data directory, listens on 127.0.0.1:8080 and simulates the PBX.
  create-user      Create a user: --role admin|supervisor|agent --username NAME
                   [--password-stdin] [--first-name X] [--last-name Y] [--email E]
                   [--extension SIP] (agents). Without --password-stdin a password is generated
                   and printed once.
  import-contacts  Import a CSV contact database (see: enlace-server import-contacts --help).
  version          Print this build's version and database schema version.
  schema-version   Print the schema version of the database (opening it applies migrations).
  help             This text.

Options of serve (and, where they apply, of the other commands):
  --config FILE          INI file with a [server] section (keys: database, listen, tls_cert,
                         tls_key, pbx, secret_key_file, token_lifetime_seconds, max_body_bytes,
                         max_upload_bytes, log_level, public_url, demo, instance_id).
  --database URL         SQLite file path, or postgresql://user[:password]@host[:port]/dbname.
  --listen HOST:PORT     Default 127.0.0.1:8080. Use :8080 for every interface.
  --tls-cert FILE        Serve HTTPS and WSS with this PEM certificate (chain) ...
  --tls-key FILE         ... and this unencrypted PEM key.
  --pbx URL              simulated (default) or ami://user@asterisk:5038 (secret in ENLACE_AMI_SECRET).
  --secret-key-file FILE Key encrypting stored secrets; created (mode 0600) when missing.
                         Back it up with the database: without it, stored site passwords are lost.
  --log-level LEVEL      debug, info (default), warning or error. Logs go to stderr, one
                         "time level= category= key=value..." line each; secrets are never logged.
  --public-url URL       How clients reach this server (behind a proxy).
  --demo                 Seed a demo data set when the database is empty and serve the demo CRM
                         at /demo/crm.
  --instance-id ID       This server's id among those sharing a database (owner of its outbox
                         leases). Default: <host>-<port>-<hash of the data directory>, stable
                         across restarts. Give each running server its own.

Environment (overridden by options): ENLACE_CONFIG, ENLACE_DATABASE, ENLACE_LISTEN, ENLACE_TLS_CERT,
ENLACE_TLS_KEY, ENLACE_PBX, ENLACE_SECRET_KEY_FILE, ENLACE_TOKEN_LIFETIME (seconds; OMniLeads'
TOKEN_EXPIRED_AFTER_SECONDS is read too), ENLACE_MAX_BODY_BYTES, ENLACE_MAX_UPLOAD_BYTES,
ENLACE_LOG_LEVEL, ENLACE_PUBLIC_URL, ENLACE_DEMO, ENLACE_INSTANCE_ID, ENLACE_AMI_SECRET. ENLACE_LANGUAGE (es, en, pt_BR) chooses the language of these messages.

SIGTERM or SIGINT stops the server cleanly. Exit codes: 0 ok, 1 usage, 2 rejected input,
3 failure (database, network, configuration). See docs/operations.md.
)"));
}

void ServerCommands::installLogging(const QString &level)
{
    QString rules = u"qt.*.debug=false\nqt.*.info=false\n"_s;
    if (level == u"debug"_s)
        rules += u"enlace.*.debug=true\n"_s;
    else if (level == u"warning"_s)
        rules += u"*.debug=false\n*.info=false\n"_s;
    else if (level == u"error"_s)
        rules += u"*.debug=false\n*.info=false\n*.warning=false\n"_s;
    else
        rules += u"*.debug=false\n"_s;
    QLoggingCategory::setFilterRules(rules);
    qInstallMessageHandler(logHandler);
}

int ServerCommands::version(QTextStream &out)
{
    out << "enlace-server " << ENLACE_VERSION << " (schema " << Database::latestSchemaVersion() << ")\n";
    out.flush();
    return Ok;
}

int ServerCommands::run(const QStringList &arguments, QTextStream &in, QTextStream &out, QTextStream &err)
{
    const QString program = arguments.value(0, u"enlace-server"_s);
    QString command = arguments.value(1);
    QStringList rest = arguments.mid(2);
    if (command.isEmpty() || command.startsWith(u'-')) {
        if (command == u"--help"_s || command == u"-h"_s) {
            out << usage();
            return Ok;
        }
        if (command == u"--version"_s || command == u"-v"_s)
            return version(out);
        rest = arguments.mid(1);
        command = u"serve"_s;
    }
    if (command == u"help"_s) {
        out << usage();
        return Ok;
    }
    if (command == u"version"_s)
        return version(out);
    if (command == u"serve"_s)
        return serve(QStringList { program } + rest, out, err);
    if (command == u"create-user"_s)
        return createUser(QStringList { program } + rest, in, out, err);
    if (command == u"schema-version"_s)
        return schemaVersion(QStringList { program } + rest, out, err);
    if (command == u"import-contacts"_s) {
        // The same default database as serve, unless given.
        QStringList args = rest;
        if (!args.contains(u"--database"_s) && !args.contains(u"--help"_s)) {
            QCommandLineParser parser;
            ServerConfig::addOptions(parser);
            parser.parse(QStringList { program });   // no options: the environment and the defaults
            const auto config = ServerConfig::load(parser, QProcessEnvironment::systemEnvironment());
            if (config.ok())
                args = QStringList { u"--database"_s, config->effectiveDatabaseUrl() } + args;
        }
        return runImportContacts(args, out, err);
    }
    err << u"enlace-server: "_s << CliText()(QT_TRANSLATE_NOOP("Cli", "unknown command \"%1\"")).arg(command) << "\n\n"
        << usage();
    return Usage;
}

int ServerCommands::serve(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const CliText tr;
    QCommandLineParser parser;
    ServerConfig::addOptions(parser);
    parser.addHelpOption();
    if (!parse(parser, arguments, err))
        return Usage;
    if (parser.isSet(u"help"_s)) {
        out << usage();
        return Ok;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << u"enlace-server: "_s
            << tr(QT_TRANSLATE_NOOP("Cli", "unexpected argument \"%1\"")).arg(parser.positionalArguments().first())
            << "\n";
        return Usage;
    }
    auto config = ServerConfig::load(parser, QProcessEnvironment::systemEnvironment());
    if (!config.ok()) {
        err << "enlace-server: " << tr.error(config.error()) << "\n";
        return Usage;
    }
    installLogging(config->logLevel);
    ServerInstance server(config.value());
    if (auto r = server.start(); !r.ok()) {
        err << u"enlace-server: "_s << tr(QT_TRANSLATE_NOOP("Cli", "cannot start: %1")).arg(tr.error(r.error()))
            << "\n";
        err.flush();
        return Failure;
    }
    out << tr(QT_TRANSLATE_NOOP("Cli", "Enlace server %1 listening on %2"))
               .arg(QStringLiteral(ENLACE_VERSION), server.baseUrl().toString())
        << "\n";
    if (const DemoSummary *demo = server.demoSummary())
        for (const QString &line : demo->describe(server.baseUrl().toString()))
            out << line << "\n";
    out.flush();

    int signals = 0;
    SignalWatcher watcher([&server, &signals] {
        if (++signals > 1)
            return;
        qCInfo(lcServe) << "signal received, shutting down";
        server.stop();
        QCoreApplication::quit();
    });
    // A PBX that refuses our credentials (AMI wrong password) is final: say so and exit, never loop.
    if (Pbx *pbx = server.pbx()) {
        QObject::connect(pbx, &Pbx::startFailed, pbx, [&err, &server, &tr](const QString &reason) {
            err << u"enlace-server: "_s << tr(QT_TRANSLATE_NOOP("Cli", "the PBX refused to start: %1")).arg(reason)
                << "\n";
            err.flush();
            server.stop();
            QCoreApplication::exit(1);
        });
    }
    const int code = QCoreApplication::exec();
    server.stop();
    out << tr(QT_TRANSLATE_NOOP("Cli", "Enlace server stopped.")) << "\n";
    out.flush();
    return code == 0 ? Ok : Failure;
}

int ServerCommands::createUser(const QStringList &arguments, QTextStream &in, QTextStream &out, QTextStream &err)
{
    const CliText tr;
    QCommandLineParser parser;
    ServerConfig::addOptions(parser);
    parser.addHelpOption();
    parser.addOptions({
        { u"role"_s, tr(QT_TRANSLATE_NOOP("Cli", "admin, supervisor or agent.")), u"ROLE"_s },
        { u"username"_s, tr(QT_TRANSLATE_NOOP("Cli", "The login name.")), u"NAME"_s },
        { u"password-stdin"_s,
          tr(QT_TRANSLATE_NOOP("Cli", "Read the password from the first line of standard input.")) },
        { u"first-name"_s, tr(QT_TRANSLATE_NOOP("Cli", "First name.")), u"TEXT"_s },
        { u"last-name"_s, tr(QT_TRANSLATE_NOOP("Cli", "Last name.")), u"TEXT"_s },
        { u"email"_s, tr(QT_TRANSLATE_NOOP("Cli", "E-mail address.")), u"ADDRESS"_s },
        { u"extension"_s, tr(QT_TRANSLATE_NOOP("Cli", "The agent's SIP extension (agents).")), u"EXT"_s },
    });
    if (!parse(parser, arguments, err))
        return Usage;
    if (parser.isSet(u"help"_s)) {
        out << parser.helpText();
        return Ok;
    }
    const QString roleText = parser.value(u"role"_s).toLower();
    Role role;
    if (roleText == u"admin"_s)
        role = Role::Admin;
    else if (roleText == u"supervisor"_s)
        role = Role::Supervisor;
    else if (roleText == u"agent"_s)
        role = Role::Agent;
    else {
        err << u"enlace-server create-user: "_s
            << tr(QT_TRANSLATE_NOOP("Cli", "--role must be admin, supervisor or agent")) << "\n";
        return Usage;
    }
    const QString username = parser.value(u"username"_s).trimmed();
    if (username.isEmpty()) {
        err << u"enlace-server create-user: "_s << tr(QT_TRANSLATE_NOOP("Cli", "--username is required")) << "\n";
        return Usage;
    }
    QString password;
    bool generated = false;
    if (parser.isSet(u"password-stdin"_s)) {
        password = in.readLine();
        if (password.isEmpty()) {
            err << u"enlace-server create-user: "_s << tr(QT_TRANSLATE_NOOP("Cli", "no password on standard input"))
                << "\n";
            return Usage;
        }
    } else {
        password = randomPassword();
        generated = true;
    }
    auto config = ServerConfig::load(parser, QProcessEnvironment::systemEnvironment());
    if (!config.ok()) {
        err << "enlace-server: " << tr.error(config.error()) << "\n";
        return Usage;
    }
    auto db = Database::open(config->effectiveDatabaseUrl());
    if (!db.ok()) {
        err << u"enlace-server: "_s
            << tr(QT_TRANSLATE_NOOP("Cli", "cannot open the database: %1")).arg(tr.error(db.error())) << "\n";
        return Failure;
    }
    qint64 userId = 0;
    qint64 agentId = 0;
    if (role == Role::Agent) {
        AgentRepository agents(db.value());
        auto agent = agents.createAgentUser(username, password, parser.value(u"first-name"_s),
                                            parser.value(u"last-name"_s), parser.value(u"extension"_s));
        if (!agent.ok()) {
            err << "enlace-server create-user: " << tr.error(agent.error()) << "\n";
            return agent.error().kind == Error::Kind::Invalid ? Rejected : Failure;
        }
        userId = agent->userId;
        agentId = agent->id;
    } else {
        User user;
        user.username = username;
        user.firstName = parser.value(u"first-name"_s);
        user.lastName = parser.value(u"last-name"_s);
        user.email = parser.value(u"email"_s);
        user.role = role;
        UserRepository users(db.value());
        auto id = users.create(user, password);
        if (!id.ok()) {
            err << "enlace-server create-user: " << tr.error(id.error()) << "\n";
            return id.error().kind == Error::Kind::Invalid ? Rejected : Failure;
        }
        userId = id.value();
    }
    out << "created " << roleText << " " << username << " user_id=" << userId;
    if (agentId)
        out << " agent_id=" << agentId;
    out << "\n";
    if (generated)
        out << "password: " << password << "\n"
            << tr(QT_TRANSLATE_NOOP("Cli", "(shown once; change it after the first login)")) << "\n";
    out.flush();
    return Ok;
}

int ServerCommands::schemaVersion(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const CliText tr;
    QCommandLineParser parser;
    ServerConfig::addOptions(parser);
    parser.addHelpOption();
    if (!parse(parser, arguments, err))
        return Usage;
    auto config = ServerConfig::load(parser, QProcessEnvironment::systemEnvironment());
    if (!config.ok()) {
        err << "enlace-server: " << tr.error(config.error()) << "\n";
        return Usage;
    }
    auto db = Database::open(config->effectiveDatabaseUrl());
    if (!db.ok()) {
        err << u"enlace-server: "_s
            << tr(QT_TRANSLATE_NOOP("Cli", "cannot open the database: %1")).arg(tr.error(db.error())) << "\n";
        return Failure;
    }
    out << "database " << db.value()->displayUrl() << " schema " << db.value()->schemaVersion()
        << " (this build: " << Database::latestSchemaVersion() << ")\n";
    out.flush();
    return Ok;
}

}   // namespace enlace
