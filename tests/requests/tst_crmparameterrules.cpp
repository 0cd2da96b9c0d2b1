#include <core/model/messagecatalog.h>
#include <core/requests/crmparameterrules.h>

#include <QTest>

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

CrmParameterScope scope(std::optional<SiteTrigger> trigger = SiteTrigger::Automatic)
{
    return CrmParameterScope { { u"telefono"_s, u"nombre"_s, u"id_externo"_s }, trigger };
}

}   // namespace

class TestCrmParameterRules final : public QObject
{
    Q_OBJECT

private:
    MessageCatalog m_catalog;

private Q_SLOTS:
    void names_data()   // reference §7 item 28
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("english");   // empty = valid
        QTest::newRow("plain") << u"id_cliente"_s << QString();
        QTest::newRow("dots and dashes") << u"a.b-c_D9"_s << QString();
        QTest::newRow("placeholder") << u"{12}"_s << QString();
        QTest::newRow("space") << u"my param"_s
                               << u"Only alphanumeric characters or placeholders allowed. Ej: \"{1}\""_s;
        QTest::newRow("letter placeholder")
            << u"{a}"_s << u"Only alphanumeric characters or placeholders allowed. Ej: \"{1}\""_s;
        QTest::newRow("empty placeholder")
            << u"{}"_s << u"Only alphanumeric characters or placeholders allowed. Ej: \"{1}\""_s;
        QTest::newRow("accent") << u"teléfono"_s
                                << u"Only alphanumeric characters or placeholders allowed. Ej: \"{1}\""_s;
        QTest::newRow("empty") << QString() << u"You must define a name for the parameter"_s;
        QTest::newRow("too long") << QString(129, u'a') << u"Ensure this field has no more than 128 characters."_s;
    }
    void names()
    {
        QFETCH(QString, name);
        QFETCH(QString, english);
        const ValidationErrors errors
            = CrmParameterRules::validate({ param(name, CrmParameterType::Fixed, u"v"_s) }, scope());
        if (english.isEmpty()) {
            QVERIFY2(errors.isEmpty(), qPrintable(errors.fields().join(u',')));
            return;
        }
        QCOMPARE(errors.fields(), QStringList { u"parametros[0].nombre"_s });
        QCOMPARE(errors.messages(u"parametros[0].nombre"_s), QStringList { english });
    }

    void nameMessages_haveSpanishOriginals()
    {
        const ValidationErrors errors = CrmParameterRules::validate(
            { param(QString(), CrmParameterType::Fixed, u"v"_s), param(u"a b"_s, CrmParameterType::Fixed, u"v"_s) },
            scope());
        QCOMPARE(errors.messages(u"parametros[0].nombre"_s, &m_catalog, u"es"_s),
                 QStringList { u"Debe definir un nombre para el parámetro"_s });
        QCOMPARE(errors.messages(u"parametros[1].nombre"_s, &m_catalog, u"es"_s),
                 QStringList { u"Sólo se permiten caracteres alfanuméricos o ser de tipo placeholder. Ej: \"{1}\""_s });
    }

    void values_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("english");   // empty = valid
        const int contact = static_cast<int>(CrmParameterType::Contact);
        const int campaign = static_cast<int>(CrmParameterType::Campaign);
        const int call = static_cast<int>(CrmParameterType::Call);
        const int fixed = static_cast<int>(CrmParameterType::Fixed);
        const int dialplan = static_cast<int>(CrmParameterType::Dialplan);
        QTest::newRow("contact column") << contact << u"telefono"_s << QString();
        QTest::newRow("contact external id column") << contact << u"id_externo"_s << QString();
        QTest::newRow("contact unknown column")
            << contact << u"email"_s << u"Value must match a contact database field"_s;
        for (const QString &f : { u"id"_s, u"nombre"_s, u"tipo"_s })
            QTest::addRow("campaign %s", qPrintable(f)) << campaign << f << QString();
        QTest::newRow("campaign unknown") << campaign << u"name"_s << u"Value must match a valid campaign field"_s;
        for (const QString &k : { u"call_id"_s, u"agent_id"_s, u"agent_username"_s, u"agent_name"_s, u"telefono"_s,
                                  u"id_contacto"_s, u"rec_filename"_s, u"call_wait_duration"_s, u"datetime"_s })
            QTest::addRow("call %s", qPrintable(k)) << call << k << QString();
        QTest::newRow("call unknown") << call << u"call_type"_s << u"Value must match a valid call data"_s;
        QTest::newRow("call wrong case") << call << u"Call_id"_s << u"Value must match a valid call data"_s;
        QTest::newRow("fixed anything") << fixed << u"<&\"' ñ"_s << QString();
        QTest::newRow("fixed empty") << fixed << QString() << QString();
        QTest::newRow("dialplan") << dialplan << u"OmlcrmFooBar"_s << QString();
        QTest::newRow("dialplan lower prefix (§7.27)")
            << dialplan << u"omlcrmX"_s << u"Value must have the prefix Omlcrm"_s;
        QTest::newRow("value too long") << fixed << QString(257, u'v')
                                        << u"Ensure this field has no more than 256 characters."_s;
    }
    void values()
    {
        QFETCH(int, type);
        QFETCH(QString, value);
        QFETCH(QString, english);
        const ValidationErrors errors
            = CrmParameterRules::validate({ param(u"p"_s, static_cast<CrmParameterType>(type), value) }, scope());
        if (english.isEmpty()) {
            QVERIFY2(errors.isEmpty(), qPrintable(errors.fields().join(u',')));
            return;
        }
        QCOMPARE(errors.fields(), QStringList { u"parametros[0].valor"_s });
        QCOMPARE(errors.messages(u"parametros[0].valor"_s), QStringList { english });
        QVERIFY(errors.messages(u"parametros[0].valor"_s, &m_catalog, u"es"_s).constFirst() != english);
    }

    void dialplan_storedCapitalised()   // §7 item 27
    {
        const QList<CrmParameter> stored
            = CrmParameterRules::normalized({ param(u" n1 "_s, CrmParameterType::Dialplan, u"OmlcrmFooBar"_s),
                                              param(u"f"_s, CrmParameterType::Fixed, u"KeepCase"_s) });
        QCOMPARE(stored.at(0).value, u"Omlcrmfoobar"_s);
        QCOMPARE(stored.at(0).name, u"n1"_s);
        QCOMPARE(stored.at(1).value, u"KeepCase"_s);
    }

    void dispositionData_onlyWhenSiteFiresOnDisposition_data()   // §7 item 29
    {
        QTest::addColumn<int>("trigger");   // 0 = campaign without site
        QTest::addColumn<bool>("offered");
        QTest::newRow("no site") << 0 << false;
        for (int t = 1; t <= 5; ++t)
            QTest::addRow("trigger %d", t) << t << (t == static_cast<int>(SiteTrigger::Disposition));
    }
    void dispositionData_onlyWhenSiteFiresOnDisposition()
    {
        QFETCH(int, trigger);
        QFETCH(bool, offered);
        const std::optional<SiteTrigger> t = trigger ? std::optional(static_cast<SiteTrigger>(trigger)) : std::nullopt;
        QCOMPARE(CrmParameterRules::availableTypes(t).contains(CrmParameterType::Disposition), offered);
        QCOMPARE(CrmParameterRules::availableTypes(t).size(), offered ? 6 : 5);
        const ValidationErrors errors = CrmParameterRules::validate(
            { param(u"d"_s, CrmParameterType::Disposition, u"subdisposition"_s) }, scope(t));
        if (offered) {
            QVERIFY(errors.isEmpty());
        } else {
            QCOMPARE(errors.fields(), QStringList { u"parametros[0].tipo"_s });
            QCOMPARE(errors.messages(u"parametros[0].tipo"_s),
                     QStringList { u"Select a valid choice. 6 is not one of the available choices."_s });
        }
    }

    void dispositionValues_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        for (const QString &f : { u"id"_s, u"name"_s, u"subdisposition"_s, u"form"_s })
            QTest::addRow("%s", qPrintable(f)) << f << true;
        QTest::newRow("unknown") << u"comments"_s << false;
    }
    void dispositionValues()
    {
        QFETCH(QString, value);
        QFETCH(bool, valid);
        const ValidationErrors errors = CrmParameterRules::validate(
            { param(u"d"_s, CrmParameterType::Disposition, value) }, scope(SiteTrigger::Disposition));
        QCOMPARE(errors.isEmpty(), valid);
        if (!valid)
            QCOMPARE(errors.messages(u"parametros[0].valor"_s),
                     QStringList { u"Value must match a valid disposition data field"_s });
    }

    void unknownType_refused()
    {
        const ValidationErrors errors
            = CrmParameterRules::validate({ param(u"x"_s, static_cast<CrmParameterType>(9), u"v"_s) }, scope());
        QCOMPARE(errors.fields(), QStringList { u"parametros[0].tipo"_s });
    }

    void duplicateNames_refusedOnTheLaterRow()
    {
        const ValidationErrors errors = CrmParameterRules::validate(
            { param(u"a"_s, CrmParameterType::Fixed, u"1"_s), param(u"{1}"_s, CrmParameterType::Fixed, u"2"_s),
              param(u"a"_s, CrmParameterType::Fixed, u"3"_s), param(u"{1}"_s, CrmParameterType::Fixed, u"4"_s) },
            scope());
        QCOMPARE(errors.fields(), (QStringList { u"parametros[2].nombre"_s, u"parametros[3].nombre"_s }));
    }

    void everyRowChecked_errorsNameTheirRow()
    {
        const ValidationErrors errors = CrmParameterRules::validate(
            { param(u"ok"_s, CrmParameterType::Fixed, u"1"_s), param(u"bad name"_s, CrmParameterType::Call, u"nope"_s),
              param(u"c"_s, CrmParameterType::Contact, u"missing"_s) },
            scope());
        QCOMPARE(errors.fields(),
                 (QStringList { u"parametros[1].nombre"_s, u"parametros[1].valor"_s, u"parametros[2].valor"_s }));
    }

    void placeholderNumber_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("number");   // -1 = not a placeholder
        QTest::newRow("{1}") << u"{1}"_s << 1;
        QTest::newRow("{012}") << u"{012}"_s << 12;
        QTest::newRow("plain") << u"x"_s << -1;
        QTest::newRow("{}") << u"{}"_s << -1;
        QTest::newRow("{1a}") << u"{1a}"_s << -1;
        QTest::newRow("overflow") << u"{99999999999}"_s << -1;
        QTest::newRow("arabic-indic digit") << u"{\u0661}"_s << -1;
    }
    void placeholderNumber()
    {
        QFETCH(QString, name);
        QFETCH(int, number);
        const auto n = CrmParameterRules::placeholderNumber(name);
        QCOMPARE(n.value_or(-1), number);
    }
};

QTEST_GUILESS_MAIN(TestCrmParameterRules)
#include "tst_crmparameterrules.moc"
