#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

namespace enlace {

// What became of one outbox item: after the last attempt (SiteDelivery::deliveryFinished, also a row
// of `delivery_outcomes`), or after a failed attempt that will be retried (SiteDelivery::attemptFailed,
// where delivered and givenUp are false and nextAttemptAtMs says when).
struct DeliveryOutcome
{
    QString key;   // the Idempotency-Key
    qint64 siteId = 0;   // 0: none
    qint64 agentId = 0;   // 0: none
    QString callId;
    bool delivered = false;   // the CRM answered 2xx
    int httpStatus = 0;   // last HTTP status; 0 when no answer (network error, timeout)
    int attempts = 0;   // requests sent to the CRM (a token failure counts as one)
    qint64 latencyMs = 0;   // from enqueue to this outcome
    QString lastError;   // why the last attempt failed; never a token, password or secret
    bool givenUp = false;   // no more attempts will be made and it was not delivered
    qint64 nextAttemptAtMs = 0;   // attemptFailed only: when the next attempt is due (epoch ms)
};

}   // namespace enlace

Q_DECLARE_METATYPE(enlace::DeliveryOutcome)
