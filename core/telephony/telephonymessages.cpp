#include <core/telephony/telephonymessages.h>

namespace enlace::telephony {

namespace {
const char *const kOriginateFailed = QT_TRANSLATE_NOOP("Telephony", "Originate failed by %1 - contacto: %2");
}

Error originateFailed(const QString &reason, const QString &phone, const QString &code, Error::Kind kind)
{
    Error e;
    e.kind = kind;
    e.code = code;
    e.message = Message::make("Telephony", kOriginateFailed, { reason, phone });
    return e;
}

bool isOriginateFailure(const Error &error)
{
    return error.message.source && qstrcmp(error.message.source, kOriginateFailed) == 0;
}

Message notConnected()
{
    return Message::make("Telephony", QT_TRANSLATE_NOOP("Telephony", "The telephony server is not connected."));
}

Message authenticationFailed(const QString &detail)
{
    return Message::make(
        "Telephony",
        QT_TRANSLATE_NOOP("Telephony",
                          "Asterisk rejected the manager login (%1): check the AMI user and secret in manager.conf."),
        { detail });
}

Message connectionLost(const QString &detail)
{
    return Message::make("Telephony", QT_TRANSLATE_NOOP("Telephony", "The connection to Asterisk was lost: %1"),
                         { detail });
}

Message invalidPbxUrl(const QString &detail)
{
    return Message::make("Telephony", QT_TRANSLATE_NOOP("Telephony", "Invalid PBX address: %1"), { detail });
}

}   // namespace enlace::telephony
