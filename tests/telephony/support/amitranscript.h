#pragma once

#include <core/model/result.h>
#include <core/telephony/amimessage.h>

#include <QByteArray>
#include <QList>
#include <QString>

namespace enlace::test {

// A scripted AMI conversation, read from tests/data/ami/*.txt (format described in
// tests/data/ami/README.md):
//   "< text"   Asterisk sends "text\r\n"; "<" alone sends the blank line that ends a message;
//   "> K: V"   the client must send this field; ">" alone ends the expected message;
//   "! close"  Asterisk drops the connection;  "! accept"  wait for the client to reconnect.
// In "<" lines ${name} is replaced by a captured value; in ">" values ${name} captures the
// client's value the first time and must match it afterwards, "*" matches anything and
// md5(text) matches the lower-case hex MD5 of text (after ${} substitution).
class AmiTranscript final
{
public:
    struct Step
    {
        enum class Type { Send, Expect, Close, Accept };
        Type type = Type::Send;
        QByteArray bytes;   // Send
        AmiMessage expect;   // Expect: the patterns, in the order the client must send them
        int line = 0;
    };

    static Result<AmiTranscript> load(const QString &path);
    static Result<AmiTranscript> parse(const QByteArray &text, const QString &name = QStringLiteral("transcript"));

    const QList<Step> &steps() const { return m_steps; }
    QString name() const { return m_name; }
    // Every byte the server side sends, in order (${} left as written): input for parser tests.
    QByteArray serverBytes() const;

private:
    QString m_name;
    QList<Step> m_steps;
};

}   // namespace enlace::test
