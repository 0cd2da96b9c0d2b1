// console_screenshots LANG OUTDIR: runs the real server (demo data, simulated PBX, demo CRM) on a
// scratch SQLite store and the real console (ConsoleSession + WebCrmHost) against it, through a TCP
// relay that can be cut; drives the console through its main states and saves the whole screen at
// each one as OUTDIR/console-<state>-<LANG>.png. Needs an X display (scripts/screenshots starts
// Xvfb): the WebEngine pages are only on screen, not in a widget grab.
#include <core/server/demoseeder.h>
#include <core/server/serverinstance.h>
#include <tests/support/scratchdatabase.h>
#include <tests/support/server/serverconfigs.h>
#include <tests/support/server/tcpproxy.h>
#include <ui/calllistmodel.h>
#include <ui/callpanel.h>
#include <ui/consolecall.h>
#include <ui/consolesession.h>
#include <ui/consoletranslations.h>
#include <ui/consolewindow.h>
#include <ui/dispositiondialog.h>
#include <ui/prompts.h>
#include <ui/secretstore.h>
#include <ui/theme.h>
#include <ui/web/crmwindow.h>
#include <ui/web/webcrmhost.h>

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

QString g_lang;
QString g_out;
int g_failures = 0;

void fail(const QString &what)
{
    std::fprintf(stderr, "console_screenshots: %s\n", qPrintable(what));
    ++g_failures;
}

bool waitFor(const std::function<bool()> &ready, int ms, const QString &what)
{
    if (QTest::qWaitFor(ready, ms))
        return true;
    fail(u"timed out waiting for "_s + what);
    return false;
}

void shot(const QString &state)
{
    QTest::qWait(1200);   // let the pages paint
    const QString path = QDir(g_out).filePath(u"console-%1-%2.png"_s.arg(state, g_lang));
    const QPixmap screen = QGuiApplication::primaryScreen()->grabWindow(0);
    if (screen.isNull() || !screen.save(path))
        fail(u"could not save "_s + path);
    else
        std::printf("%s\n", qPrintable(path));
}

QJsonObject detailOf(const QJsonObject &answer)
{
    if (answer.contains(u"id"_s))
        return answer;
    for (auto it = answer.begin(); it != answer.end(); ++it)
        if (it.value().isObject())
            return it.value().toObject();
    return {};
}

template <typename T> std::optional<Result<T>> await(const std::function<void(std::function<void(Result<T>)>)> &call)
{
    std::optional<Result<T>> out;
    call([&out](Result<T> r) { out.emplace(std::move(r)); });
    (void)QTest::qWaitFor([&] { return out.has_value(); }, 20000);
    return out;
}

// Changes a field of the site a demo campaign uses, as an administrator does in the admin API.
bool changeSiteOf(ApiClient &admin, qint64 campaignId, const QString &field, const QJsonValue &value)
{
    auto campaign = await<QJsonObject>([&](auto done) { admin.get(AdminResource::Campaigns, campaignId, done); });
    if (!campaign || !campaign->ok())
        return false;
    const qint64 siteId = detailOf(campaign->value()).value(u"sitio_externo"_s).toInteger();
    auto site = await<QJsonObject>([&](auto done) { admin.get(AdminResource::ExternalSites, siteId, done); });
    if (!site || !site->ok())
        return false;
    QJsonObject changed = detailOf(site->value());
    changed.insert(field, value);
    if (changed.value(u"metodo"_s).toInt() == 1)
        changed.remove(u"formato"_s);   // a GET site has none (the detail shows OMniLeads' stored 1)
    changed.insert(u"max_attempts"_s, 2);
    auto updated
        = await<QJsonObject>([&](auto done) { admin.update(AdminResource::ExternalSites, siteId, changed, done); });
    if (!updated || !updated->ok())
        fail(u"could not change the site's "_s + field + u": "_s + (updated ? updated->error().text() : u"timeout"_s));
    return updated && updated->ok();
}

const ConsoleCall *callTo(ConsoleSession &session, const QString &phone)
{
    for (int i = 0; i < session.calls()->rowCount(); ++i)
        if (session.calls()->at(i).phone == phone)
            return &session.calls()->at(i);
    return nullptr;
}

// Places the call once the agent is free (the demo's inbound calls may keep them busy).
bool dial(ConsoleSession &session, qint64 campaignId, const QString &phone)
{
    for (int attempt = 0; attempt < 60; ++attempt) {
        std::optional<Result<void>> placed;
        session.dial(campaignId, phone, {}, [&](Result<void> r) { placed = r; });
        (void)QTest::qWaitFor([&] { return placed.has_value(); }, 20000);
        if (placed && placed->ok())
            return true;
        (void)QTest::qWaitFor([&] { return !session.currentCall() || !session.currentCall()->inProgress(); }, 5000);
    }
    fail(u"could not place a call to "_s + phone);
    return false;
}

}   // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"enlace-screenshots"_s);
    const QStringList args = QApplication::arguments();
    if (args.size() != 3 || QGuiApplication::platformName() != u"xcb"_s) {
        std::fprintf(stderr, "usage: console_screenshots es|en|pt_BR OUTDIR (on an X display)\n");
        return 2;
    }
    g_lang = args.at(1);
    g_out = args.at(2);
    QDir().mkpath(g_out);
    installConsoleTranslations(app, g_lang);
    QApplication::setWindowIcon(QIcon(u":/icons/enlace.svg"_s));

    QTemporaryDir dir;
    test::ScratchDatabase scratch(u"sqlite"_s);
    ServerConfig config = test::localServerConfig(scratch.url(), dir);
    config.demo = true;
    config.language = g_lang;
    config.simulatedTimeScale = 1.0;
    ServerInstance server(config);
    if (auto started = server.start(); !started) {
        fail(started.error().text());
        return 1;
    }
    auto password = [&](const QString &user) {
        for (const auto &[name, secret] : server.demoSummary()->logins)
            if (name == user)
                return secret;
        return QString();
    };
    const QList<qint64> campaigns = server.demoSummary()->campaignIds;
    test::TcpProxy proxy(QHostAddress::LocalHost, server.baseUrl().port());
    proxy.listen();

    QNetworkAccessManager nam;
    ApiClient admin(&nam, server.baseUrl());
    admin.setLanguage(g_lang);
    auto in = await<LoginAnswer>([&](auto done) { admin.login(u"admin"_s, password(u"admin"_s), done); });
    if (!in || !in->ok())
        fail(u"admin login"_s);
    // The manual campaign's CRM opens in its own window; the preview campaign's server site
    // points at a CRM that is down.
    changeSiteOf(admin, campaigns.at(1), u"objetivo"_s, 2);
    changeSiteOf(admin, campaigns.at(2), u"url"_s, u"http://127.0.0.1:9/crm/{1}"_s);

    QSettings settings(dir.filePath(u"console.ini"_s), QSettings::IniFormat);
    settings.setValue(u"crm/maxPages"_s, 5);
    MemorySecretStore secrets;
    WidgetPrompts prompts;
    Theme theme(&app);
    WebCrmHost crm(u"screenshots"_s, dir.filePath(u"web"_s));
    crm.setSettings(&settings);
    ConsoleSession session({ &crm, &secrets, &prompts, &settings, &theme });
    ConsoleWindow *window = session.window();

    ConsoleSession::Start start;
    start.server = QUrl(u"http://127.0.0.1:%1"_s.arg(proxy.port()));
    start.user = u"agente1"_s;
    start.password = password(u"agente1"_s);
    start.language = g_lang;
    session.start(start);
    if (!waitFor([&] { return session.channel() && session.channel()->state() == EventChannelClient::State::Ready; },
                 30000, u"sign-in"_s))
        return 1;
    window->showMaximized();
    shot(u"idle"_s);

    // Ringing, then connected with the CRM popped in its tab.
    bool loaded = false;
    QObject::connect(&crm, &CrmHost::pageLoaded,
                     [&](const QString &, qint64, bool ok, const QString &) { loaded = ok; });
    if (dial(session, campaigns.at(0), u"1155551234"_s)
        && waitFor([&] { return session.currentCall() && session.currentCall()->phone == u"1155551234"_s; }, 20000,
                   u"the call"_s)) {
        if (session.currentCall()->state == CallState::Offered)
            shot(u"ringing"_s);
        if (waitFor([&] { return loaded; }, 30000, u"the CRM page"_s)) {
            shot(u"crm-embedded"_s);
            theme.setChoice(Theme::Choice::Dark);
            shot(u"dark"_s);
            theme.setChoice(Theme::Choice::System);
            // The qualify dialog, filled in.
            session.showQualify();
            if (waitFor([&] { return session.dispositionDialog() && session.dispositionDialog()->isVisible(); }, 20000,
                        u"the qualify dialog"_s)) {
                if (auto *comments
                    = session.dispositionDialog()->findChild<QPlainTextEdit *>(u"dispositionCommentsEdit"_s))
                    comments->setPlainText(g_lang == u"en"_s ? u"Wants the premium plan; call back on Monday."_s
                                                             : u"Quiere el plan premium; volver a llamar el lunes."_s);
                shot(u"qualify"_s);
                session.dispositionDialog()->reject();
            }
        }
        // The connection drops: the banner, the call kept.
        proxy.cut();
        if (waitFor([&] { return session.state() == ConsoleSession::State::Offline; }, 30000, u"offline"_s))
            shot(u"offline"_s);
        proxy.restore();
        waitFor([&] { return session.state() == ConsoleSession::State::Online; }, 60000, u"back online"_s);
        waitFor([&] { return !session.currentCall() || !session.currentCall()->inProgress(); }, 90000,
                u"the call to end"_s);
    }

    // The CRM in its own window (the manual campaign's agent-triggered site, opened by the agent).
    if (dial(session, campaigns.at(1), u"1155554321"_s)
        && waitFor(
            [&] {
                return callTo(session, u"1155554321"_s)
                    && callTo(session, u"1155554321"_s)->state == CallState::Connected;
            },
            30000, u"the manual call"_s)) {
        loaded = false;
        session.openCrm();
        if (waitFor([&] { return loaded; }, 30000, u"the CRM window"_s)) {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *crmWindow = qobject_cast<CrmWindow *>(w); crmWindow && crmWindow->isVisible())
                    crmWindow->setGeometry(360, 110, 1040, 720);
            shot(u"crm-window"_s);
        }
        waitFor([&] { return !session.currentCall() || !session.currentCall()->inProgress(); }, 90000,
                u"the manual call to end"_s);
        for (QWidget *w : QApplication::topLevelWidgets())
            if (qobject_cast<CrmWindow *>(w))
                w->hide();
    }

    // A server-trigger site whose CRM is down: the sticky "CRM not connected".
    if (dial(session, campaigns.at(2), u"1155556789"_s)
        && waitFor(
            [&] {
                return callTo(session, u"1155556789"_s)
                    && callTo(session, u"1155556789"_s)->crmOutcome == ConsoleCall::CrmOutcome::Failed;
            },
            60000, u"the failed delivery"_s))
        shot(u"crm-not-connected"_s);

    session.window()->setCloseGuard({});
    return g_failures == 0 ? 0 : 1;
}
