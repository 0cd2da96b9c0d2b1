#pragma once

#include <core/model/externalsite.h>
#include <core/model/message.h>
#include <core/store/database.h>

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace enlace {

class MessageCatalog;
class TokenProvider;

// The options of a "dynamic list" engagement-form field (reference §1.5): GET the site's URL (no
// parameters) with its authentication, expect a JSON array; each element is one option (the form
// adds the empty first choice). Any failure — token, network, timeout, status, non-JSON, not an
// array, a POST site — yields the single option "ERROR: Service <name> not available", so a form
// always renders.
class DynamicListFetcher final : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(QStringList)>;

    // tokens may be null when no dynamic-list site uses an authentication. catalog may be null (English).
    DynamicListFetcher(std::shared_ptr<Database> db, QNetworkAccessManager *network, TokenProvider *tokens,
                       const MessageCatalog *catalog = nullptr, QObject *parent = nullptr);

    // done is called exactly once, later, unless this object is destroyed first.
    void fetch(const ExternalSite &site, const QString &language, Callback done);
    // Reads the site from `external_sites` first (unknown id: the error option, named by id).
    void fetch(qint64 siteId, const QString &language, Callback done);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    static Message unavailableMessage(const QString &siteName);

private:
    void get(const ExternalSite &site, const QString &token, const QString &language, const Callback &done);
    void fail(const ExternalSite &site, const QString &why, const QString &language, const Callback &done);

    std::shared_ptr<Database> m_db;
    QNetworkAccessManager *m_network;
    TokenProvider *m_tokens;
    const MessageCatalog *m_catalog;
    int m_timeoutMs = 10000;
};

}   // namespace enlace
