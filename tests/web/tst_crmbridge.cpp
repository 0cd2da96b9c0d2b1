#include <ui/web/crmbridge.h>

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

class TestCrmBridge final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void intents_areRelayedOnlyWhileAllowed()
    {
        bool allowed = true;
        QString askedFor;
        CrmBridge bridge(u"c1"_s, u"http://127.0.0.1:8080"_s, [&](const QString &callId) {
            askedFor = callId;
            return allowed;
        });
        QSignalSpy qualify(&bridge, &CrmBridge::qualifyRequested);
        QSignalSpy dial(&bridge, &CrmBridge::dialRequested);
        bridge.qualify(12, u"ok"_s);
        bridge.dial(u"+54 911"_s, u"7"_s);
        QCOMPARE(askedFor, u"c1"_s);
        QCOMPARE(qualify.count(), 1);
        QCOMPARE(qualify.at(0).at(0).toString(), u"c1"_s);
        QCOMPARE(qualify.at(0).at(1).toLongLong(), 12);
        QCOMPARE(dial.count(), 1);

        allowed = false;   // the page navigated away, or the call is not its own any more
        bridge.qualify(12, u"ok"_s);
        bridge.dial(u"+54 911"_s, {});
        QCOMPARE(qualify.count(), 1);
        QCOMPARE(dial.count(), 1);
    }

    void qualify_rejectsNonIntegerIds_data()
    {
        QTest::addColumn<double>("id");
        QTest::newRow("fraction") << 1.5;
        QTest::newRow("zero") << 0.0;
        QTest::newRow("negative") << -3.0;
        QTest::newRow("nan") << qQNaN();
        QTest::newRow("infinite") << qInf();
    }
    void qualify_rejectsNonIntegerIds()
    {
        QFETCH(double, id);
        CrmBridge bridge(u"c1"_s, u"http://h"_s, [](const QString &) { return true; });
        QSignalSpy qualify(&bridge, &CrmBridge::qualifyRequested);
        bridge.qualify(id, {});
        QCOMPARE(qualify.count(), 0);
    }

    void setFacts_notifiesThePage()
    {
        CrmBridge bridge(u"c1"_s, u"http://h"_s, {});
        QSignalSpy changed(&bridge, &CrmBridge::callChanged);
        bridge.setFacts({ { u"state"_s, u"ended"_s } });
        QCOMPARE(changed.count(), 1);
        QCOMPARE(bridge.facts().value(u"state"_s).toString(), u"ended"_s);
    }

    void scripts_areMainFrameOnly_inTheirWorlds()
    {
        const QList<QWebEngineScript> scripts = CrmBridge::scripts();
        QCOMPARE(scripts.size(), 2);
        QCOMPARE(scripts.at(0).worldId(), quint32(QWebEngineScript::ApplicationWorld));
        QVERIFY(scripts.at(0).sourceCode().contains(u"QWebChannel"_s));
        QVERIFY(scripts.at(0).sourceCode().contains(u"event.source !== window"_s));
        QCOMPARE(scripts.at(1).worldId(), quint32(QWebEngineScript::MainWorld));
        QVERIFY(scripts.at(1).sourceCode().contains(u"enlace:callchanged"_s));
        for (const QWebEngineScript &script : scripts) {
            QCOMPARE(script.injectionPoint(), QWebEngineScript::DocumentCreation);
            QVERIFY(!script.runsOnSubFrames());
        }
    }
};

QTEST_GUILESS_MAIN(TestCrmBridge)
#include "tst_crmbridge.moc"
