#include <core/requests/interaction.h>
#include <core/requests/requestbuilder.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

using Pairs = QList<QPair<QString, QString>>;

ExternalSite site(const QString &url, SiteMethod method, std::optional<SiteFormat> format = std::nullopt)
{
    ExternalSite s;
    s.id = 7;
    s.name = u"CRM"_s;
    s.url = url;
    s.method = method;
    s.format = format;
    s.trigger = SiteTrigger::Server;
    return s;
}

Pairs pairsFromJson(const QJsonValue &v)
{
    Pairs out;
    for (const QJsonValue &p : v.toArray())
        out.append({ p.toArray().at(0).toString(), p.toArray().at(1).toString() });
    return out;
}

QString describe(const Pairs &pairs)
{
    QStringList parts;
    for (const auto &p : pairs)
        parts.append(p.first + u'=' + (p.second.size() > 80 ? p.second.left(80) + u"…"_s : p.second));
    return parts.join(u" | "_s);
}

// The hostile values every format must carry unchanged.
QList<QPair<const char *, QString>> hostileValues()
{
    QString big;
    big.reserve(64 * 1024);
    const QString chunk = u"x&y=z+%20#?\"<>'\r\n\tñ☎ "_s;
    while (big.size() < 64 * 1024)
        big += chunk;
    big.truncate(64 * 1024);
    return {
        { "plain", u"hello"_s },
        { "empty", QString() },
        { "double and single quotes", u"say \"hi\" it's"_s },
        { "html", u"<b>&amp;</b> <script>alert(1)</script>"_s },
        { "form delimiters", u"a=b&c=d+e%41%zz"_s },
        { "url delimiters", u"x?y#z/../;p=1"_s },
        { "spaces", u"  two  spaces  "_s },
        { "newline", u"line1\nline2"_s },
        { "crlf", u"line1\r\nline2\r\n"_s },
        { "lone cr", u"a\rb\r"_s },
        { "tab", u"a\tb"_s },
        { "accents", u"José Ñandú São Paulo àéîõü"_s },
        { "emoji", u"☎ 😀 👩‍👩‍👧"_s },
        { "rtl", u"שלום مرحبا"_s },
        { "backslash and controls", u"\\ \b \f \u0001 \u001f"_s },
        { "boundary-like", u"--\r\n--EnlaceBoundary\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n"_s },
        { "percent literal", u"100% %25 %%"_s },
        { "plus", u"1+1=2"_s },
        { "64 KB", big },
    };
}

}   // namespace

class TestRequestBuilder final : public QObject
{
    Q_OBJECT

private:
    QProcess m_peer;
    int m_port = 0;
    QNetworkAccessManager m_nam;

    // Sends the request to the echo peer; its decoded view of what arrived goes to *answer.
    void send(const HttpRequest &request, QJsonObject *answer)
    {
        QNetworkRequest req(request.url);
        for (const auto &h : request.headers)
            req.setRawHeader(h.first, h.second);
        std::unique_ptr<QNetworkReply> reply(m_nam.sendCustomRequest(req, request.method, request.body));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 30000);
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll(), &err);
        QCOMPARE(err.error, QJsonParseError::NoError);
        *answer = doc.object();
        QVERIFY2(answer->value(u"error"_s).isNull(), qPrintable(answer->value(u"error"_s).toString()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString python = QStandardPaths::findExecutable(u"python3"_s);
        QVERIFY2(!python.isEmpty(), "python3 is needed for the independent HTTP peer");
        m_nam.setProxy(QNetworkProxy::NoProxy);
        const QString script = QFINDTESTDATA("support/echo_server.py");
        QVERIFY2(!script.isEmpty(), "support/echo_server.py not found");
        m_peer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_peer.start(python, { script });
        QVERIFY(m_peer.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(m_peer.canReadLine(), 20000);
        m_port = m_peer.readLine().trimmed().toInt();
        QVERIFY(m_port > 0);
    }

    void cleanupTestCase()
    {
        m_peer.closeWriteChannel();
        if (!m_peer.waitForFinished(5000))
            m_peer.kill();
    }

    void deliveredValues_decodeToOriginals_data()
    {
        QTest::addColumn<int>("method");
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("value");
        const QList<QPair<const char *, std::optional<SiteFormat>>> formats {
            { "GET", std::nullopt },
            { "multipart", SiteFormat::Multipart },
            { "urlencoded", SiteFormat::FormUrlEncoded },
            { "text/plain", SiteFormat::TextPlain },
            { "json", SiteFormat::Json },
        };
        for (const auto &f : formats)
            for (const auto &v : hostileValues())
                QTest::addRow("%s: %s", f.first, v.first)
                    << static_cast<int>(f.second ? SiteMethod::Post : SiteMethod::Get)
                    << (f.second ? static_cast<int>(*f.second) : 0) << v.second;
    }
    void deliveredValues_decodeToOriginals()
    {
        QFETCH(int, method);
        QFETCH(int, format);
        QFETCH(QString, value);
        const auto m = static_cast<SiteMethod>(method);
        const std::optional<SiteFormat> f = format ? std::optional(static_cast<SiteFormat>(format)) : std::nullopt;
        const ExternalSite s = site(u"http://127.0.0.1:%1/crm/{1}/end?fixed=1&ph={2}#frag{3}"_s.arg(m_port), m, f);
        ResolvedParameters resolved;
        resolved.parameters
            = { { u"first"_s, u"plain"_s }, { u"hostile"_s, value }, { u"empty"_s, QString() }, { u"last"_s, u"z"_s } };
        resolved.placeholders = { { 1, value }, { 2, value }, { 3, value } };
        const HttpRequest request = RequestBuilder::build(s, resolved, "t0k3n");

        QJsonObject answer;
        send(request, &answer);
        if (QTest::currentTestFailed())
            return;

        QCOMPARE(answer.value(u"method"_s).toString(), QString::fromLatin1(request.method));
        // Placeholder in a path segment: one segment, decoding to the value.
        const QJsonArray segments = answer.value(u"path_segments"_s).toArray();
        QCOMPARE(segments.size(), 3);
        QCOMPARE(segments.at(1).toString(), value);
        // Placeholder in the query, and the URL's own query kept.
        Pairs expectedQuery { { u"fixed"_s, u"1"_s }, { u"ph"_s, value } };
        if (m == SiteMethod::Get)
            expectedQuery += resolved.parameters;
        const Pairs query = pairsFromJson(answer.value(u"query"_s));
        QVERIFY2(query == expectedQuery, qPrintable(describe(query)));
        // The fragment never leaves the client, but it is filled for the browser.
        QVERIFY(request.url.fragment(QUrl::FullyDecoded) == u"frag"_s + value);

        bool sawAuthorization = false;
        for (const QJsonValue &h : answer.value(u"headers"_s).toArray())
            if (h.toArray().at(0).toString().compare(u"Authorization"_s, Qt::CaseInsensitive) == 0) {
                QCOMPARE(h.toArray().at(1).toString(), u"Bearer t0k3n"_s);
                sawAuthorization = true;
            }
        QVERIFY(sawAuthorization);

        if (m == SiteMethod::Get) {
            QVERIFY(answer.value(u"body_b64"_s).toString().isEmpty());
            return;
        }
        QCOMPARE(answer.value(u"content_type"_s).toString().toLatin1(), request.header("Content-Type"));
        const QByteArray received = QByteArray::fromBase64(answer.value(u"body_b64"_s).toString().toLatin1());
        QCOMPARE(received, request.body);
        if (*f == SiteFormat::TextPlain && value.contains(u"\r\n"_s)) {
            // text/plain cannot carry a line break unambiguously (HTML says so); what must hold
            // is that the exact lines were sent.
            QCOMPARE(received, "first=plain\r\nhostile=" + value.toUtf8() + "\r\nempty=\r\nlast=z\r\n");
            return;
        }
        const Pairs fields = pairsFromJson(answer.value(u"fields"_s));
        QVERIFY2(fields == resolved.parameters, qPrintable(describe(fields)));
        if (*f == SiteFormat::Multipart) {
            const QByteArray ct = request.header("Content-Type");
            const QByteArray boundary = ct.mid(ct.indexOf("boundary=") + 9);
            QVERIFY(!boundary.isEmpty());
            QVERIFY(!value.toUtf8().contains(boundary));
        }
    }

    void simpleBodies_areByteExact_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("urlencoded") << static_cast<int>(SiteFormat::FormUrlEncoded)
                                    << QByteArray("application/x-www-form-urlencoded")
                                    << QByteArray("name=Ana+Mar%C3%ADa&q=a%26b%3Dc&n=1%2B1&s=*-._%7E%21");
        QTest::newRow("text/plain") << static_cast<int>(SiteFormat::TextPlain)
                                    << QByteArray("text/plain; charset=utf-8")
                                    << QByteArray("name=Ana Mar\xc3\xad"
                                                  "a\r\nq=a&b=c\r\nn=1+1\r\ns=*-._~!\r\n");
        QTest::newRow("json") << static_cast<int>(SiteFormat::Json) << QByteArray("application/json")
                              << QByteArray("{\"name\":\"Ana Mar\xc3\xad"
                                            "a\",\"q\":\"a&b=c\",\"n\":\"1+1\",\"s\":\"*-._~!\"}");
        QTest::newRow("multipart") << static_cast<int>(SiteFormat::Multipart)
                                   << QByteArray("multipart/form-data; boundary=")
                                   << QByteArray(
                                          "--@\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nAna Mar\xc3\xad"
                                          "a\r\n"
                                          "--@\r\nContent-Disposition: form-data; name=\"q\"\r\n\r\na&b=c\r\n"
                                          "--@\r\nContent-Disposition: form-data; name=\"n\"\r\n\r\n1+1\r\n"
                                          "--@\r\nContent-Disposition: form-data; name=\"s\"\r\n\r\n*-._~!\r\n"
                                          "--@--\r\n");
    }
    void simpleBodies_areByteExact()
    {
        QFETCH(int, format);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        ResolvedParameters resolved;
        resolved.parameters
            = { { u"name"_s, u"Ana María"_s }, { u"q"_s, u"a&b=c"_s }, { u"n"_s, u"1+1"_s }, { u"s"_s, u"*-._~!"_s } };
        const HttpRequest r = RequestBuilder::build(
            site(u"https://crm.example.com/in"_s, SiteMethod::Post, static_cast<SiteFormat>(format)), resolved);
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.url.toEncoded(), QByteArray("https://crm.example.com/in"));
        if (static_cast<SiteFormat>(format) == SiteFormat::Multipart) {
            const QByteArray ct = r.header("Content-Type");
            QVERIFY(ct.startsWith(contentType));
            const QByteArray boundary = ct.mid(contentType.size());
            QVERIFY(QRegularExpression(u"^[-A-Za-z0-9]{20,70}$"_s).match(QString::fromLatin1(boundary)).hasMatch());
            body.replace("@", boundary);
        } else {
            QCOMPARE(r.header("Content-Type"), contentType);
        }
        QCOMPARE(r.body, body);
        QVERIFY(r.header("Authorization").isEmpty());
    }

    void getQuery_appendedAfterExistingQueryAndBeforeFragment_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("no query") << u"https://x.io/"_s << QByteArray("https://x.io/?b=2&c=a+b");
        QTest::newRow("existing query (OMniLeads: second ?)")
            << u"https://x/?a=1"_s << QByteArray("https://x/?a=1&b=2&c=a+b");
        QTest::newRow("trailing ?") << u"https://x/p?"_s << QByteArray("https://x/p?b=2&c=a+b");
        QTest::newRow("trailing &") << u"https://x/p?a=1&"_s << QByteArray("https://x/p?a=1&b=2&c=a+b");
        QTest::newRow("fragment") << u"https://x/p#top"_s << QByteArray("https://x/p?b=2&c=a+b#top");
        QTest::newRow("query and fragment") << u"https://x/p?a=1#top"_s << QByteArray("https://x/p?a=1&b=2&c=a+b#top");
        QTest::newRow("no path") << u"http://x:8080"_s << QByteArray("http://x:8080?b=2&c=a+b");
    }
    void getQuery_appendedAfterExistingQueryAndBeforeFragment()
    {
        QFETCH(QString, url);
        QFETCH(QByteArray, expected);
        ResolvedParameters resolved;
        resolved.parameters = { { u"b"_s, u"2"_s }, { u"c"_s, u"a b"_s } };
        const HttpRequest r = RequestBuilder::build(site(url, SiteMethod::Get), resolved);
        QCOMPARE(r.method, QByteArray("GET"));
        QCOMPARE(r.url.toEncoded(), expected);
        QVERIFY(r.body.isEmpty());
        QVERIFY(r.header("Content-Type").isEmpty());
    }

    void getWithoutParameters_keepsUrl()
    {
        const HttpRequest r = RequestBuilder::build(site(u"https://x/p?a=1#f"_s, SiteMethod::Get), {});
        QCOMPARE(r.url.toEncoded(), QByteArray("https://x/p?a=1#f"));
    }

    void placeholders_filledAndEncodedForTheirPosition_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("method");
        QTest::addColumn<QByteArray>("expected");
        const int get = static_cast<int>(SiteMethod::Get);
        const int post = static_cast<int>(SiteMethod::Post);
        // Reference §7 item 20 (values: phone, campaign id, call id, fixed "v").
        QTest::newRow("§7.20 all in path")
            << u"https://oml.com/{1}/{2}/{3}/{4}"_s << get << QByteArray("https://oml.com/%2B54%20351/12/1700.42/v");
        QTest::newRow("server POST fills too (§7.35)")
            << u"https://oml.com/{1}/{2}/{3}/{4}"_s << post << QByteArray("https://oml.com/%2B54%20351/12/1700.42/v");
        QTest::newRow("path vs query vs fragment")
            << u"https://h/a/{5}?q={5}#f={5}"_s << get
            << QByteArray("https://h/a/a%2Fb%3Fc%23d%26e%3Df%20g%2Bh%25%3B:@?q=a/b?c%23d%26e%3Df%20g%2Bh%25%3B:@#f=a/"
                          "b?c%23d%26e%3Df%20g%2Bh%25%3B:@");
        QTest::newRow("every occurrence") << u"https://h/{2}/{2}?x={2}"_s << get << QByteArray("https://h/12/12?x=12");
        QTest::newRow("placeholder in host") << u"https://{4}.crm.io/"_s << get << QByteArray("https://v.crm.io/");
        QTest::newRow("unknown placeholder kept")
            << u"https://h/{9}/{2}"_s << get << QByteArray("https://h/%7B9%7D/12");
        QTest::newRow("non-ascii in template encoded")
            << u"https://h/búsqueda/{4}"_s << get << QByteArray("https://h/b%C3%BAsqueda/v");
        QTest::newRow("escapes in template kept") << u"https://h/a%20b/{4}"_s << get << QByteArray("https://h/a%20b/v");
        QTest::newRow("accented value") << u"https://h/{6}"_s << get << QByteArray("https://h/S%C3%A3o%20Paulo");
        QTest::newRow("no scheme, :// later")
            << u"/p/{4}?r=http://x/{1}"_s << get << QByteArray("/p/v?r=http://x/%2B54%20351");
    }
    void placeholders_filledAndEncodedForTheirPosition()
    {
        QFETCH(QString, url);
        QFETCH(int, method);
        QFETCH(QByteArray, expected);
        ResolvedParameters resolved;
        resolved.placeholders = {
            { 1, u"+54 351"_s },  { 2, u"12"_s }, { 3, u"1700.42"_s }, { 4, u"v"_s }, { 5, u"a/b?c#d&e=f g+h%;:@"_s },
            { 6, u"São Paulo"_s }
        };
        const auto m = static_cast<SiteMethod>(method);
        const HttpRequest r = RequestBuilder::build(
            site(url, m, m == SiteMethod::Post ? std::optional(SiteFormat::Json) : std::nullopt), resolved);
        QCOMPARE(r.url.toEncoded(), expected);
        if (m == SiteMethod::Post)
            QCOMPARE(r.body, QByteArray("{}"));
    }

    void formUrlEncode_followsWhatwgSerializer_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("kept") << u"AZaz09*-._"_s << QByteArray("AZaz09*-._");
        QTest::newRow("space is plus") << u"a b"_s << QByteArray("a+b");
        QTest::newRow("tilde encoded") << u"~"_s << QByteArray("%7E");
        QTest::newRow("reserved") << u"&=+%#?/"_s << QByteArray("%26%3D%2B%25%23%3F%2F");
        QTest::newRow("utf-8") << u"ñ☎"_s << QByteArray("%C3%B1%E2%98%8E");
        QTest::newRow("newline") << u"\r\n"_s << QByteArray("%0D%0A");
        QTest::newRow("empty") << QString() << QByteArray();
    }
    void formUrlEncode_followsWhatwgSerializer()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, expected);
        QCOMPARE(RequestBuilder::formUrlEncode(text), expected);
    }

    void json_keepsParameterOrderAndEscapes()
    {
        const QByteArray body
            = RequestBuilder::jsonBody({ { u"z"_s, u"1"_s }, { u"a"_s, u"\"\\\n\u0001"_s }, { u"m"_s, u"ñ"_s } });
        QCOMPARE(body, QByteArray("{\"z\":\"1\",\"a\":\"\\\"\\\\\\n\\u0001\",\"m\":\"\xc3\xb1\"}"));
        const QJsonDocument parsed = QJsonDocument::fromJson(body);
        QCOMPARE(parsed.object().value(u"a"_s).toString(), u"\"\\\n\u0001"_s);
    }

    void chooseBoundary_retriesWhileItOccursInAValue()
    {
        const RequestBuilder::Parameters params { { u"a"_s, u"xx--ClashClashClash--yy"_s }, { u"b"_s, u"Second"_s } };
        QStringList offered { u"ClashClashClash"_s, u"Second"_s, u"FreshBoundary123"_s };
        int asked = 0;
        const QByteArray b = RequestBuilder::chooseBoundary(params, [&] { return offered.value(asked++).toLatin1(); });
        QCOMPARE(b, QByteArray("FreshBoundary123"));
        QCOMPARE(asked, 3);
        // With the random source, never a boundary found in a value either.
        for (int i = 0; i < 50; ++i) {
            const QByteArray r = RequestBuilder::chooseBoundary(params);
            QVERIFY(!params.at(0).second.toLatin1().contains(r));
            QVERIFY(r.size() <= 70);
        }
    }

    void fillPlaceholders_invalidSchemeIsReadAsPath()
    {
        // Not a URL SiteRules accepts, but the builder must still encode it, never copy it raw.
        QCOMPARE(RequestBuilder::fillPlaceholders(u"h t://x/{4}"_s, { { 4, u"a/b"_s } }), u"h%20t://x/a%2Fb"_s);
        QCOMPARE(RequestBuilder::fillPlaceholders(u"ñ://{4}"_s, { { 4, u"a/b"_s } }), u"%C3%B1://a%2Fb"_s);
        // Found by fuzz_requestbuilder: a NUL in the template was copied as is.
        QCOMPARE(RequestBuilder::fillPlaceholders(u"https://h/a\u0000b"_s, {}), u"https://h/a%00b"_s);
    }

    void chooseBoundary_refusesCharactersMultipartCannotCarry()
    {
        QList<QByteArray> offered { "has\r\nbreak", QByteArray(71, 'a'), "ends with space ", "ok'()+_,-./:=? b" };
        int asked = 0;
        const QByteArray b = RequestBuilder::chooseBoundary({}, [&] { return offered.value(asked++); });
        QCOMPARE(b, QByteArray("ok'()+_,-./:=? b"));
        // Characters special in a header parameter make the boundary a quoted string.
        QCOMPARE(RequestBuilder::contentType(SiteFormat::Multipart, b),
                 QByteArray("multipart/form-data; boundary=\"ok'()+_,-./:=? b\""));
        QCOMPARE(RequestBuilder::contentType(SiteFormat::Multipart, "abc-123"),
                 QByteArray("multipart/form-data; boundary=abc-123"));
    }

    void bearerToken_sentAsAuthorizationHeader()
    {
        const HttpRequest r
            = RequestBuilder::build(site(u"https://h/"_s, SiteMethod::Post, SiteFormat::Json), {}, "abc.def");
        QCOMPARE(r.header("Authorization"), QByteArray("Bearer abc.def"));
    }

    void preview_showsExactRequestWithTokenMasked()
    {
        ResolvedParameters resolved;
        resolved.parameters = { { u"id"_s, u"42"_s }, { u"n"_s, u"a b"_s } };
        resolved.placeholders = { { 1, u"x y"_s } };
        const HttpRequest r = RequestBuilder::build(
            site(u"https://crm.io:8443/c/{1}?k=1"_s, SiteMethod::Post, SiteFormat::FormUrlEncoded), resolved, "s3cr3t");
        const QByteArray text = RequestBuilder::preview(r);
        QCOMPARE(text,
                 QByteArray("POST /c/x%20y?k=1 HTTP/1.1\r\n"
                            "Host: crm.io:8443\r\n"
                            "Content-Type: application/x-www-form-urlencoded\r\n"
                            "Authorization: Bearer ********\r\n"
                            "Content-Length: 11\r\n"
                            "\r\n"
                            "id=42&n=a+b"
                            ""));
    }

    void previewOfGet_hasNoBody()
    {
        ResolvedParameters resolved;
        resolved.parameters = { { u"id"_s, u"42"_s } };
        const HttpRequest r = RequestBuilder::build(site(u"http://crm.io/"_s, SiteMethod::Get), resolved);
        QCOMPARE(RequestBuilder::preview(r), QByteArray("GET /?id=42 HTTP/1.1\r\nHost: crm.io\r\n\r\n"));
    }

    void interaction_roundTripsThroughJsonAndBuildsTheSameRequest()
    {
        ExternalSite s = site(u"https://h/{1}"_s, SiteMethod::Post, SiteFormat::TextPlain);
        s.trigger = SiteTrigger::Automatic;
        s.target = SiteTarget::NewWindow;
        ResolvedParameters resolved;
        resolved.parameters = { { u"b"_s, u"2"_s }, { u"a"_s, u"ñ\r\n"_s } };
        resolved.placeholders = { { 1, u"p q"_s } };
        const Interaction i = RequestBuilder::interaction(s, resolved);
        const QJsonObject json = i.toJson();
        QCOMPARE(json.value(u"url"_s).toString(), u"https://h/p%20q"_s);
        QCOMPARE(json.value(u"method"_s).toString(), u"POST"_s);
        QCOMPARE(json.value(u"format"_s).toString(), u"text/plain"_s);
        QCOMPARE(json.value(u"trigger"_s).toInt(), 2);
        QCOMPARE(json.value(u"target"_s).toInt(), 2);
        QCOMPARE(json.value(u"parameters"_s).toArray().at(0).toObject().value(u"name"_s).toString(), u"b"_s);
        const auto back = Interaction::fromJson(QJsonDocument::fromJson(QJsonDocument(json).toJson()).object());
        QVERIFY(back.ok());
        QVERIFY(back.value() == i);
        const HttpRequest a = RequestBuilder::build(i);
        const HttpRequest b = RequestBuilder::build(back.value());
        QCOMPARE(a.url, b.url);
        QCOMPARE(a.body, b.body);
        QCOMPARE(a.headers, b.headers);
    }

    void interactionOfGet_hasNoFormat()
    {
        const Interaction i
            = RequestBuilder::interaction(site(u"https://h/"_s, SiteMethod::Get, SiteFormat::Multipart), {});
        QVERIFY(!i.format);
        QVERIFY(i.toJson().value(u"format"_s).isNull());
        QCOMPARE(i.toOmniLeadsConfig().value(u"formato"_s).toString(), u"multipart/form-data"_s);
        QCOMPARE(i.toOmniLeadsConfig().value(u"metodo"_s).toString(), u"GET"_s);
    }

    void interactionFromJson_rejectsMalformed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("no url") << QByteArray(R"({"method":"GET","trigger":1})");
        QTest::newRow("bad method") << QByteArray(R"({"url":"x","method":"PUT","trigger":1})");
        QTest::newRow("bad format") << QByteArray(R"({"url":"x","method":"POST","format":"text/html","trigger":1})");
        QTest::newRow("bad trigger") << QByteArray(R"({"url":"x","method":"GET","trigger":9})");
        QTest::newRow("bad parameter") << QByteArray(
            R"({"url":"x","method":"GET","trigger":1,"parameters":[{"name":1}]})");
    }
    void interactionFromJson_rejectsMalformed()
    {
        QFETCH(QByteArray, json);
        const auto r = Interaction::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
    }
};

QTEST_GUILESS_MAIN(TestRequestBuilder)
#include "tst_requestbuilder.moc"
