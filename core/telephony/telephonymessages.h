#pragma once

#include <core/model/result.h>

#include <QString>

// The user-visible texts of the telephony part, in one place so lupdate finds them all
// under the "Telephony" context.
namespace enlace::telephony {

// OMniLeads' shape for a failed originate (reference §5.2a):
// "Originate failed by <reason> - contacto: <phone>". The reason is the PBX's own text.
Error originateFailed(const QString &reason, const QString &phone,
                      const QString &code = QStringLiteral("originate_failed"),
                      Error::Kind kind = Error::Kind::Unavailable);

// Whether the error is one originateFailed() made (its text is already in OMniLeads' shape).
bool isOriginateFailure(const Error &error);

Message notConnected();
Message authenticationFailed(const QString &detail);
Message connectionLost(const QString &detail);
Message invalidPbxUrl(const QString &detail);

}   // namespace enlace::telephony
