#include <ui/calllistmodel.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

ConsoleCall call(const QString &id, CallState state, const QString &phone = u"1155550000"_s)
{
    ConsoleCall c;
    c.callId = id;
    c.state = state;
    c.phone = phone;
    c.campaignName = u"Ventas"_s;
    c.offeredAt = QDateTime::currentDateTimeUtc();
    return c;
}

}   // namespace

class TestCallListModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void upsert_addsNewestFirst_andUpdatesARowInPlace()
    {
        CallListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QCOMPARE(model.upsert(call(u"a"_s, CallState::Offered)), 0);
        QCOMPARE(model.upsert(call(u"b"_s, CallState::Offered)), 0);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.at(0).callId, u"b"_s);
        QCOMPARE(model.upsert(call(u"a"_s, CallState::Connected)), 1);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
        QCOMPARE(model.index(1, CallListModel::State).data().toString(),
                 CallListModel::stateText(CallState::Connected));
        QCOMPARE(model.index(1, 0).data(CallListModel::CallIdRole).toString(), u"a"_s);
    }

    void merge_neverMovesTheStateBackwards()
    {
        CallListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.upsert(call(u"a"_s, CallState::Ended));
        model.upsert(call(u"a"_s, CallState::Connected));   // a late or replayed event
        QCOMPARE(model.at(0).state, CallState::Ended);
    }

    void activeRow_isTheNewestCallInProgress()
    {
        CallListModel model;
        QVERIFY(!model.activeRow());
        model.upsert(call(u"a"_s, CallState::Connected));
        model.upsert(call(u"b"_s, CallState::Ended));
        QCOMPARE(model.activeRow(), std::optional<int>(1));
        model.upsert(call(u"a"_s, CallState::Ended));
        QVERIFY(!model.activeRow());
    }

    void reset_keepsWhatWasLearntSince_andCallsNotYetListed()
    {
        CallListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ConsoleCall live = call(u"new"_s, CallState::Offered);
        model.upsert(live);
        ConsoleCall qualified = call(u"old"_s, CallState::Ended);
        qualified.dispositionId = 7;
        qualified.dispositionOptionId = 3;
        qualified.dispositionName = u"Venta"_s;
        model.upsert(qualified);
        // The server's list, read before the disposition and before "new" was offered.
        model.reset({ call(u"old"_s, CallState::Connected), call(u"older"_s, CallState::Ended) });
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.at(0).callId, u"new"_s);
        const ConsoleCall *old = model.find(u"old"_s);
        QVERIFY(old);
        QCOMPARE(old->state, CallState::Ended);
        QCOMPARE(old->dispositionId, std::optional<qint64>(7));
        QCOMPARE(model.index(model.rowOf(u"old"_s), CallListModel::Disposition).data().toString(), u"Venta"_s);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void reset_keepsTheListNewestFirst_withCallsOlderThanTheServersPage()
    {
        CallListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        ConsoleCall oldest = call(u"oldest"_s, CallState::Ended);
        oldest.offeredAt = t0.addSecs(-300);
        ConsoleCall older = call(u"older"_s, CallState::Ended);
        older.offeredAt = t0.addSecs(-200);
        model.upsert(oldest);
        model.upsert(older);
        // The server's page after a reconnection: newer calls only (the oldest fell off its page).
        ConsoleCall newer = call(u"newer"_s, CallState::Ended);
        newer.offeredAt = t0.addSecs(-100);
        ConsoleCall listedOlder = older;
        model.reset({ newer, listedOlder });
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.at(0).callId, u"newer"_s);
        QCOMPARE(model.at(1).callId, u"older"_s);
        QCOMPARE(model.at(2).callId, u"oldest"_s);
    }

    void contactName_readsTheUsualColumns_data()
    {
        QTest::addColumn<QStringList>("columns");
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QString>("name");
        QTest::newRow("spanish") << QStringList { u"nombre"_s, u"apellido"_s } << QStringList { u"Ana"_s, u"Pérez"_s }
                                 << u"Ana Pérez"_s;
        QTest::newRow("english, any case")
            << QStringList { u"Name"_s, u"Last_Name"_s } << QStringList { u"Ann"_s, u"Lee"_s } << u"Ann Lee"_s;
        QTest::newRow("first name only") << QStringList { u"nombre"_s, u"dni"_s } << QStringList { u"Ana"_s, u"1"_s }
                                         << u"Ana"_s;
        QTest::newRow("none") << QStringList { u"dni"_s } << QStringList { u"1"_s } << QString();
    }
    void contactName_readsTheUsualColumns()
    {
        QFETCH(QStringList, columns);
        QFETCH(QStringList, values);
        QFETCH(QString, name);
        QHash<QString, QString> contact;
        for (int i = 0; i < columns.size(); ++i)
            contact.insert(columns.at(i), values.at(i));
        QCOMPARE(CallListModel::contactName(contact), name);
    }
};

QTEST_MAIN(TestCallListModel)
#include "tst_calllistmodel.moc"
