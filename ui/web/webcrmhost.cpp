#include "webcrmhost.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QRect>
#include <QSettings>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimer>
#include <QUrl>
#include <QWebChannel>
#include <QWebEngineCertificateError>
#include <QWebEngineDownloadRequest>
#include <QWebEngineLoadingInfo>
#include <QWebEngineNewWindowRequest>
#include <QWebEngineProfile>
#include <QWebEngineScriptCollection>
#include <QWebEngineSettings>
#include <QWebEngineView>

#include <algorithm>

#include "crmbridge.h"
#include "crmpage.h"
#include "crmpagewidget.h"
#include "crmtabarea.h"
#include "crmwindow.h"

using namespace Qt::StringLiterals;

namespace enlace {

struct WebCrmHost::Entry
{
    QString callId;
    qint64 siteId = 0;
    bool isCallPage = false;
    CrmPageRequest request;   // call pages
    Entry *parent = nullptr;   // pop-ups: the page that opened them
    QPointer<CrmPage> page;
    QPointer<CrmPageWidget> widget;
    QPointer<CrmWindow> window;   // the window it shows in, if any
    bool ownsWindow = false;
    QString title;
    quint64 order = 0;
    bool crashed = false;
};

struct WebCrmHost::PendingOpen
{
    CrmPageRequest request;
    int tabIndex = -1;   // where the reused page was
    QSet<CrmPage *> asked;   // pages already asked to make room for it
};

namespace {

QString normalizedFingerprint(QString fingerprint)
{
    fingerprint.remove(u':').remove(u' ').remove(u'-');
    return fingerprint.toLower();
}

QString escapedTabText(QString text)
{
    return text.replace(u'&', u"&&"_s);
}

}   // namespace

WebCrmHost::WebCrmHost(const QString &profileName, const QString &storageDir, QObject *parent)
    : CrmHost(parent)
    , m_downloadDirectory(QStandardPaths::writableLocation(QStandardPaths::DownloadLocation))
{
    // An empty name would make an off-the-record profile (cookies lost at exit).
    m_profile = std::make_unique<QWebEngineProfile>(profileName.isEmpty() ? u"enlace"_s : profileName);
    if (!storageDir.isEmpty()) {
        QDir().mkpath(storageDir);
        m_profile->setPersistentStoragePath(storageDir);
        m_profile->setCachePath(QDir(storageDir).filePath(u"cache"_s));
    }
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::AllowPersistentCookies);
    m_profile->setHttpCacheType(QWebEngineProfile::DiskHttpCache);
    // Must be answered during the emission (Qt deletes an unanswered request right after it).
    connect(m_profile.get(), &QWebEngineProfile::downloadRequested, this, &WebCrmHost::onDownload,
            Qt::DirectConnection);
    m_tabArea = new CrmTabArea;
    connect(m_tabArea, &CrmTabArea::tabCloseRequested, this, [this](QWidget *widget) {
        if (Entry *entry = entryOf(widget))
            userClose(entry);
    });
}

WebCrmHost::~WebCrmHost()
{
    const QSignalBlocker blocker(this);
    closeAll();
    // Pages (and their views) go before the profile, so that it flushes cookies and cache.
    for (const QPointer<QObject> &object : std::as_const(m_dying))
        delete object.data();
    m_dying.clear();
    if (m_tabArea && !m_tabArea->parent())
        delete m_tabArea.data();
    m_profile.reset();
}

QString WebCrmHost::profileNameFor(const QUrl &serverUrl)
{
    QString host = serverUrl.host().toLower();
    for (QChar &c : host)
        if (!c.isLetterOrNumber() && c != u'.' && c != u'-')
            c = u'_';
    const QByteArray hash
        = QCryptographicHash::hash(serverUrl.adjusted(QUrl::StripTrailingSlash).toEncoded(), QCryptographicHash::Sha256)
              .toHex()
              .left(8);
    return u"enlace-%1-%2-%3"_s.arg(host.isEmpty() ? u"server"_s : host)
        .arg(serverUrl.port(serverUrl.scheme() == u"https"_s ? 443 : 80))
        .arg(QString::fromLatin1(hash));
}

void WebCrmHost::setSettings(QSettings *settings)
{
    m_settings = settings;
}

void WebCrmHost::setDownloadDirectory(const QString &directory)
{
    m_downloadDirectory = directory;
}

void WebCrmHost::setTrustedCertificates(const QStringList &sha256Fingerprints)
{
    m_trusted.clear();
    for (const QString &fingerprint : sha256Fingerprints)
        if (!fingerprint.trimmed().isEmpty())
            m_trusted.insert(normalizedFingerprint(fingerprint));
}

QWidget *WebCrmHost::tabArea()
{
    return m_tabArea;
}

WebCrmHost::Entry *WebCrmHost::find(const QString &callId, qint64 siteId) const
{
    for (const auto &entry : m_entries)
        if (entry->isCallPage && entry->callId == callId && entry->siteId == siteId)
            return entry.get();
    return nullptr;
}

WebCrmHost::Entry *WebCrmHost::entryOf(const QObject *pageOrWidget) const
{
    if (!pageOrWidget)
        return nullptr;
    for (const auto &entry : m_entries)
        if (entry->page == pageOrWidget || entry->widget == pageOrWidget)
            return entry.get();
    return nullptr;
}

QList<WebCrmHost::Entry *> WebCrmHost::callPages() const
{
    QList<Entry *> out;
    for (const auto &entry : m_entries)
        if (entry->isCallPage)
            out.append(entry.get());
    return out;
}

CrmPage *WebCrmHost::page(const QString &callId, qint64 siteId) const
{
    const Entry *entry = find(callId, siteId);
    return entry ? entry->page.data() : nullptr;
}

CrmPageWidget *WebCrmHost::pageWidget(const QString &callId, qint64 siteId) const
{
    const Entry *entry = find(callId, siteId);
    return entry ? entry->widget.data() : nullptr;
}

CrmWindow *WebCrmHost::window(const QString &callId, qint64 siteId) const
{
    const Entry *entry = find(callId, siteId);
    return entry ? entry->window.data() : nullptr;
}

QList<CrmPage *> WebCrmHost::allPages() const
{
    QList<CrmPage *> out;
    for (const auto &entry : m_entries)
        if (entry->page)
            out.append(entry->page);
    return out;
}

CrmPageWidget *WebCrmHost::widgetOf(const CrmPage *page) const
{
    const Entry *entry = entryOf(page);
    return entry ? entry->widget.data() : nullptr;
}

bool WebCrmHost::hasPage(const QString &callId, qint64 siteId) const
{
    if (find(callId, siteId))
        return true;
    return std::any_of(m_pending.begin(), m_pending.end(), [&](const auto &pending) {
        return pending->request.callId == callId && pending->request.siteId == siteId;
    });
}

int WebCrmHost::pageCount() const
{
    return int(callPages().size());
}

void WebCrmHost::setMaxPages(int maxPages)
{
    m_maxPages = std::max(1, maxPages);
}

void WebCrmHost::markCallEnded(const QString &callId)
{
    m_endedCalls.insert(callId);
}

void WebCrmHost::setCallFacts(const QString &callId, const QJsonObject &facts)
{
    m_facts.insert(callId, facts);
    for (Entry *entry : callPages())
        if (entry->callId == callId && entry->page && entry->page->bridge())
            entry->page->bridge()->setFacts(facts);
}

// --- opening ------------------------------------------------------------------------------------

void WebCrmHost::open(const CrmPageRequest &request)
{
    if (Entry *existing = find(request.callId, request.siteId)) {
        focus(existing);
        return;
    }
    if (hasPage(request.callId, request.siteId))
        return;   // already on its way
    auto pending = std::make_shared<PendingOpen>();
    pending->request = request;
    m_pending.append(pending);

    // ReuseOne: the site's latest page of another call is asked to make way.
    Entry *reuse = nullptr;
    for (Entry *entry : callPages())
        if (entry->siteId == request.siteId && entry->callId != request.callId
            && entry->request.reuse == CrmPageRequest::Reuse::ReuseOne
            && request.reuse == CrmPageRequest::Reuse::ReuseOne && (!reuse || entry->order > reuse->order))
            reuse = entry;
    if (!reuse || !reuse->page) {
        makeRoomThenCreate(pending);
        return;
    }
    QPointer<CrmPage> old = reuse->page;
    pending->asked.insert(old);
    auto answered = [this, pending, old](bool closed) {
        if (!m_pending.contains(pending))
            return;
        if (Entry *entry = entryOf(old)) {
            if (closed) {
                if (!entry->window && m_tabArea)
                    pending->tabIndex = m_tabArea->tabs()->indexOf(entry->widget);
                closeEntry(entry);
            } else {
                updateTitle(entry);
                entry->widget->addBanner(u"crmUnsavedBannerFrame"_s,
                                         tr("This page has unsaved changes, so it was kept open; the next call's "
                                            "page opened beside it."));
            }
        }
        makeRoomThenCreate(pending);
    };
    if (reuse->crashed || (reuse->widget && reuse->widget->isShowingError()))
        QMetaObject::invokeMethod(
            this, [answered] { answered(true); }, Qt::QueuedConnection);
    else
        reuse->page->askToClose(this, answered);
}

void WebCrmHost::makeRoomThenCreate(const std::shared_ptr<PendingOpen> &pending)
{
    if (!m_pending.contains(pending))
        return;
    if (pageCount() < m_maxPages) {
        m_pending.removeOne(pending);
        create(pending->request, pending->tabIndex);
        return;
    }
    // Full: ask the pages of ended calls, oldest first, until one agrees to close.
    QList<Entry *> candidates;
    for (Entry *entry : callPages())
        if (m_endedCalls.contains(entry->callId) && entry->page && !pending->asked.contains(entry->page))
            candidates.append(entry);
    std::sort(candidates.begin(), candidates.end(), [](Entry *a, Entry *b) { return a->order < b->order; });
    if (candidates.isEmpty()) {
        m_pending.removeOne(pending);
        Q_EMIT pageRefused(pending->request.callId, pending->request.siteId,
                           tr("No more CRM pages can open: %n page(s) are open and the ones of ended calls have "
                              "unsaved changes. Save or close one of them and try again.",
                              nullptr, m_maxPages));
        return;
    }
    Entry *oldest = candidates.first();
    QPointer<CrmPage> page = oldest->page;
    pending->asked.insert(page);
    auto answered = [this, pending, page](bool closed) {
        if (Entry *entry = entryOf(page)) {
            if (closed)
                closeEntry(entry);
            else
                updateTitle(entry);
        }
        makeRoomThenCreate(pending);
    };
    if (oldest->crashed || (oldest->widget && oldest->widget->isShowingError()))
        QMetaObject::invokeMethod(
            this, [answered] { answered(true); }, Qt::QueuedConnection);
    else
        oldest->page->askToClose(this, answered);
}

CrmPage *WebCrmHost::newPage(const QString &callId, qint64 siteId)
{
    auto *page = new CrmPage(m_profile.get(), callId, siteId);
    // A pop during ringing must not take the keyboard from the call controls.
    page->settings()->setAttribute(QWebEngineSettings::FocusOnNavigationEnabled, false);
    return page;
}

WebCrmHost::Entry *WebCrmHost::adopt(CrmPage *page, Entry *parent, const QString &title)
{
    auto entry = std::make_unique<Entry>();
    entry->callId = page->callId();
    entry->siteId = page->siteId();
    entry->parent = parent;
    entry->page = page;
    entry->title = title;
    entry->order = ++m_sequence;
    entry->widget = new CrmPageWidget(page);
    Entry *raw = entry.get();
    m_entries.push_back(std::move(entry));
    connectPage(raw);
    return raw;
}

void WebCrmHost::create(const CrmPageRequest &request, int tabIndex)
{
    CrmPage *page = newPage(request.callId, request.siteId);
    page->setSiteRequest(request.request);

    // The `enlace` object, attached only while the page is on its site's origin (updateBridge).
    auto *channel = new QWebChannel(page);
    QPointer<CrmPage> guard(page);
    auto *bridge = new CrmBridge(
        request.callId, page->siteOrigin(),
        [this, guard](const QString &callId) {
            if (!guard || !guard->isOnSiteOrigin() || guard->callId() != callId)
                return false;
            const Entry *entry = find(callId, guard->siteId());
            return entry && entry->page == guard;
        },
        page);
    channel->registerObject(u"enlace"_s, bridge);
    page->setBridge(bridge);
    if (m_facts.contains(request.callId))
        bridge->setFacts(m_facts.value(request.callId));
    for (const QWebEngineScript &script : CrmBridge::scripts())
        page->scripts().insert(script);
    connect(bridge, &CrmBridge::qualifyRequested, this, &CrmHost::qualifyRequested);
    connect(bridge, &CrmBridge::dialRequested, this, &CrmHost::dialRequested);

    Entry *entry = adopt(page, nullptr, request.title.isEmpty() ? tr("CRM") : request.title);
    entry->isCallPage = true;
    entry->request = request;
    connect(page, &QWebEnginePage::urlChanged, this, [this, page] {
        if (Entry *e = entryOf(page))
            updateBridge(e);
    });
    if (request.target == SiteTarget::NewWindow)
        showInWindow(entry, u"crmWindow/site%1/geometry"_s.arg(request.siteId), {});
    else
        showEmbedded(entry, tabIndex, true);
    loadSite(entry);
}

void WebCrmHost::updateBridge(Entry *entry)
{
    CrmPage *page = entry->page;
    if (!page || !page->bridge())
        return;
    auto *channel = page->findChild<QWebChannel *>(QString(), Qt::FindDirectChildrenOnly);
    if (page->isOnSiteOrigin()) {
        if (channel && page->webChannel() != channel)
            page->setWebChannel(channel, QWebEngineScript::ApplicationWorld);
    } else if (page->webChannel()) {
        page->setWebChannel(nullptr, QWebEngineScript::ApplicationWorld);
    }
}

void WebCrmHost::loadSite(Entry *entry)
{
    QString error;
    if (entry->page->loadSiteRequest(&error))
        return;
    entry->widget->showError(error);
    QMetaObject::invokeMethod(
        this,
        [this, page = QPointer<CrmPage>(entry->page), error] {
            if (Entry *e = entryOf(page))
                reportLoad(e, false, error);
        },
        Qt::QueuedConnection);
}

void WebCrmHost::retry(const QString &callId, qint64 siteId)
{
    if (Entry *entry = find(callId, siteId)) {
        entry->crashed = false;
        loadSite(entry);
    }
}

void WebCrmHost::reportLoad(Entry *entry, bool ok, const QString &errorText)
{
    entry->page->setSiteResultReported();
    Q_EMIT pageLoaded(entry->callId, entry->siteId, ok, errorText);
}

void WebCrmHost::connectPage(Entry *entry)
{
    CrmPage *page = entry->page;
    CrmPageWidget *widget = entry->widget;
    connect(page, &QWebEnginePage::loadingChanged, this, [this, page](const QWebEngineLoadingInfo &info) {
        if (Entry *e = entryOf(page))
            onLoadingChanged(e, int(info.status()), int(info.errorDomain()), info.errorCode(), info.errorString());
    });
    connect(page, &QWebEnginePage::renderProcessTerminated, this,
            [this, page](QWebEnginePage::RenderProcessTerminationStatus status, int exitCode) {
                if (status == QWebEnginePage::NormalTerminationStatus)
                    return;
                // Deferred, as Falkon does: the page is still tearing its renderer down.
                QTimer::singleShot(0, this, [this, page, status, exitCode] {
                    Entry *e = entryOf(page);
                    if (!e)
                        return;
                    e->crashed = true;
                    const QString reason = status == QWebEnginePage::KilledTerminationStatus
                        ? tr("The CRM page was stopped (its process was killed, code %1). Closing other pages "
                             "may free memory.")
                              .arg(exitCode)
                        : tr("The CRM page crashed (code %1).").arg(exitCode);
                    e->widget->showError(reason);
                    if (e->isCallPage)
                        reportLoad(e, false, reason);
                });
            });
    connect(page, &QWebEnginePage::newWindowRequested, this, [this, page](QWebEngineNewWindowRequest &request) {
        if (Entry *e = entryOf(page))
            onNewWindow(e, request);
    });
    connect(page, &QWebEnginePage::certificateError, this, [this, page](const QWebEngineCertificateError &error) {
        if (Entry *e = entryOf(page))
            onCertificateError(e, error);
    });
    connect(page, &QWebEnginePage::featurePermissionRequested, this,
            [this, page](const QUrl &origin, QWebEnginePage::Feature feature) {
                if (Entry *e = entryOf(page))
                    onPermission(e, origin, int(feature));
            });
    connect(page, &QWebEnginePage::titleChanged, this, [this, page] {
        if (Entry *e = entryOf(page))
            updateTitle(e);
    });
    connect(page, &CrmPage::unsavedWorkChanged, this, [this, page] {
        if (Entry *e = entryOf(page))
            updateTitle(e);
    });
    connect(page, &CrmPage::unloadRefused, widget, [page, widget](bool asked) {
        if (asked)
            return;   // whoever asked says what happens
        widget->addBanner(u"crmLeaveBannerFrame"_s,
                          tr("Leaving this page was cancelled because it has unsaved changes. Save them, or "
                             "allow leaving and try again."),
                          { { tr("&Allow leaving"),
                              [page] {
                                  if (page)
                                      page->allowNextUnload();
                              } },
                            { tr("&Stay"), {} } });
    });
    connect(page, &CrmPage::reloadRefused, widget, [widget] {
        widget->addBanner(u"crmReloadBannerFrame"_s,
                          tr("This page was opened by sending data to the CRM; reloading it would send that data "
                             "again, so it was not reloaded."));
    });
    connect(page, &CrmPage::closedByPage, this, [this, page] {
        if (Entry *e = entryOf(page))
            closeEntry(e);
    });
    connect(widget, &CrmPageWidget::retryRequested, this, [this, page] {
        Entry *e = entryOf(page);
        if (!e)
            return;
        if (e->isCallPage) {
            retry(e->callId, e->siteId);
        } else {
            e->crashed = false;
            e->widget->showPage();
            page->QWebEnginePage::triggerAction(QWebEnginePage::Reload);
        }
    });
}

void WebCrmHost::onLoadingChanged(Entry *entry, int status, int domain, int code, const QString &errorString)
{
    switch (QWebEngineLoadingInfo::LoadStatus(status)) {
    case QWebEngineLoadingInfo::LoadSucceededStatus:
        entry->widget->showPage();
        if (entry->isCallPage && entry->page->awaitsSiteResult())
            reportLoad(entry, true, {});
        return;
    case QWebEngineLoadingInfo::LoadFailedStatus: {
        QString reason;
        switch (QWebEngineLoadingInfo::ErrorDomain(domain)) {
        case QWebEngineLoadingInfo::HttpStatusCodeDomain:
            reason = tr("The CRM answered with HTTP status %1 and no page.").arg(code);
            break;
        case QWebEngineLoadingInfo::CertificateErrorDomain:
            reason = tr("The CRM's certificate is not trusted (%1).").arg(errorString);
            break;
        case QWebEngineLoadingInfo::DnsErrorDomain:
            reason = tr("The CRM's address could not be found (%1).").arg(errorString);
            break;
        case QWebEngineLoadingInfo::ConnectionErrorDomain:
            reason = tr("Could not connect to the CRM (%1).").arg(errorString);
            break;
        default:
            reason = tr("The CRM page could not be loaded (%1).").arg(errorString);
        }
        entry->widget->showError(reason);
        if (entry->isCallPage && entry->page->awaitsSiteResult())
            reportLoad(entry, false, reason);
        return;
    }
    default:
        return;
    }
}

// --- showing ------------------------------------------------------------------------------------

void WebCrmHost::showEmbedded(Entry *entry, int tabIndex, bool select)
{
    m_tabArea->insertPage(entry->widget, escapedTabText(entry->title), tabIndex, select);
    updateTitle(entry);
}

void WebCrmHost::showInWindow(Entry *entry, const QString &geometryKey, const QRect &requestedGeometry)
{
    auto *window = new CrmWindow(geometryKey.isEmpty() ? nullptr : m_settings.data(), geometryKey);
    entry->window = window;
    entry->ownsWindow = true;
    if (requestedGeometry.isValid() && requestedGeometry.width() > 0 && requestedGeometry.height() > 0)
        window->resize(requestedGeometry.size());
    window->addPage(entry->widget, escapedTabText(entry->title));
    connect(window, &CrmWindow::closeRequested, this, [this, window] {
        for (const auto &e : m_entries)
            if (e->window == window && e->ownsWindow) {
                userClose(e.get());
                return;
            }
    });
    connect(window, &CrmWindow::tabCloseRequested, this, [this](QWidget *widget) {
        if (Entry *e = entryOf(widget))
            userClose(e);
    });
    updateTitle(entry);
    window->show();
}

void WebCrmHost::focus(Entry *entry)
{
    if (entry->window) {
        entry->window->tabs()->setCurrentWidget(entry->widget);
        if (entry->window->isMinimized())
            entry->window->showNormal();
        entry->window->show();
        entry->window->raise();
        entry->window->activateWindow();
    } else if (m_tabArea) {
        m_tabArea->tabs()->setCurrentWidget(entry->widget);
    }
}

void WebCrmHost::updateTitle(Entry *entry)
{
    if (!entry->page || !entry->widget)
        return;
    QString title = entry->title;
    if (!entry->isCallPage && !entry->page->title().isEmpty())
        title = entry->page->title();
    if (entry->page->hasUnsavedWork())
        title = tr("%1 (unsaved)").arg(title);
    if (entry->window)
        entry->window->setPageTitle(entry->widget, escapedTabText(title));
    else if (m_tabArea)
        m_tabArea->setPageTitle(entry->widget, escapedTabText(title));
}

// --- what pages ask for -------------------------------------------------------------------------

void WebCrmHost::onNewWindow(Entry *entry, QWebEngineNewWindowRequest &request)
{
    // Answered here, synchronously, with a page on the same profile (Qt requires both).
    CrmPage *page = newPage(entry->callId, entry->siteId);
    Entry *child = adopt(page, entry, tr("Pop-up"));
    const auto destination = request.destination();
    if (destination == QWebEngineNewWindowRequest::InNewTab
        || destination == QWebEngineNewWindowRequest::InNewBackgroundTab) {
        const bool select = destination == QWebEngineNewWindowRequest::InNewTab;
        if (entry->window) {
            child->window = entry->window;
            entry->window->addPage(child->widget, escapedTabText(child->title), select);
        } else {
            // Grouped with its call: right after the call's last tab.
            const Entry *root = entry;
            while (root->parent)
                root = root->parent;
            int after = -1;
            for (const auto &e : m_entries) {
                const Entry *r = e.get();
                while (r->parent)
                    r = r->parent;
                if (r == root && e.get() != child && !e->window)
                    after = std::max(after, m_tabArea->tabs()->indexOf(e->widget));
            }
            showEmbedded(child, after < 0 ? -1 : after + 1, select);
        }
        updateTitle(child);
    } else {
        showInWindow(child, {}, request.requestedGeometry());
    }
    request.openIn(page);
}

void WebCrmHost::onCertificateError(Entry *entry, const QWebEngineCertificateError &error)
{
    QWebEngineCertificateError handle = error;
    const QList<QSslCertificate> chain = handle.certificateChain();
    const QString fingerprint
        = chain.isEmpty() ? QString() : QString::fromLatin1(chain.first().digest(QCryptographicHash::Sha256).toHex());
    if (handle.isOverridable() && !fingerprint.isEmpty() && m_trusted.contains(fingerprint)) {
        handle.acceptCertificate();
        return;
    }
    handle.defer();
    QString spaced;
    for (int i = 0; i < fingerprint.size(); i += 2)
        spaced += (i ? u":"_s : QString()) + fingerprint.mid(i, 2).toUpper();
    entry->widget->addBanner(
        u"crmCertificateBannerFrame"_s,
        tr("The connection to %1 is not secure: %2 The page was not loaded. Certificate SHA-256 "
           "fingerprint: %3. Only an administrator can trust this certificate.")
            .arg(handle.url().host(), handle.description(), spaced.isEmpty() ? tr("unknown") : spaced));
    // Deferred so the banner is up first; never accepted here.
    QTimer::singleShot(0, this, [handle]() mutable { handle.rejectCertificate(); });
}

void WebCrmHost::onPermission(Entry *entry, const QUrl &origin, int feature)
{
    QPointer<CrmPage> page = entry->page;
    const auto webFeature = QWebEnginePage::Feature(feature);
    const Entry *root = entry;
    while (root->parent)
        root = root->parent;
    const QString siteOrigin = root->page ? root->page->siteOrigin() : QString();
    const QString requester = CrmPage::originOf(origin);
    if (siteOrigin.isEmpty() || requester != siteOrigin) {
        page->setFeaturePermission(origin, webFeature, QWebEnginePage::PermissionDeniedByUser);
        return;
    }
    const QString key
        = u"crmPermissions/%1/%2"_s.arg(QString::fromLatin1(requester.toUtf8().toPercentEncoding())).arg(feature);
    std::optional<bool> remembered;
    if (m_settings && m_settings->contains(key))
        remembered = m_settings->value(key).toBool();
    else if (!m_settings && m_permissions.contains(key))
        remembered = m_permissions.value(key);
    if (remembered) {
        page->setFeaturePermission(origin, webFeature,
                                   *remembered ? QWebEnginePage::PermissionGrantedByUser
                                               : QWebEnginePage::PermissionDeniedByUser);
        return;
    }
    QString what;
    switch (webFeature) {
    case QWebEnginePage::Notifications:
        what = tr("show notifications");
        break;
    case QWebEnginePage::Geolocation:
        what = tr("know your location");
        break;
    case QWebEnginePage::MediaAudioCapture:
        what = tr("use your microphone");
        break;
    case QWebEnginePage::MediaVideoCapture:
        what = tr("use your camera");
        break;
    case QWebEnginePage::MediaAudioVideoCapture:
        what = tr("use your microphone and camera");
        break;
    case QWebEnginePage::MouseLock:
        what = tr("lock the mouse pointer");
        break;
    default:
        what = tr("capture your screen");
    }
    auto answer = [this, page, origin, webFeature, key](bool allow) {
        if (m_settings)
            m_settings->setValue(key, allow);
        else
            m_permissions.insert(key, allow);
        if (page)
            page->setFeaturePermission(origin, webFeature,
                                       allow ? QWebEnginePage::PermissionGrantedByUser
                                             : QWebEnginePage::PermissionDeniedByUser);
    };
    entry->widget->addBanner(
        u"crmPermissionBannerFrame"_s, tr("%1 wants to %2.").arg(requester, what),
        { { tr("&Allow"), [answer] { answer(true); } }, { tr("&Deny"), [answer] { answer(false); } } });
}

QString WebCrmHost::uniqueDownloadPath(const QString &directory, const QString &fileName) const
{
    const QDir dir(directory);
    QString name = QFileInfo(fileName).fileName();
    if (name.isEmpty() || name == u"."_s || name == u".."_s)
        name = tr("download");
    if (!dir.exists(name))
        return dir.filePath(name);
    const QFileInfo info(name);
    const QString base = info.completeBaseName().isEmpty() ? name : info.completeBaseName();
    const QString suffix = info.completeBaseName().isEmpty() || info.suffix().isEmpty()
        ? QString()
        : u"."_s + info.completeSuffix().mid(info.completeBaseName().size() - info.baseName().size());
    for (int i = 1;; ++i) {
        const QString candidate = u"%1 (%2)%3"_s.arg(base).arg(i).arg(suffix);
        if (!dir.exists(candidate))
            return dir.filePath(candidate);
    }
}

void WebCrmHost::onDownload(QWebEngineDownloadRequest *download)
{
    // Decided now, without a dialog: a ringing call must never wait behind a modal.
    QString directory = m_downloadDirectory;
    if (directory.isEmpty())
        directory = QDir::homePath();
    QDir().mkpath(directory);
    QString suggested = download->suggestedFileName();
    if (suggested.isEmpty())
        suggested = download->downloadFileName();
    const QFileInfo target(uniqueDownloadPath(directory, suggested));
    download->setDownloadDirectory(target.absolutePath());
    download->setDownloadFileName(target.fileName());
    download->accept();
    if (m_tabArea)
        m_tabArea->addDownload(download);
}

// --- closing ------------------------------------------------------------------------------------

void WebCrmHost::userClose(Entry *entry)
{
    QPointer<CrmPage> page = entry->page;
    if (!page || entry->crashed || entry->widget->isShowingError()) {
        closeEntry(entry);
        return;
    }
    page->askToClose(this, [this, page](bool closed) {
        Entry *e = entryOf(page);
        if (!e)
            return;
        if (closed) {
            closeEntry(e);
            return;
        }
        e->widget->addBanner(u"crmUnsavedBannerFrame"_s, tr("This page has unsaved changes, so it was not closed."),
                             { { tr("&Close anyway"),
                                 [this, page] {
                                     if (Entry *again = entryOf(page))
                                         closeEntry(again);
                                 } },
                               { tr("&Keep it open"), {} } });
    });
}

void WebCrmHost::closeEntry(Entry *entry)
{
    // Its pop-ups first: they belong to the same call and page.
    for (bool found = true; found;) {
        found = false;
        for (const auto &e : m_entries)
            if (e->parent == entry) {
                closeEntry(e.get());
                found = true;
                break;
            }
    }
    const auto it
        = std::find_if(m_entries.begin(), m_entries.end(), [entry](const auto &e) { return e.get() == entry; });
    if (it == m_entries.end())
        return;
    std::unique_ptr<Entry> owned = std::move(*it);
    m_entries.erase(it);

    if (owned->widget) {
        if (owned->window)
            owned->window->removePage(owned->widget);
        else if (m_tabArea)
            m_tabArea->removePage(owned->widget);
        owned->widget->hide();
        owned->widget->setParent(nullptr);
        m_dying.append(owned->widget.data());
        owned->widget->deleteLater();
    }
    if (owned->window && owned->ownsWindow) {
        owned->window->closeNow();
        m_dying.append(owned->window.data());
        owned->window->deleteLater();
    }
    if (owned->page) {
        m_dying.append(owned->page.data());
        owned->page->dispose();
    }
    m_dying.removeAll(nullptr);
    if (owned->isCallPage)
        Q_EMIT pageClosed(owned->callId, owned->siteId);
}

void WebCrmHost::closeAll()
{
    m_pending.clear();
    while (!m_entries.empty()) {
        Entry *root = m_entries.front().get();
        while (root->parent)
            root = root->parent;
        closeEntry(root);
    }
}

}   // namespace enlace
