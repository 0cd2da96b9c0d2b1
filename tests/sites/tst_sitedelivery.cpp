#include <core/sites/requestsigner.h>
#include <core/sites/siteauthenticationrepository.h>
#include <core/sites/sitedelivery.h>
#include <core/sites/tokenprovider.h>
#include <tests/sites/support/deliverycrmserver.h>
#include <tests/sites/support/deliveryfixtures.h>
#include <tests/support/fakeclock.h>
#include <tests/support/scratchdatabase.h>
#include <tests/support/settle.h>

#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace enlace;
using Crm = enlace::test::DeliveryCrmServer;

namespace {

OutboxItem jsonItem(const QUrl &url, const QByteArray &body = R"({"call_id":"c-1","phone":"555"})")
{
    OutboxItem item;
    item.callId = u"c-1"_s;
    item.agentId = 7;
    item.request.method = "POST";
    item.request.url = url;
    item.request.headers = { { "Content-Type", "application/json" } };
    item.request.body = body;
    item.timeoutMs = 5000;
    item.maxAttempts = 4;
    return item;
}

SiteDeliveryOptions fastOptions(const QString &instance = u"test-a"_s)
{
    SiteDeliveryOptions o;
    o.instanceId = instance;
    o.backoffScale = 0.01;   // retries within ~10-80 ms instead of seconds
    o.pollIntervalMs = 50;
    return o;
}

qint64 count(const Database &db, const QString &table)
{
    return db.scalar(u"SELECT COUNT(*) FROM "_s + table)->toLongLong();
}

}   // namespace

class TestSiteDelivery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<DeliveryOutcome>(); }

    void deliver_ok_sendsOnceWithKeyAndRecordsOutcome_data() { test::addBackendRows(); }
    void deliver_ok_sendsOnceWithKeyAndRecordsOutcome()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        QNetworkAccessManager nam;
        SystemClock clock;
        const qint64 siteId = test::deliveryInsertSite(*scratch.db(), u"CRM"_s);
        SiteDelivery delivery(scratch.db(), &nam, nullptr, clock, test::deliveryTestBox(), fastOptions());
        QSignalSpy finished(&delivery, &SiteDelivery::deliveryFinished);
        delivery.start();

        OutboxItem item = jsonItem(crm.url(u"/hook"_s));
        item.siteId = siteId;
        auto key = delivery.enqueue(item);
        QVERIFY(key.ok());
        QVERIFY(!QUuid::fromString(key.value()).isNull());

        QTRY_COMPARE(finished.size(), 1);
        const auto outcome = finished.at(0).at(0).value<DeliveryOutcome>();
        QCOMPARE(outcome.key, key.value());
        QVERIFY(outcome.delivered);
        QVERIFY(!outcome.givenUp);
        QCOMPARE(outcome.httpStatus, 200);
        QCOMPARE(outcome.attempts, 1);
        QCOMPARE(outcome.siteId, siteId);
        QCOMPARE(outcome.agentId, qint64(7));
        QCOMPARE(outcome.callId, u"c-1"_s);

        const auto got = crm.received(u"/hook"_s);
        QCOMPARE(got.size(), 1);
        QCOMPARE(got.at(0).method, QByteArray("POST"));
        QCOMPARE(got.at(0).body, item.request.body);
        QCOMPARE(got.at(0).header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(got.at(0).header("Idempotency-Key"), key->toLatin1());
        QVERIFY(got.at(0).header("Authorization").isEmpty());
        QVERIFY(got.at(0).header("X-Enlace-Signature").isEmpty());

        QCOMPARE(count(*scratch.db(), u"outbox"_s), 0);
        auto stored = delivery.outbox().outcomes(key.value());
        QVERIFY(stored.ok());
        QCOMPARE(stored->size(), 1);
        QVERIFY(stored->at(0).delivered);
        QCOMPARE(stored->at(0).httpStatus, 200);
        QCOMPARE(stored->at(0).attempts, 1);
        QCOMPARE(stored->at(0).siteId, siteId);
    }

    void deliver_get_sendsQueryWithoutBody_data() { test::addBackendRows(); }
    void deliver_get_sendsQueryWithoutBody()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        QNetworkAccessManager nam;
        SystemClock clock;
        SiteDelivery delivery(scratch.db(), &nam, nullptr, clock, test::deliveryTestBox(), fastOptions());
        QSignalSpy finished(&delivery, &SiteDelivery::deliveryFinished);
        delivery.start();
        OutboxItem item;
        item.request.method = "GET";
        QUrl url = crm.url(u"/get"_s);
        url.setQuery(u"p=1&name=Jos%C3%A9"_s);
        item.request.url = url;
        QVERIFY(delivery.enqueue(item).ok());
        QTRY_COMPARE(finished.size(), 1);
        const auto got = crm.received(u"/get"_s);
        QCOMPARE(got.size(), 1);
        QCOMPARE(got.at(0).method, QByteArray("GET"));
        QCOMPARE(QUrlQuery(got.at(0).query).queryItemValue(u"name"_s, QUrl::FullyDecoded), u"José"_s);
    }

    void retry_transientFailures_sameKeyUntilDelivered_data()
    {
        test::addBackendColumn();
        QTest::addColumn<QList<Crm::Reply>>("script");
        QTest::addColumn<int>("attempts");
        QTest::addColumn<int>("firstStatus");
        const QList<std::pair<const char *, QList<Crm::Reply>>> cases {
            { "500 then 200", { Crm::status(500), Crm::status(200) } },
            { "503 twice then 200", { Crm::status(503), Crm::status(503), Crm::status(200) } },
            { "408 then 200", { Crm::status(408), Crm::status(200) } },
            { "429 then 200", { Crm::status(429), Crm::status(200) } },
        };
        for (const auto &backend : { "sqlite", "postgresql" })
            for (const auto &[name, script] : cases)
                QTest::addRow("%s %s", name, backend)
                    << QString::fromLatin1(backend) << script << int(script.size()) << script.first().status;
    }
    void retry_transientFailures_sameKeyUntilDelivered()
    {
        QFETCH(QString, backend);
        QFETCH(QList<Crm::Reply>, script);
        QFETCH(int, attempts);
        QFETCH(int, firstStatus);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        crm.script(u"/flaky"_s, script);
        QNetworkAccessManager nam;
        SystemClock clock;
        SiteDelivery delivery(scratch.db(), &nam, nullptr, clock, test::deliveryTestBox(), fastOptions());
        QSignalSpy finished(&delivery, &SiteDelivery::deliveryFinished);
        QSignalSpy failed(&delivery, &SiteDelivery::attemptFailed);
        delivery.start();
        auto key = delivery.enqueue(jsonItem(crm.url(u"/flaky"_s)));
        QVERIFY(key.ok());
        QTRY_COMPARE(finished.size(), 1);
        const auto outcome = finished.at(0).at(0).value<DeliveryOutcome>();
        QVERIFY(outcome.delivered);
        QCOMPARE(outcome.attempts, attempts);
        QCOMPARE(failed.size(), attempts - 1);
        const auto firstFailure = failed.at(0).at(0).value<DeliveryOutcome>();
        QCOMPARE(firstFailure.httpStatus, firstStatus);
        QVERIFY(firstFailure.lastError.contains(QString::number(firstStatus)));
        QVERIFY(!firstFailure.delivered && !firstFailure.givenUp);

        const auto got = crm.received(u"/flaky"_s);
        QCOMPARE(got.size(), attempts);
        for (const auto &r : got) {
            QCOMPARE(r.header("Idempotency-Key"), key->toLatin1());
            QCOMPARE(r.body, jsonItem({}).request.body);
        }
        QCOMPARE(count(*scratch.db(), u"outbox"_s), 0);
        QCOMPARE(count(*scratch.db(), u"delivery_outcomes"_s), 1);
    }

    void noRetry_otherClientErrors_givenUpAfterOneAttempt_data()
    {
        test::addBackendColumn();
        QTest::addColumn<int>("status");
        for (const auto &backend : { "sqlite", "postgresql" })
            for (int status : { 400, 403, 404, 422 })
                QTest::addRow("%d %s", status, backend) << QString::fromLatin1(backend) << status;
    }
    void noRetry_otherClientErrors_givenUpAfterOneAttempt()
    {
        QFETCH(QString, backend);
        QFETCH(int, status);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        crm.script(u"/bad"_s, { Crm::status(status), Crm::status(200) });
        QNetworkAccessManager nam;
        SystemClock clock;
        SiteDelivery delivery(scratch.db(), &nam, nullptr, clock, test::deliveryTestBox(), fastOptions());
        QSignalSpy finished(&delivery, &SiteDelivery::deliveryFinished);
        QSignalSpy failed(&delivery, &SiteDelivery::attemptFailed);
        delivery.start();
        auto key = delivery.enqueue(jsonItem(crm.url(u"/bad"_s)));
        QTRY_COMPARE(finished.size(), 1);
        const auto outcome = finished.at(0).at(0).value<DeliveryOutcome>();
        QVERIFY(!outcome.delivered);
        QVERIFY(outcome.givenUp);
        QCOMPARE(outcome.httpStatus, status);
        QCOMPARE(outcome.attempts, 1);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(crm.count(u"/bad"_s), 1);
        auto stored = delivery.outbox().outcomes(key.value());
        QCOMPARE(stored->size(), 1);
        QVERIFY(!stored->at(0).delivered);
        QCOMPARE(stored->at(0).httpStatus, status);
        QCOMPARE(count(*scratch.db(), u"outbox"_s), 0);
    }

    void retry_maxAttemptsReached_givenUp_data() { test::addBackendRows(); }
    void retry_maxAttemptsReached_givenUp()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        crm.script(u"/down"_s, { Crm::status(502) });
        QNetworkAccessManager nam;
        SystemClock clock;
        SiteDelivery delivery(scratch.db(), &nam, nullptr, clock, test::deliveryTestBox(), fastOptions());
        QSignalSpy finished(&delivery, &SiteDelivery::deliveryFinished);
        QSignalSpy failed(&delivery, &SiteDelivery::attemptFailed);
        delivery.start();
        OutboxItem item = jsonItem(crm.url(u"/down"_s));
        item.maxAttempts = 3;
        QVERIFY(delivery.enqueue(item).ok());
        QTRY_COMPARE(finished.size(), 1);
        const auto outcome = finished.at(0).at(0).value<DeliveryOutcome>();
        QVERIFY(outcome.givenUp);
        QCOMPARE(outcome.attempts, 3);
        QCOMPARE(outcome.httpStatus, 502);
        QCOMPARE(failed.size(), 2);
        QCOMPARE(crm.count(u"/down"_s), 3);
        QCOMPARE(count(*scratch.db(), u"outbox"_s), 0);
    }

    void retry_connectionRefused_reportsReasonThenGivesUp_data() { test::addBackendRows(); }
    void retry_connectionRefused_reportsReasonThenGivesUp()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        QNetworkAccessManager nam;
        SystemClock clock;
        SiteDelivery delivery(scratch.db(), &nam, nullptr, clock, test::deliveryTestBox(), fastOptions());
        QSignalSpy finished(&delivery, &SiteDelivery::deliveryFinished);
        QSignalSpy failed(&delivery, &SiteDelivery::attemptFailed);
        delivery.start();
        OutboxItem item = jsonItem(QUrl(u"http://127.0.0.1:%1/closed"_s.arg(test::deliveryClosedPort())));
        item.maxAttempts = 2;
        QVERIFY(delivery.enqueue(item).ok());
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(failed.size(), 1);
        const auto first = failed.at(0).at(0).value<DeliveryOutcome>();
        QCOMPARE(first.httpStatus, 0);
        QVERIFY2(first.lastError.contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(first.lastError));
        QVERIFY(first.nextAttemptAtMs >= clock.nowMs() - 60000);
        const auto outcome = finished.at(0).at(0).value<DeliveryOutcome>();
        QVERIFY(outcome.givenUp);
        QCOMPARE(outcome.attempts, 2);
        QVERIFY(!outcome.lastError.isEmpty());
    }

    void retry_slowCrm_timesOutThenDelivers_data() { test::addBackendRows(); }
    void retry_slowCrm_timesOutThenDelivers()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        crm.script(u"/slow"_s, { Crm::hang(), Crm::status(200) });
        QNetworkAccessManager nam;
        SystemClock clock;
        SiteDelivery delivery(scratch.db(), &nam, nullptr, clock, test::deliveryTestBox(), fastOptions());
        QSignalSpy finished(&delivery, &SiteDelivery::deliveryFinished);
        QSignalSpy failed(&delivery, &SiteDelivery::attemptFailed);
        delivery.start();
        OutboxItem item = jsonItem(crm.url(u"/slow"_s));
        item.timeoutMs = 300;
        auto key = delivery.enqueue(item);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.at(0).at(0).value<DeliveryOutcome>().lastError.contains(u"timeout"_s),
                 qPrintable(failed.at(0).at(0).value<DeliveryOutcome>().lastError));
        const auto outcome = finished.at(0).at(0).value<DeliveryOutcome>();
        QVERIFY(outcome.delivered);
        QCOMPARE(outcome.attempts, 2);
        const auto got = crm.received(u"/slow"_s);
        QCOMPARE(got.size(), 2);
        QCOMPARE(got.at(0).header("Idempotency-Key"), got.at(1).header("Idempotency-Key"));
    }

    void retryAfter_isHonoured_data()
    {
        test::addBackendColumn();
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("httpDate");
        for (const auto &backend : { "sqlite", "postgresql" }) {
            QTest::addRow("429 seconds %s", backend) << QString::fromLatin1(backend) << 429 << false;
            QTest::addRow("429 http-date %s", backend) << QString::fromLatin1(backend) << 429 << true;
            QTest::addRow("503 seconds %s", backend) << QString::fromLatin1(backend) << 503 << false;
        }
    }
    void retryAfter_isHonoured()
    {
        QFETCH(QString, backend);
        QFETCH(int, status);
        QFETCH(bool, httpDate);
        ENLACE_SCRATCH_DB(scratch, backend);
        test::FakeClock clock;
        const qint64 wait = 45'000;
        const QByteArray retryAfter = httpDate
            ? QLocale::c()
                  .toString(QDateTime::fromMSecsSinceEpoch(clock.nowMs() + wait, Qt::UTC),
                            u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s)
                  .toLatin1()
            : QByteArray::number(wait / 1000);
        Crm crm;
        QVERIFY(crm.listen());
        Crm::Reply busy = Crm::status(status);
        busy.headers = { { "Retry-After", retryAfter } };
        crm.script(u"/busy"_s, { busy, Crm::status(200) });
        QNetworkAccessManager nam;
        SiteDelivery delivery(scratch.db(), &nam, nullptr, clock, test::deliveryTestBox(), fastOptions());
        QSignalSpy finished(&delivery, &SiteDelivery::deliveryFinished);
        QSignalSpy failed(&delivery, &SiteDelivery::attemptFailed);
        delivery.start();
        QVERIFY(delivery.enqueue(jsonItem(crm.url(u"/busy"_s))).ok());
        QTRY_COMPARE(failed.size(), 1);
        const qint64 due = failed.at(0).at(0).value<DeliveryOutcome>().nextAttemptAtMs;
        QCOMPARE(due, clock.nowMs() + wait);
        QCOMPARE(scratch.db()->scalar(u"SELECT next_attempt_at FROM outbox"_s)->toLongLong(), due);

        // Not due yet: waking the sender sends nothing.
        clock.advance(wait - 1);
        delivery.wake();
        // A row due now, queued after the wake-up, is sent by a pump that would have claimed the
        // early row too: once it is delivered and nothing is in flight, the early row was not sent.
        // (To another CRM: a delivery to the busy one would bring its backlog forward.)
        Crm other;
        QVERIFY(other.listen());
        QVERIFY(delivery.enqueue(jsonItem(other.url(u"/marker"_s))).ok());
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(other.count(u"/marker"_s), 1);
        QTRY_COMPARE(delivery.inFlightCount(), 0);
        QCOMPARE(crm.count(u"/busy"_s), 1);

        clock.advance(1);
        delivery.wake();
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(crm.count(u"/busy"_s), 2);
        QVERIFY(finished.at(1).at(0).value<DeliveryOutcome>().delivered);
    }

    void parseRetryAfter_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("expected");   // -1: unreadable
        QTest::newRow("seconds") << QByteArray("120") << qint64(120000);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("spaces") << QByteArray(" 7 ") << qint64(7000);
        QTest::newRow("http date") << QByteArray("Thu, 01 Jan 2026 00:01:00 GMT") << qint64(60000);
        QTest::newRow("date in the past") << QByteArray("Wed, 31 Dec 2025 23:00:00 GMT") << qint64(0);
        QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
        QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
    }
    void parseRetryAfter()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, expected);
        const qint64 now = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        const auto parsed = SiteDelivery::parseRetryAfter(value, now);
        QCOMPARE(parsed.value_or(-1), expected);
    }

    void backoff_isFullJitterUnderTheExponentialCeiling()
    {
        test::FakeClock clock;
        QNetworkAccessManager nam;
        auto db = Database::open(u"sqlite::memory:"_s);
        QVERIFY(db.ok());
        SiteDeliveryOptions o;
        o.backoffBaseMs = 1000;
        o.backoffCapMs = 10000;
        SiteDelivery delivery(db.value(), &nam, nullptr, clock, test::deliveryTestBox(), o);
        for (int attempt = 1; attempt <= 8; ++attempt) {
            const qint64 ceiling = std::min<qint64>(10000, 1000LL << (attempt - 1));
            qint64 largest = 0;
            for (int i = 0; i < 200; ++i) {
                const qint64 d = delivery.backoffMs(attempt);
                QVERIFY(d >= 0 && d <= ceiling);
                largest = std::max(largest, d);
            }
            // Spread over the range, not pinned to one value.
            QVERIFY(largest > ceiling / 2);
        }
    }

    void recovery_crmAnswersAgain_backlogIsSentWithoutWaitingForBackoff_data() { test::addBackendRows(); }
    void recovery_crmAnswersAgain_backlogIsSentWithoutWaitingForBackoff()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        crm.script(u"/back"_s, { Crm::status(503), Crm::status(503), Crm::status(503), Crm::status(200) });
        test::FakeClock clock;   // stands still: a row in backoff is only sent if pulled forward
        QNetworkAccessManager nam;
        SiteDeliveryOptions o = fastOptions();
        o.backoffScale = 1.0;
        o.backoffBaseMs = 60000;
        SiteDelivery delivery(scratch.db(), &nam, nullptr, clock, test::deliveryTestBox(), o);
        QSignalSpy finished(&delivery, &SiteDelivery::deliveryFinished);
        QSignalSpy failed(&delivery, &SiteDelivery::attemptFailed);
        delivery.start();
        for (int i = 0; i < 3; ++i)
            QVERIFY(delivery.enqueue(jsonItem(crm.url(u"/back"_s))).ok());
        QTRY_COMPARE(failed.size(), 3);
        for (const auto &args : std::as_const(failed))
            QVERIFY(args.at(0).value<DeliveryOutcome>().nextAttemptAtMs > clock.nowMs());
        // Another site's CRM failing meanwhile is not pulled forward by this one's recovery.
        OutboxItem other = jsonItem(QUrl(u"http://127.0.0.1:%1/other"_s.arg(test::deliveryClosedPort())));
        QVERIFY(delivery.enqueue(other).ok());
        QTRY_COMPARE(failed.size(), 4);

        QVERIFY(delivery.enqueue(jsonItem(crm.url(u"/back"_s))).ok());
        QTRY_COMPARE(finished.size(), 4);
        QCOMPARE(crm.count(u"/back"_s), 7);
        for (const auto &args : std::as_const(finished))
            QVERIFY(args.at(0).value<DeliveryOutcome>().delivered);
        QCOMPARE(count(*scratch.db(), u"outbox"_s), 1);   // the other CRM's row still waits
    }

    void auth_bearerFromTokenProvider_refreshedOnceOn401_data() { test::addBackendRows(); }
    void auth_bearerFromTokenProvider_refreshedOnceOn401()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        crm.script(u"/token"_s, { Crm::json(200, R"({"token":"tok-1"})"), Crm::json(200, R"({"token":"tok-2"})") });
        crm.script(u"/api"_s, { Crm::status(401), Crm::status(201) });
        const SecretBox box = test::deliveryTestBox();
        SiteAuthenticationRepository auths(scratch.db(), box);
        SiteAuthentication a;
        a.name = u"crm auth"_s;
        a.url = crm.url(u"/token"_s).toString();
        a.username = u"enlace"_s;
        a.password = u"pw-very-secret"_s;
        a.duration = 3600;
        auto authId = auths.create(a);
        QVERIFY2(authId.ok(), qPrintable(authId.ok() ? QString() : authId.error().text()));
        const qint64 siteId = test::deliveryInsertSite(*scratch.db(), u"CRM"_s, authId.value());

        test::DeliveryLogCapture logs;
        QNetworkAccessManager nam;
        SystemClock clock;
        TokenProvider tokens(scratch.db(), box, &nam, clock);
        SiteDelivery delivery(scratch.db(), &nam, &tokens, clock, box, fastOptions());
        QSignalSpy finished(&delivery, &SiteDelivery::deliveryFinished);
        delivery.start();
        OutboxItem item = jsonItem(crm.url(u"/api"_s));
        item.siteId = siteId;
        item.authId = authId.value();
        auto key = delivery.enqueue(item);
        QTRY_COMPARE(finished.size(), 1);
        const auto outcome = finished.at(0).at(0).value<DeliveryOutcome>();
        QVERIFY(outcome.delivered);
        QCOMPARE(outcome.httpStatus, 201);
        QCOMPARE(outcome.attempts, 2);

        QCOMPARE(crm.count(u"/token"_s), 2);
        const auto got = crm.received(u"/api"_s);
        QCOMPARE(got.size(), 2);
        QCOMPARE(got.at(0).header("Authorization"), QByteArray("Bearer tok-1"));
        QCOMPARE(got.at(1).header("Authorization"), QByteArray("Bearer tok-2"));
        QCOMPARE(got.at(0).header("Idempotency-Key"), got.at(1).header("Idempotency-Key"));
        // The fresh token is cached for the next request of any site with this authentication.
        auto cached = auths.cachedToken(authId.value());
        QVERIFY(cached.ok() && cached.value());
        QCOMPARE(cached.value()->token, u"tok-2"_s);

        for (const QString &secret : { u"tok-1"_s, u"tok-2"_s, u"pw-very-secret"_s })
            QVERIFY2(!logs.contains(secret), qPrintable(secret));
    }

    void auth_tokenUnavailable_attemptFailsWithReasonNoSecret_data() { test::addBackendRows(); }
    void auth_tokenUnavailable_attemptFailsWithReasonNoSecret()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        crm.script(u"/token"_s, { Crm::status(401) });
        const SecretBox box = test::deliveryTestBox();
        SiteAuthenticationRepository auths(scratch.db(), box);
        SiteAuthentication a;
        a.name = u"crm auth"_s;
        a.url = crm.url(u"/token"_s).toString();
        a.username = u"enlace"_s;
        a.password = u"pw-very-secret"_s;
        a.duration = 60;
        auto authId = auths.create(a);
        QVERIFY2(authId.ok(), qPrintable(authId.ok() ? QString() : authId.error().text()));
        test::DeliveryLogCapture logs;
        QNetworkAccessManager nam;
        SystemClock clock;
        TokenProvider tokens(scratch.db(), box, &nam, clock);
        SiteDelivery delivery(scratch.db(), &nam, &tokens, clock, box, fastOptions());
        QSignalSpy finished(&delivery, &SiteDelivery::deliveryFinished);
        delivery.start();
        OutboxItem item = jsonItem(crm.url(u"/api"_s));
        item.authId = authId.value();
        item.maxAttempts = 2;
        QVERIFY(delivery.enqueue(item).ok());
        QTRY_COMPARE(finished.size(), 1);
        const auto outcome = finished.at(0).at(0).value<DeliveryOutcome>();
        QVERIFY(outcome.givenUp);
        QCOMPARE(outcome.attempts, 2);
        QVERIFY2(outcome.lastError.contains(u"401"_s), qPrintable(outcome.lastError));
        QCOMPARE(crm.count(u"/api"_s), 0);
        QVERIFY(!logs.contains(u"pw-very-secret"_s));
        QVERIFY(!outcome.lastError.contains(u"pw-very-secret"_s));
    }

    void tls_selfSignedCrm_acceptedOnlyThroughAnAuthenticationWithSslStrictFalse_data()
    {
        test::addBackendColumn();
        QTest::addColumn<int>("mode");   // 0: no authentication, 1: auth strict, 2: auth not strict
        for (const auto &backend : { "sqlite", "postgresql" }) {
            QTest::addRow("no auth %s", backend) << QString::fromLatin1(backend) << 0;
            QTest::addRow("auth strict %s", backend) << QString::fromLatin1(backend) << 1;
            QTest::addRow("auth not strict %s", backend) << QString::fromLatin1(backend) << 2;
        }
    }
    void tls_selfSignedCrm_acceptedOnlyThroughAnAuthenticationWithSslStrictFalse()
    {
        QFETCH(QString, backend);
        QFETCH(int, mode);
        ENLACE_SCRATCH_DB(scratch, backend);
        const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
        if (openssl.isEmpty() || !QSslSocket::supportsSsl())
            QSKIP("no openssl / TLS backend");
        QTemporaryDir dir;
        QProcess gen;
        gen.start(openssl,
                  { u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s, u"1"_s, u"-subj"_s,
                    u"/CN=127.0.0.1"_s, u"-keyout"_s, dir.filePath(u"key.pem"_s), u"-out"_s,
                    dir.filePath(u"cert.pem"_s) });
        QVERIFY(gen.waitForFinished(60000));
        QCOMPARE(gen.exitCode(), 0);
        QFile certFile(dir.filePath(u"cert.pem"_s)), keyFile(dir.filePath(u"key.pem"_s));
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QHttpServer server;
        server.sslSetup(QSslCertificate(&certFile, QSsl::Pem), QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem));
        QStringList paths;
        server.setMissingHandler([&paths](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            paths.append(request.url().path());
            responder.write(QByteArray(R"({"token":"tls-token"})"), "application/json");
        });
        const quint16 port = server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);

        const SecretBox box = test::deliveryTestBox();
        OutboxItem item = jsonItem(QUrl(u"https://127.0.0.1:%1/site"_s.arg(port)));
        item.maxAttempts = 1;
        if (mode > 0) {
            SiteAuthentication a;
            a.name = u"auth"_s;
            // The token endpoint is on the same self-signed server: ssl_estricto governs both requests.
            a.url = u"https://127.0.0.1:%1/token"_s.arg(port);
            a.username = u"u"_s;
            a.password = u"p"_s;
            a.duration = 60;
            a.sslStrict = mode == 1;
            item.authId = SiteAuthenticationRepository(scratch.db(), box).create(a).value();
        }
        SystemClock clock;
        QNetworkAccessManager nam;
        TokenProvider tokens(scratch.db(), box, &nam, clock);
        SiteDelivery delivery(scratch.db(), &nam, &tokens, clock, box, fastOptions());
        QSignalSpy finished(&delivery, &SiteDelivery::deliveryFinished);
        delivery.start();
        QVERIFY(delivery.enqueue(item).ok());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
        const auto outcome = finished.at(0).at(0).value<DeliveryOutcome>();
        if (mode == 2) {
            QVERIFY2(outcome.delivered, qPrintable(outcome.lastError));
            QCOMPARE(paths, (QStringList { u"/token"_s, u"/site"_s }));
        } else {
            QVERIFY(!outcome.delivered);
            QVERIFY2(outcome.lastError.contains(u"SSL"_s, Qt::CaseInsensitive), qPrintable(outcome.lastError));
            QVERIFY(!paths.contains(u"/site"_s));
        }
    }

    void signature_verifiesWithAnIndependentHmac_data() { test::addBackendRows(); }
    void signature_verifiesWithAnIndependentHmac()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        crm.script(u"/signed"_s, { Crm::status(500), Crm::status(200) });
        test::DeliveryLogCapture logs;
        QNetworkAccessManager nam;
        SystemClock clock;
        SiteDelivery delivery(scratch.db(), &nam, nullptr, clock, test::deliveryTestBox(), fastOptions());
        QSignalSpy finished(&delivery, &SiteDelivery::deliveryFinished);
        delivery.start();
        OutboxItem item = jsonItem(crm.url(u"/signed"_s), R"({"a":"ñ","b":[1,2]})");
        item.signatureSecret = "whsec-0123456789";
        QVERIFY(delivery.enqueue(item).ok());
        QTRY_COMPARE(finished.size(), 1);
        // Stored sealed, never plain.
        QVERIFY(!logs.contains(u"whsec-0123456789"_s));
        const auto got = crm.received(u"/signed"_s);
        QCOMPARE(got.size(), 2);
        for (const auto &r : got) {
            const QByteArray timestamp = r.header("X-Enlace-Timestamp");
            QVERIFY(qAbs(timestamp.toLongLong() - clock.nowMs() / 1000) < 60);
            const QByteArray expected = "sha256="
                + QMessageAuthenticationCode::hash(timestamp + "." + r.body, "whsec-0123456789",
                                                   QCryptographicHash::Sha256)
                      .toHex();
            QCOMPARE(r.header("X-Enlace-Signature"), expected);
        }
    }

    void enqueue_inRolledBackTransaction_sendsNothing_data() { test::addBackendRows(); }
    void enqueue_inRolledBackTransaction_sendsNothing()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        QNetworkAccessManager nam;
        SystemClock clock;
        SiteDelivery delivery(scratch.db(), &nam, nullptr, clock, test::deliveryTestBox(), fastOptions());
        QSignalSpy finished(&delivery, &SiteDelivery::deliveryFinished);
        delivery.start();
        {
            Database::Transaction tx(*scratch.db());
            QVERIFY(scratch.db()->insert(u"INSERT INTO external_systems (name) VALUES (?)"_s, { u"event A"_s }).ok());
            QVERIFY(delivery.enqueue(jsonItem(crm.url(u"/rolledback"_s))).ok());
            // destroyed without commit: neither the event nor the request is stored
        }
        QString committedKey;
        {
            Database::Transaction tx(*scratch.db());
            QVERIFY(scratch.db()->insert(u"INSERT INTO external_systems (name) VALUES (?)"_s, { u"event B"_s }).ok());
            auto key = delivery.enqueue(jsonItem(crm.url(u"/committed"_s)));
            QVERIFY(key.ok());
            committedKey = key.value();
            QVERIFY(tx.commit().ok());
        }
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).value<DeliveryOutcome>().key, committedKey);
        QCOMPARE(crm.count(u"/committed"_s), 1);
        QCOMPARE(crm.count(u"/rolledback"_s), 0);
        QCOMPARE(count(*scratch.db(), u"external_systems"_s), 1);
    }

    void restart_pendingRowsAreSentByTheNextInstance_data() { test::addBackendRows(); }
    void restart_pendingRowsAreSentByTheNextInstance()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        QNetworkAccessManager nam;
        SystemClock clock;
        QStringList keys;
        {
            SiteDelivery first(scratch.db(), &nam, nullptr, clock, test::deliveryTestBox(), fastOptions(u"first"_s));
            first.start();
            for (int i = 0; i < 3; ++i)
                keys.append(first.enqueue(jsonItem(crm.url(u"/restart"_s))).value());
            // destroyed before its event loop ever ran: nothing was sent
        }
        QCOMPARE(crm.total(), 0);
        QCOMPARE(count(*scratch.db(), u"outbox"_s), 3);

        auto reopened = Database::open(scratch.url());
        QVERIFY(reopened.ok());
        SiteDelivery second(reopened.value(), &nam, nullptr, clock, test::deliveryTestBox(), fastOptions(u"second"_s));
        QSignalSpy finished(&second, &SiteDelivery::deliveryFinished);
        second.start();
        QTRY_COMPARE(finished.size(), 3);
        const auto got = crm.received(u"/restart"_s);
        QCOMPARE(got.size(), 3);
        QSet<QByteArray> seen;
        for (const auto &r : got)
            seen.insert(r.header("Idempotency-Key"));
        QCOMPARE(seen.size(), 3);
        for (const QString &k : keys)
            QVERIFY(seen.contains(k.toLatin1()));
        QCOMPARE(count(*scratch.db(), u"outbox"_s), 0);
    }

    void restart_expiredLeaseOfDeadInstanceIsReclaimed_data() { test::addBackendRows(); }
    void restart_expiredLeaseOfDeadInstanceIsReclaimed()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        test::FakeClock clock;
        const SecretBox box = test::deliveryTestBox();
        Outbox outbox(scratch.db(), box);
        auto key = outbox.add(jsonItem(crm.url(u"/lease"_s)), clock.nowMs());
        QVERIFY(key.ok());
        // A server claimed the row and died without finishing it.
        auto claimed = outbox.claim(u"dead"_s, clock.nowMs(), clock.nowMs() + 60000, 10);
        QVERIFY(claimed.ok());
        QCOMPARE(claimed->size(), 1);

        QNetworkAccessManager nam;
        SiteDelivery delivery(scratch.db(), &nam, nullptr, clock, box, fastOptions(u"alive"_s));
        QSignalSpy finished(&delivery, &SiteDelivery::deliveryFinished);
        delivery.start();
        // The lease is still valid, nothing of it may be sent: a row queued now is claimed by a
        // pump that would have taken the leased row too, so once it is delivered and nothing is
        // in flight, the leased row was not sent.
        Crm other;
        QVERIFY(other.listen());
        QVERIFY(delivery.enqueue(jsonItem(other.url(u"/marker"_s))).ok());
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(other.count(u"/marker"_s), 1);
        QTRY_COMPARE(delivery.inFlightCount(), 0);
        QCOMPARE(crm.total(), 0);
        clock.advance(60001);
        delivery.wake();
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(crm.count(u"/lease"_s), 1);
        QCOMPARE(crm.received(u"/lease"_s).at(0).header("Idempotency-Key"), key->toLatin1());
    }

    void restart_sameInstanceIdTakesItsLeasesBackAtOnce_data() { test::addBackendRows(); }
    void restart_sameInstanceIdTakesItsLeasesBackAtOnce()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        SystemClock clock;
        const SecretBox box = test::deliveryTestBox();
        Outbox outbox(scratch.db(), box);
        QVERIFY(outbox.add(jsonItem(crm.url(u"/mine"_s)), clock.nowMs()).ok());
        QCOMPARE(outbox.claim(u"server-1"_s, clock.nowMs(), clock.nowMs() + 3600000, 10)->size(), 1);
        QNetworkAccessManager nam;
        SiteDelivery delivery(scratch.db(), &nam, nullptr, clock, box, fastOptions(u"server-1"_s));
        QSignalSpy finished(&delivery, &SiteDelivery::deliveryFinished);
        delivery.start();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(crm.count(u"/mine"_s), 1);
    }

    void twoInstances_oneStore_neverSendTheSameRowTwice_data() { test::addBackendRows(); }
    void twoInstances_oneStore_neverSendTheSameRowTwice()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        QNetworkAccessManager nam;
        SystemClock clock;
        const SecretBox box = test::deliveryTestBox();
        // Two server instances, each with its own database handle, as two processes would have.
        auto dbA = Database::open(scratch.url());
        auto dbB = Database::open(scratch.url());
        QVERIFY(dbA.ok() && dbB.ok());
        SiteDeliveryOptions oa = fastOptions(u"A"_s), ob = fastOptions(u"B"_s);
        oa.concurrency = 4;
        ob.concurrency = 4;
        oa.pollIntervalMs = ob.pollIntervalMs = 5;
        SiteDelivery a(dbA.value(), &nam, nullptr, clock, box, oa);
        SiteDelivery b(dbB.value(), &nam, nullptr, clock, box, ob);
        QSignalSpy finishedA(&a, &SiteDelivery::deliveryFinished);
        QSignalSpy finishedB(&b, &SiteDelivery::deliveryFinished);
        const int n = 200;
        {
            Outbox writer(scratch.db(), box);
            Database::Transaction tx(*scratch.db());
            for (int i = 0; i < n; ++i)
                QVERIFY(writer.add(jsonItem(crm.url(u"/shared"_s)), clock.nowMs()).ok());
            QVERIFY(tx.commit().ok());
        }
        a.start();
        b.start();
        QTRY_COMPARE_WITH_TIMEOUT(finishedA.size() + finishedB.size(), n, 30000);
        // No late duplicate arrives: nothing is in flight on either instance any more (every
        // request sent has been answered, so the CRM has it) and nothing is left to claim.
        QTRY_VERIFY(a.inFlightCount() == 0 && b.inFlightCount() == 0);
        QCOMPARE(count(*scratch.db(), u"outbox"_s), 0);
        const auto got = crm.received(u"/shared"_s);
        QSet<QByteArray> keys;
        for (const auto &r : got)
            keys.insert(r.header("Idempotency-Key"));
        QCOMPARE(keys.size(), n);
        QCOMPARE(got.size(), n);
        QVERIFY2(finishedA.size() > 0 && finishedB.size() > 0,
                 qPrintable(u"A sent %1, B sent %2"_s.arg(finishedA.size()).arg(finishedB.size())));
        QCOMPARE(count(*scratch.db(), u"outbox"_s), 0);
        QCOMPARE(count(*scratch.db(), u"delivery_outcomes"_s), qint64(n));
    }

    void concurrency_isBounded_data() { test::addBackendRows(); }
    void concurrency_isBounded()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Crm crm;
        QVERIFY(crm.listen());
        crm.script(u"/hang"_s, { Crm::hang() });
        QNetworkAccessManager nam;
        SystemClock clock;
        SiteDeliveryOptions o = fastOptions();
        o.concurrency = 3;
        SiteDelivery delivery(scratch.db(), &nam, nullptr, clock, test::deliveryTestBox(), o);
        delivery.start();
        for (int i = 0; i < 10; ++i) {
            OutboxItem item = jsonItem(crm.url(u"/hang"_s));
            item.timeoutMs = 60000;
            QVERIFY(delivery.enqueue(item).ok());
        }
        QTRY_COMPARE(delivery.inFlightCount(), 3);
        QTRY_COMPARE(crm.count(u"/hang"_s), 3);
        // A pump may not start a fourth while three hang; no event follows a pump that sends
        // nothing, so the sender is woken and given the time for it.
        delivery.wake();
        test::settleFor(100, "a woken sender with three hanging requests must not send a fourth");
        QCOMPARE(crm.count(u"/hang"_s), 3);
        QCOMPARE(scratch.db()->scalar(u"SELECT COUNT(*) FROM outbox WHERE lease_owner IS NOT NULL"_s)->toInt(), 3);
        delivery.stop();
        // Abandoned requests go back to the queue at once.
        QCOMPARE(scratch.db()->scalar(u"SELECT COUNT(*) FROM outbox WHERE lease_owner IS NOT NULL"_s)->toInt(), 0);
        QCOMPARE(count(*scratch.db(), u"outbox"_s), 10);
    }
};

QTEST_GUILESS_MAIN(TestSiteDelivery)
#include "tst_sitedelivery.moc"
