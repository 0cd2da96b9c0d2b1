#pragma once

#include <QDateTime>
#include <QString>

namespace enlace {

// How Enlace obtains a bearer token for a CRM (OMniLeads' AutenticacionSitioExterno).
struct SiteAuthentication
{
    qint64 id = 0;
    QString name;
    QString url;   // token endpoint, POSTed {"username","password"} as JSON
    QString username;
    QString password;   // plain only in memory; stored encrypted, never returned by the API
    QString tokenField = QStringLiteral("token");
    int duration = 0;   // seconds; 0 = read it from durationField
    QString durationField;
    bool sslStrict = true;
};

}   // namespace enlace
