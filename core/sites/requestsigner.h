#pragma once

#include <core/requests/httprequest.h>

#include <QByteArray>

namespace enlace {

// Optional proof for a CRM that a request comes from Enlace and was not altered or replayed late:
// HMAC-SHA256, keyed with the site's secret, over "<timestamp>.<body>" where timestamp is the Unix
// time in seconds when the request is sent. Headers:
//   X-Enlace-Timestamp: 1767225600
//   X-Enlace-Signature: sha256=<64 lowercase hex digits>
// A CRM recomputes the HMAC over the timestamp header, a dot and the raw body bytes, compares in
// constant time, and rejects timestamps far from its own clock (docs/delivery.md).
class RequestSigner final
{
public:
    static constexpr char TimestampHeader[] = "X-Enlace-Timestamp";
    static constexpr char SignatureHeader[] = "X-Enlace-Signature";

    // "sha256=<hex>" for that timestamp and body.
    static QByteArray signature(const QByteArray &secret, qint64 timestampSeconds, const QByteArray &body);
    // Sets both headers (replacing earlier ones: a retry is signed afresh). Nothing when secret is empty.
    static void sign(HttpRequest &request, const QByteArray &secret, qint64 timestampSeconds);
    // What a receiver does: the signature matches and the timestamp is within toleranceSeconds of now.
    static bool verify(const QByteArray &secret, const QByteArray &timestampHeader, const QByteArray &signatureHeader,
                       const QByteArray &body, qint64 nowSeconds, qint64 toleranceSeconds = 300);
};

}   // namespace enlace
