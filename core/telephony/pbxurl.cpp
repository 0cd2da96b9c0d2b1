#include <core/telephony/pbxurl.h>
#include <core/telephony/telephonymessages.h>

#include <QFile>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

Error invalid(const QString &detail)
{
    ValidationErrors fields;
    fields.add(u"pbx"_s, telephony::invalidPbxUrl(detail));
    Error e = Error::invalid(std::move(fields), u"invalid_pbx_url"_s);
    e.message = telephony::invalidPbxUrl(detail);
    return e;
}

bool flag(const QString &v)
{
    return v == u"1"_s || v.compare(u"true"_s, Qt::CaseInsensitive) == 0
        || v.compare(u"yes"_s, Qt::CaseInsensitive) == 0;
}

}   // namespace

Result<PbxUrl> PbxUrl::parse(const QString &text)
{
    PbxUrl out;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed == u"simulated"_s || trimmed == u"sim://"_s || trimmed == u"simulated://"_s) {
        out.m_kind = Kind::Simulated;
        return out;
    }
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return invalid(u"not a URL"_s);
    if (url.scheme() != u"ami"_s)
        return invalid(u"unknown scheme '%1' (use simulated or ami://)"_s.arg(url.scheme()));
    if (url.host().isEmpty())
        return invalid(u"no host"_s);
    if (url.userName().isEmpty())
        return invalid(u"no manager user (ami://user:secret@host:5038)"_s);

    out.m_kind = Kind::Ami;
    AmiPbx::Options &o = out.m_ami;
    AmiConnection::Options &c = o.connection;
    c.host = url.host();
    c.username = url.userName(QUrl::FullyDecoded);
    c.secret = url.password(QUrl::FullyDecoded);
    c.md5Challenge = true;

    const QUrlQuery query(url);
    QUrlQuery shown;
    for (const auto &[rawKey, rawValue] : query.queryItems(QUrl::FullyDecoded)) {
        const QString key = rawKey;
        const QString value = rawValue;
        bool ok = true;
        if (key == u"tls"_s) {
            c.tls = flag(value);
        } else if (key == u"verify"_s) {
            c.verifyPeer = flag(value);
        } else if (key == u"ca"_s) {
            if (!QFile::exists(value))
                return invalid(u"cannot read ca file %1"_s.arg(value));
            c.caFile = value;
        } else if (key == u"auth"_s) {
            if (value != u"md5"_s && value != u"plain"_s)
                return invalid(u"auth must be md5 or plain"_s);
            c.md5Challenge = value == u"md5"_s;
        } else if (key == u"secret_file"_s) {
            QFile f(value);
            if (!f.open(QIODevice::ReadOnly))
                return invalid(u"cannot read secret_file %1"_s.arg(value));
            c.secret = QString::fromUtf8(f.readLine()).trimmed();
        } else if (key == u"ping"_s) {
            const int s = value.toInt(&ok);
            if (!ok || s < 0)
                return invalid(u"ping must be a number of seconds"_s);
            c.pingIntervalMs = s * 1000;
        } else if (key == u"timeout"_s) {
            const int ms = value.toInt(&ok);
            if (!ok || ms <= 0)
                return invalid(u"timeout must be milliseconds"_s);
            o.originateTimeoutMs = ms;
        } else if (key == u"channel"_s) {
            o.channel = value;
        } else if (key == u"context"_s) {
            o.context = value;
        } else if (key == u"exten"_s) {
            o.exten = value;
        } else if (key == u"callerid"_s) {
            o.callerId = value;
        } else if (key == u"omlvars"_s) {
            o.omnileadsVariables = flag(value);
        } else if (key.startsWith(u"var."_s) && key.size() > 4) {
            o.extraVariables.append({ key.mid(4), value });
        } else {
            return invalid(u"unknown option '%1'"_s.arg(key));
        }
        if (key != u"secret_file"_s)
            shown.addQueryItem(key, value);
    }
    if (c.secret.isEmpty())
        c.secret = qEnvironmentVariable("ENLACE_AMI_SECRET");
    if (c.secret.isEmpty())
        return invalid(u"no secret (in the URL, secret_file= or ENLACE_AMI_SECRET)"_s);
    c.port = quint16(url.port(c.tls ? 5039 : 5038));
    out.m_query = shown.toString(QUrl::FullyEncoded);
    return out;
}

QString PbxUrl::toString() const
{
    if (m_kind == Kind::Simulated)
        return u"simulated"_s;
    const auto &c = m_ami.connection;
    QString s = u"ami://%1@%2:%3"_s.arg(c.username, c.host).arg(c.port);
    if (!m_query.isEmpty())
        s += u'?' + m_query;
    return s;
}

}   // namespace enlace
