#include <core/model/logvalue.h>

namespace enlace {

namespace {

constexpr char16_t kHex[] = u"0123456789abcdef";

// C0 controls, DEL, C1 controls, the Unicode line/paragraph separators and lone surrogates: what
// a terminal or a line-oriented reader may take for something else than text.
bool isControl(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || (c >= 0xd800 && c <= 0xdfff);
}

bool needsQuotes(char32_t c)
{
    return isControl(c) || c == u' ' || c == u'"' || c == u'=' || c == u'\\' || c == 0xa0 || c == 0xfeff;
}

void appendHexByte(QString &out, unsigned byte)
{
    out += u"\\x";
    out += QChar(kHex[(byte >> 4) & 0xf]);
    out += QChar(kHex[byte & 0xf]);
}

// One code point (or a lone surrogate, as its own value) escaped for inside the quotes.
void appendEscaped(QString &out, char32_t c, bool insideQuotes)
{
    switch (c) {
    case u'\n':
        out += u"\\n";
        return;
    case u'\r':
        out += u"\\r";
        return;
    case u'\t':
        out += u"\\t";
        return;
    case u'"':
        out += insideQuotes ? u"\\\"" : u"\"";
        return;
    case u'\\':
        out += insideQuotes ? u"\\\\" : u"\\";
        return;
    default:
        break;
    }
    if (c < 0x20 || c == 0x7f) {
        appendHexByte(out, unsigned(c));
    } else if (isControl(c)) {
        out += u"\\u";
        for (int shift = 12; shift >= 0; shift -= 4)
            out += QChar(kHex[(c >> shift) & 0xf]);
    } else if (c > 0xffff) {
        out += QChar(QChar::highSurrogate(c));
        out += QChar(QChar::lowSurrogate(c));
    } else {
        out += QChar(char16_t(c));
    }
}

// Walks UTF-16, giving code points; an unpaired surrogate comes as itself.
template <typename F> void forEachCodePoint(QStringView text, F f)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = text.at(i).unicode();
        if (QChar::isHighSurrogate(u) && i + 1 < text.size() && QChar::isLowSurrogate(text.at(i + 1).unicode())) {
            f(QChar::surrogateToUcs4(u, text.at(i + 1).unicode()));
            ++i;
        } else {
            f(char32_t(u));
        }
    }
}

// One UTF-8 sequence at bytes[i]: its code point and length, or length 0 when it is not valid
// (overlong forms, surrogates and values past U+10FFFF are not valid).
std::pair<char32_t, int> decodeUtf8(QByteArrayView bytes, qsizetype i)
{
    const auto b = [&](qsizetype k) { return unsigned(static_cast<unsigned char>(bytes.at(k))); };
    const unsigned lead = b(i);
    if (lead < 0x80)
        return { lead, 1 };
    int length = 0;
    char32_t c = 0;
    char32_t min = 0;
    if ((lead & 0xe0) == 0xc0) {
        length = 2, c = lead & 0x1f, min = 0x80;
    } else if ((lead & 0xf0) == 0xe0) {
        length = 3, c = lead & 0x0f, min = 0x800;
    } else if ((lead & 0xf8) == 0xf0) {
        length = 4, c = lead & 0x07, min = 0x10000;
    } else {
        return { 0, 0 };
    }
    if (i + length > bytes.size())
        return { 0, 0 };
    for (int k = 1; k < length; ++k) {
        const unsigned next = b(i + k);
        if ((next & 0xc0) != 0x80)
            return { 0, 0 };
        c = (c << 6) | (next & 0x3f);
    }
    if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
        return { 0, 0 };
    return { c, length };
}

}   // namespace

QString LogValue::quoted(QStringView value)
{
    bool quote = value.isEmpty();
    forEachCodePoint(value, [&](char32_t c) { quote = quote || needsQuotes(c); });
    if (!quote)
        return value.toString();
    QString out;
    out.reserve(value.size() + 2);
    out += u'"';
    forEachCodePoint(value, [&](char32_t c) { appendEscaped(out, c, true); });
    out += u'"';
    return out;
}

QString LogValue::quoted(QByteArrayView bytes)
{
    QString out;
    out.reserve(bytes.size() + 2);
    bool quote = bytes.isEmpty();
    for (qsizetype i = 0; i < bytes.size();) {
        const auto [c, length] = decodeUtf8(bytes, i);
        if (length == 0) {
            quote = true;
            appendHexByte(out, static_cast<unsigned char>(bytes.at(i)));
            ++i;
            continue;
        }
        quote = quote || needsQuotes(c);
        appendEscaped(out, c, true);
        i += length;
    }
    if (!quote)
        return out;
    return u'"' + out + u'"';
}

QString LogValue::oneLine(QStringView message)
{
    bool clean = true;
    forEachCodePoint(message, [&](char32_t c) { clean = clean && !isControl(c); });
    if (clean)
        return message.toString();
    QString out;
    out.reserve(message.size() + 8);
    forEachCodePoint(message, [&](char32_t c) { appendEscaped(out, c, false); });
    return out;
}

}   // namespace enlace
