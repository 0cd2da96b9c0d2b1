#include <ui/secretstore.h>

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace enlace {

Q_LOGGING_CATEGORY(lcSecrets, "enlace.secrets", QtInfoMsg)

namespace {

// Runs f from the event loop, unless context is gone by then.
template <typename F> void later(QObject *context, F f)
{
    QMetaObject::invokeMethod(context, std::move(f), Qt::QueuedConnection);
}

Error notFound()
{
    return Error::notFound(
        u"secret_not_found"_s,
        Message::fromText(KeychainSecretStore::tr("Nothing is stored in the keychain for this account.")));
}

}   // namespace

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{ }

SecretStore::~SecretStore() = default;

QString SecretStore::key(const QUrl &server, const QString &user, SecretKind kind)
{
    QUrl where = server.adjusted(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
    if (where.path() == u"/"_s)
        where.setPath({});
    return where.toString() + u'|' + user + u'|' + (kind == SecretKind::Token ? u"token"_s : u"password"_s);
}

KeychainSecretStore::KeychainSecretStore(QString service, QObject *parent)
    : SecretStore(parent)
    , m_service(std::move(service))
{ }

KeychainSecretStore::~KeychainSecretStore() = default;

QString KeychainSecretStore::memoryOnlyNotice()
{
    return tr("No system keychain answered: the token is kept in memory until you quit.");
}

void KeychainSecretStore::read(const QString &key, ReadDone done)
{
    if (!m_persistent) {
        later(this, [this, key, done = std::move(done)] {
            const auto it = m_memory.constFind(key);
            done(it == m_memory.cend() ? Result<QString>(notFound()) : Result<QString>(*it));
        });
        return;
    }
    startJob(Operation::Read, key, {},
             [this, done = std::move(done)](int error, const QString &text, const QString &data) {
                 switch (error) {
                 case QKeychain::NoError:
                     return done(data);
                 case QKeychain::EntryNotFound:
                     return done(notFound());
                 case QKeychain::AccessDenied:
                 case QKeychain::AccessDeniedByUser:
                     return done(Error { Error::Kind::Forbidden,
                                         u"keychain_denied"_s,
                                         Message::fromText(tr("The system keychain is locked or refused access.")),
                                         text,
                                         {} });
                 default:
                     return done(unavailable(text));
                 }
             });
}

void KeychainSecretStore::write(const QString &key, const QString &secret, Done done)
{
    if (!m_persistent) {
        m_memory.insert(key, secret);
        later(this, [this, done = std::move(done)] { done(unavailable({})); });
        return;
    }
    startJob(Operation::Write, key, secret,
             [this, key, secret, done = std::move(done)](int error, const QString &text, const QString &) {
                 switch (error) {
                 case QKeychain::NoError:
                     return done({});
                 case QKeychain::AccessDenied:
                 case QKeychain::AccessDeniedByUser:
                     return done(Error { Error::Kind::Forbidden,
                                         u"keychain_denied"_s,
                                         Message::fromText(tr("The system keychain is locked or refused access.")),
                                         text,
                                         {} });
                 default: {
                     Error e = unavailable(text);
                     m_memory.insert(key, secret);
                     return done(e);
                 }
                 }
             });
}

void KeychainSecretStore::remove(const QString &key, Done done)
{
    if (!m_persistent) {
        m_memory.remove(key);
        later(this, [done = std::move(done)] { done({}); });
        return;
    }
    startJob(Operation::Remove, key, {},
             [this, done = std::move(done)](int error, const QString &text, const QString &) {
                 switch (error) {
                 case QKeychain::NoError:
                 case QKeychain::EntryNotFound:
                     return done({});
                 case QKeychain::AccessDenied:
                 case QKeychain::AccessDeniedByUser:
                 case QKeychain::CouldNotDeleteEntry:
                     return done(Error { Error::Kind::Forbidden,
                                         u"keychain_denied"_s,
                                         Message::fromText(tr("The system keychain did not remove the secret.")),
                                         text,
                                         {} });
                 default:
                     return done(unavailable(text));
                 }
             });
}

// On a session bus where no keychain service runs or can be started, QtKeychain waits for
// libsecret's activation to time out; asking the bus first says so at once. Empty: a keychain may
// answer (or there is no bus at all, which QtKeychain reports itself without waiting).
QString missingKeychainService()
{
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return {};
    const QStringList services { u"org.freedesktop.secrets"_s, u"org.kde.kwalletd6"_s, u"org.kde.kwalletd5"_s };
    for (const QString &name : services)
        if (bus.interface()->isServiceRegistered(name).value())
            return {};
    const QDBusReply<QStringList> activatable = bus.interface()->activatableServiceNames();
    if (!activatable.isValid())
        return {};
    for (const QString &name : services)
        if (activatable.value().contains(name))
            return {};
    return u"no Secret Service (org.freedesktop.secrets) or KWallet on the session bus"_s;
}

void KeychainSecretStore::startJob(Operation operation, const QString &key, const QString &secret, JobDone done)
{
    if (const QString missing = missingKeychainService(); !missing.isEmpty()) {
        later(this, [done = std::move(done), missing] { done(QKeychain::NoBackendAvailable, missing, {}); });
        return;
    }
    // No parent: a job must outlive this store, because the backend's callback holds on to it
    // until the keychain answers; it deletes itself when finished (autoDelete).
    QKeychain::Job *job = nullptr;
    switch (operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service);
        write->setTextData(secret);
        job = write;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false);   // never: it stores the secret in plain text
    job->setKey(key);

    auto pending = std::make_shared<JobDone>(std::move(done));
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    QPointer<QKeychain::Job> guard(job);
    connect(job, &QKeychain::Job::finished, this, [pending, timer](QKeychain::Job *finished) {
        timer->deleteLater();
        if (!*pending)
            return;
        const auto *read = qobject_cast<const QKeychain::ReadPasswordJob *>(finished);
        const QString data = read && finished->error() == QKeychain::NoError ? read->textData() : QString();
        auto callback = std::exchange(*pending, nullptr);
        callback(finished->error(), finished->errorString(), data);
    });
    connect(timer, &QTimer::timeout, this, [this, pending, timer, guard] {
        timer->deleteLater();
        if (guard)
            disconnect(guard, nullptr, this, nullptr);
        if (auto callback = std::exchange(*pending, nullptr))
            callback(QKeychain::NoBackendAvailable, u"no answer within %1 ms"_s.arg(m_timeout.count()), {});
    });
    timer->start(m_timeout);
    job->start();
}

Error KeychainSecretStore::unavailable(const QString &detail)
{
    if (m_persistent && !detail.isEmpty())
        qCWarning(lcSecrets).noquote() << "keychain unavailable, keeping secrets in memory:" << detail;
    fallBackToMemory();
    return Error {
        Error::Kind::Unavailable, u"keychain_unavailable"_s, Message::fromText(memoryOnlyNotice()), detail, {}
    };
}

void KeychainSecretStore::fallBackToMemory()
{
    if (!m_persistent)
        return;
    m_persistent = false;
    Q_EMIT persistenceLost(memoryOnlyNotice());
}

MemorySecretStore::MemorySecretStore(QObject *parent)
    : SecretStore(parent)
{ }

MemorySecretStore::~MemorySecretStore() = default;

void MemorySecretStore::read(const QString &key, ReadDone done)
{
    later(this, [this, key, done = std::move(done)] {
        const auto it = m_secrets.constFind(key);
        done(it == m_secrets.cend() ? Result<QString>(notFound()) : Result<QString>(*it));
    });
}

void MemorySecretStore::write(const QString &key, const QString &secret, Done done)
{
    m_secrets.insert(key, secret);
    later(this, [done = std::move(done)] { done({}); });
}

void MemorySecretStore::remove(const QString &key, Done done)
{
    m_secrets.remove(key);
    later(this, [done = std::move(done)] { done({}); });
}

}   // namespace enlace
