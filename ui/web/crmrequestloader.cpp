#include "crmrequestloader.h"

#include <QCoreApplication>

namespace enlace {

std::optional<QWebEngineHttpRequest> CrmRequestLoader::webEngineRequest(const HttpRequest &request, QString *error)
{
    auto fail = [error](const char *text) -> std::optional<QWebEngineHttpRequest> {
        if (error)
            *error = QCoreApplication::translate("enlace::CrmRequestLoader", text);
        return std::nullopt;
    };
    const QUrl url = QUrl::fromEncoded(request.url.toEncoded(), QUrl::StrictMode);
    if (!url.isValid() || url.isRelative())
        return fail(QT_TRANSLATE_NOOP("enlace::CrmRequestLoader", "The CRM address is not a valid URL."));
    const QByteArray method = request.method.toUpper();
    QWebEngineHttpRequest::Method webMethod;
    if (method == "GET" || method.isEmpty())
        webMethod = QWebEngineHttpRequest::Get;
    else if (method == "POST")
        webMethod = QWebEngineHttpRequest::Post;
    else
        return fail(
            QT_TRANSLATE_NOOP("enlace::CrmRequestLoader", "The CRM request uses a method other than GET or POST."));
    const QString scheme = url.scheme().toLower();
    if (webMethod == QWebEngineHttpRequest::Post && scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return fail(
            QT_TRANSLATE_NOOP("enlace::CrmRequestLoader", "Data can only be sent (POST) to an http or https address."));

    QWebEngineHttpRequest out(url, webMethod);
    for (const auto &header : request.headers)
        out.setHeader(header.first, header.second);
    if (webMethod == QWebEngineHttpRequest::Post) {
        QByteArray contentType = request.header("Content-Type");
        if (contentType.isEmpty())
            contentType = "application/x-www-form-urlencoded";
        out.setHeader("Content-Type", contentType);
        out.setPostData(request.body);
    }
    return out;
}

}   // namespace enlace
