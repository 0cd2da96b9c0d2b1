#pragma once

#include <core/model/result.h>

#include <QHash>
#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>

namespace enlace {

// Where the console keeps an agent's secrets between runs (the session token, a remembered
// password): the desktop's keychain (KeychainSecretStore) or memory (MemorySecretStore, also the
// fake for tests of other classes). Asynchronous, like Pbx: every callback runs exactly once,
// later, from the event loop (never inside the call), on the store's thread, and none runs after
// the store is destroyed. Secrets are never logged and never written in plain text.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using ReadDone = std::function<void(Result<QString>)>;
    using Done = std::function<void(Result<void>)>;
    enum class SecretKind { Token, Password };

    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    // "<server>|<user>|token" or "...|password"; the server without user info or trailing slash.
    static QString key(const QUrl &server, const QString &user, SecretKind kind);

    // NotFound when nothing is stored under key.
    virtual void read(const QString &key, ReadDone done) = 0;
    // Unavailable: the secret is kept in memory only, until the store is destroyed (persistent()
    // is false); read() still finds it.
    virtual void write(const QString &key, const QString &secret, Done done) = 0;
    // Removing a key that holds nothing succeeds.
    virtual void remove(const QString &key, Done done) = 0;
    // Whether a written secret outlives the process.
    virtual bool persistent() const = 0;

Q_SIGNALS:
    // The keychain stopped answering: from now on secrets stay in memory. notice is for the user.
    void persistenceLost(const QString &notice);
};

// SecretStore on the desktop's keychain through QtKeychain (Secret Service, KWallet, macOS
// Keychain, Windows Credential Manager). Never QtKeychain's insecure fallback, which writes
// plain text into QSettings. When no keychain answers (no backend, no D-Bus, no Secret Service,
// or no answer within the timeout) it falls back to memory for the rest of the session and says so.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds DefaultTimeout { 20000 };

    explicit KeychainSecretStore(QString service = QStringLiteral("enlace"), QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    QString service() const { return m_service; }
    // How long a keychain may take to answer before the store treats it as unavailable.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    void read(const QString &key, ReadDone done) override;
    void write(const QString &key, const QString &secret, Done done) override;
    void remove(const QString &key, Done done) override;
    bool persistent() const override { return m_persistent; }

    // What the user reads while secrets are kept in memory only (translated).
    static QString memoryOnlyNotice();

private:
    enum class Operation { Read, Write, Remove };
    using JobDone = std::function<void(int error, const QString &errorText, const QString &data)>;

    void startJob(Operation operation, const QString &key, const QString &secret, JobDone done);
    Error unavailable(const QString &detail);
    void fallBackToMemory();

    QString m_service;
    std::chrono::milliseconds m_timeout = DefaultTimeout;
    bool m_persistent = true;
    QHash<QString, QString> m_memory;   // only once the keychain is unavailable
};

// SecretStore in memory: nothing outlives the object. For tests of other classes, and as what
// the console uses when told not to touch the keychain.
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT

public:
    explicit MemorySecretStore(QObject *parent = nullptr);
    ~MemorySecretStore() override;

    void read(const QString &key, ReadDone done) override;
    void write(const QString &key, const QString &secret, Done done) override;
    void remove(const QString &key, Done done) override;
    bool persistent() const override { return false; }

private:
    QHash<QString, QString> m_secrets;
};

}   // namespace enlace
