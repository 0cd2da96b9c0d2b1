#pragma once

#include <QString>
#include <QStringList>

namespace enlace {

class MessageCatalog;

// A user-visible message whose translation is chosen where it is shown: the server renders it
// in the caller's language (Accept-Language), the console in the desktop's language.
// Declare the text with QT_TRANSLATE_NOOP so lupdate extracts it:
//   Message::make("Identity", QT_TRANSLATE_NOOP("Identity", "Unknown external system."))
struct Message
{
    const char *context = nullptr;
    const char *source = nullptr;
    QStringList args;   // fills %1, %2, ... after translation
    // A text already in the reader's language, as a server answered it (the console shows the
    // server's messages as they came): used when there is no source.
    QString given;

    static Message make(const char *context, const char *source, QStringList args = {})
    {
        return Message { context, source, std::move(args), {} };
    }
    static Message fromText(QString text) { return Message { nullptr, nullptr, {}, std::move(text) }; }
    Message arg(const QString &value) const
    {
        Message m = *this;
        m.args.append(value);
        return m;
    }
    bool isNull() const { return source == nullptr && given.isEmpty(); }

    // English (the source language) when catalog is null or has no translation.
    QString text(const MessageCatalog *catalog = nullptr, const QString &language = {}) const;
    friend bool operator==(const Message &a, const Message &b);
};

}   // namespace enlace
