#include <tests/telephony/support/amitranscript.h>

#include <QFile>

using namespace Qt::StringLiterals;

namespace enlace::test {

Result<AmiTranscript> AmiTranscript::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::internal(u"transcript_missing"_s, path + u": "_s + f.errorString());
    return parse(f.readAll(), path.section(u'/', -1));
}

Result<AmiTranscript> AmiTranscript::parse(const QByteArray &text, const QString &name)
{
    AmiTranscript t;
    t.m_name = name;
    const QList<QByteArray> lines = text.split('\n');
    Step pendingExpect;
    bool inExpect = false;
    for (int i = 0; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        const int number = i + 1;
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const char tag = line.at(0);
        QByteArray rest = line.mid(1);
        if (rest.startsWith(' '))
            rest = rest.mid(1);
        if (inExpect && tag != '>')
            return Error::internal(u"transcript_syntax"_s,
                                   u"%1:%2: expected message not closed by a lone '>'"_s.arg(name).arg(number));
        switch (tag) {
        case '<':
            if (!t.m_steps.isEmpty() && t.m_steps.last().type == Step::Type::Send)
                t.m_steps.last().bytes += rest + "\r\n";
            else
                t.m_steps.append(Step { Step::Type::Send, rest + "\r\n", {}, number });
            break;
        case '>':
            if (rest.isEmpty()) {
                if (!inExpect)
                    return Error::internal(u"transcript_syntax"_s,
                                           u"%1:%2: lone '>' without fields"_s.arg(name).arg(number));
                t.m_steps.append(pendingExpect);
                pendingExpect = {};
                inExpect = false;
            } else {
                const qsizetype colon = rest.indexOf(':');
                if (colon <= 0)
                    return Error::internal(u"transcript_syntax"_s,
                                           u"%1:%2: '>' line without 'Key:'"_s.arg(name).arg(number));
                if (!inExpect) {
                    pendingExpect = Step { Step::Type::Expect, {}, {}, number };
                    inExpect = true;
                }
                QByteArray value = rest.mid(colon + 1);
                if (value.startsWith(' '))
                    value = value.mid(1);
                pendingExpect.expect.append(rest.left(colon), value);
            }
            break;
        case '!':
            if (rest == "close")
                t.m_steps.append(Step { Step::Type::Close, {}, {}, number });
            else if (rest == "accept")
                t.m_steps.append(Step { Step::Type::Accept, {}, {}, number });
            else
                return Error::internal(u"transcript_syntax"_s, u"%1:%2: unknown directive"_s.arg(name).arg(number));
            break;
        default:
            return Error::internal(u"transcript_syntax"_s,
                                   u"%1:%2: line must start with <, >, ! or #"_s.arg(name).arg(number));
        }
    }
    if (inExpect)
        return Error::internal(u"transcript_syntax"_s, u"%1: last expected message not closed"_s.arg(name));
    return t;
}

QByteArray AmiTranscript::serverBytes() const
{
    QByteArray out;
    for (const Step &s : m_steps) {
        if (s.type == Step::Type::Send)
            out += s.bytes;
    }
    return out;
}

}   // namespace enlace::test
