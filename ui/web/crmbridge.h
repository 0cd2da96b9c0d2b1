#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QWebEngineScript>

#include <functional>

namespace enlace {

// The `enlace` object of one call's CRM page, published through the page's QWebChannel in
// QWebEngineScript::ApplicationWorld. The page reaches it only through the shim scripts() (a
// postMessage relay), and every intent is checked again here with `allowed` (the page is still on
// its site's origin and still belongs to this call) because a message can race a navigation.
class CrmBridge final : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QJsonObject facts READ facts NOTIFY callChanged)
    Q_PROPERTY(QString origin READ origin CONSTANT)

public:
    // origin: the only origin the shim announces the bridge to ("https://crm.example:8443").
    CrmBridge(const QString &callId, const QString &origin, std::function<bool(const QString &callId)> allowed,
              QObject *parent = nullptr);

    QString callId() const { return m_callId; }
    QJsonObject facts() const { return m_facts; }
    QString origin() const { return m_origin; }
    void setFacts(const QJsonObject &facts);

    // The scripts a page with a bridge needs: qwebchannel.js + the isolated half (ApplicationWorld)
    // and the page half (MainWorld), both at DocumentCreation on the main frame only.
    static QList<QWebEngineScript> scripts();

    Q_INVOKABLE void qualify(double optionId, const QString &comments);
    Q_INVOKABLE void dial(const QString &phone, const QString &contactId);

Q_SIGNALS:
    void callChanged(const QJsonObject &facts);
    void qualifyRequested(const QString &callId, qint64 optionId, const QString &comments);
    void dialRequested(const QString &phone, const QString &contactId);

private:
    QString m_callId;
    QString m_origin;
    std::function<bool(const QString &)> m_allowed;
    QJsonObject m_facts;
};

}   // namespace enlace
