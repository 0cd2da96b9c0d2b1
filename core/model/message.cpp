#include <core/model/message.h>
#include <core/model/messagecatalog.h>

#include <cstring>

namespace enlace {

QString Message::text(const MessageCatalog *catalog, const QString &language) const
{
    if (!source)
        return given;
    QString s = catalog ? catalog->translate(language, context, source) : QString::fromUtf8(source);
    for (const QString &a : args)
        s = s.arg(a);
    return s;
}

bool operator==(const Message &a, const Message &b)
{
    auto same = [](const char *x, const char *y) { return x == y || (x && y && std::strcmp(x, y) == 0); };
    return same(a.context, b.context) && same(a.source, b.source) && a.args == b.args && a.given == b.given;
}

}   // namespace enlace
