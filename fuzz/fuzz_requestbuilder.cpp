// fuzz-link: enlace_requests
// Fuzzes RequestBuilder: URL templates with placeholders and every body encoding, from arbitrary
// bytes. Besides "no crash, no sanitizer report", it checks with decoders written here,
// independently of the encoders, that every value comes back unchanged.
// fuzz-link: enlace_requests
#include <core/requests/requestbuilder.h>

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cstdio>
#include <cstdlib>
#include <fuzzer/FuzzedDataProvider.h>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "invariant broken: %s\n", what);
        std::abort();
    }
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

QByteArray percentDecode(const QByteArray &in, bool plusIsSpace)
{
    QByteArray out;
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        if (c == '%') {
            check(i + 2 < in.size(), "truncated %XX");
            const int hi = hexValue(in.at(i + 1));
            const int lo = hexValue(in.at(i + 2));
            check(hi >= 0 && lo >= 0, "bad %XX");
            out.append(static_cast<char>(hi * 16 + lo));
            i += 2;
        } else if (plusIsSpace && c == '+') {
            out.append(' ');
        } else {
            out.append(c);
        }
    }
    return out;
}

// application/x-www-form-urlencoded parsing (WHATWG), minus the empty-sequence skipping that
// would lose an empty name with an empty value.
QList<QPair<QByteArray, QByteArray>> parseForm(const QByteArray &body, qsizetype expected)
{
    QList<QPair<QByteArray, QByteArray>> out;
    if (expected == 0) {
        check(body.isEmpty(), "empty form has a body");
        return out;
    }
    for (const QByteArray &pair : body.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        check(eq >= 0, "pair without =");
        out.append({ percentDecode(pair.left(eq), true), percentDecode(pair.mid(eq + 1), true) });
    }
    return out;
}

bool onlyUrlCharacters(const QByteArray &s)
{
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{'
            || c == '|' || c == '}')
            return false;
    }
    return true;
}

QString takeString(FuzzedDataProvider &fdp, size_t max)
{
    const std::string s = fdp.ConsumeRandomLengthString(max);
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

}   // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzedDataProvider fdp(data, size);
    const QString urlTemplate = takeString(fdp, 300);
    RequestBuilder::Parameters params;
    QMap<int, QString> placeholders;
    const int count = fdp.ConsumeIntegralInRange(0, 8);
    for (int i = 0; i < count; ++i) {
        const QString name = takeString(fdp, 40);
        const QString value = takeString(fdp, 400);
        params.append({ name, value });
        placeholders.insert(fdp.ConsumeIntegralInRange(0, 12), value);
    }
    const QByteArray boundaryCandidate = QByteArray::fromStdString(fdp.ConsumeRandomLengthString(80));

    // URL templates: whatever the template, the result is a plain-ASCII URL.
    const QString filled = RequestBuilder::fillPlaceholders(urlTemplate, placeholders);
    check(onlyUrlCharacters(filled.toLatin1()) && filled.toLatin1() == filled.toUtf8(),
          "filled URL has characters a URL cannot hold");

    // Each placeholder value survives in a path segment, the query and the fragment.
    for (auto it = placeholders.cbegin(); it != placeholders.cend(); ++it) {
        const QString n = QString::number(it.key());
        const QString tpl = u"https://h.example/a/{"_s + n + u"}/b?x={"_s + n + u"}&y=1#{"_s + n + u'}';
        const QByteArray url = RequestBuilder::fillPlaceholders(tpl, placeholders).toLatin1();
        const qsizetype q = url.indexOf('?');
        const qsizetype h = url.indexOf('#');
        check(q > 0 && h > q, "placeholder value introduced a delimiter");
        const QList<QByteArray> segments = url.mid(18, q - 18).split('/');   // after "https://h.example/"
        check(segments.size() == 3, "path placeholder split the segment");
        check(percentDecode(segments.at(1), false) == it.value().toUtf8(), "path value changed");
        const auto query = parseForm(url.mid(q + 1, h - q - 1), 2);
        check(query.size() == 2 && query.at(0).second == it.value().toUtf8() && query.at(1).second == "1",
              "query value changed");
        check(percentDecode(url.mid(h + 1), false) == it.value().toUtf8(), "fragment value changed");
    }

    // GET: the query appended to whatever query the template has.
    ExternalSite site;
    site.url = urlTemplate;
    site.method = SiteMethod::Get;
    ResolvedParameters resolved { params, placeholders };
    const HttpRequest get = RequestBuilder::build(site, resolved, "tok");
    check(get.body.isEmpty(), "GET with a body");
    (void)RequestBuilder::preview(get);

    // application/x-www-form-urlencoded decodes back to the parameters.
    const QByteArray form = RequestBuilder::formUrlEncoded(params);
    const auto decoded = parseForm(form, params.size());
    check(decoded.size() == params.size(), "form pair count");
    for (qsizetype i = 0; i < params.size(); ++i)
        check(decoded.at(i).first == params.at(i).first.toUtf8()
                  && decoded.at(i).second == params.at(i).second.toUtf8(),
              "form value changed");

    // multipart: the boundary occurs in no value, and splitting on it gives the values back.
    int asked = 0;
    const QByteArray boundary
        = RequestBuilder::chooseBoundary(params, [&] { return asked++ == 0 ? boundaryCandidate : QByteArray(); });
    for (const auto &p : params)
        check(!p.second.toUtf8().contains(boundary) && !p.first.toUtf8().contains(boundary), "boundary inside a value");
    const QByteArray multipart = RequestBuilder::multipartBody(params, boundary);
    const QByteArray delimiter = "--" + boundary;
    QList<QByteArray> parts;
    qsizetype from = 0;
    for (;;) {
        const qsizetype at = multipart.indexOf(delimiter, from);
        check(at >= 0, "closing delimiter missing");
        if (from > 0)
            parts.append(multipart.mid(from, at - from));
        from = at + delimiter.size();
        if (multipart.mid(from, 2) == "--")
            break;
    }
    check(parts.size() == params.size(), "multipart part count");
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QByteArray &part = parts.at(i);
        const qsizetype headerEnd = part.indexOf("\r\n\r\n");
        check(part.startsWith("\r\nContent-Disposition: form-data; name=\"") && headerEnd > 0, "part header");
        check(part.endsWith("\r\n"), "part end");
        check(part.mid(headerEnd + 4, part.size() - headerEnd - 6) == params.at(i).second.toUtf8(),
              "multipart value changed");
        check(!part.left(headerEnd).mid(2).contains('\n') && !part.left(headerEnd).mid(2).contains('\r'),
              "name broke the header");
    }

    // JSON parses, and with distinct names gives every value back.
    const QByteArray json = RequestBuilder::jsonBody(params);
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(json, &error).object();
    check(error.error == QJsonParseError::NoError, "JSON does not parse");
    QSet<QString> names;
    for (const auto &p : params)
        names.insert(p.first);
    // Read the parsed object by iterating it: Qt 6.4's QJsonObject::value() can miss a key that
    // iteration shows (a parsed object mixing keys with U+FFFD and Latin-1 letters; Python's json
    // module and iteration both see it), which is a Qt lookup bug, not a body that changed.
    QHash<QString, QString> parsed;
    for (auto it = object.begin(); it != object.end(); ++it)
        parsed.insert(it.key(), it.value().toString());
    if (names.size() == params.size())
        for (const auto &p : params)
            check(parsed.contains(p.first) && parsed.value(p.first) == p.second, "JSON value changed");

    // Every POST format builds, previews, and carries exactly the body encoders produce.
    for (SiteFormat f :
         { SiteFormat::Multipart, SiteFormat::FormUrlEncoded, SiteFormat::TextPlain, SiteFormat::Json }) {
        site.method = SiteMethod::Post;
        site.format = f;
        const HttpRequest post = RequestBuilder::build(site, resolved);
        check(!post.header("Content-Type").isEmpty(), "POST without Content-Type");
        if (f == SiteFormat::FormUrlEncoded)
            check(post.body == form, "urlencoded body differs");
        if (f == SiteFormat::Json)
            check(post.body == json, "JSON body differs");
        if (f == SiteFormat::TextPlain)
            check(post.body == RequestBuilder::textPlainBody(params), "text/plain body differs");
        (void)RequestBuilder::preview(post, true);
    }
    return 0;
}
