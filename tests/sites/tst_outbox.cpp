#include <core/sites/outbox.h>
#include <tests/sites/support/deliveryfixtures.h>
#include <tests/support/scratchdatabase.h>

#include <QSet>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

constexpr qint64 T0 = 1'767'225'600'000;

OutboxItem item(const QString &callId = u"call-1"_s)
{
    OutboxItem i;
    i.agentId = 3;
    i.callId = callId;
    i.request.method = "POST";
    i.request.url = QUrl(u"https://crm.example.com/hook/%7B1%7D?x=%C3%B1"_s);
    i.request.headers = { { "Content-Type", "application/json" }, { "X-Custom", "v" } };
    i.request.body = QByteArray("{\"a\":\"\xc3\xb1\"}\x00tail", 16);
    i.timeoutMs = 2500;
    i.maxAttempts = 5;
    return i;
}

}   // namespace

class TestOutbox final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void add_thenClaim_roundTripsTheWholeRequest_data() { test::addBackendRows(); }
    void add_thenClaim_roundTripsTheWholeRequest()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Outbox outbox(scratch.db(), test::deliveryTestBox());
        OutboxItem in = item();
        in.authId = std::nullopt;
        in.signatureSecret = "sig-secret";
        const qint64 siteId = test::deliveryInsertSite(*scratch.db(), u"S"_s);
        in.siteId = siteId;
        auto key = outbox.add(in, T0);
        QVERIFY(key.ok());
        QVERIFY(
            !scratch.db()->scalar(u"SELECT signature_secret_enc FROM outbox"_s)->toByteArray().contains("sig-secret"));

        auto claimed = outbox.claim(u"me"_s, T0, T0 + 1000, 10);
        QVERIFY(claimed.ok());
        QCOMPARE(claimed->size(), 1);
        const OutboxEntry &e = claimed->at(0);
        QCOMPARE(e.key, key.value());
        QCOMPARE(e.item.siteId, siteId);
        QCOMPARE(e.item.agentId, qint64(3));
        QCOMPARE(e.item.callId, u"call-1"_s);
        QCOMPARE(e.item.request.method, QByteArray("POST"));
        QCOMPARE(e.item.request.url, in.request.url);
        QCOMPARE(e.item.request.headers, in.request.headers);
        QCOMPARE(e.item.request.body, in.request.body);
        QCOMPARE(e.item.timeoutMs, 2500);
        QCOMPARE(e.item.maxAttempts, 5);
        QCOMPARE(e.item.signatureSecret, QByteArray("sig-secret"));
        QVERIFY(!e.item.authId.has_value());
        QCOMPARE(e.createdAtMs, T0);
        QCOMPARE(e.attempts, 0);
        QVERIFY(!e.secretUnreadable);
    }

    void log_keepsEveryAttemptAndTheRequestForAResend_data() { test::addBackendRows(); }
    void log_keepsEveryAttemptAndTheRequestForAResend()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Outbox outbox(scratch.db(), test::deliveryTestBox());
        OutboxItem in = item();
        in.signatureSecret = "sig-secret";
        auto key = outbox.add(in, T0);
        QVERIFY(key.ok());
        QVERIFY(!scratch.db()
                     ->scalar(u"SELECT signature_secret_enc FROM deliveries"_s)
                     ->toByteArray()
                     .contains("sig-secret"));
        auto record = outbox.delivery(key.value());
        QVERIFY(record.ok() && record.value());
        QCOMPARE(record.value()->state, DeliveryRecord::State::Pending);
        QCOMPARE(record.value()->nextAttemptAtMs, std::optional<qint64>(T0));
        QCOMPARE(outbox.resend(key.value(), T0).value(), Outbox::Resend::AlreadyPending);

        auto claimed = outbox.claim(u"me"_s, T0, T0 + 1000, 1);
        QVERIFY(claimed.ok() && claimed->size() == 1);
        QVERIFY(outbox.reschedule(claimed->at(0).id, u"me"_s, 1, T0 + 500, 503, u"HTTP 503"_s, T0 + 10, 40).ok());
        claimed = outbox.claim(u"me"_s, T0 + 600, T0 + 2000, 1);
        QVERIFY(claimed.ok() && claimed->size() == 1);
        DeliveryOutcome given { key.value(), 0, 3, u"call-1"_s, false, 0, 2, 700, u"timeout"_s, true, 0 };
        QVERIFY(outbox.finish(claimed->at(0).id, u"me"_s, given, T0 + 700, 1000).value());

        record = outbox.delivery(key.value());
        QCOMPARE(record.value()->state, DeliveryRecord::State::Failed);
        QVERIFY(!record.value()->nextAttemptAtMs);
        QCOMPARE(record.value()->attempts.size(), 2);
        QCOMPARE(record.value()->attempts.at(0).httpStatus, 503);
        QCOMPARE(record.value()->attempts.at(0).atMs, T0 + 10);
        QCOMPARE(record.value()->attempts.at(0).elapsedMs, std::optional<qint64>(40));
        QCOMPARE(record.value()->attempts.at(1).httpStatus, 0);
        QCOMPARE(record.value()->attempts.at(1).error, u"timeout"_s);

        // Back in the outbox as first built, same key, fresh budget.
        QCOMPARE(outbox.resend(key.value(), T0 + 5000).value(), Outbox::Resend::Accepted);
        QCOMPARE(outbox.resend(u"unknown"_s, T0 + 5000).value(), Outbox::Resend::NotFound);
        claimed = outbox.claim(u"me"_s, T0 + 5000, T0 + 6000, 1);
        QVERIFY(claimed.ok() && claimed->size() == 1);
        const OutboxEntry &e = claimed->at(0);
        QCOMPARE(e.key, key.value());
        QCOMPARE(e.attempts, 0);
        QCOMPARE(e.createdAtMs, T0 + 5000);
        QCOMPARE(e.item.request.url, in.request.url);
        QCOMPARE(e.item.request.headers, in.request.headers);
        QCOMPARE(e.item.request.body, in.request.body);
        QCOMPARE(e.item.signatureSecret, QByteArray("sig-secret"));
        QCOMPARE(e.item.maxAttempts, 5);
        DeliveryOutcome ok { key.value(), 0, 3, u"call-1"_s, true, 200, 1, 10, {}, false, 0 };
        QVERIFY(outbox.finish(e.id, u"me"_s, ok, T0 + 5010, 9).value());
        record = outbox.delivery(key.value());
        QCOMPARE(record.value()->state, DeliveryRecord::State::Delivered);
        QCOMPARE(record.value()->attempts.size(), 3);
        QCOMPARE(outbox.outcomes(key.value())->size(), 2);
    }

    void resend_afterTheSiteWasDeleted_stillSends_data() { test::addBackendRows(); }
    void resend_afterTheSiteWasDeleted_stillSends()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Outbox outbox(scratch.db(), test::deliveryTestBox());
        OutboxItem in = item();
        in.siteId = test::deliveryInsertSite(*scratch.db(), u"S"_s);
        const QString key = outbox.add(in, T0).value();
        auto claimed = outbox.claim(u"me"_s, T0, T0 + 1000, 1);
        QVERIFY(claimed.ok() && claimed->size() == 1);
        DeliveryOutcome given { key, in.siteId, 3, u"call-1"_s, false, 404, 1, 5, u"HTTP 404"_s, true, 0 };
        QVERIFY(outbox.finish(claimed->at(0).id, u"me"_s, given, T0 + 5).value());
        QVERIFY(scratch.db()->exec(u"DELETE FROM external_sites WHERE id = ?"_s, { in.siteId }).ok());
        auto resent = outbox.resend(key, T0 + 10);
        QVERIFY2(resent.ok(), qPrintable(resent.ok() ? QString() : resent.error().detail));
        QCOMPARE(resent.value(), Outbox::Resend::Accepted);
        claimed = outbox.claim(u"me"_s, T0 + 10, T0 + 1000, 1);
        QVERIFY(claimed.ok() && claimed->size() == 1);
        QCOMPARE(claimed->at(0).item.siteId, qint64(0));
        QCOMPARE(claimed->at(0).key, key);
        // The log keeps the site it was sent for.
        QCOMPARE(outbox.delivery(key).value()->siteId, in.siteId);
    }

    void deliveries_pageNewestFirstWithFilters_data() { test::addBackendRows(); }
    void deliveries_pageNewestFirstWithFilters()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Outbox outbox(scratch.db(), test::deliveryTestBox());
        const qint64 siteId = test::deliveryInsertSite(*scratch.db(), u"S"_s);
        QStringList keys;
        for (int i = 0; i < 5; ++i) {
            OutboxItem in = item(u"call-%1"_s.arg(i));
            in.siteId = i % 2 ? siteId : 0;
            keys.append(outbox.add(in, T0 + i).value());
        }
        DeliveryFilter f;
        f.length = 2;
        auto page = outbox.deliveries(f);
        QVERIFY(page.ok());
        QCOMPARE(page->total, 5);
        QCOMPARE(page->records.size(), 2);
        QCOMPARE(page->records.at(0).key, keys.at(4));
        QCOMPARE(page->records.at(1).key, keys.at(3));
        f.start = 4;
        QCOMPARE(outbox.deliveries(f)->records.first().key, keys.at(0));
        f = {};
        f.siteId = siteId;
        QCOMPARE(outbox.deliveries(f)->total, 2);
        f = {};
        f.fromMs = T0 + 1;
        f.toMs = T0 + 3;
        QCOMPARE(outbox.deliveries(f)->total, 2);
        f = {};
        f.state = DeliveryRecord::State::Delivered;
        QCOMPARE(outbox.deliveries(f)->total, 0);
        f = {};
        f.supervisorUserId = 1;   // supervises nothing
        QCOMPARE(outbox.deliveries(f)->total, 0);
    }

    void claim_respectsLeasesAndDueTimes_data() { test::addBackendRows(); }
    void claim_respectsLeasesAndDueTimes()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Outbox outbox(scratch.db(), test::deliveryTestBox());
        for (int i = 0; i < 3; ++i)
            QVERIFY(outbox.add(item(), T0).ok());
        QCOMPARE(outbox.claim(u"a"_s, T0, T0 + 5000, 2)->size(), 2);
        // Leased rows are not claimable by anyone until the lease ends.
        auto rest = outbox.claim(u"b"_s, T0 + 10, T0 + 5010, 10);
        QCOMPARE(rest->size(), 1);
        QCOMPARE(outbox.claim(u"c"_s, T0 + 4999, T0 + 9000, 10)->size(), 0);
        QCOMPARE(outbox.nextClaimableAt().value().value(), T0 + 5000);
        // The leases of "a" expire: its rows are claimed again, with the same keys.
        auto again = outbox.claim(u"c"_s, T0 + 5001, T0 + 9000, 10);
        QCOMPARE(again->size(), 2);
    }

    void reschedule_storesAttemptAndDropsLease_data() { test::addBackendRows(); }
    void reschedule_storesAttemptAndDropsLease()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Outbox outbox(scratch.db(), test::deliveryTestBox());
        QVERIFY(outbox.add(item(), T0).ok());
        const OutboxEntry e = outbox.claim(u"a"_s, T0, T0 + 60000, 1)->at(0);
        // Only the lease owner may reschedule.
        QVERIFY(outbox.reschedule(e.id, u"intruder"_s, 9, T0, 500, u"x"_s).ok());
        QCOMPARE(scratch.db()->scalar(u"SELECT attempts FROM outbox"_s)->toInt(), 0);

        QVERIFY(outbox.reschedule(e.id, u"a"_s, 1, T0 + 2000, 503, u"HTTP 503"_s).ok());
        QCOMPARE(outbox.claim(u"b"_s, T0 + 1999, T0 + 9999, 1)->size(), 0);
        auto later = outbox.claim(u"b"_s, T0 + 2000, T0 + 9999, 1);
        QCOMPARE(later->size(), 1);
        QCOMPARE(later->at(0).attempts, 1);
        QCOMPARE(scratch.db()->scalar(u"SELECT last_status FROM outbox"_s)->toInt(), 503);
        QCOMPARE(scratch.db()->scalar(u"SELECT last_error FROM outbox"_s)->toString(), u"HTTP 503"_s);
    }

    void finish_deletesRowAndWritesOutcome_onlyForTheLeaseOwner_data() { test::addBackendRows(); }
    void finish_deletesRowAndWritesOutcome_onlyForTheLeaseOwner()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Outbox outbox(scratch.db(), test::deliveryTestBox());
        auto key = outbox.add(item(), T0);
        const OutboxEntry e = outbox.claim(u"a"_s, T0, T0 + 1000, 1)->at(0);
        // The lease expired and "b" took the row over: "a" may no longer finish it.
        QCOMPARE(outbox.claim(u"b"_s, T0 + 1001, T0 + 9000, 1)->size(), 1);
        DeliveryOutcome o;
        o.key = key.value();
        o.agentId = 3;
        o.callId = u"call-1"_s;
        o.delivered = true;
        o.httpStatus = 200;
        o.attempts = 1;
        o.latencyMs = 12;
        auto late = outbox.finish(e.id, u"a"_s, o, T0 + 1100);
        QVERIFY(late.ok());
        QVERIFY(!late.value());
        QCOMPARE(outbox.pendingCount().value(), qint64(1));
        QCOMPARE(outbox.outcomes(key.value())->size(), 0);

        o.attempts = 2;
        auto done = outbox.finish(e.id, u"b"_s, o, T0 + 1200);
        QVERIFY(done.ok() && done.value());
        QCOMPARE(outbox.pendingCount().value(), qint64(0));
        auto stored = outbox.outcomes(key.value());
        QCOMPARE(stored->size(), 1);
        QCOMPARE(stored->at(0).attempts, 2);
        QCOMPARE(stored->at(0).latencyMs, qint64(12));
        QCOMPARE(stored->at(0).httpStatus, 200);
        QCOMPARE(stored->at(0).callId, u"call-1"_s);
        QVERIFY(stored->at(0).delivered);
    }

    void expedite_pullsForwardOnlyThatOriginsBackoff_data() { test::addBackendRows(); }
    void expedite_pullsForwardOnlyThatOriginsBackoff()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Outbox outbox(scratch.db(), test::deliveryTestBox());
        auto at = [](const QString &url) {
            OutboxItem i = item();
            i.request.url = QUrl(url);
            return i;
        };
        QCOMPARE(Outbox::originOf(QUrl(u"https://u:p@crm.example.com:8443/a/b?x=1#f"_s)),
                 u"https://crm.example.com:8443"_s);
        QVERIFY(outbox.add(at(u"https://crm.example.com/a"_s), T0).ok());   // will be in backoff
        QVERIFY(outbox.add(at(u"https://crm.example.com.evil/a"_s), T0).ok());   // another origin, same prefix
        QVERIFY(outbox.add(at(u"https://other.example.com/a"_s), T0).ok());
        QVERIFY(outbox.add(at(u"https://crm.example.com/fresh"_s), T0 + 50).ok());   // never tried: untouched
        const QList<OutboxEntry> tried = outbox.claim(u"a"_s, T0, T0 + 1000, 3).value();
        QCOMPARE(tried.size(), 3);
        for (const OutboxEntry &e : tried)
            QVERIFY(outbox.reschedule(e.id, u"a"_s, 1, T0 + 60000, 503, u"HTTP 503"_s).ok());
        auto n = outbox.expedite(u"https://crm.example.com"_s, T0 + 10);
        QVERIFY(n.ok());
        QCOMPARE(n.value(), 1);
        auto due = outbox.claim(u"b"_s, T0 + 10, T0 + 2000, 10);
        QCOMPARE(due->size(), 1);
        QCOMPARE(due->at(0).item.request.url, QUrl(u"https://crm.example.com/a"_s));
    }

    void release_returnsRowsAtOnce_data() { test::addBackendRows(); }
    void release_returnsRowsAtOnce()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Outbox outbox(scratch.db(), test::deliveryTestBox());
        for (int i = 0; i < 3; ++i)
            QVERIFY(outbox.add(item(), T0).ok());
        const auto mine = outbox.claim(u"a"_s, T0, T0 + 60000, 3).value();
        QVERIFY(outbox.release(u"a"_s, { mine.at(0).id }).ok());
        QCOMPARE(outbox.claim(u"b"_s, T0, T0 + 60000, 10)->size(), 1);
        QVERIFY(outbox.release(u"a"_s).ok());
        QCOMPARE(outbox.claim(u"b"_s, T0, T0 + 60000, 10)->size(), 2);
    }

    void add_followsTheCallersTransaction_data() { test::addBackendRows(); }
    void add_followsTheCallersTransaction()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        Outbox outbox(scratch.db(), test::deliveryTestBox());
        {
            Database::Transaction tx(*scratch.db());
            QVERIFY(outbox.add(item(), T0).ok());
        }
        QCOMPARE(outbox.pendingCount().value(), qint64(0));
        {
            Database::Transaction tx(*scratch.db());
            QVERIFY(outbox.add(item(), T0).ok());
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(outbox.pendingCount().value(), qint64(1));
    }

    void claim_concurrentClaimers_neverShareARow_data() { test::addBackendRows(); }
    void claim_concurrentClaimers_neverShareARow()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const int n = 300;
        {
            Outbox outbox(scratch.db(), test::deliveryTestBox());
            Database::Transaction tx(*scratch.db());
            for (int i = 0; i < n; ++i)
                QVERIFY(outbox.add(item(QString::number(i)), T0).ok());
            QVERIFY(tx.commit().ok());
        }
        // Four claimers, each with its own database handle and thread, as four servers.
        const int claimers = 4;
        std::vector<QList<qint64>> got(claimers);
        std::atomic<int> errors { 0 };
        QList<QThread *> threads;
        for (int c = 0; c < claimers; ++c) {
            threads.append(QThread::create([&, c] {
                auto db = Database::open(scratch.url());
                if (!db) {
                    ++errors;
                    return;
                }
                Outbox outbox(db.value(), test::deliveryTestBox());
                const QString owner = u"claimer-"_s + QString::number(c);
                for (;;) {
                    auto batch = outbox.claim(owner, T0, T0 + 600000, 7);
                    if (!batch) {
                        ++errors;
                        return;
                    }
                    if (batch->isEmpty())
                        return;
                    for (const OutboxEntry &e : batch.value())
                        got[c].append(e.id);
                }
            }));
        }
        for (QThread *t : threads)
            t->start();
        for (QThread *t : threads) {
            QVERIFY(t->wait(60000));
            delete t;
        }
        QCOMPARE(errors.load(), 0);
        QSet<qint64> all;
        qsizetype total = 0;
        for (const auto &ids : got) {
            total += ids.size();
            for (qint64 id : ids)
                all.insert(id);
        }
        QCOMPARE(total, qsizetype(n));
        QCOMPARE(all.size(), qsizetype(n));
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
