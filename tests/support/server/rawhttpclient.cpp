#include "rawhttpclient.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimer>

namespace enlace::test {

// Runs the event loop (the in-process server answers meanwhile) until done() holds, checking it
// again whenever the socket has news: no polling interval, so an answer is read when it arrives.
bool RawHttpClient::waitFor(const std::function<bool()> &done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        const qint64 remaining = deadline.remainingTime();
        if (remaining <= 0)
            return done();
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        QObject::connect(m_socket, &QIODevice::readyRead, &loop, &QEventLoop::quit);
        QObject::connect(m_socket, &QAbstractSocket::stateChanged, &loop, &QEventLoop::quit);
        timer.start(int(remaining));
        loop.exec();
    }
    return true;
}

RawHttpClient::RawHttpClient()
    : m_socket(new QTcpSocket)
{ }

RawHttpClient::~RawHttpClient()
{
    m_socket->abort();
    delete m_socket;
}

bool RawHttpClient::connectTo(quint16 port, int timeoutMs)
{
    m_socket->connectToHost(QStringLiteral("127.0.0.1"), port);
    return waitFor([&] { return m_socket->state() == QAbstractSocket::ConnectedState; }, timeoutMs);
}

void RawHttpClient::send(const QByteArray &bytes)
{
    m_socket->write(bytes);
    m_socket->flush();
}

RawHttpResponse RawHttpClient::exchange(quint16 port, const QByteArray &bytes, int timeoutMs)
{
    RawHttpClient c;
    if (!c.connectTo(port, timeoutMs))
        return {};
    c.send(bytes);
    return c.read(timeoutMs);
}

QByteArray RawHttpClient::request(const QByteArray &method, const QByteArray &target, const QByteArray &body,
                                  const QList<QPair<QByteArray, QByteArray>> &headers, bool close)
{
    QByteArray out = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PUT")
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n" + body;
    return out;
}

bool RawHttpClient::tryParse(RawHttpResponse &out)
{
    m_buffer += m_socket->readAll();
    for (;;) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
        RawHttpResponse r;
        r.status = statusLine.value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                r.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        if (r.status == 100) {   // interim answer
            m_buffer.remove(0, end + 4);
            continue;
        }
        const qint64 length = r.headers.value("content-length", "0").toLongLong();
        if (m_buffer.size() < end + 4 + length)
            return false;
        r.body = m_buffer.mid(end + 4, length);
        m_buffer.remove(0, end + 4 + length);
        out = r;
        return true;
    }
}

RawHttpResponse RawHttpClient::read(int timeoutMs)
{
    RawHttpResponse out;
    const bool done
        = waitFor([&] { return tryParse(out) || m_socket->state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
    if (done && out.status == 0)
        tryParse(out);
    return out;
}

bool RawHttpClient::waitClosed(int timeoutMs)
{
    return waitFor(
        [&] {
            m_buffer += m_socket->readAll();
            return m_socket->state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
}

}   // namespace enlace::test
