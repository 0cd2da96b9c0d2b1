#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace enlace {

// The one place where text from outside (usernames, paths, error details) is made safe to write
// into a log record. Records are "time level=... category=... key=value ..." lines; a value is
// written as it is when that cannot be misread, else logfmt-style in double quotes with \" \\ \n
// \r \t, \xHH for the other ASCII control bytes (and each byte of invalid UTF-8), \uHHHH for the
// other invisible Unicode controls (C1, line and paragraph separators, lone surrogates). So a
// value never ends its record, never starts a second one and never smuggles a terminal escape.
class LogValue final
{
public:
    LogValue() = delete;

    // `alice` stays `alice`; `a b`, `x=y`, `""`, `"q"`, a value with a control character or a
    // backslash, and the empty value are quoted.
    static QString quoted(QStringView value);
    // The same for bytes that may not be UTF-8 (a raw request target): invalid bytes as \xHH.
    static QString quoted(QByteArrayView bytes);
    // A whole message made one line, for the log writer: control characters escaped as in a
    // quoted value, nothing else changed (the values in it were quoted where they were put).
    static QString oneLine(QStringView message);
};

}   // namespace enlace
