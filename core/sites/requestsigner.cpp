#include <core/sites/requestsigner.h>

#include <QMessageAuthenticationCode>

#include <cstdlib>

namespace enlace {

QByteArray RequestSigner::signature(const QByteArray &secret, qint64 timestampSeconds, const QByteArray &body)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, secret);
    mac.addData(QByteArray::number(timestampSeconds));
    mac.addData(".", 1);
    mac.addData(body);
    return QByteArrayLiteral("sha256=") + mac.result().toHex();
}

void RequestSigner::sign(HttpRequest &request, const QByteArray &secret, qint64 timestampSeconds)
{
    if (secret.isEmpty())
        return;
    request.setHeader(TimestampHeader, QByteArray::number(timestampSeconds));
    request.setHeader(SignatureHeader, signature(secret, timestampSeconds, request.body));
}

bool RequestSigner::verify(const QByteArray &secret, const QByteArray &timestampHeader,
                           const QByteArray &signatureHeader, const QByteArray &body, qint64 nowSeconds,
                           qint64 toleranceSeconds)
{
    bool ok = false;
    const qint64 timestamp = timestampHeader.trimmed().toLongLong(&ok);
    if (!ok || secret.isEmpty() || std::llabs(nowSeconds - timestamp) > toleranceSeconds)
        return false;
    const QByteArray expected = signature(secret, timestamp, body);
    const QByteArray given = signatureHeader.trimmed();
    if (given.size() != expected.size())
        return false;
    // Constant time: how many leading bytes match must not show in the time taken.
    unsigned char diff = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        diff |= static_cast<unsigned char>(expected.at(i) ^ given.at(i));
    return diff == 0;
}

}   // namespace enlace
