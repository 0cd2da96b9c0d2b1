#include <core/contacts/csvreader.h>

#include <QIODevice>

#include <cstring>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };

}   // namespace

CsvReader::CsvReader(QIODevice *device, qsizetype chunkSize)
    : m_device(device)
    , m_chunkSize(qMax<qsizetype>(chunkSize, 16))
{ }

bool CsvReader::isFatal() const
{
    return m_problem == Problem::UnterminatedQuote || m_problem == Problem::RecordTooLong
        || m_problem == Problem::ReadFailed;
}

void CsvReader::setProblem(Problem p, qint64 line)
{
    // The first problem of a record is the one reported.
    if (m_problem != Problem::None
        && !(p == Problem::UnterminatedQuote || p == Problem::RecordTooLong || p == Problem::ReadFailed))
        return;
    m_problem = p;
    m_problemLine = line;
}

Message CsvReader::errorMessage() const
{
    const QString line = QString::number(m_problemLine);
    switch (m_problem) {
    case Problem::None:
        return {};
    case Problem::InvalidUtf8:
        return Message::make("Contacts",
                             QT_TRANSLATE_NOOP("Contacts", "Line %1 is not valid UTF-8 text; save the file as UTF-8."),
                             { line });
    case Problem::StrayQuote:
        return Message::make("Contacts",
                             QT_TRANSLATE_NOOP("Contacts", "Line %1 has a quote inside a field that is not quoted: %2"),
                             { line, rawRecordText() });
    case Problem::UnterminatedQuote:
        return Message::make("Contacts", QT_TRANSLATE_NOOP("Contacts", "The quote opened on line %1 is never closed."),
                             { line });
    case Problem::RecordTooLong:
        return Message::make(
            "Contacts",
            QT_TRANSLATE_NOOP("Contacts",
                              "The record starting on line %1 is longer than %2 bytes (a quote never closed?)."),
            { line, QString::number(m_maxRecordBytes) });
    case Problem::ReadFailed:
        return Message::make("Contacts", QT_TRANSLATE_NOOP("Contacts", "The file could not be read after line %1."),
                             { line });
    }
    return {};
}

bool CsvReader::fill()
{
    if (m_eof)
        return false;
    if (m_recordStart > 0) {
        // Keep only the record being parsed: memory is one record plus one chunk.
        m_buf.remove(0, m_recordStart);
        m_consumedBase += m_recordStart;
        m_pos -= m_recordStart;
        m_recordStart = 0;
    }
    if (m_buf.size() > m_maxRecordBytes) {
        setProblem(Problem::RecordTooLong, m_recordLine);
        m_eof = true;
        return false;
    }
    const qsizetype old = m_buf.size();
    m_buf.resize(old + m_chunkSize);
    const qint64 n = m_device->read(m_buf.data() + old, m_chunkSize);
    if (n <= 0) {
        m_buf.resize(old);
        m_eof = true;
        if (n < 0)
            setProblem(Problem::ReadFailed, m_line);
        return false;
    }
    m_buf.resize(old + n);
    return true;
}

bool CsvReader::detectDelimiter()
{
    // Count candidate delimiters on the first line, outside quotes; the most frequent wins,
    // ties going to ',' then ';' then tab.
    qsizetype i = m_pos;
    bool inQuotes = false;
    int commas = 0, semicolons = 0, tabs = 0;
    for (;;) {
        if (i >= m_buf.size()) {
            m_recordStart = m_pos;
            const qsizetype rel = i - m_pos;
            if (!fill())
                break;
            i = m_pos + rel;
            continue;
        }
        const char c = m_buf.at(i++);
        if (c == '"')
            inQuotes = !inQuotes;
        else if (!inQuotes) {
            if (c == '\n' || c == '\r')
                break;
            if (c == ',')
                ++commas;
            else if (c == ';')
                ++semicolons;
            else if (c == '\t')
                ++tabs;
        }
    }
    if (m_problem == Problem::RecordTooLong || m_problem == Problem::ReadFailed)
        return false;
    m_delimiter = ',';
    int best = commas;
    if (semicolons > best) {
        best = semicolons;
        m_delimiter = ';';
    }
    if (tabs > best)
        m_delimiter = '\t';
    return true;
}

CsvReader::Status CsvReader::readNext()
{
    if (m_finished)
        return Status::End;
    m_problem = Problem::None;
    m_fields.clear();
    m_recordStart = m_pos;
    if (!m_started) {
        m_started = true;
        while (m_buf.size() < 3 && fill()) { }
        if (m_buf.startsWith("\xEF\xBB\xBF")) {
            m_hadBom = true;
            m_pos = 3;
            m_recordStart = 3;
        }
        if (!detectDelimiter()) {
            m_finished = true;
            return Status::Error;
        }
    }

    for (;;) {   // one iteration per physical record; blank lines loop again
        m_fields.clear();
        m_recordStart = m_pos;
        if (m_skipLf) {
            if (m_pos == m_buf.size())
                fill();
            if (m_pos < m_buf.size() && m_buf.at(m_pos) == '\n')
                ++m_pos;
            m_skipLf = false;
            m_recordStart = m_pos;
        }
        if (m_pos == m_buf.size() && !fill()) {
            m_finished = true;
            m_consumed = m_consumedBase + m_pos;
            return hasError() ? Status::Error : Status::End;
        }
        m_recordLine = m_line;

        State state = State::FieldStart;
        qsizetype fieldBegin = 0;
        bool unescape = false;
        bool prevCr = false;
        bool ended = false;
        const char delim = m_delimiter;
        while (!ended) {
            if (m_pos == m_buf.size()) {
                if (!fill())
                    break;
            }
            const char *d = m_buf.constData();
            const qsizetype len = m_buf.size();
            const qsizetype rel = m_pos - m_recordStart;
            const char c = d[m_pos];
            switch (state) {
            case State::FieldStart:
                if (c == '"') {
                    state = State::Quoted;
                    fieldBegin = rel + 1;
                    unescape = false;
                    prevCr = false;
                    ++m_pos;
                } else if (c == delim) {
                    m_fields.append({ rel, rel, false });
                    ++m_pos;
                } else if (c == '\n' || c == '\r') {
                    m_fields.append({ rel, rel, false });
                    ended = true;
                } else {
                    state = State::Unquoted;
                    fieldBegin = rel;
                }
                break;
            case State::Unquoted: {
                // Fast path: run to the next character that means something.
                qsizetype p = m_pos;
                while (p < len && d[p] != delim && d[p] != '\n' && d[p] != '\r' && d[p] != '"')
                    ++p;
                m_pos = p;
                if (p == len)
                    break;
                const qsizetype r = p - m_recordStart;
                if (d[p] == '"') {
                    setProblem(Problem::StrayQuote, m_line);
                    ++m_pos;
                } else if (d[p] == delim) {
                    m_fields.append({ fieldBegin, r, false });
                    state = State::FieldStart;
                    ++m_pos;
                } else {
                    m_fields.append({ fieldBegin, r, false });
                    ended = true;
                }
                break;
            }
            case State::Quoted:
                if (c == '"') {
                    state = State::QuoteInQuoted;
                } else if (c == '\n') {
                    if (!prevCr)
                        ++m_line;
                } else if (c == '\r') {
                    ++m_line;
                }
                prevCr = c == '\r';
                ++m_pos;
                break;
            case State::QuoteInQuoted:
                if (c == '"') {
                    unescape = true;
                    state = State::Quoted;
                    prevCr = false;
                    ++m_pos;
                } else if (c == delim) {
                    m_fields.append({ fieldBegin, rel - 1, unescape });
                    state = State::FieldStart;
                    ++m_pos;
                } else if (c == '\n' || c == '\r') {
                    m_fields.append({ fieldBegin, rel - 1, unescape });
                    ended = true;
                } else {
                    // Text after the closing quote: keep it verbatim, report the record.
                    setProblem(Problem::StrayQuote, m_line);
                    fieldBegin = fieldBegin - 1;
                    state = State::Unquoted;
                }
                break;
            }
        }

        if (ended) {
            // m_pos is on the line break that ends the record.
            m_recordEnd = m_pos - m_recordStart;
            if (m_buf.at(m_pos) == '\r')
                m_skipLf = true;
            ++m_pos;
            ++m_line;
        } else {
            // End of input inside a record.
            m_recordEnd = m_pos - m_recordStart;
            if (isFatal()) {
                m_finished = true;
                m_consumed = m_consumedBase + m_pos;
                return Status::Error;
            }
            switch (state) {
            case State::Quoted:
                setProblem(Problem::UnterminatedQuote, m_recordLine);
                m_finished = true;
                m_consumed = m_consumedBase + m_pos;
                return Status::Error;
            case State::QuoteInQuoted:
                m_fields.append({ fieldBegin, m_recordEnd - 1, unescape });
                break;
            case State::Unquoted:
                m_fields.append({ fieldBegin, m_recordEnd, false });
                break;
            case State::FieldStart:
                if (m_recordEnd > 0)
                    m_fields.append({ m_recordEnd, m_recordEnd, false });
                break;
            }
            if (m_fields.isEmpty()) {
                m_finished = true;
                m_consumed = m_consumedBase + m_pos;
                return Status::End;
            }
        }
        m_consumed = m_consumedBase + m_pos;
        if (m_recordEnd == 0 && m_fields.size() == 1)
            continue;   // a blank line
        break;
    }

    ++m_recordIndex;
    if (!isValidUtf8(rawRecord()))
        setProblem(Problem::InvalidUtf8, m_recordLine);
    return hasError() ? Status::Error : Status::Record;
}

QByteArray CsvReader::fieldBytes(qsizetype index) const
{
    if (index < 0 || index >= m_fields.size())
        return {};
    const Span &s = m_fields.at(index);
    const char *base = m_buf.constData() + m_recordStart;
    if (!s.quoted)
        return QByteArray(base + s.begin, s.end - s.begin);
    QByteArray out;
    out.reserve(s.end - s.begin);
    for (qsizetype i = s.begin; i < s.end; ++i) {
        out.append(base[i]);
        if (base[i] == '"' && i + 1 < s.end && base[i + 1] == '"')
            ++i;
    }
    return out;
}

QByteArrayView CsvReader::fieldView(qsizetype index, QByteArray &scratch) const
{
    if (index < 0 || index >= m_fields.size())
        return {};
    const Span &s = m_fields.at(index);
    if (!s.quoted)
        return QByteArrayView(m_buf.constData() + m_recordStart + s.begin, s.end - s.begin);
    scratch = fieldBytes(index);
    return scratch;
}

QStringList CsvReader::fields() const
{
    QStringList out;
    out.reserve(m_fields.size());
    for (qsizetype i = 0; i < m_fields.size(); ++i)
        out.append(field(i));
    return out;
}

QByteArrayView CsvReader::rawRecord() const
{
    return QByteArrayView(m_buf.constData() + m_recordStart, m_recordEnd);
}

QString CsvReader::rawRecordText(qsizetype maxChars) const
{
    QString text = QString::fromUtf8(rawRecord());
    if (text.size() > maxChars)
        text = text.left(maxChars) + u"…"_s;
    return text;
}

bool CsvReader::isValidUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *end = p + bytes.size();
    while (p < end) {
        // ASCII fast path, eight bytes at a time.
        while (end - p >= 8) {
            quint64 w;
            std::memcpy(&w, p, 8);
            if (w & 0x8080808080808080ULL)
                break;
            p += 8;
        }
        if (p >= end)
            break;
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra;
        unsigned min;
        unsigned cp;
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            min = 0x80;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            min = 0x800;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            min = 0x10000;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (end - p <= extra)
            return false;
        for (int k = 1; k <= extra; ++k) {
            if ((p[k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        p += extra + 1;
    }
    return true;
}

}   // namespace enlace
