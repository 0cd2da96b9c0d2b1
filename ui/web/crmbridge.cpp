#include "crmbridge.h"

#include <QFile>

#include <cmath>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

QString readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("enlace_web: missing resource %s", qPrintable(path));
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

}   // namespace

CrmBridge::CrmBridge(const QString &callId, const QString &origin, std::function<bool(const QString &)> allowed,
                     QObject *parent)
    : QObject(parent)
    , m_callId(callId)
    , m_origin(origin)
    , m_allowed(std::move(allowed))
{ }

void CrmBridge::setFacts(const QJsonObject &facts)
{
    m_facts = facts;
    Q_EMIT callChanged(m_facts);
}

QList<QWebEngineScript> CrmBridge::scripts()
{
    QWebEngineScript isolated;
    isolated.setName(u"enlace-bridge-isolated"_s);
    isolated.setWorldId(QWebEngineScript::ApplicationWorld);
    isolated.setInjectionPoint(QWebEngineScript::DocumentCreation);
    isolated.setRunsOnSubFrames(false);
    isolated.setSourceCode(readResource(u":/qtwebchannel/qwebchannel.js"_s) + u"\n"_s
                           + readResource(u":/enlace/web/enlace-application-world.js"_s));

    QWebEngineScript page;
    page.setName(u"enlace-bridge-page"_s);
    page.setWorldId(QWebEngineScript::MainWorld);
    page.setInjectionPoint(QWebEngineScript::DocumentCreation);
    page.setRunsOnSubFrames(false);
    page.setSourceCode(readResource(u":/enlace/web/enlace-main-world.js"_s));
    return { isolated, page };
}

void CrmBridge::qualify(double optionId, const QString &comments)
{
    if (!std::isfinite(optionId) || optionId != std::floor(optionId) || optionId <= 0 || optionId > 9.0e15)
        return;
    if (!m_allowed || !m_allowed(m_callId))
        return;
    Q_EMIT qualifyRequested(m_callId, static_cast<qint64>(optionId), comments);
}

void CrmBridge::dial(const QString &phone, const QString &contactId)
{
    if (phone.trimmed().isEmpty() || phone.size() > 64 || contactId.size() > 64)
        return;
    if (!m_allowed || !m_allowed(m_callId))
        return;
    Q_EMIT dialRequested(phone, contactId);
}

}   // namespace enlace
