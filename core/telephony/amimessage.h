#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <utility>

namespace enlace {

// One Asterisk Manager Interface message: the banner line, a response, an event or an action.
// Fields keep their order and duplicates (an Originate carries several `Variable:` lines,
// a command response several `Output:` lines); keys compare case-insensitively, as Asterisk does.
struct AmiMessage
{
    enum class Kind { Banner, Response, Event, Action, Unknown };

    QList<std::pair<QByteArray, QByteArray>> fields;
    QList<QByteArray> output;   // `Output:` values, or the raw lines of a legacy `Response: Follows`
    QByteArray banner;   // Kind::Banner only: "Asterisk Call Manager/5.0.1"

    Kind kind() const;
    bool has(QByteArrayView key) const;
    QByteArray value(QByteArrayView key) const;   // first value, empty when absent
    QList<QByteArray> values(QByteArrayView key) const;
    QByteArray eventName() const { return value("Event"); }
    QByteArray actionId() const { return value("ActionID"); }

    void append(QByteArray key, QByteArray value) { fields.append({ std::move(key), std::move(value) }); }
    // Wire form: "Key: Value\r\n" lines and the blank-line terminator.
    QByteArray serialize() const;
    // For logs: the same text with the values of secret-bearing keys (Secret, Key) masked.
    QByteArray redacted() const;
};

}   // namespace enlace
