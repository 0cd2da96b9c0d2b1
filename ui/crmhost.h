#pragma once

#include <core/model/enums.h>
#include <core/requests/httprequest.h>

#include <QJsonObject>
#include <QObject>
#include <QString>

class QWidget;

namespace enlace {

// One CRM page the console asks to show: the exact request RequestBuilder made, where to show it
// and for which call.
struct CrmPageRequest
{
    enum class Reuse {
        ReuseOne,   // the site's next call replaces this page (once its unsaved work allows it)
        OnePerCall,   // every call gets its own page
    };

    QString callId;   // pages are keyed by call id and site: one pop per call and site
    qint64 siteId = 0;
    SiteTarget target = SiteTarget::Embedded;
    Reuse reuse = Reuse::ReuseOne;
    HttpRequest request;   // loaded byte for byte: GET with its query, POST with its body and headers
    QString title;   // the tab's or window's title
};

// What shows the CRM's pages: ui/web's WebCrmHost (Qt WebEngine) in the program, a recording fake in
// the widget tests. The console decides what to open and when; the host decides how: a tab of its
// tabArea() (target embedded) or a top-level window (target new window), the cap on open pages,
// reuse, and what a page may do (pop-ups, downloads, certificates, permissions, the `enlace`
// QWebChannel object, offered only to pages on the origin of their site's URL).
class CrmHost : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~CrmHost() override = default;

    // The widget that holds the embedded pages, for the console to put beside the call panel.
    // Owned by the host until the console reparents it.
    virtual QWidget *tabArea() = 0;

    // Shows the page. A page already open for the same call and site is brought forward, never
    // loaded again (at most one pop per call and site). When the cap is reached the oldest page of
    // an ended call without unsaved work closes first; when none can close, pageRefused.
    virtual void open(const CrmPageRequest &page) = 0;
    // Loads the page's request again (the agent pressed Retry): the same request, never reload().
    virtual void retry(const QString &callId, qint64 siteId) = 0;
    virtual bool hasPage(const QString &callId, qint64 siteId) const = 0;
    virtual int pageCount() const = 0;
    // At most this many CRM pages (tabs and windows) open at once; default 5.
    virtual void setMaxPages(int maxPages) = 0;
    // The call ended: its pages become the first to close when room is needed.
    virtual void markCallEnded(const QString &callId) = 0;
    // What the `enlace` object offers the pages of this call: {"call": {...}, "disposition_options":
    // [{"id","name"}], "state": "ringing"|"connected"|"ended"}; emits the object's callChanged.
    virtual void setCallFacts(const QString &callId, const QJsonObject &facts) = 0;
    // Closes every page (logout, quit); pages are not asked about unsaved work.
    virtual void closeAll() = 0;

Q_SIGNALS:
    // The page's main document loaded (ok) or failed (errorText says why, in the agent's language).
    void pageLoaded(const QString &callId, qint64 siteId, bool ok, const QString &errorText);
    // The page could not open: the cap is reached and every open page has unsaved work.
    void pageRefused(const QString &callId, qint64 siteId, const QString &reason);
    void pageClosed(const QString &callId, qint64 siteId);
    // Intents of a CRM page through its `enlace` object (already checked against the page's origin).
    void qualifyRequested(const QString &callId, qint64 optionId, const QString &comments);
    void dialRequested(const QString &phone, const QString &contactId);
};

}   // namespace enlace
