#pragma once

#include <core/model/result.h>
#include <core/model/siteauthentication.h>

#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace enlace {

// The admin "test" of a site authentication (OMniLeads' probar_autenticacion, reference §1.4):
// the same POST TokenProvider makes, reporting success or the precise failure. Stores nothing.
// The admin API answers successMessage(), or failureMessage(<the error's text in the reader's
// language>).
class AuthenticationTester final : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(Result<void>)>;

    explicit AuthenticationTester(QNetworkAccessManager *network, QObject *parent = nullptr);

    // done is called exactly once, later (never from inside test()), unless this object is destroyed first.
    void test(const SiteAuthentication &auth, Callback done);
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    static Message successMessage();
    static Message failureMessage(const QString &reason);

private:
    QNetworkAccessManager *m_network;
    int m_timeoutMs = 10000;
};

}   // namespace enlace
