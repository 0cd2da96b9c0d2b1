#pragma once

#include <core/telephony/amimessage.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace enlace {

// Incremental AMI framing, free of I/O so it can be tested (and fuzzed) on bytes alone.
// Feed whatever a socket read returned; complete messages come out in order. It handles:
// "\r\n" (and bare "\n") line endings, blank-line terminators, the banner line that opens a
// session ("Asterisk Call Manager/x.y.z"), `Output:` lines, the legacy `Response: Follows` body
// ending in "--END COMMAND--", frames split anywhere across reads, and oversized messages
// (dropped whole and counted, never buffered without bound).
class AmiParser final
{
public:
    struct Limits
    {
        qsizetype maxMessageBytes = 1024 * 1024;   // one message, including its lines
        qsizetype maxFields = 4096;
    };

    AmiParser();
    explicit AmiParser(Limits limits);

    void feed(QByteArrayView bytes);
    bool hasMessage() const { return !m_ready.isEmpty(); }
    AmiMessage takeMessage();   // precondition: hasMessage()
    QList<AmiMessage> takeAll();

    // How many messages were dropped because they exceeded the limits.
    int droppedMessages() const { return m_dropped; }
    // A new connection: forget any partial message and expect a banner again.
    void reset();

private:
    void handleLine(QByteArrayView line);
    void finishMessage();
    void dropCurrent();

    Limits m_limits;
    QByteArray m_partialLine;
    AmiMessage m_current;
    qsizetype m_currentBytes = 0;
    bool m_atStreamStart = true;
    bool m_follows = false;   // inside a legacy `Response: Follows` body
    bool m_followsEnded = false;   // saw "--END COMMAND--", waiting for the blank line
    bool m_discardLine = false;   // the partial line is too long: skip to its end
    bool m_discardMessage = false;   // the message is too long: skip to its terminator
    int m_dropped = 0;
    QList<AmiMessage> m_ready;
};

}   // namespace enlace
