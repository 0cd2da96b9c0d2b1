#pragma once

#include <core/http/apirequest.h>

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

#include <deque>
#include <memory>

namespace enlace {

class ApiRouter;
class Clock;
class Database;

// The demo CRM served by `enlace-server --demo`: it shows exactly what each CRM request carried.
//   GET  /demo/crm                  page (auto-refresh) of the requests received, newest first, and
//                                   of the server-side deliveries (delivery_outcomes)
//   GET  /demo/crm/requests         the same as JSON
//   ANY  /demo/crm/hook/<anything>  records the request (any method, any format) and answers; a
//                                   browser (Accept: text/html) gets a page showing that request
//   POST /demo/crm/token            the demo site authentication: {"username":"demo","password":...}
//                                   -> {"token":..., "expires_in":3600}
// Every value is HTML-escaped; Authorization, Cookie and integration-key values are never shown.
// The record is a bounded ring buffer in memory.
class DemoCrm final : public QObject
{
    Q_OBJECT

public:
    struct Received
    {
        qint64 id = 0;
        qint64 atMs = 0;
        QByteArray method;
        QString path;
        QList<QPair<QString, QString>> query;
        QList<QPair<QString, QString>> headers;   // secrets masked
        QString contentType;
        QString format;   // "json", "form", "multipart", "text", "none", "other"
        QList<QPair<QString, QString>> fields;   // the body's fields, decoded per content type
        QString body;   // the body as text (JSON pretty-printed)
        QString peer;
    };

    DemoCrm(std::shared_ptr<Database> db, const Clock &clock, QString tokenPassword, QObject *parent = nullptr);

    void setCapacity(int capacity) { m_capacity = capacity; }
    void registerRoutes(ApiRouter &router);

    const std::deque<Received> &received() const { return m_received; }
    Received record(const ApiRequest &request);
    QJsonArray receivedJson() const;
    QJsonArray deliveriesJson(int limit = 50) const;
    QByteArray page() const;
    static QByteArray requestPage(const Received &received);

    // Body decoding, per content type (also used by the tests).
    static void decodeBody(const QByteArray &contentType, const QByteArray &body, Received &out);

Q_SIGNALS:
    void requestReceived(qint64 id);

private:
    std::shared_ptr<Database> m_db;
    const Clock &m_clock;
    QString m_tokenPassword;
    int m_capacity = 200;
    qint64 m_nextId = 1;
    std::deque<Received> m_received;
};

}   // namespace enlace
