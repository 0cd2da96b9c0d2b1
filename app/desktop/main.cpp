// enlace: the agent console, composition root only. The object graph is ConsoleSession (ui); the
// CRM pages are ui/web's WebCrmHost.
#include <core/model/messagecatalog.h>
#include <ui/consoleoptions.h>
#include <ui/consolesession.h>
#include <ui/consoletranslations.h>
#include <ui/consoletray.h>
#include <ui/consolewindow.h>
#include <ui/prompts.h>
#include <ui/secretstore.h>
#include <ui/singleinstance.h>
#include <ui/theme.h>
#include <ui/web/webcrmhost.h>

#include <QApplication>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace enlace;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"enlace"_s);
    QApplication::setOrganizationName(u"Enlace"_s);
    QApplication::setApplicationVersion(QStringLiteral(ENLACE_VERSION));
    QApplication::setDesktopFileName(u"org.enlace.Enlace"_s);
    QApplication::setWindowIcon(ConsoleTray::applicationIcon());

    QFile in;
    (void)in.open(stdin, QIODevice::ReadOnly);
    QTextStream err(stderr);
    auto options = ConsoleOptions::parse(QApplication::arguments(), &in);
    const MessageCatalog catalog;
    const QString language = catalog.commandLineLanguage(options ? options->language : QString());
    installConsoleTranslations(app, language);
    if (!options) {
        err << options.error().text() << '\n' << ConsoleOptions::helpText();
        return 2;
    }
    if (options->helpRequested || options->versionRequested) {
        QTextStream(stdout) << (options->helpRequested ? ConsoleOptions::helpText()
                                                       : u"enlace "_s + QApplication::applicationVersion() + u'\n');
        return 0;
    }

    // One console per user: a second start hands its number to the running one and ends.
    SingleInstance instance;
    if (!instance.tryBecomePrimary()) {
        int code = 1;
        instance.sendToPrimary(options->dialNumber.isEmpty() ? QStringList() : QStringList { options->dialNumber },
                               [&](Result<void> sent) {
                                   if (!sent)
                                       err << sent.error().text() << '\n';
                                   code = sent ? 0 : 1;
                                   QApplication::exit(code);
                               });
        app.exec();
        return code;
    }

    QSettings settings;
    // The demo's credentials are public: its token stays in memory rather than in the desktop's keychain.
    KeychainSecretStore keychain;
    MemorySecretStore memory;
    SecretStore &secrets = options->demo ? static_cast<SecretStore &>(memory) : keychain;
    WidgetPrompts prompts;
    const QUrl server
        = !options->server.isEmpty() ? options->server : QUrl(settings.value(u"login/server"_s).toString());
    WebCrmHost crm(WebCrmHost::profileNameFor(server),
                   QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/web/"_s
                       + WebCrmHost::profileNameFor(server));
    crm.setSettings(&settings);
    crm.setTrustedCertificates(settings.value(u"crm/trustedCertificates"_s).toStringList());
    Theme theme(&app);
    ConsoleSession session({ &crm, &secrets, &prompts, &settings, &theme });
    QObject::connect(&instance, &SingleInstance::messageReceived, &session, &ConsoleSession::handleInstanceMessage);
    QObject::connect(&session, &ConsoleSession::quitRequested, &app, &QApplication::quit, Qt::QueuedConnection);

    ConsoleSession::Start start;
    start.server = options->server;
    start.user = options->user;
    if (options->passwordGiven)
        start.password = options->password;
    start.language = language;
    start.dial = options->dialNumber;
    session.start(start);
    return app.exec();
}
