#include <core/model/ratelimit.h>

#include <QTest>

using namespace enlace;
using namespace std::chrono_literals;

class TestRateLimit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A failure every 50 ms for a minute: one record per 10 s, each saying how many it held back.
    void failuresEvery50ms_writeOneRecordPerInterval()
    {
        RateLimit limit(10s);
        const auto t0 = std::chrono::steady_clock::time_point() + 1h;
        QList<qint64> written;   // held() of each record let through
        for (int i = 0; i < 1200; ++i)
            if (limit.allow(t0 + i * 50ms))
                written.append(limit.held());
        QCOMPARE(written.size(), 6);
        QCOMPARE(written.first(), 0);
        for (qsizetype i = 1; i < written.size(); ++i)
            QCOMPARE(written.at(i), 199);   // 200 failures per 10 s, one written
    }

    void reset_letsTheNextRecordThrough()
    {
        RateLimit limit(10s);
        const auto t0 = std::chrono::steady_clock::time_point() + 1h;
        QVERIFY(limit.allow(t0));
        QVERIFY(!limit.allow(t0 + 1s));
        limit.reset();
        QVERIFY(limit.allow(t0 + 2s));
        QCOMPARE(limit.held(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRateLimit)
#include "tst_ratelimit.moc"
