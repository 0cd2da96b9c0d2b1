#include <ui/secretstore.h>

#include <QCoreApplication>
#include <QDirIterator>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <optional>

using namespace Qt::StringLiterals;
using namespace enlace;

// KeychainSecretStore against a real Secret Service: main() runs the tests in a private D-Bus
// session (dbus-run-session) with their own gnome-keyring-daemon, unlocked with an empty
// password, and HOME/XDG dirs in a temporary directory, so they never touch the developer's
// keyring and need nothing from the caller (ctest, scripts/test, an IDE).

namespace {

const char PrivateKeyringVariable[] = "ENLACE_TEST_PRIVATE_KEYRING";   // the private HOME, once inside
const char NoBusVariable[] = "ENLACE_TEST_SECRETSTORE_NO_BUS";
const char NoServiceVariable[] = "ENLACE_TEST_SECRETSTORE_NO_SERVICE";

// gnome-keyring-daemon reads the unlock password up to EOF: "\n" is the empty password (no bytes
// at all makes it ask a prompter, which has no display here). Then wait until the daemon owns
// org.freedesktop.secrets, so the first request does not race D-Bus activation of a second one.
const char SessionScript[]
    = R"(printf '\n' | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null || exit 90
i=0
until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true; do
  i=$((i + 1)); [ "$i" -gt 200 ] && { echo "tst_secretstore: no Secret Service on the private bus" >&2; exit 91; }
  sleep 0.05
done
exec "$0" "$@")";

int runInPrivateKeyring(const QCoreApplication &app)
{
    for (const QString &tool : { u"dbus-run-session"_s, u"gnome-keyring-daemon"_s, u"dbus-send"_s, u"secret-tool"_s })
        if (QStandardPaths::findExecutable(tool).isEmpty()) {
            qCritical("tst_secretstore: %s is missing (scripts/setup-deps installs it)", qPrintable(tool));
            return 1;
        }
    QTemporaryDir home(QDir::tempPath() + u"/enlace-keyring-XXXXXX"_s);
    if (!home.isValid() || !QDir(home.path()).mkpath(u"run"_s))
        return 1;
    QFile::setPermissions(home.path() + u"/run"_s, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, home.path());
    env.insert(u"XDG_RUNTIME_DIR"_s, home.path() + u"/run"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, home.path() + u"/.config"_s);
    env.insert(u"XDG_DATA_HOME"_s, home.path() + u"/.local/share"_s);
    env.insert(u"XDG_CACHE_HOME"_s, home.path() + u"/.cache"_s);
    // QtKeychain picks KWallet on a KDE desktop; the tests want the Secret Service (libsecret).
    for (const QString &name : { u"XDG_CURRENT_DESKTOP"_s, u"KDE_SESSION_VERSION"_s, u"DESKTOP_SESSION"_s,
                                 u"DBUS_SESSION_BUS_ADDRESS"_s, u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s })
        env.remove(name);
    env.insert(QString::fromLatin1(PrivateKeyringVariable), home.path());

    QProcess session;
    session.setProcessEnvironment(env);
    session.setProcessChannelMode(QProcess::ForwardedChannels);
    session.start(
        u"dbus-run-session"_s,
        QStringList { u"--"_s, u"sh"_s, u"-c"_s, QString::fromLatin1(SessionScript), app.applicationFilePath() }
            + app.arguments().mid(1));
    if (!session.waitForFinished(-1) || session.exitStatus() != QProcess::NormalExit)
        return 1;
    return session.exitCode();
}

template <typename T> std::optional<Result<T>> await(const std::function<void(std::function<void(Result<T>)>)> &call)
{
    std::optional<Result<T>> out;
    call([&out](Result<T> r) { out.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, 30000))
        return std::nullopt;
    return out;
}

std::optional<Result<QString>> readSecret(SecretStore &store, const QString &key)
{
    return await<QString>([&](auto done) { store.read(key, std::move(done)); });
}

std::optional<Result<void>> writeSecret(SecretStore &store, const QString &key, const QString &secret)
{
    return await<void>([&](auto done) { store.write(key, secret, std::move(done)); });
}

std::optional<Result<void>> removeSecret(SecretStore &store, const QString &key)
{
    return await<void>([&](auto done) { store.remove(key, std::move(done)); });
}

// A failure's text for QVERIFY2, which evaluates its message whether or not the check fails.
template <typename R> QByteArray why(const R &result)
{
    return result.ok() ? QByteArray() : result.error().text().toUtf8();
}

QString uniqueKey(const QString &what)
{
    return SecretStore::key(QUrl(u"https://enlace.example.com"_s),
                            u"ana-"_s + QUuid::createUuid().toString(QUuid::Id128),
                            what == u"token"_s ? SecretStore::SecretKind::Token : SecretStore::SecretKind::Password);
}

QString uniqueSecret()
{
    return u"s3cr3t-"_s + QUuid::createUuid().toString(QUuid::Id128);
}

// What secret-tool, an independent libsecret client, finds under QtKeychain's attributes.
QProcess *secretTool(const QStringList &arguments, const QByteArray &input = {})
{
    auto *p = new QProcess;
    p->start(u"secret-tool"_s, arguments);
    p->write(input);
    p->closeWriteChannel();
    p->waitForFinished(30000);
    return p;
}

}   // namespace

class TestSecretStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsSet(NoBusVariable))
            return;
        QVERIFY2(qEnvironmentVariableIsSet(PrivateKeyringVariable), "main() runs the tests in a private keyring");
        QCOMPARE(QDir::homePath(), qEnvironmentVariable(PrivateKeyringVariable));
    }

    void key_namesServerUserAndKind_data()
    {
        QTest::addColumn<QUrl>("server");
        QTest::addColumn<QString>("user");
        QTest::addColumn<bool>("token");
        QTest::addColumn<QString>("key");
        QTest::newRow("token") << QUrl(u"https://enlace.example.com"_s) << u"ana"_s << true
                               << u"https://enlace.example.com|ana|token"_s;
        QTest::newRow("password, trailing slash dropped")
            << QUrl(u"http://127.0.0.1:8080/"_s) << u"ana"_s << false << u"http://127.0.0.1:8080|ana|password"_s;
        QTest::newRow("user info dropped") << QUrl(u"https://x:y@enlace.example.com/base/"_s) << u"bo"_s << true
                                           << u"https://enlace.example.com/base|bo|token"_s;
    }
    void key_namesServerUserAndKind()
    {
        QFETCH(QUrl, server);
        QFETCH(QString, user);
        QFETCH(bool, token);
        QFETCH(QString, key);
        QCOMPARE(
            SecretStore::key(server, user, token ? SecretStore::SecretKind::Token : SecretStore::SecretKind::Password),
            key);
    }

    void keychain_writeThenRead_roundTrips()
    {
        KeychainSecretStore store;
        const QString key = uniqueKey(u"token"_s);
        const QString secret = uniqueSecret() + u" ñandú €"_s;
        auto written = writeSecret(store, key, secret);
        QVERIFY(written);
        QVERIFY2(written->ok(), why(*written).constData());
        QVERIFY(store.persistent());

        // Another store (as the next start of the console) reads it back.
        KeychainSecretStore next;
        auto read = readSecret(next, key);
        QVERIFY(read);
        QVERIFY2(read->ok(), why(*read).constData());
        QCOMPARE(read->value(), secret);
        QVERIFY(next.persistent());
    }

    void keychain_write_overwritesThePreviousSecret()
    {
        KeychainSecretStore store;
        const QString key = uniqueKey(u"password"_s);
        QVERIFY(writeSecret(store, key, u"first"_s).value_or(Error {}).ok());
        QVERIFY(writeSecret(store, key, u"second"_s).value_or(Error {}).ok());
        auto read = readSecret(store, key);
        QVERIFY(read && read->ok());
        QCOMPARE(read->value(), u"second"_s);
    }

    void keychain_remove_forgetsTheSecret_andRemovingAgainSucceeds()
    {
        KeychainSecretStore store;
        const QString key = uniqueKey(u"token"_s);
        QVERIFY(writeSecret(store, key, uniqueSecret()).value_or(Error {}).ok());
        QVERIFY(removeSecret(store, key).value_or(Error {}).ok());
        auto read = readSecret(store, key);
        QVERIFY(read);
        QVERIFY(!read->ok());
        QCOMPARE(read->error().kind, Error::Kind::NotFound);
        QVERIFY(removeSecret(store, key).value_or(Error {}).ok());
        QVERIFY(store.persistent());
    }

    void keychain_readMissingKey_isNotFound()
    {
        KeychainSecretStore store;
        auto read = readSecret(store, uniqueKey(u"token"_s));
        QVERIFY(read && !read->ok());
        QCOMPARE(read->error().kind, Error::Kind::NotFound);
        QVERIFY(store.persistent());
    }

    void keychain_itemIsSeenBySecretTool_andTheOtherWayRound()
    {
        KeychainSecretStore store;
        const QString key = uniqueKey(u"token"_s);
        const QString secret = uniqueSecret();
        QVERIFY(writeSecret(store, key, secret).value_or(Error {}).ok());

        std::unique_ptr<QProcess> lookup(secretTool({ u"lookup"_s, u"user"_s, key, u"server"_s, store.service() }));
        QCOMPARE(lookup->exitCode(), 0);
        QCOMPARE(QString::fromUtf8(lookup->readAllStandardOutput()), secret);

        QVERIFY(removeSecret(store, key).value_or(Error {}).ok());
        lookup.reset(secretTool({ u"lookup"_s, u"user"_s, key, u"server"_s, store.service() }));
        QCOMPARE(lookup->exitCode(), 1);   // nothing found

        // Stored by another client with QtKeychain's attributes, the store reads it.
        const QString other = uniqueSecret();
        std::unique_ptr<QProcess> stored(secretTool({ u"store"_s, u"--label=enlace test"_s, u"user"_s, key, u"server"_s,
                                                      store.service(), u"type"_s, u"plaintext"_s },
                                                    other.toUtf8()));
        QCOMPARE(stored->exitCode(), 0);
        auto read = readSecret(store, key);
        QVERIFY(read && read->ok());
        QCOMPARE(read->value(), other);
    }

    void keychain_secretIsNeverWrittenInPlainText()
    {
        KeychainSecretStore store;
        const QString key = uniqueKey(u"password"_s);
        const QString secret = uniqueSecret();
        QVERIFY(writeSecret(store, key, secret).value_or(Error {}).ok());
        // Had the insecure fallback been on, it would have been QSettings under XDG_CONFIG_HOME.
        QSettings settings;
        settings.sync();

        const QString home = QDir::homePath();
        QStringList files;
        QStringList keyrings;
        QDirIterator it(home, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            files << path;
            if (path.contains(u"/keyrings/"_s))
                keyrings << path;
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray content = f.readAll();
            QVERIFY2(!content.contains(secret.toUtf8()), qPrintable(u"plain-text secret in "_s + path));
            QVERIFY2(!content.contains(secret.toUtf8().toBase64()), qPrintable(u"base64 secret in "_s + path));
        }
        // It did reach the disk: in the keyring's encrypted file.
        QVERIFY2(!keyrings.isEmpty(), qPrintable(files.join(u", "_s)));
    }

    void keychain_noBackend_fallsBackToMemory()
    {
        // QtKeychain picks its backend once per process: the no-bus case runs in a child.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + dir.filePath(u"no-bus"_s));
        env.remove(u"DISPLAY"_s);
        env.insert(QString::fromLatin1(NoBusVariable), u"1"_s);
        QProcess child;
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(), { u"noBackendChild"_s });
        QVERIFY(child.waitForFinished(60000));
        const QByteArray output = child.readAll();
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("PASS   : TestSecretStore::noBackendChild()"), output.constData());
    }

    void keychain_busWithoutSecretService_saysSoWithoutWaiting()
    {
        // A desktop session whose bus has no keychain service (none running, none activatable: a
        // bus of its own with no service directories, as on a desktop without a keyring installed).
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile config(dir.filePath(u"session.conf"_s));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                     " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                     "<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen><auth>EXTERNAL</auth>\n"
                     "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                     "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n");
        config.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
        env.remove(u"DISPLAY"_s);
        env.insert(QString::fromLatin1(NoServiceVariable), u"1"_s);
        QProcess child;
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(u"dbus-run-session"_s,
                    { u"--config-file="_s + config.fileName(), u"--"_s, QCoreApplication::applicationFilePath(),
                      u"noServiceChild"_s });
        QVERIFY(child.waitForFinished(60000));
        const QByteArray output = child.readAll();
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("PASS   : TestSecretStore::noServiceChild()"), output.constData());
    }

    void noServiceChild()
    {
        if (!qEnvironmentVariableIsSet(NoServiceVariable))
            QSKIP("the child process of keychain_busWithoutSecretService_saysSoWithoutWaiting");
        KeychainSecretStore store;
        store.setTimeout(std::chrono::minutes(10));   // the answer must come from the bus, not the timer
        QSignalSpy lost(&store, &SecretStore::persistenceLost);
        auto read = readSecret(store, uniqueKey(u"token"_s));
        QVERIFY(read && !read->ok());
        QCOMPARE(read->error().kind, Error::Kind::Unavailable);
        QVERIFY2(read->error().text().contains(u"no Secret Service"_s), qPrintable(read->error().text()));
        QVERIFY(!store.persistent());
        QCOMPARE(lost.size(), 1);
    }

    void noBackendChild()
    {
        if (!qEnvironmentVariableIsSet(NoBusVariable))
            QSKIP("the child process of keychain_noBackend_fallsBackToMemory");

        KeychainSecretStore store;
        QSignalSpy lost(&store, &SecretStore::persistenceLost);
        const QString key = uniqueKey(u"token"_s);
        auto written = writeSecret(store, key, u"in-memory"_s);
        QVERIFY(written);
        QVERIFY(!written->ok());
        QCOMPARE(written->error().kind, Error::Kind::Unavailable);
        QCOMPARE(written->error().message.text(), KeychainSecretStore::memoryOnlyNotice());
        QVERIFY(written->error().text().startsWith(
            u"No system keychain answered: the token is kept in memory until you quit."_s));
        QVERIFY(!store.persistent());
        QCOMPARE(lost.size(), 1);
        QCOMPARE(lost.at(0).at(0).toString(), KeychainSecretStore::memoryOnlyNotice());

        auto read = readSecret(store, key);
        QVERIFY(read && read->ok());
        QCOMPARE(read->value(), u"in-memory"_s);
        auto again = writeSecret(store, key, u"newer"_s);
        QVERIFY(again && !again->ok());
        QCOMPARE(again->error().kind, Error::Kind::Unavailable);
        QCOMPARE(readSecret(store, key)->value(), u"newer"_s);
        QVERIFY(removeSecret(store, key).value_or(Error {}).ok());
        QCOMPARE(readSecret(store, key)->error().kind, Error::Kind::NotFound);
        QCOMPARE(lost.size(), 1);   // said once

        // A read that finds no keychain says so too.
        KeychainSecretStore fresh;
        auto first = readSecret(fresh, key);
        QVERIFY(first && !first->ok());
        QCOMPARE(first->error().kind, Error::Kind::Unavailable);
        QVERIFY(!fresh.persistent());
    }

    void memory_roundTrip_answersFromTheEventLoop()
    {
        MemorySecretStore store;
        QVERIFY(!store.persistent());
        bool called = false;
        store.write(u"k"_s, u"v"_s, [&called](Result<void> r) {
            QVERIFY(r.ok());
            called = true;
        });
        QVERIFY(!called);   // never inside the call
        QTRY_VERIFY(called);
        QCOMPARE(readSecret(store, u"k"_s)->value(), u"v"_s);
        QVERIFY(writeSecret(store, u"k"_s, u"w"_s)->ok());
        QCOMPARE(readSecret(store, u"k"_s)->value(), u"w"_s);
        QVERIFY(removeSecret(store, u"k"_s)->ok());
        QCOMPARE(readSecret(store, u"k"_s)->error().kind, Error::Kind::NotFound);
    }

    void memory_noCallbackAfterTheStoreIsGone()
    {
        bool called = false;
        {
            MemorySecretStore store;
            store.read(u"k"_s, [&called](Result<QString>) { called = true; });
        }
        QCoreApplication::processEvents();
        QVERIFY(!called);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    app.setOrganizationName(u"Enlace tests"_s);
    if (!qEnvironmentVariableIsSet(PrivateKeyringVariable))
        return runInPrivateKeyring(app);
    TestSecretStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretstore.moc"
