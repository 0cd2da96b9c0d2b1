#pragma once

#include <core/requests/httprequest.h>

#include <QString>
#include <QWebEngineHttpRequest>

#include <optional>

namespace enlace {

// The one place an HttpRequest (RequestBuilder's output) becomes what Qt WebEngine loads. Nothing
// is re-encoded: the URL is parsed from its encoded bytes in strict mode, every header is passed in
// order, a POST always carries its Content-Type (Chromium adds none) and its body byte for byte.
// Referer and Origin cannot be set this way (Chromium drops / replaces them; webengine-notes §2).
class CrmRequestLoader final
{
public:
    // The request to load, or nullopt with *error (translated) when it cannot be loaded as such:
    // an invalid URL, a method other than GET/POST, a POST to a scheme other than http(s).
    static std::optional<QWebEngineHttpRequest> webEngineRequest(const HttpRequest &request, QString *error = nullptr);
};

}   // namespace enlace
