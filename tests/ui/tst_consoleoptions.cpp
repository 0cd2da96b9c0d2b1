#include <ui/consoleoptions.h>

#include <QBuffer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

class TestConsoleOptions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_readsTheCommandLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("standardInput");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("demo");
        QTest::addColumn<QString>("dialNumber");

        QTest::newRow("nothing") << QStringList {} << QByteArray() << QString() << QString() << QString() << QString()
                                 << false << QString();
        QTest::newRow("server and user") << QStringList { u"--server"_s, u"https://enlace.example.com"_s, u"--user"_s,
                                                          u"ana"_s }
                                         << QByteArray() << u"https://enlace.example.com"_s << u"ana"_s << QString()
                                         << QString() << false << QString();
        QTest::newRow("option=value form")
            << QStringList { u"--server=http://10.0.0.5:8080"_s, u"--user=bo"_s } << QByteArray()
            << u"http://10.0.0.5:8080"_s << u"bo"_s << QString() << QString() << false << QString();
        QTest::newRow("password from stdin, newline stripped")
            << QStringList { u"--user"_s, u"ana"_s, u"--password-stdin"_s } << QByteArray("pa ss wörd\n") << QString()
            << u"ana"_s << u"pa ss wörd"_s << QString() << false << QString();
        QTest::newRow("password from stdin, CRLF and only the first line")
            << QStringList { u"--password-stdin"_s } << QByteArray("secret\r\nignored\n") << QString() << QString()
            << u"secret"_s << QString() << false << QString();
        QTest::newRow("password from stdin without newline")
            << QStringList { u"--password-stdin"_s } << QByteArray("secret") << QString() << QString() << u"secret"_s
            << QString() << false << QString();
        QTest::newRow("lang es") << QStringList { u"--lang"_s, u"es"_s } << QByteArray() << QString() << QString()
                                 << QString() << u"es"_s << false << QString();
        QTest::newRow("lang en") << QStringList { u"--lang=en"_s } << QByteArray() << QString() << QString()
                                 << QString() << u"en"_s << false << QString();
        QTest::newRow("lang pt-BR spelled with a dash")
            << QStringList { u"--lang"_s, u"pt-br"_s } << QByteArray() << QString() << QString() << QString()
            << u"pt_BR"_s << false << QString();
        QTest::newRow("demo") << QStringList { u"--demo"_s } << QByteArray() << u"http://127.0.0.1:8080"_s
                              << u"agente1"_s << u"enlace-demo"_s << QString() << true << QString();
        QTest::newRow("demo, explicit user and server win")
            << QStringList { u"--demo"_s, u"--user"_s, u"agente2"_s, u"--server"_s, u"http://127.0.0.1:9000"_s }
            << QByteArray() << u"http://127.0.0.1:9000"_s << u"agente2"_s << u"enlace-demo"_s << QString() << true
            << QString();
        QTest::newRow("tel") << QStringList { u"tel:+5491155550000"_s } << QByteArray() << QString() << QString()
                             << QString() << QString() << false << u"+5491155550000"_s;
        QTest::newRow("tel percent-encoded plus")
            << QStringList { u"tel:%2B54-9-11-5555-0000"_s } << QByteArray() << QString() << QString() << QString()
            << QString() << false << u"+5491155550000"_s;
        QTest::newRow("tel with separators and parameters")
            << QStringList { u"tel:+54 (11) 5555.0000;ext=12;phone-context=ar"_s } << QByteArray() << QString()
            << QString() << QString() << QString() << false << u"+541155550000"_s;
        QTest::newRow("tel local with star and hash")
            << QStringList { u"tel:*31#1155550000"_s } << QByteArray() << QString() << QString() << QString()
            << QString() << false << u"*31#1155550000"_s;
        QTest::newRow("callto") << QStringList { u"callto:+55%2011%205555%200000"_s } << QByteArray() << QString()
                                << QString() << QString() << QString() << false << u"+551155550000"_s;
        QTest::newRow("callto with slashes, upper-case scheme")
            << QStringList { u"CALLTO://+5511555500"_s } << QByteArray() << QString() << QString() << QString()
            << QString() << false << u"+5511555500"_s;
        QTest::newRow("everything") << QStringList { u"--server"_s,         u"https://cc.example.org/"_s,
                                                     u"--user"_s,           u"ana"_s,
                                                     u"--lang"_s,           u"pt_BR"_s,
                                                     u"--password-stdin"_s, u"tel:1155550000"_s }
                                    << QByteArray("x\n") << u"https://cc.example.org/"_s << u"ana"_s << u"x"_s
                                    << u"pt_BR"_s << false << u"1155550000"_s;
    }
    void parse_readsTheCommandLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, standardInput);
        QFETCH(QString, server);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QString, language);
        QFETCH(bool, demo);
        QFETCH(QString, dialNumber);

        QBuffer in(&standardInput);
        QVERIFY(in.open(QIODevice::ReadOnly));
        auto options = ConsoleOptions::parse(QStringList { u"enlace"_s } + arguments, &in);
        QVERIFY2(options.ok(), options.ok() ? "" : qPrintable(options.error().text()));
        QCOMPARE(options->server, server.isEmpty() ? QUrl() : QUrl(server));
        QCOMPARE(options->user, user);
        QCOMPARE(options->password, password);
        QCOMPARE(options->passwordGiven, !password.isEmpty());
        QCOMPARE(options->language, language);
        QCOMPARE(options->demo, demo);
        QCOMPARE(options->dialNumber, dialNumber);
        QVERIFY(!options->helpRequested);
    }

    void parse_rejectsBadArguments_namingThem_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("standardInput");
        QTest::addColumn<QString>("message");

        QTest::newRow("server not a URL") << QStringList { u"--server"_s, u"not a url"_s } << QByteArray()
                                          << u"--server: “not a url” is not an http:// or https:// address."_s;
        QTest::newRow("server ftp") << QStringList { u"--server=ftp://example.com"_s } << QByteArray()
                                    << u"--server: “ftp://example.com” is not an http:// or https:// address."_s;
        QTest::newRow("server without host") << QStringList { u"--server"_s, u"https://"_s } << QByteArray()
                                             << u"--server: “https://” is not an http:// or https:// address."_s;
        QTest::newRow("unknown language") << QStringList { u"--lang"_s, u"fr"_s } << QByteArray()
                                          << u"--lang: unknown language “fr” (es, en or pt_BR)."_s;
        QTest::newRow("empty user") << QStringList { u"--user="_s } << QByteArray()
                                    << u"--user: the user name is empty."_s;
        QTest::newRow("tel without digits") << QStringList { u"tel:;phone-context=ar"_s } << QByteArray()
                                            << u"“tel:;phone-context=ar” has no phone number to dial."_s;
        QTest::newRow("tel only separators")
            << QStringList { u"tel:+-()"_s } << QByteArray() << u"“tel:+-()” has no phone number to dial."_s;
        QTest::newRow("tel with letters") << QStringList { u"tel:+1-800-FLOWERS"_s } << QByteArray()
                                          << u"“tel:+1-800-FLOWERS” is not a phone number: unexpected “F”."_s;
        QTest::newRow("plus in the middle") << QStringList { u"tel:54+11"_s } << QByteArray()
                                            << u"“tel:54+11” is not a phone number: unexpected “+”."_s;
        QTest::newRow("not a dial link") << QStringList { u"https://example.com"_s } << QByteArray()
                                         << u"“https://example.com” is not a tel: or callto: link."_s;
        QTest::newRow("two numbers") << QStringList { u"tel:1"_s, u"tel:2"_s } << QByteArray()
                                     << u"Only one number can be dialled; unexpected “tel:2”."_s;
        QTest::newRow("empty stdin") << QStringList { u"--password-stdin"_s } << QByteArray("\n")
                                     << u"--password-stdin: no password on standard input."_s;
        QTest::newRow("unknown option") << QStringList { u"--colour"_s } << QByteArray() << u"colour"_s;
        QTest::newRow("missing value") << QStringList { u"--server"_s } << QByteArray() << u"server"_s;
    }
    void parse_rejectsBadArguments_namingThem()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, standardInput);
        QFETCH(QString, message);
        QBuffer in(&standardInput);
        QVERIFY(in.open(QIODevice::ReadOnly));
        auto options = ConsoleOptions::parse(QStringList { u"enlace"_s } + arguments, &in);
        QVERIFY(!options.ok());
        QCOMPARE(options.error().kind, Error::Kind::Invalid);
        QVERIFY2(options.error().text().contains(message), qPrintable(options.error().text()));
    }

    void parse_passwordStdinWithoutADevice_isAnError()
    {
        auto options = ConsoleOptions::parse({ u"enlace"_s, u"--password-stdin"_s }, nullptr);
        QVERIFY(!options.ok());
        QCOMPARE(options.error().text(), u"--password-stdin: standard input cannot be read."_s);
    }

    void parse_standardInputIsReadOnlyWhenAsked()
    {
        QByteArray data("secret\n");
        QBuffer in(&data);
        QVERIFY(in.open(QIODevice::ReadOnly));
        auto options = ConsoleOptions::parse({ u"enlace"_s, u"--user"_s, u"ana"_s }, &in);
        QVERIFY(options.ok());
        QVERIFY(!options->passwordGiven);
        QCOMPARE(in.pos(), 0);
    }

    void parse_help_isReportedNotPrinted()
    {
        auto options = ConsoleOptions::parse({ u"enlace"_s, u"--help"_s });
        QVERIFY(options.ok());
        QVERIFY(options->helpRequested);
        const QString help = ConsoleOptions::helpText();
        for (const QString &option : { u"--server"_s, u"--user"_s, u"--password-stdin"_s, u"--lang"_s, u"--demo"_s })
            QVERIFY2(help.contains(option), qPrintable(help));
    }

    void demo_usesTheEmbeddedServersDefaults()
    {
        QCOMPARE(ConsoleOptions::demoServer(), QUrl(u"http://127.0.0.1:8080"_s));
        QCOMPARE(ConsoleOptions::demoUser(), u"agente1"_s);
        QCOMPARE(ConsoleOptions::demoPassword(), u"enlace-demo"_s);
    }
};

QTEST_GUILESS_MAIN(TestConsoleOptions)
#include "tst_consoleoptions.moc"
