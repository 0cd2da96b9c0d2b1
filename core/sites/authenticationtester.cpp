#include <core/sites/authenticationtester.h>
#include <core/sites/tokenprovider.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

Error failure(const QString &code, const Message &message)
{
    return Error { Error::Kind::Unavailable, code, message, {}, {} };
}

}   // namespace

AuthenticationTester::AuthenticationTester(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{ }

Message AuthenticationTester::successMessage()
{
    return Message::make("Delivery", QT_TRANSLATE_NOOP("Delivery", "Successful Authentication with CRM"));
}

Message AuthenticationTester::failureMessage(const QString &reason)
{
    return Message::make("Delivery", QT_TRANSLATE_NOOP("Delivery", "Failed Authentication to CRM: <%1>")).arg(reason);
}

void AuthenticationTester::test(const SiteAuthentication &auth, Callback done)
{
    const QUrl url(auth.url);
    if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)) {
        QTimer::singleShot(0, this, [done] {
            done(failure(u"auth_test.url"_s,
                         Message::make("Delivery", QT_TRANSLATE_NOOP("Delivery", "Enter a valid URL."))));
        });
        return;
    }
    QNetworkReply *reply
        = m_network->post(TokenProvider::credentialsRequest(auth, m_timeoutMs), TokenProvider::credentialsBody(auth));
    TokenProvider::abortAfter(reply, m_timeoutMs);
    const QString tokenField = auth.tokenField;
    const int timeoutMs = m_timeoutMs;
    connect(reply, &QNetworkReply::finished, this, [reply, tokenField, timeoutMs, done] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0) {
            if (TokenProvider::timedOut(reply))
                done(failure(u"auth_test.timeout"_s,
                             Message::make("Delivery", QT_TRANSLATE_NOOP("Delivery", "No answer within %1 seconds"))
                                 .arg(QString::number(timeoutMs / 1000.0))));
            else
                done(failure(u"auth_test.network"_s,
                             Message::make("Delivery", QT_TRANSLATE_NOOP("Delivery", "Network error: %1"))
                                 .arg(reply->errorString())));
            return;
        }
        if (status < 200 || status > 299) {
            done(failure(u"auth_test.status"_s,
                         Message::make("Delivery", QT_TRANSLATE_NOOP("Delivery", "HTTP status %1 %2"))
                             .arg(QString::number(status))
                             .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString())));
            return;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll(), &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            done(failure(u"auth_test.not_json"_s,
                         Message::make("Delivery", QT_TRANSLATE_NOOP("Delivery", "Answer must be in JSON format"))));
            return;
        }
        const QJsonValue token = doc.object().value(tokenField);
        const bool present = (token.isString() && !token.toString().isEmpty()) || token.isDouble();
        if (!present) {
            done(failure(
                u"auth_test.no_token"_s,
                Message::make("Delivery",
                              QT_TRANSLATE_NOOP("Delivery", "Answer does not contain information in campo_token"))));
            return;
        }
        done({});
    });
}

}   // namespace enlace
