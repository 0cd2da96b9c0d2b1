#include <core/model/demodefaults.h>
#include <ui/consoleoptions.h>

#include <QCommandLineParser>
#include <QIODevice>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

Error invalidArgument(const QString &text)
{
    return Error { Error::Kind::Invalid, u"invalid_argument"_s, Message::fromText(text), {}, {} };
}

void setUp(QCommandLineParser &parser)
{
    parser.setApplicationDescription(ConsoleOptions::tr("Enlace agent console."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        { u"server"_s, ConsoleOptions::tr("Address of the Enlace server (http or https)."), ConsoleOptions::tr("URL") },
        { u"user"_s, ConsoleOptions::tr("User name to log in with."), ConsoleOptions::tr("NAME") },
        { u"password-stdin"_s, ConsoleOptions::tr("Read the password from the first line of standard input.") },
        { u"lang"_s, ConsoleOptions::tr("Language of the console: es, en or pt_BR."), ConsoleOptions::tr("LANGUAGE") },
        { u"demo"_s, ConsoleOptions::tr("Log in to the local demo server as the demo agent.") },
    });
    parser.addPositionalArgument(u"number"_s, ConsoleOptions::tr("A tel: or callto: link to dial."),
                                 ConsoleOptions::tr("[tel:NUMBER | callto:NUMBER]"));
}

}   // namespace

Result<ConsoleOptions> ConsoleOptions::parse(const QStringList &arguments, QIODevice *standardInput)
{
    QCommandLineParser parser;
    setUp(parser);
    if (!parser.parse(arguments))
        return invalidArgument(parser.errorText());

    ConsoleOptions options;
    options.helpRequested = parser.isSet(u"help"_s) || parser.isSet(u"help-all"_s);
    options.versionRequested = parser.isSet(u"version"_s);
    options.demo = parser.isSet(u"demo"_s);
    if (options.demo) {
        options.server = demoServer();
        options.user = demoUser();
        options.password = demoPassword();
        options.passwordGiven = true;
    }

    if (parser.isSet(u"server"_s)) {
        const QString text = parser.value(u"server"_s).trimmed();
        const QUrl url(text, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty() || (scheme != u"http"_s && scheme != u"https"_s))
            return invalidArgument(tr("--server: “%1” is not an http:// or https:// address.").arg(text));
        options.server = url;
    }
    if (parser.isSet(u"user"_s)) {
        options.user = parser.value(u"user"_s).trimmed();
        if (options.user.isEmpty())
            return invalidArgument(tr("--user: the user name is empty."));
    }
    if (parser.isSet(u"lang"_s)) {
        const QString given = parser.value(u"lang"_s);
        QString wanted = given.trimmed();
        wanted.replace(u'-', u'_');
        options.language.clear();
        for (const QString &language : supportedLanguages())
            if (language.compare(wanted, Qt::CaseInsensitive) == 0)
                options.language = language;
        if (options.language.isEmpty())
            return invalidArgument(tr("--lang: unknown language “%1” (es, en or pt_BR).").arg(given));
    }
    if (parser.isSet(u"password-stdin"_s)) {
        if (!standardInput || !standardInput->isReadable())
            return invalidArgument(tr("--password-stdin: standard input cannot be read."));
        QByteArray line = standardInput->readLine();
        if (line.endsWith('\n'))
            line.chop(1);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            return invalidArgument(tr("--password-stdin: no password on standard input."));
        options.password = QString::fromUtf8(line);
        options.passwordGiven = true;
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return invalidArgument(tr("Only one number can be dialled; unexpected “%1”.").arg(positional.at(1)));
    if (!positional.isEmpty()) {
        auto number = dialNumberFromUri(positional.constFirst());
        if (!number.ok())
            return number.error();
        options.dialNumber = number.value();
    }
    return options;
}

QString ConsoleOptions::helpText()
{
    QCommandLineParser parser;
    setUp(parser);
    return parser.helpText();
}

bool ConsoleOptions::isDialUri(const QString &argument)
{
    return argument.startsWith(u"tel:"_s, Qt::CaseInsensitive)
        || argument.startsWith(u"callto:"_s, Qt::CaseInsensitive);
}

Result<QString> ConsoleOptions::dialNumberFromUri(const QString &uri)
{
    if (!isDialUri(uri))
        return invalidArgument(tr("“%1” is not a tel: or callto: link.").arg(uri));
    QString rest = uri.mid(uri.indexOf(u':') + 1);
    if (rest.startsWith(u"//"_s))   // callto://number, as some directories write it
        rest = rest.mid(2);
    // RFC 3966 parameters (";phone-context=…", ";ext=…") and any query are not part of the number.
    const qsizetype end = rest.indexOf(QRegularExpression(u"[;?]"_s));
    if (end >= 0)
        rest.truncate(end);
    rest = QUrl::fromPercentEncoding(rest.toUtf8());

    QString number;
    int digits = 0;
    for (const QChar c : std::as_const(rest)) {
        if (c.isSpace() || c == u'-' || c == u'.' || c == u'(' || c == u')' || c == u'/')
            continue;   // visual separators
        if (c >= u'0' && c <= u'9') {
            ++digits;
        } else if (!(c == u'+' && number.isEmpty()) && c != u'*' && c != u'#') {
            return invalidArgument(tr("“%1” is not a phone number: unexpected “%2”.").arg(uri, c));
        }
        number.append(c);
    }
    if (digits == 0)
        return invalidArgument(tr("“%1” has no phone number to dial.").arg(uri));
    return number;
}

QStringList ConsoleOptions::supportedLanguages()
{
    return { u"es"_s, u"en"_s, u"pt_BR"_s };
}

QUrl ConsoleOptions::demoServer()
{
    // Where `enlace-server --demo` listens unless told otherwise.
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(QString::fromLatin1(demo::ListenHost));
    url.setPort(demo::ListenPort);
    return url;
}

QString ConsoleOptions::demoUser()
{
    return QString::fromLatin1(demo::FirstAgent);
}

QString ConsoleOptions::demoPassword()
{
    return QString::fromLatin1(demo::Password);
}

}   // namespace enlace
