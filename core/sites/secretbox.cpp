#include <core/sites/secretbox.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <memory>
#include <openssl/evp.h>
#include <openssl/rand.h>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

constexpr char Version = 1;
constexpr int NonceSize = 12;
constexpr int TagSize = 16;

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

Error openFailed()
{
    return Error { Error::Kind::Invalid,
                   u"secretbox.open_failed"_s,
                   {},
                   u"sealed data is not authentic (altered, truncated or another key)"_s,
                   {} };
}

QByteArray randomBytes(int n)
{
    QByteArray out(n, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), n) != 1)
        qFatal("SecretBox: the system random generator failed");
    return out;
}

}   // namespace

Result<SecretBox> SecretBox::fromKey(const QByteArray &key32)
{
    if (key32.size() != KeySize)
        return Error { Error::Kind::Invalid, u"secretbox.bad_key"_s, {}, u"the key must be exactly 32 bytes"_s, {} };
    return SecretBox(key32);
}

Result<SecretBox> SecretBox::loadOrCreate(const QString &keyFilePath)
{
    QFile file(keyFilePath);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return Error { Error::Kind::Internal,
                           u"secretbox.key_unreadable"_s,
                           {},
                           u"cannot read the key file "_s + keyFilePath,
                           {} };
        const QByteArray key = file.read(KeySize + 1);
        if (key.size() != KeySize)
            return Error { Error::Kind::Invalid,
                           u"secretbox.bad_key"_s,
                           {},
                           u"the key file "_s + keyFilePath + u" does not hold exactly 32 bytes"_s,
                           {} };
        return SecretBox(key);
    }

    QDir().mkpath(QFileInfo(keyFilePath).absolutePath());
    const QByteArray key = randomBytes(KeySize);
    QFile out(keyFilePath);
    // Created 0600 from the first byte; NewOnly so two servers starting at once cannot both write a key.
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        if (QFile::exists(keyFilePath))
            return loadOrCreate(keyFilePath);
        return Error {
            Error::Kind::Internal, u"secretbox.key_unwritable"_s, {}, u"cannot create the key file "_s + keyFilePath, {}
        };
    }
    if (out.write(key) != KeySize || !out.flush()) {
        out.close();
        QFile::remove(keyFilePath);
        return Error {
            Error::Kind::Internal, u"secretbox.key_unwritable"_s, {}, u"cannot write the key file "_s + keyFilePath, {}
        };
    }
    out.close();
    return SecretBox(key);
}

QByteArray SecretBox::seal(const QByteArray &plain) const
{
    const QByteArray nonce = randomBytes(NonceSize);
    QByteArray out;
    out.reserve(1 + NonceSize + plain.size() + TagSize);
    out.append(Version);
    out.append(nonce);

    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    QByteArray cipher(plain.size() + 16, Qt::Uninitialized);
    int len = 0;
    int total = 0;
    QByteArray tag(TagSize, Qt::Uninitialized);
    const bool ok = ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, NonceSize, nullptr) == 1
        && EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, reinterpret_cast<const unsigned char *>(m_key.constData()),
                              reinterpret_cast<const unsigned char *>(nonce.constData()))
            == 1
        // The version byte is authenticated too, so it cannot be swapped.
        && EVP_EncryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char *>(&Version), 1) == 1
        && EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(cipher.data()), &len,
                             reinterpret_cast<const unsigned char *>(plain.constData()), int(plain.size()))
            == 1
        && (total = len, true)
        && EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(cipher.data()) + total, &len) == 1
        && (total += len, true) && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, TagSize, tag.data()) == 1;
    if (!ok)
        qFatal("SecretBox: AES-256-GCM encryption failed");
    cipher.truncate(total);
    out.append(cipher);
    out.append(tag);
    return out;
}

Result<QByteArray> SecretBox::open(const QByteArray &sealed) const
{
    if (sealed.size() < 1 + NonceSize + TagSize || sealed.at(0) != Version)
        return openFailed();
    const QByteArray nonce = sealed.mid(1, NonceSize);
    const QByteArray cipher = sealed.mid(1 + NonceSize, sealed.size() - 1 - NonceSize - TagSize);
    QByteArray tag = sealed.right(TagSize);

    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    QByteArray plain(cipher.size() + 16, Qt::Uninitialized);
    int len = 0;
    int total = 0;
    const bool ok = ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, NonceSize, nullptr) == 1
        && EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, reinterpret_cast<const unsigned char *>(m_key.constData()),
                              reinterpret_cast<const unsigned char *>(nonce.constData()))
            == 1
        && EVP_DecryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char *>(&Version), 1) == 1
        && EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()), &len,
                             reinterpret_cast<const unsigned char *>(cipher.constData()), int(cipher.size()))
            == 1
        && (total = len, true) && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, TagSize, tag.data()) == 1
        && EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()) + total, &len) == 1
        && (total += len, true);
    if (!ok)
        return openFailed();
    plain.truncate(total);
    return plain;
}

}   // namespace enlace
