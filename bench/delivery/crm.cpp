// A local CRM for the delivery benchmark: answers every request 200 and appends one line per
// request to a log: "<Idempotency-Key> <received µs> <enqueued µs from the body>".
#include <QCoreApplication>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>

#include <chrono>
#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: enlace_bench_crm <port> <log file>\n");
        return 2;
    }
    QFile log(args.at(2));
    if (!log.open(QIODevice::Append | QIODevice::Unbuffered)) {
        std::fprintf(stderr, "cannot open the log\n");
        return 1;
    }
    QHttpServer server;
    server.setMissingHandler([&log](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        const auto now
            = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
                  .count();
        const QByteArray key = request.value("Idempotency-Key");
        const qint64 enqueued = QJsonDocument::fromJson(request.body()).object().value(u"t"_s).toInteger();
        // One write per request, unbuffered: a killed CRM loses nothing it acknowledged.
        log.write(key + ' ' + QByteArray::number(qint64(now)) + ' ' + QByteArray::number(enqueued) + '\n');
        responder.write(QByteArray("{\"ok\":true}"), "application/json", QHttpServerResponder::StatusCode::Ok);
    });
    const quint16 port = server.listen(QHostAddress::LocalHost, quint16(args.at(1).toUInt()));
    if (!port) {
        std::fprintf(stderr, "cannot listen\n");
        return 1;
    }
    std::fprintf(stdout, "crm listening on %u\n", unsigned(port));
    std::fflush(stdout);
    return app.exec();
}
