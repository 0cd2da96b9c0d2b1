#include <core/model/messagecatalog.h>
#include <core/requests/siterules.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

Q_DECLARE_METATYPE(std::optional<SiteFormat>)
Q_DECLARE_METATYPE(std::optional<SiteTarget>)

namespace {

ExternalSite makeSite(SiteTrigger trigger, SiteMethod method, std::optional<SiteFormat> format,
                      std::optional<SiteTarget> target)
{
    ExternalSite s;
    s.name = u"A"_s;
    s.url = u"https://x.io/"_s;
    s.trigger = trigger;
    s.method = method;
    s.format = format;
    s.target = target;
    return s;
}

const char *name(SiteTrigger t)
{
    switch (t) {
    case SiteTrigger::Agent:
        return "agent";
    case SiteTrigger::Automatic:
        return "automatic";
    case SiteTrigger::Server:
        return "server";
    case SiteTrigger::Disposition:
        return "disposition";
    case SiteTrigger::DynamicList:
        return "dynamic list";
    }
    return "?";
}

// The valid-combination table of reference §1.3, as a predicate written from the table (not
// from the rules): the test enumerates every combination and compares.
bool tableAllows(SiteTrigger t, SiteMethod m, std::optional<SiteFormat> f, std::optional<SiteTarget> target)
{
    const bool get = m == SiteMethod::Get;
    if (get && f)
        return false;
    if (!get && !f)
        return false;
    switch (t) {
    case SiteTrigger::Server:
        return !target;
    case SiteTrigger::Disposition:
        if (get)
            return target.has_value();
        if (f == SiteFormat::Json)
            return !target;
        return true;   // POST 1..3: null (server-side) or 1/2 (browser)
    case SiteTrigger::Agent:
    case SiteTrigger::Automatic:
    case SiteTrigger::DynamicList:
        if (f == SiteFormat::Json)
            return false;   // impossible: rule 3 vs rule 5
        return target.has_value();
    }
    return false;
}

}   // namespace

class TestSiteRules final : public QObject
{
    Q_OBJECT

private:
    MessageCatalog m_catalog;

private Q_SLOTS:
    void combinations_matchTheValidCombinationTable_data()
    {
        QTest::addColumn<int>("trigger");
        QTest::addColumn<int>("method");
        QTest::addColumn<std::optional<SiteFormat>>("format");
        QTest::addColumn<std::optional<SiteTarget>>("target");
        const QList<std::optional<SiteFormat>> formats { std::nullopt, SiteFormat::Multipart,
                                                         SiteFormat::FormUrlEncoded, SiteFormat::TextPlain,
                                                         SiteFormat::Json };
        const QList<std::optional<SiteTarget>> targets { std::nullopt, SiteTarget::Embedded, SiteTarget::NewWindow };
        for (int t = 1; t <= 5; ++t)
            for (int m = 1; m <= 2; ++m)
                for (const auto &f : formats)
                    for (const auto &tg : targets)
                        QTest::addRow("%s %s format=%d target=%d", name(static_cast<SiteTrigger>(t)),
                                      m == 1 ? "GET" : "POST", f ? static_cast<int>(*f) : 0,
                                      tg ? static_cast<int>(*tg) : 0)
                            << t << m << f << tg;
    }
    void combinations_matchTheValidCombinationTable()
    {
        QFETCH(int, trigger);
        QFETCH(int, method);
        QFETCH(std::optional<SiteFormat>, format);
        QFETCH(std::optional<SiteTarget>, target);
        const auto t = static_cast<SiteTrigger>(trigger);
        const auto m = static_cast<SiteMethod>(method);
        const ValidationErrors errors = SiteRules::validate(makeSite(t, m, format, target));
        QCOMPARE(errors.isEmpty(), tableAllows(t, m, format, target));
        // First failure wins: never more than one combination error.
        QVERIFY(errors.size() <= 1);
    }

    // Reference §7 items 1-10 (the ones about validation; storage is tst_siterepository's).
    void referenceCases_data()
    {
        QTest::addColumn<int>("trigger");
        QTest::addColumn<int>("method");
        QTest::addColumn<std::optional<SiteFormat>>("format");
        QTest::addColumn<std::optional<SiteTarget>>("target");
        QTest::addColumn<QString>("field");   // empty = valid
        QTest::addColumn<QString>("spanish");
        QTest::addColumn<QString>("english");
        const std::optional<SiteFormat> none;
        const std::optional<SiteTarget> noTarget;
        QTest::newRow("1 automatic GET embedded")
            << 2 << 1 << none << std::optional(SiteTarget::Embedded) << QString() << QString() << QString();
        QTest::newRow("2 GET with format")
            << 2 << 1 << std::optional(SiteFormat::Json) << std::optional(SiteTarget::Embedded) << u"formato"_s
            << u"Si el método es GET, no debe indicarse formato"_s
            << u"If the method is GET, no format must be given"_s;
        QTest::newRow("3 POST without format") << 2 << 2 << none << std::optional(SiteTarget::Embedded) << u"formato"_s
                                               << u"Si el método es POST, debe seleccionar un formato"_s
                                               << u"If the method is POST you must select a format"_s;
        QTest::newRow("4 server with target") << 3 << 1 << none << std::optional(SiteTarget::Embedded) << u"objetivo"_s
                                              << u"Si el disparador es el servidor, no puede haber un objetivo."_s
                                              << u"If the trigger is the server there can be no target."_s;
        QTest::newRow("5 agent POST JSON no target")
            << 1 << 2 << std::optional(SiteFormat::Json) << noTarget << u"objetivo"_s
            << u"Debe indicar un objetivo válido."_s << u"You must give a valid target."_s;
        QTest::newRow("6 agent POST JSON target")
            << 1 << 2 << std::optional(SiteFormat::Json) << std::optional(SiteTarget::Embedded) << u"objetivo"_s
            << u"Si el formato es JSON, no puede haber un objetivo."_s << u"With JSON format there can be no target."_s;
        QTest::newRow("7 disposition POST JSON server-side")
            << 4 << 2 << std::optional(SiteFormat::Json) << noTarget << QString() << QString() << QString();
        QTest::newRow("8 disposition GET no target")
            << 4 << 1 << none << noTarget << u"objetivo"_s << u"Debe indicar un objetivo válido."_s
            << u"You must give a valid target."_s;
    }
    void referenceCases()
    {
        QFETCH(int, trigger);
        QFETCH(int, method);
        QFETCH(std::optional<SiteFormat>, format);
        QFETCH(std::optional<SiteTarget>, target);
        QFETCH(QString, field);
        QFETCH(QString, spanish);
        QFETCH(QString, english);
        const ValidationErrors errors = SiteRules::validate(
            makeSite(static_cast<SiteTrigger>(trigger), static_cast<SiteMethod>(method), format, target));
        if (field.isEmpty()) {
            QVERIFY2(errors.isEmpty(), qPrintable(errors.fields().join(u',')));
            return;
        }
        QCOMPARE(errors.fields(), QStringList { field });
        QCOMPARE(errors.messages(field, &m_catalog, u"es"_s), QStringList { spanish });
        QCOMPARE(errors.messages(field, &m_catalog, u"en"_s), QStringList { english });
        QCOMPARE(errors.messages(field, &m_catalog, u"pt_BR"_s).size(), 1);
        QVERIFY(errors.messages(field, &m_catalog, u"pt_BR"_s).constFirst() != english);
    }

    void getSite_storedAsMultipart()
    {
        // §7 item 1: a GET site persists formato = 1.
        QCOMPARE(SiteRules::storedFormat(
                     makeSite(SiteTrigger::Automatic, SiteMethod::Get, std::nullopt, SiteTarget::Embedded)),
                 SiteFormat::Multipart);
        QCOMPARE(
            SiteRules::storedFormat(makeSite(SiteTrigger::Server, SiteMethod::Post, SiteFormat::Json, std::nullopt)),
            SiteFormat::Json);
    }

    void name_requiredAndUnique()   // §7 item 9
    {
        ExternalSite s = makeSite(SiteTrigger::Server, SiteMethod::Get, std::nullopt, std::nullopt);
        s.name = u"  "_s;
        QCOMPARE(SiteRules::validate(s).fields(), QStringList { u"nombre"_s });
        s.name = u"CRM"_s;
        QStringList asked;
        const auto taken = [&](const QString &n) {
            asked.append(n);
            return n == u"CRM"_s;
        };
        const ValidationErrors dup = SiteRules::validate(s, taken);
        QCOMPARE(dup.fields(), QStringList { u"nombre"_s });
        QCOMPARE(dup.messages(u"nombre"_s, &m_catalog, u"es"_s),
                 QStringList { u"Ya existe un sitio externo con este nombre."_s });
        QCOMPARE(asked, QStringList { u"CRM"_s });
        s.name = u"Other"_s;
        QVERIFY(SiteRules::validate(s, taken).isEmpty());
        s.name = QString(129, u'n');
        QCOMPARE(SiteRules::validate(s).fields(), QStringList { u"nombre"_s });
    }

    void url_validHttpAndAtMost250_data()   // §7 item 10, plus the lost placeholder check
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("english");   // empty = valid
        QTest::newRow("https") << u"https://x.io/"_s << QString();
        QTest::newRow("http with port and query") << u"http://crm.local:8080/a?b=c"_s << QString();
        QTest::newRow("placeholders") << u"https://oml.com/{1}/{2}?x={12}#{3}"_s << QString();
        QTest::newRow("placeholder in host") << u"https://{1}.crm.io/"_s << QString();
        QTest::newRow("250 chars") << u"https://x.io/"_s + QString(250 - 13, u'a') << QString();
        QTest::newRow("251 chars") << u"https://x.io/"_s + QString(251 - 13, u'a')
                                   << u"Ensure this field has no more than 250 characters."_s;
        QTest::newRow("not a url") << u"not a url"_s << u"Enter a valid URL."_s;
        QTest::newRow("ftp") << u"ftp://x.io/"_s << u"Enter a valid URL."_s;
        QTest::newRow("no host") << u"https:///path"_s << u"Enter a valid URL."_s;
        QTest::newRow("no slashes") << u"https:x.io"_s << u"Enter a valid URL."_s;
        QTest::newRow("space inside") << u"https://x.io/a b"_s << u"Enter a valid URL."_s;
        QTest::newRow("empty") << QString() << u"This field is required."_s;
        QTest::newRow("letters in braces") << u"https://x.io/{a}"_s << u"Invalid format"_s;
        QTest::newRow("empty braces") << u"https://x.io/{}"_s << u"Invalid format"_s;
        QTest::newRow("unclosed") << u"https://x.io/{1"_s << u"Invalid format"_s;
        QTest::newRow("unopened") << u"https://x.io/1}"_s << u"Invalid format"_s;
        QTest::newRow("nested") << u"https://x.io/{{1}}"_s << u"Invalid format"_s;
        QTest::newRow("sign") << u"https://x.io/{-1}"_s << u"Invalid format"_s;
    }
    void url_validHttpAndAtMost250()
    {
        QFETCH(QString, url);
        QFETCH(QString, english);
        ExternalSite s = makeSite(SiteTrigger::Server, SiteMethod::Get, std::nullopt, std::nullopt);
        s.url = url;
        const ValidationErrors errors = SiteRules::validate(s);
        if (english.isEmpty()) {
            QVERIFY2(errors.isEmpty(), qPrintable(errors.messages(u"url"_s).join(u';')));
            return;
        }
        QCOMPARE(errors.fields(), QStringList { u"url"_s });
        QCOMPARE(errors.messages(u"url"_s), QStringList { english });
    }

    void invalidFormat_hasSpanishOriginal()
    {
        ExternalSite s = makeSite(SiteTrigger::Server, SiteMethod::Get, std::nullopt, std::nullopt);
        s.url = u"https://x.io/{x}"_s;
        QCOMPARE(SiteRules::validate(s).messages(u"url"_s, &m_catalog, u"es"_s), QStringList { u"Formato inválido"_s });
    }

    void deliveryBounds_data()
    {
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<int>("attempts");
        QTest::addColumn<QStringList>("fields");
        QTest::newRow("defaults") << 10000 << 8 << QStringList();
        QTest::newRow("lowest") << SiteRules::MinTimeoutMs << SiteRules::MinAttempts << QStringList();
        QTest::newRow("highest") << SiteRules::MaxTimeoutMs << SiteRules::MaxAttempts << QStringList();
        QTest::newRow("timeout too short") << SiteRules::MinTimeoutMs - 1 << 8 << QStringList { u"timeout_ms"_s };
        QTest::newRow("timeout too long") << SiteRules::MaxTimeoutMs + 1 << 8 << QStringList { u"timeout_ms"_s };
        QTest::newRow("no attempt") << 10000 << 0 << QStringList { u"max_attempts"_s };
        QTest::newRow("too many attempts") << 10000 << SiteRules::MaxAttempts + 1 << QStringList { u"max_attempts"_s };
        QTest::newRow("both") << 0 << -1 << QStringList { u"timeout_ms"_s, u"max_attempts"_s };
    }
    void deliveryBounds()
    {
        QFETCH(int, timeoutMs);
        QFETCH(int, attempts);
        QFETCH(QStringList, fields);
        ExternalSite s = makeSite(SiteTrigger::Server, SiteMethod::Get, std::nullopt, std::nullopt);
        s.timeoutMs = timeoutMs;
        s.maxAttempts = attempts;
        QCOMPARE(SiteRules::validate(s).fields(), fields);
    }

    void independentFieldErrors_areAllReported()
    {
        ExternalSite s = makeSite(SiteTrigger::Server, SiteMethod::Post, std::nullopt, SiteTarget::Embedded);
        s.name.clear();
        s.url = u"nope"_s;
        // Field errors all appear; of the combination rules only the first (POST without format).
        QCOMPARE(SiteRules::validate(s).fields(), (QStringList { u"nombre"_s, u"url"_s, u"formato"_s }));
    }
};

QTEST_GUILESS_MAIN(TestSiteRules)
#include "tst_siterules.moc"
