#include <ui/consoletray.h>

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

class TestConsoleTray final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void icon_isTheApplicationsSvg_renderedAtEverySize()
    {
        const QIcon icon = ConsoleTray::applicationIcon();
        QVERIFY(!icon.isNull());
        for (int size : { 16, 22, 32, 48, 128 }) {
            const QImage image = icon.pixmap(size, size).toImage();
            QCOMPARE(image.width(), size);
            // Not blank: the rounded square's blue is there (the SVG plugin rendered it).
            const QColor centre = image.pixelColor(size / 2, size / 5);
            QVERIFY2(centre.alpha() > 200 && centre.blue() > centre.red(), qPrintable(centre.name()));
        }
    }

    void status_isTheTooltip()
    {
        QMainWindow window;
        ConsoleTray tray(&window);
        QVERIFY(tray.toolTip().contains(u"Not signed in"_s));
        tray.setStatus(u"Offline, reconnecting"_s);
        QCOMPARE(tray.toolTip(), u"Enlace — Offline, reconnecting"_s);
        QCOMPARE(tray.trayIcon()->toolTip(), tray.toolTip());
    }

    void menu_showsTheWindow_andOffersTheWindowsOwnActions()
    {
        QMainWindow window;
        ConsoleTray tray(&window);
        QAction dial(u"Place a call…"_s);
        QAction quit(u"Quit"_s);
        tray.setActions({ &dial, &quit });
        tray.setActions({ &dial, &quit });   // set again: not listed twice
        QList<QAction *> listed;
        for (QAction *a : tray.menu()->actions())
            if (!a->isSeparator())
                listed << a;
        QCOMPARE(listed.size(), 3);
        QCOMPARE(listed.at(1), &dial);
        QCOMPARE(listed.at(2), &quit);
        QVERIFY(!window.isVisible());
        listed.at(0)->trigger();   // Show console
        QVERIFY(window.isVisible());
        window.showMinimized();
        QTRY_VERIFY(window.isMinimized());
        listed.at(0)->trigger();
        QTRY_VERIFY(!window.isMinimized());
    }

    void newCall_notifiesOnlyWhenTheAgentIsNotLooking_crmNotConnectedAlways()
    {
        QMainWindow window;
        ConsoleTray tray(&window);
        QSignalSpy notified(&tray, &ConsoleTray::notified);
        // The window is hidden (the agent works elsewhere): both notify.
        tray.notify(ConsoleTray::Notice::NewCall, u"New call"_s, u"1155550000"_s);
        tray.notify(ConsoleTray::Notice::CrmNotConnected, u"CRM not connected"_s, u"timeout"_s);
        QCOMPARE(notified.size(), 2);
        QCOMPARE(notified.at(0).at(0).value<ConsoleTray::Notice>(), ConsoleTray::Notice::NewCall);
        QCOMPARE(notified.at(0).at(2).toString(), u"1155550000"_s);
        // In front of the agent: a new call is seen on screen, a CRM failure still notifies.
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        tray.notify(ConsoleTray::Notice::NewCall, u"New call"_s, u"1155550001"_s);
        tray.notify(ConsoleTray::Notice::CrmNotConnected, u"CRM not connected"_s, u"HTTP 500"_s);
        QCOMPARE(notified.size(), 3);
        QCOMPARE(notified.at(2).at(0).value<ConsoleTray::Notice>(), ConsoleTray::Notice::CrmNotConnected);
        QCOMPARE(notified.at(2).at(2).toString(), u"HTTP 500"_s);
    }
};

QTEST_MAIN(TestConsoleTray)
#include "tst_consoletray.moc"
