// The reference for oversize.py: a QWebSocketServer with Qt 6.4's default limits that reads text
// messages as the event channel did before it bounded them (Qt's default maximum message size
// is 1 GiB, and frames are read whole before the message is handed over).
// Usage: enlace_bench_ws_reference PORT
#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonDocument>
#include <QWebSocket>
#include <QWebSocketServer>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2)
        return 2;
    QWebSocketServer server(QStringLiteral("reference"), QWebSocketServer::NonSecureMode);
    if (!server.listen(QHostAddress::LocalHost, quint16(QByteArray(argv[1]).toUInt())))
        return 1;
    QObject::connect(&server, &QWebSocketServer::newConnection, &server, [&server] {
        while (QWebSocket *socket = server.nextPendingConnection()) {
            QObject::connect(socket, &QWebSocket::textMessageReceived, socket, [socket](const QString &text) {
                // What an unauthenticated console's first message got: parsed as JSON.
                (void)QJsonDocument::fromJson(text.toUtf8());
                socket->close(QWebSocketProtocol::CloseCode(4401));
            });
            QObject::connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    return app.exec();
}
