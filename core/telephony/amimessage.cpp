#include <core/telephony/amimessage.h>

namespace enlace {

namespace {

bool sameKey(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

}   // namespace

AmiMessage::Kind AmiMessage::kind() const
{
    if (!banner.isEmpty())
        return Kind::Banner;
    if (fields.isEmpty())
        return Kind::Unknown;
    // Asterisk always puts the discriminating key first; a message that does not is not trusted
    // to be anything in particular.
    const QByteArray &first = fields.constFirst().first;
    if (sameKey(first, "Response"))
        return Kind::Response;
    if (sameKey(first, "Event"))
        return Kind::Event;
    if (sameKey(first, "Action"))
        return Kind::Action;
    return Kind::Unknown;
}

bool AmiMessage::has(QByteArrayView key) const
{
    for (const auto &f : fields) {
        if (sameKey(f.first, key))
            return true;
    }
    return false;
}

QByteArray AmiMessage::value(QByteArrayView key) const
{
    for (const auto &f : fields) {
        if (sameKey(f.first, key))
            return f.second;
    }
    return {};
}

QList<QByteArray> AmiMessage::values(QByteArrayView key) const
{
    QList<QByteArray> out;
    for (const auto &f : fields) {
        if (sameKey(f.first, key))
            out.append(f.second);
    }
    return out;
}

QByteArray AmiMessage::serialize() const
{
    if (!banner.isEmpty())
        return banner + "\r\n";
    QByteArray out;
    for (const auto &f : fields)
        out += f.first + ": " + f.second + "\r\n";
    out += "\r\n";
    return out;
}

QByteArray AmiMessage::redacted() const
{
    AmiMessage copy = *this;
    for (auto &f : copy.fields) {
        if (sameKey(f.first, "Secret") || sameKey(f.first, "Key"))
            f.second = "********";
    }
    return copy.serialize();
}

}   // namespace enlace
