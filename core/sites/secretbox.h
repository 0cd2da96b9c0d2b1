#pragma once

#include <core/model/result.h>

#include <QByteArray>
#include <QString>

namespace enlace {

// Authenticated encryption of secrets at rest (site passwords, cached tokens, signature secrets).
// AES-256-GCM with a random 96-bit nonce per message; sealed = version(1) | nonce(12) | ciphertext | tag(16).
// The key never leaves this object and never appears in an error text.
class SecretBox final
{
public:
    static constexpr int KeySize = 32;

    static Result<SecretBox> fromKey(const QByteArray &key32);
    // Reads the 32-byte key file; when it is missing, creates it with a random key and mode 0600.
    static Result<SecretBox> loadOrCreate(const QString &keyFilePath);

    QByteArray seal(const QByteArray &plain) const;
    // Fails (without saying why in detail) when the data was altered, truncated or sealed with another key.
    Result<QByteArray> open(const QByteArray &sealed) const;

private:
    explicit SecretBox(QByteArray key)
        : m_key(std::move(key))
    { }
    QByteArray m_key;
};

}   // namespace enlace
