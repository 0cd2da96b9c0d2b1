#include <core/api/admindeliveryroutes.h>
#include <core/calls/callrepository.h>
#include <core/sites/outbox.h>
#include <core/sites/sitedelivery.h>
#include <core/telephony/pbx.h>
#include <tests/support/server/apiserver.h>
#include <tests/support/server/world.h>
#include <tests/support/settle.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

// A CRM at the byte level: records every request exactly as it arrived and answers with the
// status set (or never, when silent).
class RawCrm final
{
public:
    bool listen(quint16 port = 0)
    {
        if (!m_server.listen(QHostAddress::LocalHost, port))
            return false;
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    buffer->append(socket->readAll());
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    qsizetype length = 0;
                    for (const QByteArray &line : buffer->left(end).split('\n'))
                        if (line.toLower().startsWith("content-length:"))
                            length = line.mid(15).trimmed().toLongLong();
                    if (buffer->size() < end + 4 + length)
                        return;
                    m_requests.append(buffer->left(end + 4 + length));
                    buffer->clear();
                    if (m_silent)
                        return;
                    const QByteArray body = m_body;
                    socket->write("HTTP/1.1 " + QByteArray::number(m_status)
                                  + " Status\r\nContent-Type: " + m_contentType + "\r\nX-Crm: yes\r\nContent-Length: "
                                  + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        return true;
    }
    void close() { m_server.close(); }
    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString &pathAndQuery) const { return u"http://127.0.0.1:%1%2"_s.arg(port()).arg(pathAndQuery); }
    void answer(int status, const QByteArray &body, const QByteArray &contentType = "text/plain")
    {
        m_status = status;
        m_body = body;
        m_contentType = contentType;
    }
    void setSilent(bool silent) { m_silent = silent; }
    const QList<QByteArray> &requests() const { return m_requests; }

private:
    QTcpServer m_server;
    QList<QByteArray> m_requests;
    int m_status = 200;
    QByteArray m_body = "ok";
    QByteArray m_contentType = "text/plain";
    bool m_silent = false;
};

// A port nothing listens on (and that a RawCrm may take later).
quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

const QString kHostile = u"O'Brien \"q\" & <b>x</b>\r\nsegunda; a=b%20+c ñandú 😀"_s;

QJsonObject siteBody(const QString &name, const QString &url, int method, const QJsonValue &format, int maxAttempts = 8)
{
    return QJsonObject { { u"nombre"_s, name },
                         { u"url"_s, url },
                         { u"disparador"_s, 3 },
                         { u"metodo"_s, method },
                         { u"formato"_s, format },
                         { u"objetivo"_s, QJsonValue::Null },
                         { u"autenticacion"_s, QJsonValue::Null },
                         { u"timeout_ms"_s, 1000 },
                         { u"max_attempts"_s, maxAttempts } };
}

struct Setup
{
    test::World w;
    QString admin, agent, sup, sup2;
};

Setup setUp(test::ApiServer &api)
{
    Setup s;
    s.w = test::seedWorld(api.database(), api.clock());
    s.admin = api.tokenFor(s.w.admin);
    s.agent = api.tokenFor(s.w.ana.userId);
    s.sup = api.tokenFor(s.w.sup);
    s.sup2 = api.tokenFor(s.w.sup2);
    return s;
}

qint64 createSite(test::ApiServer &api, const Setup &s, const QJsonObject &site)
{
    const auto r = api.send("POST", u"/api/v1/external_sites/create/"_s, site, s.admin);
    if (r.status != 200)
        qWarning("create site: %d %s", r.status, r.body.constData());
    return r.json().value(u"id"_s).toInteger();
}

// The campaign "camp" uses the site (interaction: external URL) with these CRM parameters. Written
// in the store: the update route keeps a campaign's interaction type as OMniLeads does.
bool useSite(test::ApiServer &api, const Setup &s, qint64 siteId)
{
    const auto &db = api.database();
    if (!db->exec(u"UPDATE campaigns SET site_id = ?, interaction_type = 2 WHERE id = ?"_s, { siteId, s.w.camp }).ok())
        return false;
    if (!db->exec(u"DELETE FROM crm_parameters WHERE campaign_id = ?"_s, { s.w.camp }).ok())
        return false;
    const QList<std::tuple<QString, QString, int>> parameters {
        { u"fijo"_s, kHostile, 4 },
        { u"cliente"_s, u"nombre"_s, 2 },
        { u"llamada"_s, u"call_id"_s, 3 },
        { u"campana"_s, u"nombre"_s, 1 },
    };
    int position = 0;
    for (const auto &[name, value, type] : parameters)
        if (!db->exec(u"INSERT INTO crm_parameters (campaign_id, position, name, value, type) VALUES (?, ?, ?, ?, ?)"_s,
                      { s.w.camp, position++, name, value, type })
                 .ok())
            return false;
    return true;
}

// Head lines and body of a raw request.
struct Raw
{
    QList<QByteArray> lines;   // request line first
    QByteArray body;
};

Raw split(const QByteArray &raw)
{
    const qsizetype end = raw.indexOf("\r\n\r\n");
    Raw r;
    r.lines = raw.left(end).split('\n');
    for (QByteArray &l : r.lines)
        if (l.endsWith('\r'))
            l.chop(1);
    r.body = raw.mid(end + 4);
    return r;
}

QByteArray boundaryOf(const Raw &r)
{
    for (const QByteArray &l : r.lines)
        if (l.toLower().startsWith("content-type: multipart/form-data; boundary="))
            return l.mid(l.indexOf('=') + 1);
    return {};
}

// A value of an application/x-www-form-urlencoded text.
QString formValue(const QByteArray &encoded, const QByteArray &name)
{
    for (const QByteArray &pair : encoded.split('&'))
        if (pair.startsWith(QByteArray(name + "=")))
            return QUrl::fromPercentEncoding(QByteArray(pair.mid(name.size() + 1)).replace('+', "%20"));
    return {};
}

QJsonObject sampleBody(const Setup &s)
{
    return QJsonObject { { u"campaign"_s, s.w.camp },
                         { u"sample"_s, QJsonObject { { u"contact"_s, QJsonObject { { u"nombre"_s, kHostile } } } } } };
}

QJsonObject deliveries(test::ApiServer &api, const QString &token, const QString &query = {})
{
    const auto r = api.send("GET", u"/api/v1/deliveries/"_s + query, {}, token);
    if (r.status != 200)
        qWarning("deliveries: %d %s", r.status, r.body.constData());
    return r.json().value(u"data"_s).toObject();
}

QJsonObject onlyDelivery(test::ApiServer &api, const Setup &s)
{
    const QJsonArray list = deliveries(api, s.admin).value(u"deliveries"_s).toArray();
    return list.size() == 1 ? list.first().toObject() : QJsonObject();
}

void connectCall(test::ApiServer &api, const Setup &s, const QString &callId)
{
    PbxCallEvent event;
    event.callId = callId;
    event.agentId = s.w.ana.id;
    event.agentExtension = s.w.ana.sipExtension;
    event.campaignId = s.w.camp;
    event.contactId = s.w.c1;
    event.phone = u"1111"_s;
    event.at = QDateTime::fromMSecsSinceEpoch(api.clock().nowMs(), Qt::UTC);
    Q_EMIT api.server().pbx()->callOffered(event);
    Q_EMIT api.server().pbx()->callConnected(event);
}

void addBackends()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgresql") << u"postgresql"_s;
}

}   // namespace

class TestAdminDeliveryRoutes final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void preview_isByteForByteWhatTheCrmReceives_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<int>("method");
        QTest::addColumn<QJsonValue>("format");
        for (const QString &backend : { u"sqlite"_s, u"postgresql"_s }) {
            QTest::addRow("GET %s", qPrintable(backend)) << backend << 1 << QJsonValue(QJsonValue::Null);
            QTest::addRow("multipart %s", qPrintable(backend)) << backend << 2 << QJsonValue(1);
            QTest::addRow("urlencoded %s", qPrintable(backend)) << backend << 2 << QJsonValue(2);
            QTest::addRow("text %s", qPrintable(backend)) << backend << 2 << QJsonValue(3);
            QTest::addRow("json %s", qPrintable(backend)) << backend << 2 << QJsonValue(4);
        }
    }
    void preview_isByteForByteWhatTheCrmReceives()
    {
        QFETCH(QString, backend);
        QFETCH(int, method);
        QFETCH(QJsonValue, format);
        ENLACE_API_SERVER(api, backend);
        const Setup s = setUp(api);
        RawCrm crm;
        QVERIFY(crm.listen());
        const qint64 siteId
            = createSite(api, s, siteBody(u"crm"_s, crm.url(u"/crm/hook/ñ?fijo=1&x=a%20b"_s), method, format));
        QVERIFY(siteId > 0);
        QVERIFY(useSite(api, s, siteId));

        const auto p = api.send("POST", u"/api/v1/external_sites/preview/"_s, sampleBody(s), s.admin);
        QCOMPARE(p.status, 200);
        QVERIFY(p.json().value(u"sample"_s).toBool());
        const QJsonObject request = p.json().value(u"request"_s).toObject();
        const QByteArray preview = request.value(u"preview"_s).toString().toUtf8();
        // The hostile values arrive whole, whatever the encoding.
        const Raw previewed = split(preview);
        const QByteArray target = previewed.lines.first().split(' ').at(1);
        if (method == 1)
            QCOMPARE(formValue(target.mid(target.indexOf('?') + 1), "cliente"), kHostile);
        else if (format.toInt() == 2)
            QCOMPARE(formValue(previewed.body, "fijo"), kHostile);
        else if (format.toInt() == 4)
            QCOMPARE(QJsonDocument::fromJson(previewed.body).object().value(u"cliente"_s).toString(), kHostile);
        else
            QVERIFY(previewed.body.contains(kHostile.toUtf8()));

        const auto t = api.send("POST", u"/api/v1/external_sites/send_test/"_s, sampleBody(s), s.admin);
        QCOMPARE(t.status, 200);
        QCOMPARE(crm.requests().size(), 1);
        const QJsonObject received = t.json().value(u"received"_s).toObject();
        QCOMPARE(received.value(u"status"_s).toInt(), 200);
        QCOMPARE(received.value(u"body"_s).toString(), u"ok"_s);
        QVERIFY(t.json().value(u"error"_s).isNull());

        Raw got = split(crm.requests().first());
        Raw shown = split(preview);
        // A multipart boundary is drawn for every request built: the one previewed and the one
        // sent differ in that token only.
        const QByteArray shownBoundary = boundaryOf(shown), gotBoundary = boundaryOf(got);
        QCOMPARE(shownBoundary.isEmpty(), gotBoundary.isEmpty());
        if (!gotBoundary.isEmpty()) {
            QCOMPARE(gotBoundary.size(), shownBoundary.size());
            got = split(QByteArray(crm.requests().first()).replace(gotBoundary, shownBoundary));
        }
        QCOMPARE(got.lines.first(), shown.lines.first());   // request line: method, path, query
        for (const QByteArray &line : shown.lines.mid(1))
            QVERIFY2(got.lines.contains(line), line.constData());
        QCOMPARE(got.body, shown.body);
        // And the same in the structured answer.
        const QByteArray body = request.value(u"body_base64"_s).toBool()
            ? QByteArray::fromBase64(request.value(u"body"_s).toString().toLatin1())
            : request.value(u"body"_s).toString().toUtf8();
        QCOMPARE(body, shown.body);
        QCOMPARE(request.value(u"method"_s).toString(), method == 1 ? u"GET"_s : u"POST"_s);
        // What the test send reports as sent: the same request, plus the delivery's own header.
        const QJsonObject sent = t.json().value(u"sent"_s).toObject();
        QCOMPARE(sent.value(u"url"_s).toString(), request.value(u"url"_s).toString());
        bool keyed = false;
        for (const QJsonValue h : sent.value(u"headers"_s).toArray())
            keyed |= h[u"name"_s].toString() == u"Idempotency-Key"_s
                && h[u"value"_s].toString() == t.json().value(u"idempotency_key"_s).toString();
        QVERIFY(keyed);
        // Nothing recorded as a delivery.
        QCOMPARE(deliveries(api, s.admin).value(u"total"_s).toInteger(), 0);
    }

    void preview_recentCall_usesItsContact_data() { addBackends(); }
    void preview_recentCall_usesItsContact()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(api, backend);
        const Setup s = setUp(api);
        const qint64 siteId = createSite(api, s, siteBody(u"crm"_s, u"http://127.0.0.1:9/hook"_s, 2, 4));
        QVERIFY(useSite(api, s, siteId));
        CallRepository calls(api.database());
        for (const auto &[id, campaign, contact] :
             { std::tuple { u"call-1"_s, s.w.camp, s.w.c1 }, std::tuple { u"call-2"_s, s.w.camp, s.w.c2 },
               std::tuple { u"call-other"_s, s.w.other, s.w.c3 } }) {
            PbxCallEvent e;
            e.callId = id;
            e.campaignId = campaign;
            e.agentId = s.w.ana.id;
            e.contactId = contact;
            e.phone = u"1111"_s;
            e.at = QDateTime::fromMSecsSinceEpoch(api.clock().nowMs(), Qt::UTC);
            QVERIFY(calls.record(e, CallState::Offered, api.clock().nowMs()).ok());
        }
        const auto list = api.send("GET", u"/api/v1/campaigns/%1/calls/?length=1"_s.arg(s.w.camp), {}, s.admin);
        QCOMPARE(list.status, 200);
        const QJsonArray recent = list.json().value(u"calls"_s).toArray();
        QCOMPARE(recent.size(), 1);
        QCOMPARE(recent.first()[u"call_id"_s].toString(), u"call-2"_s);
        QCOMPARE(recent.first()[u"contact_id"_s].toInteger(), s.w.c2);

        const auto p = api.send("POST", u"/api/v1/external_sites/preview/"_s,
                                QJsonObject { { u"campaign"_s, s.w.camp }, { u"call_id"_s, u"call-2"_s } }, s.admin);
        QCOMPARE(p.status, 200);
        QVERIFY(!p.json().value(u"sample"_s).toBool());
        const QJsonObject body
            = QJsonDocument::fromJson(p.json()[u"request"_s][u"body"_s].toString().toUtf8()).object();
        QCOMPARE(body.value(u"cliente"_s).toString(), u"Dos"_s);
        QCOMPARE(body.value(u"llamada"_s).toString(), u"call-2"_s);
        QCOMPARE(body.value(u"fijo"_s).toString(), kHostile);
        QCOMPARE(body.value(u"campana"_s).toString(), u"camp"_s);

        const auto wrong
            = api.send("POST", u"/api/v1/external_sites/preview/"_s,
                       QJsonObject { { u"campaign"_s, s.w.camp }, { u"call_id"_s, u"call-other"_s } }, s.admin);
        QCOMPARE(wrong.status, 400);
        QVERIFY(wrong.json().value(u"errors"_s).toObject().contains(u"call_id"_s));
    }

    void preview_unsavedSite_isCheckedAsCreateChecksIt_data() { addBackends(); }
    void preview_unsavedSite_isCheckedAsCreateChecksIt()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(api, backend);
        const Setup s = setUp(api);
        QJsonObject bad = siteBody(u"nuevo"_s, u"ftp://x y"_s, 2, QJsonValue::Null);
        bad.insert(u"nombre"_s, u""_s);
        const auto created = api.send("POST", u"/api/v1/external_sites/create/"_s, bad, s.admin);
        QCOMPARE(created.status, 400);
        const auto p = api.send("POST", u"/api/v1/external_sites/preview/"_s,
                                QJsonObject { { u"campaign"_s, s.w.camp }, { u"site"_s, bad } }, s.admin);
        QCOMPARE(p.status, 400);
        QCOMPARE(p.json().value(u"status"_s).toString(), u"ERROR"_s);
        QCOMPARE(p.json().value(u"errors"_s).toObject(), created.json().value(u"errors"_s).toObject());
        QVERIFY(p.json().value(u"errors"_s).toObject().contains(u"url"_s));

        // A valid unsaved site previews without being stored.
        RawCrm crm;
        QVERIFY(crm.listen());
        const auto ok = api.send(
            "POST", u"/api/v1/external_sites/preview/"_s,
            QJsonObject { { u"campaign"_s, s.w.camp }, { u"site"_s, siteBody(u"nuevo"_s, crm.url(u"/x"_s), 1, {}) } },
            s.admin);
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.json()[u"request"_s][u"url"_s].toString(), crm.url(u"/x"_s));   // no CRM parameters
        QCOMPARE(test::count(api.database(), u"external_sites"_s), 0);
        // Neither site nor site_id, and the campaign has no site.
        const auto none = api.send("POST", u"/api/v1/external_sites/preview/"_s,
                                   QJsonObject { { u"campaign"_s, s.w.camp } }, s.admin);
        QCOMPARE(none.status, 400);
        QVERIFY(none.json().value(u"errors"_s).toObject().contains(u"site_id"_s));
    }

    void sendTest_reportsTheCrmsFailure_data() { addBackends(); }
    void sendTest_reportsTheCrmsFailure()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(api, backend);
        const Setup s = setUp(api);
        const QJsonObject body = sampleBody(s);

        // Down: nothing listens.
        const qint64 down = createSite(api, s, siteBody(u"down"_s, u"http://127.0.0.1:%1/h"_s.arg(freePort()), 2, 4));
        QVERIFY(useSite(api, s, down));
        auto t = api.send("POST", u"/api/v1/external_sites/send_test/"_s, body, s.admin);
        QCOMPARE(t.status, 200);
        QVERIFY(t.json().value(u"received"_s).isNull());
        QCOMPARE(t.json()[u"error"_s][u"code"_s].toString(), u"ConnectionRefusedError"_s);
        QVERIFY(!t.json()[u"error"_s][u"message"_s].toString().isEmpty());

        // 500 with a long body: its first 4 KiB.
        RawCrm crm;
        QVERIFY(crm.listen());
        crm.answer(500, QByteArray(5000, 'e'));
        const qint64 failing = createSite(api, s, siteBody(u"failing"_s, crm.url(u"/h"_s), 2, 4));
        QVERIFY(useSite(api, s, failing));
        t = api.send("POST", u"/api/v1/external_sites/send_test/"_s, body, s.admin);
        QCOMPARE(t.status, 200);
        const QJsonObject received = t.json().value(u"received"_s).toObject();
        QCOMPARE(received.value(u"status"_s).toInt(), 500);
        QCOMPARE(received.value(u"body"_s).toString(), QString(4096, u'e'));
        QVERIFY(received.value(u"body_truncated"_s).toBool());
        bool crmHeader = false;
        for (const QJsonValue h : received.value(u"headers"_s).toArray())
            crmHeader |= h[u"name"_s].toString() == u"X-Crm"_s && h[u"value"_s].toString() == u"yes"_s;
        QVERIFY(crmHeader);
        QCOMPARE(crm.requests().size(), 1);   // no retry

        // Silent: the site's timeout.
        crm.setSilent(true);
        t = api.send("POST", u"/api/v1/external_sites/send_test/"_s, body, s.admin);
        QCOMPARE(t.json()[u"error"_s][u"code"_s].toString(), u"timeout"_s);
        QCOMPARE(t.json()[u"error"_s][u"message"_s].toString(), u"timeout after 1000 ms"_s);
        QVERIFY(t.json().value(u"elapsed_ms"_s).toInteger() >= 900);
        QCOMPARE(deliveries(api, s.admin).value(u"total"_s).toInteger(), 0);
    }

    void deliveries_deadLetteredThenResent_isReceivedOnce_data() { addBackends(); }
    void deliveries_deadLetteredThenResent_isReceivedOnce()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(api, backend);
        const Setup s = setUp(api);
        const quint16 port = freePort();
        const qint64 siteId = createSite(api, s, siteBody(u"crm"_s, u"http://127.0.0.1:%1/h"_s.arg(port), 2, 4, 3));
        QVERIFY(useSite(api, s, siteId));
        connectCall(api, s, u"call-dl"_s);

        QTRY_COMPARE_WITH_TIMEOUT(onlyDelivery(api, s).value(u"attempts"_s).toArray().size(), 1, 10000);
        QJsonObject d = onlyDelivery(api, s);
        QCOMPARE(d.value(u"state"_s).toString(), u"pending"_s);
        QCOMPARE(d.value(u"call_id"_s).toString(), u"call-dl"_s);
        QCOMPARE(d.value(u"campaign_id"_s).toInteger(), s.w.camp);
        QCOMPARE(d.value(u"site_id"_s).toInteger(), siteId);
        QVERIFY(!d.value(u"resendable"_s).toBool());
        for (int n = 2; n <= 3; ++n) {
            api.clock().advance(600000);   // past any backoff
            api.server().delivery()->wake();
            QTRY_COMPARE_WITH_TIMEOUT(onlyDelivery(api, s).value(u"attempts"_s).toArray().size(), n, 10000);
        }
        QTRY_COMPARE_WITH_TIMEOUT(onlyDelivery(api, s).value(u"state"_s).toString(), u"failed"_s, 10000);
        d = onlyDelivery(api, s);
        const QString key = d.value(u"key"_s).toString();
        QVERIFY(d.value(u"resendable"_s).toBool());
        QVERIFY(d.value(u"next_attempt_at"_s).isNull());
        for (const QJsonValue a : d.value(u"attempts"_s).toArray()) {
            QVERIFY(a[u"status"_s].isNull());
            QVERIFY2(!a[u"error"_s].toString().isEmpty(), "each attempt says why it failed");
            QVERIFY(a[u"elapsed_ms"_s].isDouble());
        }
        QCOMPARE(deliveries(api, s.admin, u"?state=failed"_s).value(u"total"_s).toInteger(), 1);
        QCOMPARE(deliveries(api, s.admin, u"?state=delivered"_s).value(u"total"_s).toInteger(), 0);
        QCOMPARE(deliveries(api, s.admin, u"?site=%1"_s.arg(siteId)).value(u"total"_s).toInteger(), 1);
        QCOMPARE(deliveries(api, s.admin, u"?site=%1"_s.arg(siteId + 1)).value(u"total"_s).toInteger(), 0);

        RawCrm crm;
        QVERIFY(crm.listen(port));
        const auto r = api.send("POST", u"/api/v1/deliveries/resend/"_s,
                                QJsonObject { { u"keys"_s, QJsonArray { key, u"no-such-key"_s } } }, s.admin);
        QCOMPARE(r.status, 200);
        const QJsonArray results = r.json()[u"data"_s][u"results"_s].toArray();
        QCOMPARE(results.size(), 2);
        QVERIFY(results.at(0)[u"accepted"_s].toBool());
        QVERIFY(!results.at(1)[u"accepted"_s].toBool());
        QCOMPARE(results.at(1)[u"reason"_s].toString(), u"Delivery not found."_s);

        QTRY_COMPARE_WITH_TIMEOUT(onlyDelivery(api, s).value(u"state"_s).toString(), u"delivered"_s, 10000);
        QCOMPARE(crm.requests().size(), 1);
        QVERIFY(crm.requests().first().contains(QByteArray("Idempotency-Key: " + key.toLatin1() + "\r\n")));
        d = onlyDelivery(api, s);
        const QJsonArray attempts = d.value(u"attempts"_s).toArray();
        QCOMPARE(attempts.size(), 4);
        QCOMPARE(attempts.at(3)[u"status"_s].toInt(), 200);
        QCOMPARE(attempts.at(3)[u"n"_s].toInt(), 4);
        test::settleFor(300, "a second, duplicate send would arrive by now");
        QCOMPARE(crm.requests().size(), 1);

        // A pending key is refused; a delivered one may go again, with the same key.
        const auto again = api.send("POST", u"/api/v1/deliveries/resend/"_s,
                                    QJsonObject { { u"keys"_s, QJsonArray { key } } }, s.admin);
        QVERIFY(again.json()[u"data"_s][u"results"_s][0][u"accepted"_s].toBool());
        QTRY_COMPARE_WITH_TIMEOUT(crm.requests().size(), 2, 10000);
        QVERIFY(crm.requests().at(1).contains(QByteArray("Idempotency-Key: " + key.toLatin1() + "\r\n")));
        QTRY_COMPARE_WITH_TIMEOUT(onlyDelivery(api, s).value(u"attempts"_s).toArray().size(), 5, 10000);
    }

    void deliveries_filtersAndPages_data() { addBackends(); }
    void deliveries_filtersAndPages()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(api, backend);
        const Setup s = setUp(api);
        api.server().delivery()->stop();   // rows stay as written
        const Outbox &outbox = api.server().delivery()->outbox();
        CallRepository calls(api.database());
        const qint64 t0 = api.clock().nowMs();
        QStringList keys;   // oldest first
        for (int i = 0; i < 6; ++i) {
            PbxCallEvent e;
            e.callId = u"c%1"_s.arg(i);
            e.campaignId = i % 2 ? s.w.other : s.w.camp;
            e.phone = u"1"_s;
            e.at = QDateTime::fromMSecsSinceEpoch(t0, Qt::UTC);
            QVERIFY(calls.record(e, CallState::Connected, t0).ok());
            OutboxItem item;
            item.callId = e.callId;
            item.request.method = "POST";
            item.request.url = QUrl(u"http://127.0.0.1:9/h"_s);
            item.request.body = "{}";
            auto key = outbox.add(item, t0 + i * 1000);
            QVERIFY(key.ok());
            keys.append(key.value());
        }
        // The oldest is delivered, the next failed.
        auto claimed = outbox.claim(u"t"_s, t0 + 10000, t0 + 20000, 2);
        QVERIFY(claimed.ok());
        QCOMPARE(claimed->size(), 2);
        DeliveryOutcome ok { claimed->at(0).key, 0, 0, claimed->at(0).item.callId, true, 200, 1, 5, {}, false, 0 };
        DeliveryOutcome failed { claimed->at(1).key, 0,    0, claimed->at(1).item.callId, false, 404, 1, 5,
                                 u"HTTP 404"_s,      true, 0 };
        QVERIFY(outbox.finish(claimed->at(0).id, u"t"_s, ok, t0 + 10000, 12).ok());
        QVERIFY(outbox.finish(claimed->at(1).id, u"t"_s, failed, t0 + 10000, 7).ok());

        QJsonObject page = deliveries(api, s.admin, u"?length=2"_s);
        QCOMPARE(page.value(u"total"_s).toInteger(), 6);
        QJsonArray items = page.value(u"deliveries"_s).toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0)[u"key"_s].toString(), keys.at(5));   // newest first
        QCOMPARE(items.at(1)[u"key"_s].toString(), keys.at(4));
        items = deliveries(api, s.admin, u"?start=4&length=2"_s).value(u"deliveries"_s).toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0)[u"key"_s].toString(), keys.at(1));
        QCOMPARE(items.at(0)[u"state"_s].toString(), u"failed"_s);
        QCOMPARE(items.at(0)[u"attempts"_s][0][u"status"_s].toInt(), 404);
        QCOMPARE(items.at(0)[u"attempts"_s][0][u"elapsed_ms"_s].toInt(), 7);
        QCOMPARE(items.at(1)[u"state"_s].toString(), u"delivered"_s);

        QCOMPARE(deliveries(api, s.admin, u"?campaign=%1"_s.arg(s.w.camp)).value(u"total"_s).toInteger(), 3);
        QCOMPARE(deliveries(api, s.admin, u"?state=pending"_s).value(u"total"_s).toInteger(), 4);
        QCOMPARE(
            deliveries(api, s.admin, u"?state=delivered&campaign=%1"_s.arg(s.w.camp)).value(u"total"_s).toInteger(), 1);
        QCOMPARE(
            deliveries(api, s.admin, u"?from=%1&to=%2"_s.arg(t0 + 1000).arg(t0 + 3000)).value(u"total"_s).toInteger(),
            2);
        const QString iso = QDateTime::fromMSecsSinceEpoch(t0 + 5000, Qt::UTC).toString(Qt::ISODateWithMs);
        QCOMPARE(deliveries(api, s.admin, u"?from="_s + QString::fromLatin1(QUrl::toPercentEncoding(iso)))
                     .value(u"total"_s)
                     .toInteger(),
                 1);
        QCOMPARE(deliveries(api, s.admin, u"?site=99"_s).value(u"total"_s).toInteger(), 0);

        const auto bad = api.send("GET", u"/api/v1/deliveries/?state=lost&from=yesterday&length=x"_s, {}, s.admin);
        QCOMPARE(bad.status, 400);
        const QJsonObject errors = bad.json().value(u"errors"_s).toObject();
        QVERIFY(errors.contains(u"state"_s) && errors.contains(u"from"_s) && errors.contains(u"length"_s));

        // A supervisor sees their campaign's only; a pending one is not re-sent.
        QCOMPARE(deliveries(api, s.sup).value(u"total"_s).toInteger(), 3);
        const QJsonArray seen = deliveries(api, s.sup2).value(u"deliveries"_s).toArray();   // sup2: of "other"
        QCOMPARE(seen.size(), 3);
        for (const QJsonValue d : seen)
            QCOMPARE(d[u"campaign_id"_s].toInteger(), s.w.other);
        const auto pending = api.send("POST", u"/api/v1/deliveries/resend/"_s,
                                      QJsonObject { { u"keys"_s, QJsonArray { keys.at(2) } } }, s.admin);
        QVERIFY(!pending.json()[u"data"_s][u"results"_s][0][u"accepted"_s].toBool());
        const auto other = api.send("POST", u"/api/v1/deliveries/resend/"_s,
                                    QJsonObject { { u"keys"_s, QJsonArray { keys.at(0) } } }, s.sup2);
        QCOMPARE(other.json()[u"data"_s][u"results"_s][0][u"reason"_s].toString(), u"Delivery not found."_s);
        const auto theirs = api.send("POST", u"/api/v1/deliveries/resend/"_s,
                                     QJsonObject { { u"keys"_s, QJsonArray { keys.at(0) } } }, s.sup);
        QVERIFY(theirs.json()[u"data"_s][u"results"_s][0][u"accepted"_s].toBool());
        QCOMPARE(deliveries(api, s.admin, u"?state=pending"_s).value(u"total"_s).toInteger(), 5);
    }

    void access_agentsAndOtherSupervisorsAreRefused_data() { addBackends(); }
    void access_agentsAndOtherSupervisorsAreRefused()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(api, backend);
        const Setup s = setUp(api);
        const qint64 siteId = createSite(api, s, siteBody(u"crm"_s, u"http://127.0.0.1:9/h"_s, 1, {}));
        QVERIFY(useSite(api, s, siteId));
        const QJsonObject body { { u"campaign"_s, s.w.camp } };
        const QList<std::tuple<QByteArray, QString, QJsonValue>> routes {
            { "POST", u"/api/v1/external_sites/preview/"_s, body },
            { "POST", u"/api/v1/external_sites/send_test/"_s, body },
            { "GET", u"/api/v1/campaigns/%1/calls/"_s.arg(s.w.camp), {} },
            { "GET", u"/api/v1/deliveries/?campaign=%1"_s.arg(s.w.camp), {} },
            { "POST", u"/api/v1/deliveries/resend/"_s, QJsonObject { { u"keys"_s, QJsonArray { u"k"_s } } } },
        };
        for (const auto &[method, path, b] : routes) {
            QCOMPARE(api.send(method, path, b).status, 401);
            QCOMPARE(api.send(method, path, b, s.agent).status, 403);
            const int outside = api.send(method, path, b, s.sup2).status;
            if (path.contains(u"resend"_s))
                QCOMPARE(outside, 200);   // answered per key: not found
            else
                QCOMPARE(outside, 403);
        }
        const auto mine = api.send("POST", u"/api/v1/external_sites/preview/"_s, body, s.sup);
        QCOMPARE(mine.status, 200);
        QCOMPARE(api.send("GET", u"/api/v1/campaigns/%1/calls/"_s.arg(s.w.camp), {}, s.sup).status, 200);
    }

    void preview_masksTheToken_data() { addBackends(); }
    void preview_masksTheToken()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(api, backend);
        const Setup s = setUp(api);
        RawCrm tokens;
        QVERIFY(tokens.listen());
        tokens.answer(200, R"({"token":"sekret-token-123"})", "application/json");
        const auto a = api.send("POST", u"/api/v1/external_site_authentications/create/"_s,
                                QJsonObject { { u"nombre"_s, u"auth"_s },
                                              { u"url"_s, tokens.url(u"/token"_s) },
                                              { u"username"_s, u"u"_s },
                                              { u"password"_s, u"crm-password"_s },
                                              { u"campo_token"_s, u"token"_s },
                                              { u"duracion"_s, 300 } },
                                s.admin);
        QVERIFY2(a.status == 200, a.body.constData());
        RawCrm crm;
        QVERIFY(crm.listen());
        QJsonObject site = siteBody(u"crm"_s, crm.url(u"/h"_s), 2, 4);
        site.insert(u"autenticacion"_s, a.json().value(u"id"_s));
        site.insert(u"secreto_firma"_s, u"firma-secreta"_s);
        QVERIFY(useSite(api, s, createSite(api, s, site)));
        const auto p = api.send("POST", u"/api/v1/external_sites/preview/"_s, sampleBody(s), s.admin);
        QCOMPARE(p.status, 200);
        QVERIFY(p.body.contains("Bearer ********"));
        const auto t = api.send("POST", u"/api/v1/external_sites/send_test/"_s, sampleBody(s), s.admin);
        QCOMPARE(t.status, 200);
        QVERIFY2(crm.requests().size() == 1, t.body.constData());
        QVERIFY(crm.requests().first().contains("Authorization: Bearer sekret-token-123\r\n"));
        for (const QByteArray &answer : { p.body, t.body }) {
            QVERIFY(!answer.contains("sekret-token-123"));
            QVERIFY(!answer.contains("crm-password"));
            QVERIFY(!answer.contains("firma-secreta"));
        }
        QVERIFY(t.body.contains("Bearer ********"));
    }
};

QTEST_MAIN(TestAdminDeliveryRoutes)
#include "tst_admindeliveryroutes.moc"
