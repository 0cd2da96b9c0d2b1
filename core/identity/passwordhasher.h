#pragma once

#include <QString>

namespace enlace {

// PBKDF2-HMAC-SHA256 password hashes in the self-describing form
//   pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>
// so the iteration count can be raised later without invalidating stored hashes.
class PasswordHasher final
{
public:
    static constexpr int kDefaultIterations = 120000;
    // Refuses to verify hashes claiming more work than this, so a tampered row cannot stall a login.
    static constexpr int kMaxIterations = 10'000'000;

    explicit PasswordHasher(int iterations = kDefaultIterations);

    int iterations() const { return m_iterations; }
    // A new random salt every call. Empty when the system's random source fails.
    QString hash(const QString &password) const;
    // Constant-time comparison; false for a malformed or tampered encoding.
    bool verify(const QString &password, const QString &encoded) const;
    // True when the encoding uses fewer iterations than this hasher (re-hash after a good login).
    bool needsRehash(const QString &encoded) const;

private:
    int m_iterations;
};

}   // namespace enlace
