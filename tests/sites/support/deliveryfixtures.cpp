#include "deliveryfixtures.h"

#include <QMutex>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace enlace::test {

namespace {

QMutex g_logMutex;
QStringList g_lines;
QtMessageHandler g_previous = nullptr;

void captureHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_lines.append(message);
    }
    if (g_previous)
        g_previous(type, context, message);
}

}   // namespace

SecretBox deliveryTestBox()
{
    return SecretBox::fromKey(QByteArray(SecretBox::KeySize, 'T')).value();
}

qint64 deliveryInsertSite(const Database &db, const QString &name, qint64 authId, const QString &url)
{
    auto id = db.insert(
        u"INSERT INTO external_sites (name, url, trigger_type, method, format, authentication_id) VALUES (?, ?, 3, 2, 4, ?)"_s,
        { name, url, authId > 0 ? QVariant(authId) : QVariant(QMetaType::fromType<qint64>()) });
    return id ? id.value() : 0;
}

DeliveryLogCapture::DeliveryLogCapture()
{
    QMutexLocker lock(&g_logMutex);
    g_lines.clear();
    g_previous = qInstallMessageHandler(captureHandler);
}

DeliveryLogCapture::~DeliveryLogCapture()
{
    qInstallMessageHandler(g_previous);
}

QStringList DeliveryLogCapture::lines() const
{
    QMutexLocker lock(&g_logMutex);
    return g_lines;
}

bool DeliveryLogCapture::contains(const QString &needle) const
{
    QMutexLocker lock(&g_logMutex);
    for (const QString &l : std::as_const(g_lines))
        if (l.contains(needle))
            return true;
    return false;
}

}   // namespace enlace::test
