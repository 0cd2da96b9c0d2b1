#include <core/model/messagecatalog.h>
#include <core/requests/parameterresolver.h>
#include <core/requests/requestbuilder.h>
#include <tests/support/fakeclock.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

CrmParameter param(const QString &name, CrmParameterType type, const QString &value)
{
    CrmParameter p;
    p.name = name;
    p.type = type;
    p.value = value;
    return p;
}

CallContext call()
{
    CallContext c;
    c.callId = u"1700000000.42"_s;
    c.agentId = 5;
    c.agentUsername = u"ana"_s;
    c.agentName = u"Ana Pérez"_s;
    c.phone = u"+543515550000"_s;
    c.contactId = 77;
    c.contactValues
        = { { u"telefono"_s, u"3515550000"_s }, { u"nombre"_s, u"José"_s }, { u"id_externo"_s, u"ext-9"_s } };
    c.recordingFile = u"rec-1.wav"_s;
    c.waitSeconds = 12;
    c.callDateTime = QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7), Qt::UTC);
    c.campaignId = 12;
    c.campaignName = u"Ventas"_s;
    c.campaignType = CampaignType::Dialer;
    c.dialplan = { { u"Omlcrmnombre_1"_s, u"x"_s } };
    c.dispositionId = 900;
    c.dispositionOptionName = u"Venta"_s;
    c.subdisposition = u"Contado"_s;
    c.formJson = u"{\"a\":\"1\"}"_s;
    return c;
}

}   // namespace

class TestParameterResolver final : public QObject
{
    Q_OBJECT

private:
    MessageCatalog m_catalog;
    test::FakeClock m_clock { 1'767'225'600'000 };   // 2026-01-01T00:00:00Z

    QString resolveOne(const CrmParameter &p, const CallContext &c, SiteTrigger trigger = SiteTrigger::Automatic,
                       const QString &language = u"es"_s) const
    {
        const ParameterResolver resolver(&m_catalog, m_clock);
        const ResolvedParameters r = resolver.resolve(c, trigger, { p }, language);
        return r.parameters.value(0).second;
    }

private Q_SLOTS:
    void placeholders_fillUrlAndLeaveNoParameters()   // §7 item 20
    {
        const ParameterResolver resolver(&m_catalog, m_clock);
        const QList<CrmParameter> params { param(u"{1}"_s, CrmParameterType::Contact, u"telefono"_s),
                                           param(u"{2}"_s, CrmParameterType::Campaign, u"id"_s),
                                           param(u"{3}"_s, CrmParameterType::Call, u"call_id"_s),
                                           param(u"{4}"_s, CrmParameterType::Fixed, u"v"_s) };
        const ResolvedParameters r = resolver.resolve(call(), SiteTrigger::Automatic, params, u"es"_s);
        QVERIFY(r.parameters.isEmpty());
        QCOMPARE(r.placeholders.value(1), u"3515550000"_s);
        QCOMPARE(r.placeholders.value(2), u"12"_s);
        QCOMPARE(r.placeholders.value(3), u"1700000000.42"_s);
        QCOMPARE(r.placeholders.value(4), u"v"_s);
        ExternalSite site;
        site.url = u"https://oml.com/{1}/{2}/{3}/{4}"_s;
        site.method = SiteMethod::Get;
        QCOMPARE(RequestBuilder::build(site, r).url.toEncoded(),
                 QByteArray("https://oml.com/3515550000/12/1700000000.42/v"));
    }

    void parameters_keepTheCampaignOrder()
    {
        const ParameterResolver resolver(nullptr, m_clock);
        const ResolvedParameters r = resolver.resolve(call(), SiteTrigger::Server,
                                                      { param(u"z"_s, CrmParameterType::Fixed, u"1"_s),
                                                        param(u"{1}"_s, CrmParameterType::Fixed, u"p"_s),
                                                        param(u"a"_s, CrmParameterType::Fixed, u"2"_s) },
                                                      u"en"_s);
        QCOMPARE(r.parameters, (QList<QPair<QString, QString>> { { u"z"_s, u"1"_s }, { u"a"_s, u"2"_s } }));
    }

    void dialplan_readsTheVariableOrEmpty()   // §7 item 21
    {
        QCOMPARE(resolveOne(param(u"n1"_s, CrmParameterType::Dialplan, u"Omlcrmnombre_1"_s), call()), u"x"_s);
        QCOMPARE(resolveOne(param(u"n2"_s, CrmParameterType::Dialplan, u"Omlcrmotro"_s), call()), QString());
        CallContext other = call();
        other.dialplan = { { u"OMLCRMNOMBRE_1"_s, u"y"_s } };
        QCOMPARE(resolveOne(param(u"n1"_s, CrmParameterType::Dialplan, u"Omlcrmnombre_1"_s), other), u"y"_s);
    }

    void callData_data()   // §7 items 22, 23
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        QTest::newRow("call_id") << u"call_id"_s << u"1700000000.42"_s;
        QTest::newRow("agent_id is Enlace's id") << u"agent_id"_s << u"5"_s;
        QTest::newRow("agent_username") << u"agent_username"_s << u"ana"_s;
        QTest::newRow("agent_name") << u"agent_name"_s << u"Ana Pérez"_s;
        QTest::newRow("telefono") << u"telefono"_s << u"+543515550000"_s;
        QTest::newRow("id_contacto") << u"id_contacto"_s << u"77"_s;
        QTest::newRow("rec_filename") << u"rec_filename"_s << u"rec-1.wav"_s;
        QTest::newRow("call_wait_duration") << u"call_wait_duration"_s << u"12"_s;
        QTest::newRow("datetime") << u"datetime"_s << u"2026-03-04 05:06:07"_s;
        QTest::newRow("unknown key") << u"nope"_s << QString();
    }
    void callData()
    {
        QFETCH(QString, key);
        QFETCH(QString, expected);
        QCOMPARE(resolveOne(param(u"p"_s, CrmParameterType::Call, key), call()), expected);
    }

    void missingCallData_isEmpty_data()
    {
        QTest::addColumn<QString>("key");
        for (const char *k : { "call_id", "agent_id", "agent_username", "agent_name", "telefono", "id_contacto",
                               "rec_filename", "call_wait_duration" })
            QTest::newRow(k) << QString::fromLatin1(k);
    }
    void missingCallData_isEmpty()
    {
        QFETCH(QString, key);
        QCOMPARE(resolveOne(param(u"p"_s, CrmParameterType::Call, key), CallContext {}), QString());
    }

    void datetime_usesTheClockWhenTheCallTimeIsUnknown()   // §7 item 23
    {
        CallContext c = call();
        c.callDateTime = {};
        QCOMPARE(resolveOne(param(u"p"_s, CrmParameterType::Call, u"datetime"_s), c), u"2026-01-01 00:00:00"_s);
        m_clock.advance(3'723'000);
        QCOMPARE(resolveOne(param(u"p"_s, CrmParameterType::Call, u"datetime"_s), c), u"2026-01-01 01:02:03"_s);
        // A local time is sent in UTC.
        c.callDateTime = QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7), QTimeZone(-3 * 3600));
        QCOMPARE(resolveOne(param(u"p"_s, CrmParameterType::Call, u"datetime"_s), c), u"2026-03-04 08:06:07"_s);
    }

    void contactData_byColumnOrEmpty()
    {
        QCOMPARE(resolveOne(param(u"p"_s, CrmParameterType::Contact, u"nombre"_s), call()), u"José"_s);
        QCOMPARE(resolveOne(param(u"p"_s, CrmParameterType::Contact, u"id_externo"_s), call()), u"ext-9"_s);
        QCOMPARE(resolveOne(param(u"p"_s, CrmParameterType::Contact, u"nombre"_s), CallContext {}), QString());
    }

    void campaignType_nameInTheLanguage_data()   // §7 item 24
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("expected");
        QTest::newRow("inbound es") << 1 << u"es"_s << u"Entrante"_s;
        QTest::newRow("dialer es") << 2 << u"es"_s << u"Dialer"_s;
        QTest::newRow("manual es") << 3 << u"es"_s << u"Manual"_s;
        QTest::newRow("preview es") << 4 << u"es"_s << u"Preview"_s;
        QTest::newRow("inbound en") << 1 << u"en"_s << u"Inbound"_s;
        QTest::newRow("dialer pt_BR") << 2 << u"pt_BR"_s << u"Discador"_s;
        QTest::newRow("inbound pt_BR") << 1 << u"pt_BR"_s << u"Receptiva"_s;
    }
    void campaignType_nameInTheLanguage()
    {
        QFETCH(int, type);
        QFETCH(QString, language);
        QFETCH(QString, expected);
        CallContext c = call();
        c.campaignType = static_cast<CampaignType>(type);
        QCOMPARE(resolveOne(param(u"t"_s, CrmParameterType::Campaign, u"tipo"_s), c, SiteTrigger::Automatic, language),
                 expected);
    }

    void campaign_takenFromTheCampaignOverload()
    {
        Campaign campaign;
        campaign.id = 31;
        campaign.name = u"Cobranzas"_s;
        campaign.type = CampaignType::Inbound;
        ExternalSite site;
        site.trigger = SiteTrigger::Disposition;
        const ParameterResolver resolver(&m_catalog, m_clock);
        const ResolvedParameters r = resolver.resolve(campaign, site,
                                                      { param(u"i"_s, CrmParameterType::Campaign, u"id"_s),
                                                        param(u"n"_s, CrmParameterType::Campaign, u"nombre"_s),
                                                        param(u"d"_s, CrmParameterType::Disposition, u"name"_s) },
                                                      call(), u"en"_s);
        QCOMPARE(r.parameters.value(0).second, u"31"_s);
        QCOMPARE(r.parameters.value(1).second, u"Cobranzas"_s);
        QCOMPARE(r.parameters.value(2).second, u"Venta"_s);
    }

    void dispositionData_data()   // §7 items 25, 26
    {
        QTest::addColumn<int>("trigger");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        const int disposition = static_cast<int>(SiteTrigger::Disposition);
        QTest::newRow("id") << disposition << u"id"_s << u"900"_s;
        QTest::newRow("name") << disposition << u"name"_s << u"Venta"_s;
        QTest::newRow("subdisposition") << disposition << u"subdisposition"_s << u"Contado"_s;
        QTest::newRow("form base64url no padding") << disposition << u"form"_s << u"eyJhIjoiMSJ9"_s;
        for (int t : { 1, 2, 3, 5 })
            for (const char *k : { "id", "name", "subdisposition", "form" })
                QTest::addRow("trigger %d %s is empty", t, k) << t << QString::fromLatin1(k) << QString();
    }
    void dispositionData()
    {
        QFETCH(int, trigger);
        QFETCH(QString, key);
        QFETCH(QString, expected);
        QCOMPARE(
            resolveOne(param(u"d"_s, CrmParameterType::Disposition, key), call(), static_cast<SiteTrigger>(trigger)),
            expected);
    }

    void form_isBase64UrlWithoutPaddingOfTheJsonText()
    {
        CallContext c = call();
        c.formJson = u"{\"nombre\":\"Ñandú?>\",\"x\":\"~~\"}"_s;   // needs '-'/'_' and padding in plain base64
        const QString encoded
            = resolveOne(param(u"d"_s, CrmParameterType::Disposition, u"form"_s), c, SiteTrigger::Disposition);
        QVERIFY(!encoded.contains(u'='));
        QVERIFY(!encoded.contains(u'+') && !encoded.contains(u'/'));
        const QByteArray decoded = QByteArray::fromBase64(encoded.toLatin1(), QByteArray::Base64UrlEncoding);
        QCOMPARE(QString::fromUtf8(decoded), c.formJson);
        c.formJson.clear();   // not an engagement option
        QCOMPARE(resolveOne(param(u"d"_s, CrmParameterType::Disposition, u"form"_s), c, SiteTrigger::Disposition),
                 QString());
    }

    void fixed_sentAsIs()
    {
        QCOMPARE(resolveOne(param(u"f"_s, CrmParameterType::Fixed, u"<a href=\"x\">&</a>"_s), call()),
                 u"<a href=\"x\">&</a>"_s);
    }
};

QTEST_GUILESS_MAIN(TestParameterResolver)
#include "tst_parameterresolver.moc"
