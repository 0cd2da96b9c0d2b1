#include <core/model/messagecatalog.h>
#include <core/telephony/telephonymessages.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

class TestTelephonyMessages final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // CRMs integrated with OMniLeads read this text in the makeCall errors: it keeps OMniLeads'
    // exact wording in every language, as OMniLeads itself does.
    void originateFailed_keepsOmniLeadsWordingInEveryLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << u"en"_s;
        QTest::newRow("es") << u"es"_s;
        QTest::newRow("pt_BR") << u"pt_BR"_s;
    }
    void originateFailed_keepsOmniLeadsWordingInEveryLanguage()
    {
        QFETCH(QString, language);
        MessageCatalog catalog;
        const Error e = telephony::originateFailed(u"busy (reason 5)"_s, u"3511234567"_s);
        QCOMPARE(e.text(&catalog, language), u"Originate failed by busy (reason 5) - contacto: 3511234567"_s);
        QCOMPARE(e.code, u"originate_failed"_s);
        QCOMPARE(e.kind, Error::Kind::Unavailable);
    }

    void operatorMessages_areTranslated_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("expected");
        QTest::newRow("es")
            << u"es"_s
            << u"Asterisk rechazó el inicio de sesión del manager (Authentication failed): revise el usuario y el secreto AMI en manager.conf."_s;
        QTest::newRow("pt_BR")
            << u"pt_BR"_s
            << u"O Asterisk recusou o login do manager (Authentication failed): verifique o usuário e o segredo AMI no manager.conf."_s;
        QTest::newRow("en")
            << u"en"_s
            << u"Asterisk rejected the manager login (Authentication failed): check the AMI user and secret in manager.conf."_s;
    }
    void operatorMessages_areTranslated()
    {
        QFETCH(QString, language);
        QFETCH(QString, expected);
        MessageCatalog catalog;
        QCOMPARE(telephony::authenticationFailed(u"Authentication failed"_s).text(&catalog, language), expected);
    }

    void everyMessageHasSpanishAndPortuguese()
    {
        MessageCatalog catalog;
        const QList<Message> all { telephony::notConnected(), telephony::connectionLost(u"x"_s),
                                   telephony::invalidPbxUrl(u"x"_s) };
        for (const Message &m : all) {
            QVERIFY2(m.text(&catalog, u"es"_s) != m.text(), m.source);
            QVERIFY2(m.text(&catalog, u"pt_BR"_s) != m.text(), m.source);
        }
    }
};

QTEST_GUILESS_MAIN(TestTelephonyMessages)
#include "tst_telephonymessages.moc"
