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
        QCOMPARE(e.fields(), (QStringList{u"formato"_s, u"objetivo"_s}));
        const QJsonObject json = e.toJson();
        QCOMPARE(json.value(u"formato"_s).toArray(), (QJsonArray{u"first"_s, u"third"_s}));
        QCOMPARE(json.value(u"objetivo"_s).toArray(), (QJsonArray{u"second"_s}));
        QVERIFY(e.has(u"objetivo"_s));
        QVERIFY(!e.has(u"url"_s));
    }
};

QTEST_GUILESS_MAIN(TestValidationErrors)
#include "tst_validationerrors.moc"
