#include <core/telephony/amiparser.h>

namespace enlace {

namespace {

constexpr QByteArrayView kBannerPrefix = "Asterisk Call Manager";
constexpr QByteArrayView kEndCommand = "--END COMMAND--";

}   // namespace

AmiParser::AmiParser()
    : AmiParser(Limits {})
{ }

AmiParser::AmiParser(Limits limits)
    : m_limits(limits)
{ }

void AmiParser::reset()
{
    m_partialLine.clear();
    m_current = {};
    m_currentBytes = 0;
    m_atStreamStart = true;
    m_follows = m_followsEnded = m_discardLine = m_discardMessage = false;
}

AmiMessage AmiParser::takeMessage()
{
    return m_ready.takeFirst();
}

QList<AmiMessage> AmiParser::takeAll()
{
    QList<AmiMessage> out;
    out.swap(m_ready);
    return out;
}

void AmiParser::feed(QByteArrayView bytes)
{
    while (!bytes.isEmpty()) {
        const qsizetype nl = bytes.indexOf('\n');
        if (nl < 0) {
            if (!m_discardLine)
                m_partialLine.append(bytes);
            if (m_partialLine.size() + m_currentBytes > m_limits.maxMessageBytes) {
                // A line that never ends cannot be kept: drop the message it belongs to.
                m_partialLine.clear();
                m_discardLine = true;
                dropCurrent();
            }
            return;
        }
        QByteArrayView piece = bytes.first(nl);
        bytes = bytes.sliced(nl + 1);
        if (m_discardLine) {
            m_discardLine = false;
            m_partialLine.clear();
            continue;
        }
        if (m_partialLine.isEmpty()) {
            if (piece.endsWith('\r'))
                piece.chop(1);
            handleLine(piece);
        } else {
            m_partialLine.append(piece);
            if (m_partialLine.endsWith('\r'))
                m_partialLine.chop(1);
            const QByteArray line = std::exchange(m_partialLine, {});
            handleLine(line);
        }
    }
}

void AmiParser::dropCurrent()
{
    if (!m_discardMessage)
        ++m_dropped;
    m_current = {};
    m_currentBytes = 0;
    m_discardMessage = true;
    // A dropped Follows body still ends at its own marker, not at a blank line inside it.
}

void AmiParser::finishMessage()
{
    if (m_discardMessage) {
        m_discardMessage = false;
    } else if (!m_current.fields.isEmpty() || !m_current.output.isEmpty()) {
        m_ready.append(std::move(m_current));
    }
    m_current = {};
    m_currentBytes = 0;
    m_follows = m_followsEnded = false;
}

void AmiParser::handleLine(QByteArrayView line)
{
    if (m_atStreamStart) {
        if (line.isEmpty())
            return;
        m_atStreamStart = false;
        if (line.startsWith(kBannerPrefix)) {
            AmiMessage banner;
            banner.banner = line.toByteArray();
            m_ready.append(std::move(banner));
            return;
        }
    }

    if (m_follows && !m_followsEnded) {
        if (line.endsWith(kEndCommand)) {
            const QByteArrayView rest = line.chopped(kEndCommand.size());
            if (!rest.isEmpty() && !m_discardMessage)
                m_current.output.append(rest.toByteArray());
            m_followsEnded = true;
            return;
        }
        // Before the body starts, the usual headers still arrive as fields.
        const qsizetype colon = line.indexOf(':');
        if (m_current.output.isEmpty() && colon > 0) {
            const QByteArrayView key = line.first(colon);
            if (key.compare("Privilege", Qt::CaseInsensitive) == 0
                || key.compare("ActionID", Qt::CaseInsensitive) == 0) {
                if (m_discardMessage)
                    return;
                m_currentBytes += line.size() + 2;
                if (m_currentBytes > m_limits.maxMessageBytes || m_current.fields.size() >= m_limits.maxFields) {
                    dropCurrent();
                    return;
                }
                m_current.append(key.toByteArray(), line.sliced(colon + 1).trimmed().toByteArray());
                return;
            }
        }
        if (m_discardMessage)
            return;
        m_currentBytes += line.size() + 2;
        if (m_currentBytes > m_limits.maxMessageBytes) {
            dropCurrent();
            return;
        }
        m_current.output.append(line.toByteArray());
        return;
    }

    if (line.isEmpty()) {
        finishMessage();
        return;
    }
    if (m_discardMessage)
        return;

    m_currentBytes += line.size() + 2;
    if (m_currentBytes > m_limits.maxMessageBytes || m_current.fields.size() >= m_limits.maxFields) {
        dropCurrent();
        return;
    }

    const qsizetype colon = line.indexOf(':');
    QByteArray key = colon > 0 ? line.first(colon).trimmed().toByteArray() : QByteArray();
    if (key.isEmpty()) {
        // Not a header: tolerated as free text (some modules print bare lines).
        m_current.output.append(line.toByteArray());
        return;
    }
    QByteArrayView value = line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    const bool first = m_current.fields.isEmpty();
    if (key.compare("Output", Qt::CaseInsensitive) == 0)
        m_current.output.append(value.toByteArray());
    if (first && key.compare("Response", Qt::CaseInsensitive) == 0
        && value.compare("Follows", Qt::CaseInsensitive) == 0)
        m_follows = true;
    m_current.append(std::move(key), value.toByteArray());
}

}   // namespace enlace
