#pragma once

#include <core/sites/secretbox.h>
#include <core/store/database.h>

#include <QString>

#include <functional>

namespace enlace::test {

// A SecretBox with a fixed test key.
SecretBox deliveryTestBox();

// Inserts a minimal external site row (server trigger, POST) and returns its id; authId 0: none.
qint64 deliveryInsertSite(const Database &db, const QString &name, qint64 authId = 0,
                          const QString &url = QStringLiteral("http://127.0.0.1/"));

// Captures every log line while alive (to prove secrets never reach a log).
class DeliveryLogCapture final
{
public:
    DeliveryLogCapture();
    ~DeliveryLogCapture();
    QStringList lines() const;
    bool contains(const QString &needle) const;
};

}   // namespace enlace::test
