#include <ui/singleinstance.h>

#include <QCoreApplication>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QtEndian>

#include <optional>

using namespace Qt::StringLiterals;
using namespace enlace;
using namespace std::chrono_literals;

// The test binary doubles as the other console process: ENLACE_TEST_INSTANCE_CHILD=primary
// holds DIR and prints what it receives; =send hands its arguments to DIR's primary.

namespace {

const char ChildModeVariable[] = "ENLACE_TEST_INSTANCE_CHILD";
const char ChildDirVariable[] = "ENLACE_TEST_INSTANCE_DIR";
const QChar Separator = u'\x1f';

int runChild(QCoreApplication &app, const QString &mode)
{
    SingleInstance instance(qEnvironmentVariable(ChildDirVariable));
    QTextStream out(stdout);
    if (mode == u"primary"_s) {
        if (!instance.tryBecomePrimary())
            return 3;
        QObject::connect(&instance, &SingleInstance::messageReceived, &app, [&out](const QStringList &arguments) {
            out << "got:" << arguments.join(Separator) << Qt::endl;
        });
        out << "ready" << Qt::endl;
        return app.exec();
    }
    if (instance.tryBecomePrimary())
        return 4;   // it should have found the primary
    int code = 1;
    instance.sendToPrimary(app.arguments().mid(1), [&](Result<void> r) {
        code = r.ok() ? 0 : 2;
        app.quit();
    });
    app.exec();
    return code;
}

std::optional<Result<void>> send(SingleInstance &from, const QStringList &arguments)
{
    std::optional<Result<void>> out;
    from.sendToPrimary(arguments, [&out](Result<void> r) { out.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, 30000))
        return std::nullopt;
    return out;
}

QProcessEnvironment childEnvironment(const QString &mode, const QString &dir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(ChildModeVariable), mode);
    env.insert(QString::fromLatin1(ChildDirVariable), dir);
    return env;
}

}   // namespace

class TestSingleInstance final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_dir.reset(); }

    void firstInstance_becomesPrimary_secondDoesNot()
    {
        SingleInstance first(path());
        SingleInstance second(path());
        QVERIFY(first.tryBecomePrimary());
        QVERIFY(first.isPrimary());
        QVERIFY(first.tryBecomePrimary());   // again: still primary
        QVERIFY(!second.tryBecomePrimary());
        QVERIFY(!second.isPrimary());
        QVERIFY(QFile::exists(first.socketPath()));
    }

    void primary_socketAndDirectory_areOwnerOnly()
    {
        const QString nested = path() + u"/profile"_s;
        SingleInstance primary(nested);
        QVERIFY(primary.tryBecomePrimary());
        const auto others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
            | QFile::WriteOther | QFile::ExeOther;
        QCOMPARE(QFile::permissions(nested) & others, QFile::Permissions());
        QCOMPARE(QFile::permissions(primary.socketPath()) & others, QFile::Permissions());
    }

    void secondary_deliversItsArguments_andGetsAnAck_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("tel") << QStringList { u"tel:+5491155550000"_s };
        QTest::newRow("raise") << QStringList { u"--raise"_s };
        QTest::newRow("several") << QStringList { u"--lang"_s, u"pt_BR"_s, u"callto:%2B55 11 5555 0000"_s };
        QTest::newRow("non-ASCII") << QStringList { u"--user"_s, u"Julián Núñez"_s };
        QTest::newRow("nothing") << QStringList {};
    }
    void secondary_deliversItsArguments_andGetsAnAck()
    {
        QFETCH(QStringList, arguments);
        SingleInstance primary(path());
        SingleInstance secondary(path());
        QVERIFY(primary.tryBecomePrimary());
        QVERIFY(!secondary.tryBecomePrimary());
        QSignalSpy received(&primary, &SingleInstance::messageReceived);
        auto result = send(secondary, arguments);
        QVERIFY(result);
        QVERIFY(result->ok());
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.at(0).at(0).toStringList(), arguments);
    }

    void twoSecondaries_atOnce_bothArrive()
    {
        SingleInstance primary(path());
        SingleInstance a(path());
        SingleInstance b(path());
        QVERIFY(primary.tryBecomePrimary());
        QSignalSpy received(&primary, &SingleInstance::messageReceived);
        int acks = 0;
        a.sendToPrimary({ u"tel:1"_s }, [&acks](Result<void> r) { acks += r.ok(); });
        b.sendToPrimary({ u"tel:2"_s }, [&acks](Result<void> r) { acks += r.ok(); });
        QTRY_COMPARE(acks, 2);
        QCOMPARE(received.size(), 2);
    }

    void noPrimary_sendFailsAfterItsRetries()
    {
        SingleInstance lonely(path());
        lonely.setTimeout(200ms);
        auto result = send(lonely, { u"--raise"_s });
        QVERIFY(result);
        QVERIFY(!result->ok());
        QCOMPARE(result->error().kind, Error::Kind::Unavailable);
        QCOMPARE(result->error().message.text(), u"The running Enlace console did not answer."_s);
    }

    void oversizedMessage_isRefusedBySender()
    {
        SingleInstance primary(path());
        SingleInstance secondary(path());
        QVERIFY(primary.tryBecomePrimary());
        QSignalSpy received(&primary, &SingleInstance::messageReceived);
        auto result = send(secondary, { QString(SingleInstance::MaxMessageBytes, u'9') });
        QVERIFY(result);
        QVERIFY(!result->ok());
        QCOMPARE(result->error().kind, Error::Kind::Invalid);
        QCOMPARE(received.size(), 0);
    }

    void oversizedOrMalformedFrame_isDroppedByPrimary_whichKeepsServing()
    {
        SingleInstance primary(path());
        QVERIFY(primary.tryBecomePrimary());
        QSignalSpy received(&primary, &SingleInstance::messageReceived);

        for (const quint32 length : { quint32(SingleInstance::MaxMessageBytes + 1), quint32(3) }) {
            QLocalSocket raw;
            raw.connectToServer(primary.socketPath());
            QVERIFY(raw.waitForConnected(5000));
            QByteArray header(4, Qt::Uninitialized);
            qToBigEndian<quint32>(length, header.data());
            raw.write(header + QByteArray(3, '\xff'));   // 3 bytes are no QStringList either
            raw.flush();
            QTRY_COMPARE(raw.state(), QLocalSocket::UnconnectedState);
            QVERIFY(!raw.bytesAvailable());   // no ack
        }
        QCOMPARE(received.size(), 0);

        SingleInstance secondary(path());
        auto result = send(secondary, { u"--raise"_s });
        QVERIFY(result && result->ok());
        QCOMPARE(received.size(), 1);
    }

    void primaryGone_nextStartBecomesPrimary()
    {
        auto first = std::make_unique<SingleInstance>(path());
        QVERIFY(first->tryBecomePrimary());
        first.reset();
        SingleInstance next(path());
        QVERIFY(next.tryBecomePrimary());
    }

    void staleLockWithDeadPid_andStaleSocketFile_areTakenOver()
    {
        SingleInstance probe(path());
        QVERIFY(QDir().mkpath(path()));
        // A pid that was this program's and is gone now.
        QProcess finished;
        finished.start(QCoreApplication::applicationFilePath(), { u"-functions"_s });
        QVERIFY(finished.waitForFinished(30000));
        const qint64 deadPid = finished.processId() ? finished.processId() : 999999;
        QFile lock(probe.lockPath());
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write(QByteArray::number(deadPid) + '\n' + QCoreApplication::applicationName().toUtf8() + '\n'
                   + QSysInfo::machineHostName().toUtf8() + '\n');
        lock.close();
        QFile socketFile(probe.socketPath());   // what a crash leaves where the socket was
        QVERIFY(socketFile.open(QIODevice::WriteOnly));
        socketFile.close();

        SingleInstance next(path());
        QVERIFY(next.tryBecomePrimary());
        SingleInstance secondary(path());
        QSignalSpy received(&next, &SingleInstance::messageReceived);
        auto result = send(secondary, { u"tel:+5491155550000"_s });
        QVERIFY(result && result->ok());
        QCOMPARE(received.size(), 1);
    }

    void primaryInAnotherProcess_receives_andWhenItCrashes_isTakenOver()
    {
        QProcess child;
        child.setProcessEnvironment(childEnvironment(u"primary"_s, path()));
        child.start(QCoreApplication::applicationFilePath());
        QVERIFY(child.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(child.canReadLine(), 30000);
        QCOMPARE(child.readLine(), "ready\n");

        SingleInstance here(path());
        QVERIFY(!here.tryBecomePrimary());
        auto result = send(here, { u"tel:+5491155550000"_s, u"--raise"_s });
        QVERIFY(result && result->ok());
        QTRY_VERIFY(child.canReadLine());
        const QStringList sent { u"tel:+5491155550000"_s, u"--raise"_s };
        QCOMPARE(QString::fromUtf8(child.readLine()), u"got:"_s + sent.join(Separator) + u'\n');

        child.kill();   // SIGKILL: the lock file and the socket file stay behind
        QVERIFY(child.waitForFinished());
        QVERIFY(QFile::exists(here.lockPath()));
        QVERIFY(QFile::exists(here.socketPath()));

        QVERIFY(here.tryBecomePrimary());
        QSignalSpy received(&here, &SingleInstance::messageReceived);
        SingleInstance later(path());
        QVERIFY(!later.tryBecomePrimary());
        auto again = send(later, { u"--raise"_s });
        QVERIFY(again && again->ok());
        QCOMPARE(received.size(), 1);
    }

    void secondaryInAnotherProcess_deliversToThisPrimary()
    {
        SingleInstance primary(path());
        QVERIFY(primary.tryBecomePrimary());
        QSignalSpy received(&primary, &SingleInstance::messageReceived);
        QProcess child;
        child.setProcessEnvironment(childEnvironment(u"send"_s, path()));
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.start(QCoreApplication::applicationFilePath(), { u"callto:+5511555500"_s });
        QTRY_VERIFY_WITH_TIMEOUT(child.state() == QProcess::NotRunning, 30000);
        QCOMPARE(child.exitCode(), 0);
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.at(0).at(0).toStringList(), QStringList { u"callto:+5511555500"_s });
    }

private:
    QString path() const { return m_dir->path() + u"/instance"_s; }

    std::optional<QTemporaryDir> m_dir;
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (const QString mode = qEnvironmentVariable(ChildModeVariable); !mode.isEmpty())
        return runChild(app, mode);
    TestSingleInstance test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_singleinstance.moc"
