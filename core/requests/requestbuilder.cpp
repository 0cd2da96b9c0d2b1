#include <core/requests/requestbuilder.h>

#include <QRandomGenerator>

#include <cstring>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

bool isAlnum(uchar c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool isUnreserved(uchar c)
{
    return isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

bool isHex(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

void appendPercent(QByteArray &out, uchar c)
{
    out.append('%');
    out.append(kHex[c >> 4]);
    out.append(kHex[c & 0xf]);
}

// Characters a URL may hold literally (RFC 3986 unreserved, gen-delims, sub-delims).
bool urlLiteral(char16_t c)
{
    if (c >= 0x80)
        return false;
    const uchar b = static_cast<uchar>(c);
    return isUnreserved(b) || (b != 0 && std::strchr(":/?#[]@!$&'()*+,;=", b) != nullptr);
}

// Value characters kept literally at each position; everything else is %XX of UTF-8. Stricter
// than RFC 3986 allows, so no server reads a delimiter into a value: `;` (path parameters),
// `+` (read as space by form decoders), `&` and `=` (query pairs) are always encoded.
bool keepInPart(uchar c, RequestBuilder::UrlPart part)
{
    if (isUnreserved(c))
        return true;
    switch (part) {
    case RequestBuilder::UrlPart::Authority:
        return false;
    case RequestBuilder::UrlPart::Path:
        return std::strchr("!$'()*,:@", c) != nullptr && c != 0;
    case RequestBuilder::UrlPart::Query:
    case RequestBuilder::UrlPart::Fragment:
        return std::strchr("!$'()*,:@/?", c) != nullptr && c != 0;
    }
    return false;
}

QByteArray escapeMultipartName(const QString &name)
{
    QByteArray out = name.toUtf8();
    out.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    return out;
}

void appendJsonString(QByteArray &out, const QString &s)
{
    out.append('"');
    const QByteArray utf8 = s.toUtf8();
    for (const char ch : utf8) {
        const uchar c = static_cast<uchar>(ch);
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default:
            if (c < 0x20) {
                out.append("\\u00");
                out.append(kHex[c >> 4]);
                out.append(kHex[c & 0xf]);
            } else {
                out.append(ch);
            }
        }
    }
    out.append('"');
}

// RFC 2046 §5.1.1: 1..70 of DIGIT / ALPHA / '()+_,-./:=? and space, not ending in a space.
bool validBoundary(const QByteArray &b)
{
    if (b.isEmpty() || b.size() > 70 || b.endsWith(' '))
        return false;
    for (const char ch : b) {
        const uchar c = static_cast<uchar>(ch);
        if (!isAlnum(c) && std::strchr("'()+_,-./:=? ", c) == nullptr)
            return false;
        if (c == 0)
            return false;
    }
    return true;
}

QByteArray randomBoundary()
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    // 24 characters of 62: about 143 bits, one system call.
    quint32 words[24];
    QRandomGenerator::system()->fillRange(words);
    QByteArray b("----EnlaceBoundary");
    for (const quint32 w : words)
        b.append(alphabet[w % 62]);
    return b;
}

}   // namespace

QByteArray RequestBuilder::percentEncode(const QString &value, UrlPart part)
{
    const QByteArray utf8 = value.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() * 3);
    for (const char ch : utf8) {
        const uchar c = static_cast<uchar>(ch);
        if (keepInPart(c, part))
            out.append(ch);
        else
            appendPercent(out, c);
    }
    return out;
}

QString RequestBuilder::fillPlaceholders(const QString &urlTemplate, const QMap<int, QString> &values)
{
    QByteArray out;
    out.reserve(urlTemplate.size() + 64);
    UrlPart part = UrlPart::Authority;   // the scheme counts as authority: nothing is kept there
    const qsizetype n = urlTemplate.size();
    qsizetype schemeEnd = urlTemplate.indexOf(u"://"_s);
    // RFC 3986 scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ); otherwise there is none.
    for (qsizetype k = 0; k < schemeEnd; ++k) {
        const char16_t c = urlTemplate.at(k).unicode();
        const bool alpha = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
        if (!alpha && (k == 0 || !((c >= u'0' && c <= u'9') || c == u'+' || c == u'-' || c == u'.'))) {
            schemeEnd = -1;
            break;
        }
    }
    qsizetype i = 0;
    if (schemeEnd > 0) {
        out.append(urlTemplate.left(schemeEnd + 3).toUtf8());
        i = schemeEnd + 3;
    } else {
        part = UrlPart::Path;
    }
    while (i < n) {
        const QChar c = urlTemplate.at(i);
        if (c == u'{') {
            qsizetype j = i + 1;
            while (j < n && urlTemplate.at(j).isDigit() && urlTemplate.at(j).unicode() < 0x80)
                ++j;
            if (j > i + 1 && j < n && urlTemplate.at(j) == u'}') {
                bool ok = false;
                const int number = QStringView(urlTemplate).mid(i + 1, j - i - 1).toInt(&ok);
                const auto it = ok ? values.constFind(number) : values.cend();
                if (it != values.cend()) {
                    out.append(percentEncode(it.value(), part));
                    i = j + 1;
                    continue;
                }
            }
        }
        if (c == u'/' && part == UrlPart::Authority)
            part = UrlPart::Path;
        else if (c == u'?' && (part == UrlPart::Authority || part == UrlPart::Path))
            part = UrlPart::Query;
        else if (c == u'#' && part != UrlPart::Fragment)
            part = UrlPart::Fragment;

        if (c == u'%' && i + 2 < n && isHex(urlTemplate.at(i + 1)) && isHex(urlTemplate.at(i + 2))) {
            out.append('%');   // an escape already in the template is the author's; keep it
        } else if (urlLiteral(c.unicode())) {
            out.append(static_cast<char>(c.unicode()));
        } else if (c.isHighSurrogate() && i + 1 < n && urlTemplate.at(i + 1).isLowSurrogate()) {
            for (const char b : urlTemplate.mid(i, 2).toUtf8())
                appendPercent(out, static_cast<uchar>(b));
            ++i;
        } else {
            for (const char b : QString(c).toUtf8())
                appendPercent(out, static_cast<uchar>(b));
        }
        ++i;
    }
    return QString::fromLatin1(out);
}

QString RequestBuilder::appendQuery(const QString &url, const QByteArray &query)
{
    if (query.isEmpty())
        return url;
    const qsizetype hash = url.indexOf(u'#');
    QString base = hash < 0 ? url : url.left(hash);
    const QString fragment = hash < 0 ? QString() : url.mid(hash);
    const QString q = QString::fromLatin1(query);
    if (!base.contains(u'?'))
        base += u'?' + q;
    else if (base.endsWith(u'?') || base.endsWith(u'&'))
        base += q;
    else
        base += u'&' + q;
    return base + fragment;
}

QByteArray RequestBuilder::formUrlEncode(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() * 3);
    for (const char ch : utf8) {
        const uchar c = static_cast<uchar>(ch);
        if (isAlnum(c) || c == '*' || c == '-' || c == '.' || c == '_')
            out.append(ch);
        else if (c == ' ')
            out.append('+');
        else
            appendPercent(out, c);
    }
    return out;
}

QByteArray RequestBuilder::formUrlEncoded(const Parameters &parameters)
{
    QByteArray out;
    for (const auto &p : parameters) {
        if (!out.isEmpty())
            out.append('&');
        out.append(formUrlEncode(p.first));
        out.append('=');
        out.append(formUrlEncode(p.second));
    }
    return out;
}

QByteArray RequestBuilder::textPlainBody(const Parameters &parameters)
{
    QByteArray out;
    for (const auto &p : parameters) {
        out.append(p.first.toUtf8());
        out.append('=');
        out.append(p.second.toUtf8());
        out.append("\r\n");
    }
    return out;
}

QByteArray RequestBuilder::jsonBody(const Parameters &parameters)
{
    QByteArray out("{");
    bool first = true;
    for (const auto &p : parameters) {
        if (!first)
            out.append(',');
        first = false;
        appendJsonString(out, p.first);
        out.append(':');
        appendJsonString(out, p.second);
    }
    out.append('}');
    return out;
}

QByteArray RequestBuilder::multipartBody(const Parameters &parameters, const QByteArray &boundary)
{
    QByteArray out;
    for (const auto &p : parameters) {
        out.append("--").append(boundary).append("\r\n");
        out.append("Content-Disposition: form-data; name=\"").append(escapeMultipartName(p.first)).append("\"\r\n\r\n");
        out.append(p.second.toUtf8()).append("\r\n");
    }
    out.append("--").append(boundary).append("--\r\n");
    return out;
}

QByteArray RequestBuilder::chooseBoundary(const Parameters &parameters, const std::function<QByteArray()> &candidate)
{
    QList<QByteArray> texts;
    texts.reserve(parameters.size() * 2);
    for (const auto &p : parameters) {
        texts.append(escapeMultipartName(p.first));
        texts.append(p.second.toUtf8());
    }
    for (int attempt = 0;; ++attempt) {
        QByteArray b = candidate && attempt < 64 ? candidate() : randomBoundary();
        if (!validBoundary(b))
            continue;
        bool clash = false;
        for (const QByteArray &t : texts)
            if (t.contains(b)) {
                clash = true;
                break;
            }
        if (!clash)
            return b;
    }
}

QByteArray RequestBuilder::contentType(SiteFormat format, const QByteArray &boundary)
{
    switch (format) {
    case SiteFormat::Multipart:
        // RFC 2045: a boundary with tspecials or spaces travels as a quoted string.
        for (const char c : boundary)
            if (std::strchr("()<>@,;:\\\"/[]?= ", c) != nullptr && c != 0)
                return "multipart/form-data; boundary=\"" + boundary + '"';
        return "multipart/form-data; boundary=" + boundary;
    case SiteFormat::FormUrlEncoded:
        return "application/x-www-form-urlencoded";
    case SiteFormat::TextPlain:
        return "text/plain; charset=utf-8";
    case SiteFormat::Json:
        return "application/json";
    }
    return {};
}

Interaction RequestBuilder::interaction(const ExternalSite &site, const ResolvedParameters &resolved)
{
    Interaction out;
    out.siteId = site.id;
    out.url = fillPlaceholders(site.url, resolved.placeholders);
    out.method = site.method;
    out.format = site.method == SiteMethod::Post
        ? std::optional<SiteFormat>(site.format.value_or(SiteFormat::Multipart))
        : std::nullopt;
    out.trigger = site.trigger;
    out.target = site.target;
    out.parameters = resolved.parameters;
    return out;
}

HttpRequest RequestBuilder::build(const Interaction &interaction, const QByteArray &bearerToken)
{
    HttpRequest request;
    QString url = interaction.url;
    if (interaction.method == SiteMethod::Get) {
        request.method = "GET";
        url = appendQuery(url, formUrlEncoded(interaction.parameters));
    } else {
        request.method = "POST";
        const SiteFormat format = interaction.format.value_or(SiteFormat::Multipart);
        QByteArray boundary;
        switch (format) {
        case SiteFormat::Multipart:
            boundary = chooseBoundary(interaction.parameters);
            request.body = multipartBody(interaction.parameters, boundary);
            break;
        case SiteFormat::FormUrlEncoded:
            request.body = formUrlEncoded(interaction.parameters);
            break;
        case SiteFormat::TextPlain:
            request.body = textPlainBody(interaction.parameters);
            break;
        case SiteFormat::Json:
            request.body = jsonBody(interaction.parameters);
            break;
        }
        request.setHeader("Content-Type", contentType(format, boundary));
    }
    if (!bearerToken.isEmpty())
        request.setHeader("Authorization", "Bearer " + bearerToken);
    request.url = QUrl::fromEncoded(url.toLatin1(), QUrl::StrictMode);
    if (!request.url.isValid())
        request.url = QUrl::fromEncoded(url.toLatin1(), QUrl::TolerantMode);
    return request;
}

HttpRequest RequestBuilder::build(const ExternalSite &site, const ResolvedParameters &resolved,
                                  const QByteArray &bearerToken)
{
    return build(interaction(site, resolved), bearerToken);
}

QByteArray RequestBuilder::preview(const HttpRequest &request, bool revealAuthorization)
{
    QByteArray target = request.url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    if (!target.startsWith('/'))
        target.prepend('/');
    QByteArray out = request.method + ' ' + target + " HTTP/1.1\r\n";
    out += "Host: " + request.url.adjusted(QUrl::RemoveUserInfo).authority(QUrl::FullyEncoded).toLatin1() + "\r\n";
    for (const auto &h : request.headers) {
        QByteArray value = h.second;
        if (!revealAuthorization && h.first.compare("Authorization", Qt::CaseInsensitive) == 0) {
            const qsizetype space = value.indexOf(' ');
            value = (space > 0 ? value.left(space + 1) : QByteArray()) + "********";
        }
        out += h.first + ": " + value + "\r\n";
    }
    if (request.method != "GET")
        out += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n";
    out += "\r\n";
    out += request.body;
    return out;
}

QByteArray RequestBuilder::preview(const ExternalSite &site, const ResolvedParameters &resolved)
{
    return preview(build(site, resolved, site.authenticationId ? QByteArray("token") : QByteArray()));
}

}   // namespace enlace
