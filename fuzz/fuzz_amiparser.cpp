// fuzz-link: enlace_telephony
// Fuzzes AmiParser, the framing of everything Asterisk sends. Besides "no crash, no sanitizer
// report", it checks that the bytes parse the same however they are split across reads, that the
// size limits hold, and that a parsed message serialises and parses back to itself.
#include <core/telephony/amiparser.h>

#include <cstdio>
#include <cstdlib>
#include <fuzzer/FuzzedDataProvider.h>

using namespace enlace;

namespace {

void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "invariant broken: %s\n", what);
        std::abort();
    }
}

bool same(const QList<AmiMessage> &a, const QList<AmiMessage> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].fields != b[i].fields || a[i].output != b[i].output || a[i].banner != b[i].banner)
            return false;
    }
    return true;
}

constexpr AmiParser::Limits kLimits { 2048, 32 };

}   // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzedDataProvider provider(data, size);
    const uint8_t seed = provider.ConsumeIntegral<uint8_t>();
    const std::string rest = provider.ConsumeRemainingBytesAsString();
    const QByteArrayView stream(rest.data(), qsizetype(rest.size()));

    AmiParser whole(kLimits);
    whole.feed(stream);
    const QList<AmiMessage> expected = whole.takeAll();

    // The same bytes in pieces whose sizes follow a cheap generator seeded by the first byte.
    AmiParser pieces(kLimits);
    QList<AmiMessage> got;
    quint32 state = seed * 2654435761u + 1;
    for (qsizetype at = 0; at < stream.size();) {
        state = state * 1103515245u + 12345u;
        const qsizetype n = qMin<qsizetype>(stream.size() - at, 1 + (state >> 16) % 17);
        pieces.feed(stream.sliced(at, n));
        at += n;
        got += pieces.takeAll();
    }
    check(same(expected, got), "split reads parse differently");
    check(whole.droppedMessages() == pieces.droppedMessages(), "split reads drop differently");

    for (const AmiMessage &m : expected) {
        qsizetype bytes = 0;
        for (const auto &[k, v] : m.fields) {
            bytes += k.size() + v.size();
            check(!k.isEmpty(), "empty key");
            check(!k.contains(':') && !k.contains('\n') && !v.contains('\n'), "separator inside a key or value");
        }
        for (const QByteArray &o : m.output)
            bytes += o.size();
        check(bytes <= kLimits.maxMessageBytes, "message larger than the limit");
        check(m.fields.size() <= kLimits.maxFields, "more fields than the limit");

        const bool plain = m.banner.isEmpty() && m.output.isEmpty() && !m.fields.isEmpty()
            && !(m.fields.first().first.compare("Response", Qt::CaseInsensitive) == 0
                 && m.fields.first().second.compare("Follows", Qt::CaseInsensitive) == 0)
            && !m.fields.first().first.startsWith("Asterisk Call Manager");
        if (plain) {
            AmiParser again(kLimits);
            again.feed(m.serialize());
            const QList<AmiMessage> back = again.takeAll();
            check(back.size() == 1 && back.first().fields == m.fields, "serialize does not round-trip");
        }
    }
    return 0;
}
