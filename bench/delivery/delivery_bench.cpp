// Site delivery benchmark driver.
//   enqueue --db URL --crm URL --count N [--rate R/s] [--max-attempts M] [--keys FILE]
//       writes N outbox rows, each in its own transaction (as a disposition would), paced at R/s.
//   send --db URL --instance ID [--concurrency C] [--expect N]
//       runs SiteDelivery until N outcomes exist (or forever); prints progress and throughput.
//   run --db URL --crm URL --count N [--rate R/s] [--concurrency C] [--max-attempts M] [--keys FILE]
//       both in one process, as enlace-server does: enqueue on a worker thread, send on the main one.
// Every body carries "t": the enqueue time in µs, so the CRM can log enqueue -> received latency.
#include <core/model/clock.h>
#include <core/sites/outbox.h>
#include <core/sites/secretbox.h>
#include <core/sites/sitedelivery.h>
#include <core/store/database.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QThread>
#include <QTimer>

#include <chrono>
#include <cstdio>
#include <thread>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

qint64 nowUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

SecretBox benchBox()
{
    return SecretBox::fromKey(QByteArray(SecretBox::KeySize, 'B')).value();
}

// Enqueues count rows paced at rate/s (0: as fast as possible). Returns false on a store error.
bool enqueueAll(const std::shared_ptr<Database> &db, const QUrl &crm, int count, double rate, int maxAttempts,
                const QString &keysPath, const std::function<Result<QString>(const OutboxItem &)> &enqueue)
{
    QFile keys(keysPath);
    if (!keysPath.isEmpty() && !keys.open(QIODevice::Append))
        return false;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < count; ++i) {
        if (rate > 0) {
            const qint64 due = qint64(i * 1e6 / rate);
            const qint64 ahead = due - clock.nsecsElapsed() / 1000;
            if (ahead > 0)
                std::this_thread::sleep_for(std::chrono::microseconds(ahead));
        }
        OutboxItem item;
        item.agentId = 1 + i % 50;
        item.callId = u"bench-%1"_s.arg(i);
        item.request.method = "POST";
        item.request.url = crm;
        item.request.headers = { { "Content-Type", "application/json" } };
        item.maxAttempts = maxAttempts;
        item.timeoutMs = 10000;
        item.request.body = QJsonDocument(QJsonObject { { u"t"_s, nowUs() },
                                                        { u"n"_s, i },
                                                        { u"call_id"_s, item.callId },
                                                        { u"phone"_s, u"+5491155550000"_s },
                                                        { u"campaign"_s, u"Ventas"_s } })
                                .toJson(QJsonDocument::Compact);
        Database::Transaction tx(*db);
        auto key = enqueue(item);
        if (!key || !tx.commit()) {
            std::fprintf(stderr, "enqueue failed at %d\n", i);
            return false;
        }
        if (keys.isOpen())
            keys.write(key->toLatin1() + '\n');
    }
    std::fprintf(stdout, "enqueued %d in %.3f s (%.0f/s)\n", count, clock.elapsed() / 1000.0,
                 count * 1000.0 / std::max<qint64>(1, clock.elapsed()));
    std::fflush(stdout);
    return true;
}

qint64 outcomeCount(const Database &db)
{
    auto r = db.scalar(u"SELECT COUNT(*) FROM delivery_outcomes"_s);
    return r ? r->toLongLong() : -1;
}

}   // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addPositionalArgument(u"mode"_s, u"enqueue | send | run"_s);
    parser.addOptions({
        { u"db"_s, u"database url"_s, u"url"_s },
        { u"crm"_s, u"CRM url"_s, u"url"_s },
        { u"count"_s, u"rows"_s, u"n"_s, u"10000"_s },
        { u"rate"_s, u"enqueue rate per second (0: unpaced)"_s, u"r"_s, u"0"_s },
        { u"concurrency"_s, u"requests in flight"_s, u"c"_s, u"16"_s },
        { u"max-attempts"_s, u"per row"_s, u"m"_s, u"8"_s },
        { u"instance"_s, u"lease owner id"_s, u"id"_s, u"bench-sender"_s },
        { u"expect"_s, u"stop after this many outcomes"_s, u"n"_s, u"0"_s },
        { u"keys"_s, u"append enqueued keys to this file"_s, u"file"_s },
        { u"lease-ms"_s, u"lease"_s, u"ms"_s, u"120000"_s },
    });
    parser.process(app);
    const QString mode = parser.positionalArguments().value(0);
    const QString dbUrl = parser.value(u"db"_s);
    const QUrl crm(parser.value(u"crm"_s));
    const int count = parser.value(u"count"_s).toInt();
    const double rate = parser.value(u"rate"_s).toDouble();
    const int maxAttempts = parser.value(u"max-attempts"_s).toInt();

    if (mode != u"enqueue"_s && mode != u"send"_s && mode != u"run"_s)
        parser.showHelp(2);
    auto db = Database::open(dbUrl);
    if (!db) {
        std::fprintf(stderr, "open: %s\n", qPrintable(db.error().text()));
        return 1;
    }
    if (mode == u"enqueue"_s) {
        const Outbox outbox(db.value(), benchBox());
        return enqueueAll(
                   db.value(), crm, count, rate, maxAttempts, parser.value(u"keys"_s),
                   [&outbox](const OutboxItem &item) { return outbox.add(item, QDateTime::currentMSecsSinceEpoch()); })
            ? 0
            : 1;
    }
    SystemClock clock;
    QNetworkAccessManager nam;
    SiteDeliveryOptions options;
    options.concurrency = parser.value(u"concurrency"_s).toInt();
    options.instanceId = parser.value(u"instance"_s);
    options.leaseMs = parser.value(u"lease-ms"_s).toInt();
    options.pollIntervalMs = 200;
    SiteDelivery delivery(db.value(), &nam, nullptr, clock, benchBox(), options);
    const qint64 expect = mode == u"run"_s ? count : parser.value(u"expect"_s).toLongLong();
    qint64 finished = 0, delivered = 0, givenUp = 0, failedAttempts = 0;
    QObject::connect(&delivery, &SiteDelivery::deliveryFinished, &app, [&](const DeliveryOutcome &o) {
        ++finished;
        o.delivered ? ++delivered : ++givenUp;
    });
    QObject::connect(&delivery, &SiteDelivery::attemptFailed, &app, [&](const DeliveryOutcome &) { ++failedAttempts; });

    QElapsedTimer elapsed;
    elapsed.start();
    QThread *producer = nullptr;
    if (mode == u"run"_s) {
        producer = QThread::create([&] {
            enqueueAll(db.value(), crm, count, rate, maxAttempts, parser.value(u"keys"_s),
                       [&delivery](const OutboxItem &item) { return delivery.enqueue(item); });
        });
        producer->start();
    }
    delivery.start();

    QTimer progress;
    qint64 lastReport = 0;
    QObject::connect(&progress, &QTimer::timeout, &app, [&] {
        const qint64 total = outcomeCount(*db.value());
        if (elapsed.elapsed() - lastReport >= 2000) {
            lastReport = elapsed.elapsed();
            std::fprintf(stdout,
                         "t=%.1fs outcomes(db)=%lld this-process: delivered=%lld givenUp=%lld failedAttempts=%lld\n",
                         elapsed.elapsed() / 1000.0, total, delivered, givenUp, failedAttempts);
            std::fflush(stdout);
        }
        if (expect > 0 && total >= expect && (!producer || producer->isFinished()))
            app.quit();
    });
    progress.start(50);
    app.exec();
    if (producer) {
        producer->wait();
        delete producer;
    }
    const double seconds = elapsed.elapsed() / 1000.0;
    std::fprintf(stdout, "done in %.3f s: delivered=%lld givenUp=%lld failedAttempts=%lld (%.0f deliveries/s)\n",
                 seconds, delivered, givenUp, failedAttempts, delivered / std::max(0.001, seconds));
    return 0;
}
