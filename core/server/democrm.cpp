#include <core/http/apirouter.h>
#include <core/model/clock.h>
#include <core/server/democrm.h>
#include <core/store/database.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString time(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"yyyy-MM-dd HH:mm:ss.zzz 'UTC'"_s);
}

QList<QPair<QString, QString>> formPairs(QByteArray text)
{
    text.replace('+', ' ');
    const QUrlQuery q(QString::fromUtf8(text));
    QList<QPair<QString, QString>> out;
    for (const auto &[k, v] : q.queryItems(QUrl::FullyDecoded))
        out.append({ k, v });
    return out;
}

QByteArray parameter(const QByteArray &headerValue, const QByteArray &name)
{
    for (QByteArray part : headerValue.split(';')) {
        part = part.trimmed();
        if (part.toLower().startsWith(QByteArray(name + '='))) {
            QByteArray v = part.mid(name.size() + 1).trimmed();
            if (v.size() >= 2 && v.startsWith('"') && v.endsWith('"'))
                v = v.mid(1, v.size() - 2);
            return v;
        }
    }
    return {};
}

QString table(const QString &title, const QList<QPair<QString, QString>> &rows)
{
    if (rows.isEmpty())
        return {};
    QString out = u"<h4>"_s + esc(title) + u"</h4><table><tr><th>name</th><th>value</th></tr>"_s;
    for (const auto &[k, v] : rows)
        out += u"<tr><td><code>"_s + esc(k) + u"</code></td><td><code>"_s + esc(v) + u"</code></td></tr>"_s;
    return out + u"</table>"_s;
}

const QString kStyle
    = u"<style>body{font-family:sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse;margin:.3em 0 1em}"
      "td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}th{background:#f0f0f0}"
      "pre{background:#f7f7f7;padding:.5em;white-space:pre-wrap;word-break:break-all}.req{border-top:2px solid "
      "#345;margin-top:1em}"
      ".ok{color:#176d2a}.bad{color:#a01616}</style>"_s;

QString requestHtml(const DemoCrm::Received &r)
{
    QString out = u"<div class=\"req\"><h3>#"_s + QString::number(r.id) + u" "_s + esc(QString::fromLatin1(r.method))
        + u" <code>"_s + esc(r.path) + u"</code></h3><p>"_s + esc(time(r.atMs)) + u" · from "_s + esc(r.peer) + u" · "_s
        + (r.contentType.isEmpty() ? u"no body"_s : u"Content-Type <code>"_s + esc(r.contentType) + u"</code>"_s)
        + u"</p>"_s;
    out += table(u"Query"_s, r.query);
    out += table(u"Body fields ("_s + r.format + u")"_s, r.fields);
    if (!r.body.isEmpty())
        out += u"<h4>Body</h4><pre>"_s + esc(r.body) + u"</pre>"_s;
    out += table(u"Headers"_s, r.headers);
    return out + u"</div>"_s;
}

}   // namespace

DemoCrm::DemoCrm(std::shared_ptr<Database> db, const Clock &clock, QString tokenPassword, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_clock(clock)
    , m_tokenPassword(std::move(tokenPassword))
{ }

void DemoCrm::decodeBody(const QByteArray &contentTypeHeader, const QByteArray &body, Received &out)
{
    const QByteArray type = contentTypeHeader.split(';').first().trimmed().toLower();
    out.contentType = QString::fromLatin1(contentTypeHeader);
    if (body.isEmpty()) {
        out.format = u"none"_s;
        return;
    }
    if (type == "application/x-www-form-urlencoded") {
        out.format = u"form"_s;
        out.fields = formPairs(body);
        out.body = QString::fromUtf8(body);
    } else if (type == "application/json") {
        out.format = u"json"_s;
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        if (doc.isObject()) {
            const QJsonObject o = doc.object();
            for (auto it = o.begin(); it != o.end(); ++it)
                out.fields.append(
                    { it.key(),
                      it.value().isString()
                          ? it.value().toString()
                          : QString::fromUtf8(QJsonDocument(QJsonArray { it.value() }).toJson(QJsonDocument::Compact))
                                .mid(1)
                                .chopped(1) });
        }
        out.body = doc.isNull() ? QString::fromUtf8(body) : QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    } else if (type == "multipart/form-data") {
        out.format = u"multipart"_s;
        const QByteArray boundary = "--" + parameter(contentTypeHeader, "boundary");
        if (boundary.size() > 2) {
            QList<QByteArray> parts;
            for (qsizetype at = body.indexOf(boundary); at >= 0;) {
                const qsizetype start = at + boundary.size();
                const qsizetype next = body.indexOf(boundary, start);
                parts.append(next < 0 ? body.mid(start) : body.mid(start, next - start));
                at = next;
            }
            for (const QByteArray &part : std::as_const(parts)) {
                if (part.startsWith("--"))
                    break;
                const qsizetype headEnd = part.indexOf("\r\n\r\n");
                if (headEnd < 0)
                    continue;
                const QByteArray head = part.left(headEnd);
                QByteArray value = part.mid(headEnd + 4);
                if (value.endsWith("\r\n"))
                    value.chop(2);
                QByteArray disposition;
                for (const QByteArray &line : head.split('\n'))
                    if (line.trimmed().toLower().startsWith("content-disposition:"))
                        disposition = line.trimmed();
                QString name = QString::fromUtf8(parameter(disposition, "name"));
                const QByteArray filename = parameter(disposition, "filename");
                if (!filename.isEmpty())
                    name += u" (file "_s + QString::fromUtf8(filename) + u')';
                out.fields.append({ name, QString::fromUtf8(value) });
            }
        }
        out.body = QString::fromUtf8(body);
    } else if (type == "text/plain") {
        out.format = u"text"_s;
        out.body = QString::fromUtf8(body);
        for (const QString &line : out.body.split(u"\r\n"_s, Qt::SkipEmptyParts)) {
            const qsizetype eq = line.indexOf(u'=');
            if (eq > 0)
                out.fields.append({ line.left(eq), line.mid(eq + 1) });
        }
    } else {
        out.format = u"other"_s;
        out.body = QString::fromUtf8(body.left(64 * 1024));
    }
}

DemoCrm::Received DemoCrm::record(const ApiRequest &request)
{
    Received r;
    r.id = m_nextId++;
    r.atMs = m_clock.nowMs();
    r.method = request.method;
    r.path = request.path;
    r.peer = request.peerAddress;
    for (const auto &[k, v] : request.query.queryItems(QUrl::FullyDecoded))
        r.query.append({ k, v });
    QList<QByteArray> names = request.headers.keys();
    std::sort(names.begin(), names.end());
    for (const QByteArray &name : names) {
        QString value = QString::fromUtf8(request.headers.value(name));
        if (name == "authorization")
            value = value.section(u' ', 0, 0) + u" ••••••"_s;
        else if (name == "cookie" || name == "x-enlace-integration-key" || name.contains("secret"))
            value = u"••••••"_s;
        r.headers.append({ QString::fromLatin1(name), value });
    }
    decodeBody(request.header("content-type"), request.body, r);
    m_received.push_front(r);
    while (int(m_received.size()) > m_capacity)
        m_received.pop_back();
    Q_EMIT requestReceived(r.id);
    return r;
}

QJsonArray DemoCrm::receivedJson() const
{
    const auto pairs = [](const QList<QPair<QString, QString>> &list) {
        QJsonArray a;
        for (const auto &[k, v] : list)
            a.append(QJsonObject { { u"name"_s, k }, { u"value"_s, v } });
        return a;
    };
    QJsonArray out;
    for (const Received &r : m_received)
        out.append(QJsonObject { { u"id"_s, r.id },
                                 { u"at"_s, r.atMs },
                                 { u"method"_s, QString::fromLatin1(r.method) },
                                 { u"path"_s, r.path },
                                 { u"query"_s, pairs(r.query) },
                                 { u"headers"_s, pairs(r.headers) },
                                 { u"content_type"_s, r.contentType },
                                 { u"format"_s, r.format },
                                 { u"fields"_s, pairs(r.fields) },
                                 { u"body"_s, r.body } });
    return out;
}

QJsonArray DemoCrm::deliveriesJson(int limit) const
{
    QJsonArray out;
    auto q = m_db->exec(u"SELECT idempotency_key, site_id, agent_id, call_id, delivered, status, attempts, latency_ms, "
                        u"last_error, finished_at "
                        "FROM delivery_outcomes ORDER BY id DESC LIMIT ?"_s,
                        { limit });
    if (!q.ok())
        return out;
    while (q->next())
        out.append(QJsonObject {
            { u"key"_s, q->value(0).toString() },
            { u"site_id"_s, q->value(1).toLongLong() },
            { u"agent_id"_s, q->value(2).toLongLong() },
            { u"call_id"_s, q->value(3).toString() },
            { u"delivered"_s, q->value(4).toInt() != 0 },
            { u"status"_s, q->value(5).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(q->value(5).toInt()) },
            { u"attempts"_s, q->value(6).toInt() },
            { u"latency_ms"_s, q->value(7).toLongLong() },
            { u"error"_s, q->value(8).toString() },
            { u"finished_at"_s, q->value(9).toLongLong() } });
    return out;
}

// Inside the Enlace console the page gets an `enlace` object (QWebChannel, docs/crm-pages.md):
// the demo shows the call as the console knows it and qualifies it from the page.
const char kConsoleBridge[] = R"(<section id="enlace" hidden><h2>Enlace console</h2>
<p id="enlace-call"></p>
<label>Disposition <select id="enlace-option"></select></label>
<label>Comments <input id="enlace-comments"></label>
<button id="enlace-qualify" type="button">Qualify from the CRM</button>
<p id="enlace-result"></p></section>
<script>
(function () {
  var section = document.getElementById('enlace');
  function show() {
    var e = window.enlace;
    if (!e) return;
    section.hidden = false;
    var c = e.call || {};
    document.getElementById('enlace-call').textContent =
      [c.phone, c.campaign_name, c.call_id, e.state].filter(Boolean).join(' \u00b7 ');
    var select = document.getElementById('enlace-option');
    var chosen = select.value;
    select.innerHTML = '';
    (e.dispositionOptions || []).forEach(function (o) {
      var option = document.createElement('option');
      option.value = o.id;
      option.textContent = o.name;
      select.appendChild(option);
    });
    if (chosen) select.value = chosen;
  }
  window.addEventListener('enlace:ready', show);
  window.addEventListener('enlace:callchanged', show);
  document.getElementById('enlace-qualify').addEventListener('click', function () {
    var e = window.enlace;
    if (!e) return;
    e.qualify(Number(document.getElementById('enlace-option').value),
              document.getElementById('enlace-comments').value);
    document.getElementById('enlace-result').textContent = 'Sent to the console.';
  });
  show();
})();
</script>)";

QByteArray DemoCrm::requestPage(const Received &received)
{
    QString html = u"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Demo CRM</title>"_s + kStyle
        + u"</head><body><h1>Demo CRM</h1><p>This is what the CRM received for this call.</p>"_s + requestHtml(received)
        + u"<p><a href=\"/demo/crm\">All requests</a></p>"_s + QString::fromLatin1(kConsoleBridge)
        + u"</body></html>"_s;
    return html.toUtf8();
}

QByteArray DemoCrm::page() const
{
    QString html = u"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"3\">"
                   "<title>Enlace demo CRM</title>"_s
        + kStyle + u"</head><body><h1>Enlace demo CRM</h1><p>What the CRM received, newest first (the last "_s
        + QString::number(m_capacity) + u" requests). The page refreshes every 3 seconds.</p>"_s;
    html += u"<h2>Server-side deliveries</h2>"_s;
    const QJsonArray deliveries = deliveriesJson();
    if (deliveries.isEmpty()) {
        html += u"<p>None yet.</p>"_s;
    } else {
        html
            += u"<table><tr><th>finished</th><th>site</th><th>call</th><th>result</th><th>HTTP</th><th>attempts</th><th>latency</th><th>error</th></tr>"_s;
        for (const QJsonValue v : deliveries) {
            const QJsonObject d = v.toObject();
            const bool ok = d.value(u"delivered"_s).toBool();
            html += u"<tr><td>"_s + esc(time(d.value(u"finished_at"_s).toInteger())) + u"</td><td>"_s
                + QString::number(d.value(u"site_id"_s).toInteger()) + u"</td><td><code>"_s
                + esc(d.value(u"call_id"_s).toString()) + u"</code></td><td class=\""_s
                + (ok ? u"ok\">delivered"_s : u"bad\">not delivered"_s) + u"</td><td>"_s
                + (d.value(u"status"_s).isNull() ? u"-"_s : QString::number(d.value(u"status"_s).toInt()))
                + u"</td><td>"_s + QString::number(d.value(u"attempts"_s).toInt()) + u"</td><td>"_s
                + QString::number(d.value(u"latency_ms"_s).toInteger()) + u" ms</td><td>"_s
                + esc(d.value(u"error"_s).toString()) + u"</td></tr>"_s;
        }
        html += u"</table>"_s;
    }
    html += u"<h2>Requests received</h2>"_s;
    if (m_received.empty())
        html += u"<p>None yet. Take a call in the console, or POST anything to <code>/demo/crm/hook/test</code>.</p>"_s;
    for (const Received &r : m_received)
        html += requestHtml(r);
    html += u"</body></html>"_s;
    return html.toUtf8();
}

void DemoCrm::registerRoutes(ApiRouter &router)
{
    router.add("GET", u"/demo/crm"_s, Access::Public,
               [this](const ApiRequest &, ApiResponder respond) { respond(ApiResponse::html(200, page())); });
    router.add("GET", u"/demo/crm/requests"_s, Access::Public, [this](const ApiRequest &, ApiResponder respond) {
        respond(ApiResponse::json(
            QJsonObject { { u"received"_s, receivedJson() }, { u"deliveries"_s, deliveriesJson() } }));
    });
    router.add("*", u"/demo/crm/hook/<rest>"_s, Access::Public,
               [this](const ApiRequest &request, ApiResponder respond) {
                   const Received r = record(request);
                   ApiResponse response = request.header("accept").contains("text/html")
                       ? ApiResponse::html(200, requestPage(r))
                       : ApiResponse::json(QJsonObject { { u"status"_s, u"OK"_s }, { u"received_id"_s, r.id } });
                   // The console may send JSON interactions from a browser context.
                   response.withHeader("Access-Control-Allow-Origin", "*");
                   respond(std::move(response));
               });
    router.add("POST", u"/demo/crm/token"_s, Access::Public, [this](const ApiRequest &request, ApiResponder respond) {
        auto body = request.jsonObject();
        if (!body.ok() || body->value(u"username"_s).toString() != u"demo"_s
            || body->value(u"password"_s).toString() != m_tokenPassword) {
            respond(ApiResponse::json(401, QJsonObject { { u"detail"_s, u"Invalid credentials"_s } }));
            return;
        }
        QByteArray raw(16, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / 4);
        respond(ApiResponse::json(QJsonObject { { u"token"_s, QString(u"demo-"_s + QString::fromLatin1(raw.toHex())) },
                                                { u"expires_in"_s, 3600 } }));
    });
}

}   // namespace enlace
