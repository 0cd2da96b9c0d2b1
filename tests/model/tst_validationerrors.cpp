#include <core/model/validationerrors.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

class TestValidationErrors final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toJson_groupsMessagesByFieldInOrder()
    {
        ValidationErrors e;
        QVERIFY(e.isEmpty());
        e.add(u"formato"_s, Message::make("T", "first"));
        e.add(u"objetivo"_s, Message::make("T", "second"));
        e.add(u"formato"_s, Message::make("T", "third"));
        QCOMPARE(e.size(), 3);
        QCOMPARE(e.fields(), (QStringList { u"formato"_s, u"objetivo"_s }));
        const QJsonObject json = e.toJson();
        QCOMPARE(json.value(u"formato"_s).toArray(), (QJsonArray { u"first"_s, u"third"_s }));
        QCOMPARE(json.value(u"objetivo"_s).toArray(), (QJsonArray { u"second"_s }));
        QVERIFY(e.has(u"objetivo"_s));
        QVERIFY(!e.has(u"url"_s));
    }

    // Tens of thousands of bad rows: the first kMaxEntries are kept, the rest only counted, and
    // the count is said (also through append and a renaming copy).
    void add_pastTheCap_countsWhatItLeavesOut()
    {
        ValidationErrors errors;
        for (int i = 0; i < 20000; ++i)
            errors.add(u"parametros[%1].nombre"_s.arg(i), Message::make("Api", "bad"));
        QCOMPARE(errors.size(), ValidationErrors::kMaxEntries);
        QCOMPARE(errors.omitted(), 20000 - ValidationErrors::kMaxEntries);
        const QJsonObject json = errors.toJson();
        QCOMPARE(json.size(), ValidationErrors::kMaxEntries + 1);
        QCOMPARE(json.value(u"parametros[0].nombre"_s).toArray().first().toString(), u"bad"_s);
        QCOMPARE(json.value(u"non_field_errors"_s).toArray().first().toString(),
                 u"%1 more errors were not listed."_s.arg(20000 - ValidationErrors::kMaxEntries));
        ValidationErrors total;
        total.add(u"nombre"_s, Message::make("Api", "required"));
        total.append(errors);
        QCOMPARE(total.size(), ValidationErrors::kMaxEntries);
        QCOMPARE(total.omitted(), 20000 - ValidationErrors::kMaxEntries + 1);
        QVERIFY(ValidationErrors().toJson().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestValidationErrors)
#include "tst_validationerrors.moc"
