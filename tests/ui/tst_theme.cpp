#include <ui/theme.h>

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

// Theme against a real D-Bus session: main() runs the tests inside dbus-run-session (a private
// bus), where a second connection plays the desktop's settings portal
// (org.freedesktop.portal.Settings on /org/freedesktop/portal/desktop), answering Read and
// emitting SettingChanged as xdg-desktop-portal does.

namespace {

const char InsideVariable[] = "ENLACE_TEST_THEME_PRIVATE_BUS";

class FakePortal final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Settings")

public:
    explicit FakePortal(uint scheme)
        : m_bus(QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"fake-portal"_s))
        , m_scheme(scheme)
    {
        m_bus.registerObject(u"/org/freedesktop/portal/desktop"_s, this, QDBusConnection::ExportAllSlots);
        m_registered = m_bus.registerService(u"org.freedesktop.portal.Desktop"_s);
    }
    ~FakePortal() override
    {
        m_bus.unregisterService(u"org.freedesktop.portal.Desktop"_s);
        m_bus.unregisterObject(u"/org/freedesktop/portal/desktop"_s);
        QDBusConnection::disconnectFromBus(u"fake-portal"_s);
    }
    bool registered() const { return m_registered; }

    void change(uint scheme)
    {
        m_scheme = scheme;
        QDBusMessage signal = QDBusMessage::createSignal(u"/org/freedesktop/portal/desktop"_s,
                                                         u"org.freedesktop.portal.Settings"_s, u"SettingChanged"_s);
        signal << u"org.freedesktop.appearance"_s << u"color-scheme"_s << QVariant::fromValue(QDBusVariant(scheme));
        m_bus.send(signal);
    }

public Q_SLOTS:
    // The portal's Read wraps the value in a second variant (it predates ReadOne).
    QDBusVariant Read(const QString &group, const QString &key)
    {
        if (group != u"org.freedesktop.appearance"_s || key != u"color-scheme"_s)
            return QDBusVariant(QVariant::fromValue(QDBusVariant(u""_s)));
        return QDBusVariant(QVariant::fromValue(QDBusVariant(m_scheme)));
    }

private:
    QDBusConnection m_bus;
    uint m_scheme;
    bool m_registered = false;
};

bool windowIsDark()
{
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}

}   // namespace

class TestTheme final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { qunsetenv("GTK_THEME"); }

    void choice_darkAppliesTheDarkPalette_lightRestoresThePlatformsLook()
    {
        const QString platformStyle = QApplication::style()->name();
        Theme theme(qApp);
        QVERIFY(!windowIsDark());
        QSignalSpy changed(&theme, &Theme::schemeChanged);
        theme.setChoice(Theme::Choice::Dark);
        QCOMPARE(theme.scheme(), Theme::Scheme::Dark);
        QVERIFY(windowIsDark());
        QCOMPARE(QApplication::palette().color(QPalette::WindowText), Theme::darkPalette().color(QPalette::WindowText));
        QCOMPARE(QApplication::style()->name().toLower(), u"fusion"_s);
        theme.setChoice(Theme::Choice::Light);
        QCOMPARE(theme.scheme(), Theme::Scheme::Light);
        QVERIFY(!windowIsDark());
        QCOMPARE(QApplication::style()->name(), platformStyle);
        QCOMPARE(changed.size(), 2);
    }

    void system_followsTheDesktopsPortal_andItsChanges()
    {
        FakePortal portal(1);   // prefer dark
        QVERIFY(portal.registered());
        Theme theme(qApp);
        theme.setChoice(Theme::Choice::System);
        QTRY_COMPARE(theme.scheme(), Theme::Scheme::Dark);
        QVERIFY(windowIsDark());
        portal.change(2);   // the agent switches the desktop to light
        QTRY_COMPARE(theme.scheme(), Theme::Scheme::Light);
        QVERIFY(!windowIsDark());
        portal.change(1);
        QTRY_COMPARE(theme.scheme(), Theme::Scheme::Dark);
        // An explicit choice wins over the desktop, and System follows it again.
        theme.setChoice(Theme::Choice::Light);
        QCOMPARE(theme.scheme(), Theme::Scheme::Light);
        theme.setChoice(Theme::Choice::System);
        QCOMPARE(theme.scheme(), Theme::Scheme::Dark);
        theme.setChoice(Theme::Choice::Light);
    }

    void system_withoutThePortal_readsGtkTheme()
    {
        qputenv("GTK_THEME", "Adwaita:dark");
        Theme theme(qApp);
        theme.setChoice(Theme::Choice::System);
        QCOMPARE(theme.desktopPreference(), std::optional(Theme::Scheme::Dark));
        QCOMPARE(theme.scheme(), Theme::Scheme::Dark);
        // The failed portal read (no such service) changes nothing.
        test_settle();
        QCOMPARE(theme.scheme(), Theme::Scheme::Dark);
        qputenv("GTK_THEME", "Adwaita");
        theme.setChoice(Theme::Choice::System);
        QCOMPARE(theme.scheme(), Theme::Scheme::Light);
    }

    void keys_roundTrip()
    {
        for (Theme::Choice c : { Theme::Choice::System, Theme::Choice::Light, Theme::Choice::Dark })
            QCOMPARE(Theme::choiceFromKey(Theme::choiceKey(c)), c);
        QCOMPARE(Theme::choiceFromKey(u"purple"_s), Theme::Choice::System);
    }

private:
    // Lets the portal's (failing) answer arrive: the bus says "no such name" at once.
    static void test_settle()
    {
        QDBusMessage ping = QDBusMessage::createMethodCall(u"org.freedesktop.DBus"_s, u"/org/freedesktop/DBus"_s,
                                                           u"org.freedesktop.DBus"_s, u"GetId"_s);
        QDBusConnection::sessionBus().call(ping);   // answered after the earlier call's error
        QCoreApplication::processEvents();
    }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty(InsideVariable)) {
        if (QStandardPaths::findExecutable(u"dbus-run-session"_s).isEmpty()) {
            qCritical("tst_theme: dbus-run-session is missing (scripts/setup-deps installs dbus)");
            return 1;
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(InsideVariable), u"1"_s);
        env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
        QProcess session;
        session.setProcessEnvironment(env);
        session.setProcessChannelMode(QProcess::ForwardedChannels);
        session.start(u"dbus-run-session"_s,
                      QStringList { u"--"_s, app.applicationFilePath() } + app.arguments().mid(1));
        if (!session.waitForFinished(-1) || session.exitStatus() != QProcess::NormalExit)
            return 1;
        return session.exitCode();
    }
    TestTheme test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_theme.moc"
