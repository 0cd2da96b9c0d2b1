#include <core/model/messagecatalog.h>

#include <core/model/message.h>

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

    void arguments_fillAfterTranslation()
    {
        const Message m = Message::make("Model", "Line %1: %2").arg(u"5"_s).arg(u"x"_s);
        QCOMPARE(m.text(), u"Line 5: x"_s);
    }
};

QTEST_GUILESS_MAIN(TestMessageCatalog)
#include "tst_messagecatalog.moc"
