#include <core/requests/siteauthenticationrules.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

SiteAuthentication valid()
{
    SiteAuthentication a;
    a.name = u"CRM token"_s;
    a.url = u"https://crm.example.com/api/token"_s;
    a.username = u"enlace"_s;
    a.password = u"pw"_s;
    a.tokenField = u"access_token"_s;
    a.duration = 3600;
    return a;
}

}   // namespace

class TestSiteAuthenticationRules final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validate_valid_hasNoErrors()
    {
        QVERIFY(SiteAuthenticationRules::validate(valid()).isEmpty());
        SiteAuthentication fromField = valid();
        fromField.duration = 0;
        fromField.durationField = u"expires_in"_s;
        QVERIFY(SiteAuthenticationRules::validate(fromField).isEmpty());
    }

    void validate_invalid_namesTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expectedField");
        QTest::newRow("name missing") << u"name"_s << QString() << u"nombre"_s;
        QTest::newRow("name blank") << u"name"_s << u"   "_s << u"nombre"_s;
        QTest::newRow("name 129") << u"name"_s << QString(129, u'n') << u"nombre"_s;
        QTest::newRow("url missing") << u"url"_s << QString() << u"url"_s;
        QTest::newRow("url not a url") << u"url"_s << u"not a url"_s << u"url"_s;
        QTest::newRow("url ftp") << u"url"_s << u"ftp://crm.example.com/token"_s << u"url"_s;
        QTest::newRow("url no host") << u"url"_s << u"http:/token"_s << u"url"_s;
        QTest::newRow("url 251") << u"url"_s << (u"https://crm.example.com/"_s + QString(227, u'a')) << u"url"_s;
        QTest::newRow("username missing") << u"username"_s << QString() << u"username"_s;
        QTest::newRow("password missing") << u"password"_s << QString() << u"password"_s;
        QTest::newRow("token field missing") << u"tokenField"_s << QString() << u"campo_token"_s;
        QTest::newRow("token field dash") << u"tokenField"_s << u"access-token"_s << u"campo_token"_s;
        QTest::newRow("token field dotted") << u"tokenField"_s << u"data.token"_s << u"campo_token"_s;
        QTest::newRow("token field accent") << u"tokenField"_s << u"tóken"_s << u"campo_token"_s;
        QTest::newRow("duration field space") << u"durationFieldOnly"_s << u"expires in"_s << u"campo_duracion"_s;
        QTest::newRow("duration and field") << u"durationField"_s << u"expires_in"_s << u"duracion"_s;
        QTest::newRow("neither duration nor field") << u"duration"_s << u"0"_s << u"duracion"_s;
        QTest::newRow("negative duration") << u"duration"_s << u"-5"_s << u"duracion"_s;
    }
    void validate_invalid_namesTheField()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, expectedField);
        SiteAuthentication a = valid();
        if (field == u"name"_s)
            a.name = value;
        else if (field == u"url"_s)
            a.url = value;
        else if (field == u"username"_s)
            a.username = value;
        else if (field == u"password"_s)
            a.password = value;
        else if (field == u"tokenField"_s)
            a.tokenField = value;
        else if (field == u"durationField"_s)
            a.durationField = value;
        else if (field == u"durationFieldOnly"_s) {
            a.duration = 0;
            a.durationField = value;
        } else if (field == u"duration"_s)
            a.duration = value.toInt();
        const ValidationErrors errors = SiteAuthenticationRules::validate(a);
        QVERIFY2(errors.has(expectedField), qPrintable(errors.fields().join(u',')));
        QCOMPARE(errors.size(), 1);
    }

    void validate_url250_isAccepted()
    {
        SiteAuthentication a = valid();
        a.url = u"https://crm.example.com/"_s + QString(226, u'a');
        QCOMPARE(a.url.size(), 250);
        QVERIFY(SiteAuthenticationRules::validate(a).isEmpty());
    }

    void validate_passwordOptionalOnUpdate()
    {
        SiteAuthentication a = valid();
        a.password.clear();
        QVERIFY(SiteAuthenticationRules::validate(a, {}, false).isEmpty());
        QVERIFY(SiteAuthenticationRules::validate(a, {}, true).has(u"password"_s));
    }

    void validate_nameTaken_isErrorOnNombre()
    {
        const auto errors
            = SiteAuthenticationRules::validate(valid(), [](const QString &name) { return name == u"CRM token"_s; });
        QVERIFY(errors.has(u"nombre"_s));
        QVERIFY(SiteAuthenticationRules::validate(valid(), [](const QString &) { return false; }).isEmpty());
    }

    void isFieldName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("ok");
        QTest::newRow("token") << u"token"_s << true;
        QTest::newRow("snake") << u"access_token_2"_s << true;
        QTest::newRow("caps") << u"TTL"_s << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("dash") << u"a-b"_s << false;
        QTest::newRow("space") << u"a b"_s << false;
        QTest::newRow("unicode digit") << u"a٣"_s << false;
    }
    void isFieldName()
    {
        QFETCH(QString, name);
        QFETCH(bool, ok);
        QCOMPARE(SiteAuthenticationRules::isFieldName(name), ok);
    }
};

QTEST_GUILESS_MAIN(TestSiteAuthenticationRules)
#include "tst_siteauthenticationrules.moc"
