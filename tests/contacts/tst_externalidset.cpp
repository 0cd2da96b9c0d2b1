#include <core/contacts/externalidset.h>

#include <QSet>
#include <QTest>

using namespace enlace;

class TestExternalIdSet final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void insert_reportsRepeatsExactly()
    {
        ExternalIdSet set;
        QVERIFY(set.insert("77"));
        QVERIFY(set.insert("78"));
        QVERIFY(!set.insert("77"));
        QVERIFY(set.insert("077"));   // bytes, not numbers
        QVERIFY(set.insert("é"));
        QVERIFY(!set.insert("é"));
        QCOMPARE(set.size(), 4);
        QVERIFY(set.contains("78"));
        QVERIFY(!set.contains("7"));
    }

    void manyIds_growAndStayExact()
    {
        ExternalIdSet set;
        for (int i = 0; i < 200000; ++i)
            QVERIFY(set.insert(QByteArray::number(i * 7919LL)));
        QCOMPARE(set.size(), 200000);
        for (int i = 0; i < 200000; i += 997)
            QVERIFY(!set.insert(QByteArray::number(i * 7919LL)));
        QVERIFY(set.insert(QByteArray::number(-1)));
        set.clear();
        QCOMPARE(set.size(), 0);
        QVERIFY(set.insert(QByteArray::number(0)));
    }
};

QTEST_GUILESS_MAIN(TestExternalIdSet)
#include "tst_externalidset.moc"
