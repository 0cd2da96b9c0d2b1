#include <core/model/message.h>
#include <core/model/messagecatalog.h>

#include <QCoreApplication>
#include <QHash>
#include <QScopeGuard>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

class TestMessageCatalog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shipsSpanishEnglishAndBrazilianPortuguese()
    {
        MessageCatalog catalog;
        const QStringList langs = catalog.languages();
        QVERIFY(langs.contains(u"en"_s));
        QVERIFY(langs.contains(u"es"_s));
        QVERIFY(langs.contains(u"pt_BR"_s));
    }

    void translate_usesTheLanguageAskedFor()
    {
        MessageCatalog catalog;
        const Message m = Message::make("Model", QT_TRANSLATE_NOOP("Model", "Invalid request"));
        QCOMPARE(m.text(&catalog, u"es"_s), u"Solicitud inválida"_s);
        QCOMPARE(m.text(&catalog, u"pt_BR"_s), u"Solicitação inválida"_s);
        QCOMPARE(m.text(&catalog, u"en"_s), u"Invalid request"_s);
        QCOMPARE(m.text(), u"Invalid request"_s);
        // Unknown language or message: the English source.
        QCOMPARE(m.text(&catalog, u"fr"_s), u"Invalid request"_s);
    }

    void negotiate_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty -> fallback") << QString() << u"es"_s;
        QTest::newRow("exact") << u"en"_s << u"en"_s;
        QTest::newRow("region folded") << u"es-AR,es;q=0.9"_s << u"es"_s;
        QTest::newRow("pt-BR") << u"pt-BR"_s << u"pt_BR"_s;
        QTest::newRow("pt -> pt_BR") << u"pt"_s << u"pt_BR"_s;
        QTest::newRow("quality order") << u"fr;q=1, en;q=0.5, es;q=0.8"_s << u"es"_s;
        QTest::newRow("q=0 refused") << u"en;q=0"_s << u"es"_s;
        QTest::newRow("unknown only") << u"de, fr"_s << u"es"_s;
    }
    void negotiate()
    {
        QFETCH(QString, header);
        QFETCH(QString, expected);
        MessageCatalog catalog;
        QCOMPARE(catalog.negotiate(header), expected);
    }

    // Command-line programs: the explicit choice, else ENLACE_LANGUAGE, else LC_ALL, LC_MESSAGES,
    // LANG; a region or encoding suffix is ignored; English when nothing shipped matches.
    void qtCommandLineTranslation_speaksQtsWordsWhileItLives()
    {
        const auto usage = [] { return QCoreApplication::translate("QCommandLineParser", "Usage: %1"); };
        QCOMPARE(usage(), u"Usage: %1"_s);
        {
            const QtCommandLineTranslation spanish(u"es"_s);
            QVERIFY2(spanish.isInstalled(),
                     "Qt's qtbase_es.qm is missing: install qt6-translations-l10n (scripts/setup-deps does)");
            QCOMPARE(usage(), u"Uso: %1"_s);
        }
        QCOMPARE(usage(), u"Usage: %1"_s);
        {
            const QtCommandLineTranslation portuguese(u"pt_BR"_s);
            QVERIFY(portuguese.isInstalled());
            QCOMPARE(QCoreApplication::translate("QCommandLineParser", "Options:"), u"Opções:"_s);
        }
        const QtCommandLineTranslation english(u"en"_s);
        QVERIFY(!english.isInstalled());
        QCOMPARE(usage(), u"Usage: %1"_s);
    }

    void commandLineLanguage_followsTheEnvironment()
    {
        const QList<QByteArray> names { "ENLACE_LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
        QHash<QByteArray, QByteArray> saved;
        for (const QByteArray &n : names)
            saved.insert(n, qgetenv(n.constData()));
        const auto restore = qScopeGuard([&] {
            for (const QByteArray &n : names)
                qputenv(n.constData(), saved.value(n));
        });
        const auto set
            = [&](const QByteArray &enlace, const QByteArray &all, const QByteArray &messages, const QByteArray &lang) {
                  qputenv("ENLACE_LANGUAGE", enlace);
                  qputenv("LC_ALL", all);
                  qputenv("LC_MESSAGES", messages);
                  qputenv("LANG", lang);
              };
        MessageCatalog catalog;
        set({}, {}, {}, {});
        QCOMPARE(catalog.commandLineLanguage(), u"en"_s);
        QCOMPARE(catalog.commandLineLanguage(u"pt_BR"_s), u"pt_BR"_s);
        set({}, {}, {}, "es_AR.UTF-8");
        QCOMPARE(catalog.commandLineLanguage(), u"es"_s);
        set({}, {}, "pt_BR.UTF-8@x", "es_AR.UTF-8");
        QCOMPARE(catalog.commandLineLanguage(), u"pt_BR"_s);
        set({}, "C", "pt_BR.UTF-8", "es_AR.UTF-8");
        QCOMPARE(catalog.commandLineLanguage(), u"en"_s);   // LC_ALL=C wins, and C is not shipped
        set("es", "C", {}, {});
        QCOMPARE(catalog.commandLineLanguage(), u"es"_s);
        set({}, {}, {}, "de_DE.UTF-8");
        QCOMPARE(catalog.commandLineLanguage(), u"en"_s);
        QCOMPARE(catalog.commandLineLanguage(u"es"_s), u"es"_s);
    }

    void arguments_fillAfterTranslation()
    {
        const Message m = Message::make("Model", "Line %1: %2").arg(u"5"_s).arg(u"x"_s);
        QCOMPARE(m.text(), u"Line 5: x"_s);
    }
};

QTEST_GUILESS_MAIN(TestMessageCatalog)
#include "tst_messagecatalog.moc"
