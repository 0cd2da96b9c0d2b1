#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrl>

namespace enlace {

// The exact HTTP request for one site interaction: what the console loads, what the server sends,
// what the admin panel previews. Produced by RequestBuilder; sent by SiteDelivery or WebEngine.
struct HttpRequest
{
    QByteArray method;   // "GET" or "POST"
    QUrl url;   // placeholders filled, query appended (GET)
    QList<QPair<QByteArray, QByteArray>> headers;   // in order; Content-Type included for POST
    QByteArray body;   // empty for GET

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }
    void setHeader(const QByteArray &name, const QByteArray &value)
    {
        for (auto &h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
                h.second = value;
                return;
            }
        headers.append({ name, value });
    }
};

}   // namespace enlace
