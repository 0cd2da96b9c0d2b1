#include <core/identity/passwordhasher.h>

#include <QByteArray>
#include <QStringList>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

constexpr int kSaltBytes = 16;
constexpr int kHashBytes = 32;
const QString kScheme = u"pbkdf2-sha256"_s;

QByteArray derive(const QByteArray &password, const QByteArray &salt, int iterations, int length)
{
    QByteArray out(length, Qt::Uninitialized);
    const int ok = PKCS5_PBKDF2_HMAC(password.constData(), int(password.size()),
                                     reinterpret_cast<const unsigned char *>(salt.constData()), int(salt.size()),
                                     iterations, EVP_sha256(), length, reinterpret_cast<unsigned char *>(out.data()));
    return ok == 1 ? out : QByteArray();
}

struct Parsed
{
    int iterations = 0;
    QByteArray salt;
    QByteArray hash;
};

bool parse(const QString &encoded, Parsed &out)
{
    const QStringList parts = encoded.split(u'$');
    if (parts.size() != 4 || parts.at(0) != kScheme)
        return false;
    bool ok = false;
    out.iterations = parts.at(1).toInt(&ok);
    if (!ok || out.iterations < 1 || out.iterations > PasswordHasher::kMaxIterations)
        return false;
    const auto salt = QByteArray::fromBase64Encoding(parts.at(2).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    const auto hash = QByteArray::fromBase64Encoding(parts.at(3).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || !hash || salt.decoded.isEmpty() || hash.decoded.size() < 16)
        return false;
    out.salt = salt.decoded;
    out.hash = hash.decoded;
    return true;
}

}   // namespace

PasswordHasher::PasswordHasher(int iterations)
    : m_iterations(qBound(1, iterations, kMaxIterations))
{ }

QString PasswordHasher::hash(const QString &password) const
{
    QByteArray salt(kSaltBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), kSaltBytes) != 1)
        return {};
    const QByteArray derived = derive(password.toUtf8(), salt, m_iterations, kHashBytes);
    if (derived.isEmpty())
        return {};
    return kScheme + u'$' + QString::number(m_iterations) + u'$' + QString::fromLatin1(salt.toBase64()) + u'$'
        + QString::fromLatin1(derived.toBase64());
}

bool PasswordHasher::verify(const QString &password, const QString &encoded) const
{
    Parsed p;
    if (!parse(encoded, p))
        return false;
    const QByteArray derived = derive(password.toUtf8(), p.salt, p.iterations, int(p.hash.size()));
    if (derived.size() != p.hash.size())
        return false;
    return CRYPTO_memcmp(derived.constData(), p.hash.constData(), size_t(derived.size())) == 0;
}

bool PasswordHasher::needsRehash(const QString &encoded) const
{
    Parsed p;
    return !parse(encoded, p) || p.iterations < m_iterations;
}

}   // namespace enlace
