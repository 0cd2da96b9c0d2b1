#pragma once

#include <ui/crmhost.h>

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QSettings;
class QUrl;
class QWebEngineCertificateError;
class QWebEngineDownloadRequest;
class QWebEngineNewWindowRequest;
class QWebEngineProfile;
class QWidget;

namespace enlace {

class CrmPage;
class CrmPageWidget;
class CrmTabArea;
class CrmWindow;

// CrmHost on Qt WebEngine: the only code of Enlace that includes WebEngine headers.
//
// - One named, persistent QWebEngineProfile per server (cookies kept on disk), deleted before the
//   host so that cookies and cache flush.
// - Call pages are keyed by (call id, site id). Target embedded: a tab of tabArea(); new window: a
//   CrmWindow. Pop-ups (newWindowRequested, answered synchronously, same profile) become a tab next
//   to their call's tab, a tab of their page's window, or (window / dialog) a window of their own;
//   they close with their call page and do not count against the cap.
// - ReuseOne: the site's previous page is asked to close (RequestClose; a beforeunload prompt is
//   answered "stay" without a modal); if it agrees the new call's page takes its place, otherwise
//   it stays, titled "(unsaved)", and the new page opens beside it. The cap works the same way:
//   pages of ended calls are asked, oldest first; when none agrees, pageRefused.
// - Certificate errors are deferred, shown in a banner on the page and rejected, unless the leaf
//   certificate's SHA-256 is in setTrustedCertificates().
// - Feature permissions: an origin other than the page's CRM site origin is denied without asking;
//   the site's origin is asked once in a banner (Allow / Deny) and the answer is remembered per
//   origin and feature (in the QSettings given, else for the host's lifetime).
// - Downloads go, without a dialog, to the downloads directory under a unique name, and show in
//   the tab area's downloads list.
// - JavaScript alert: a banner (non-blocking); confirm/prompt: an in-tab question, waited for by a
//   nested event loop (the console stays usable, nothing is modal).
// - The `enlace` QWebChannel object: only while the page's origin is its site's origin.
class WebCrmHost final : public CrmHost
{
    Q_OBJECT

public:
    // profileName: one per server (see profileNameFor()); storageDir: where the profile keeps
    // cookies, local storage and cache (empty: Qt's default under the application's data dir).
    WebCrmHost(const QString &profileName, const QString &storageDir, QObject *parent = nullptr);
    ~WebCrmHost() override;

    // "enlace-<host>-<port>-<8 hex of SHA-256 of the URL>": a stable, file-name-safe profile name.
    static QString profileNameFor(const QUrl &serverUrl);

    // Window geometry ("crmWindow/site<id>/geometry") and remembered permissions
    // ("crmPermissions/..."); not owned; without it nothing is stored.
    void setSettings(QSettings *settings);
    // Where downloads go (created when needed); default QStandardPaths::DownloadLocation.
    void setDownloadDirectory(const QString &directory);
    QString downloadDirectory() const { return m_downloadDirectory; }
    // SHA-256 fingerprints (hex, any case, ':' or spaces allowed) of certificates an administrator
    // trusts despite a certificate error. Anything else is never accepted.
    void setTrustedCertificates(const QStringList &sha256Fingerprints);

    QWebEngineProfile *profile() const { return m_profile.get(); }
    // The page of (callId, siteId), for tests and diagnostics; nullptr when none.
    CrmPage *page(const QString &callId, qint64 siteId) const;
    CrmPageWidget *pageWidget(const QString &callId, qint64 siteId) const;
    // The window showing (callId, siteId), nullptr when embedded or none.
    CrmWindow *window(const QString &callId, qint64 siteId) const;
    // Every page, pop-ups included (tests).
    QList<CrmPage *> allPages() const;
    CrmPageWidget *widgetOf(const CrmPage *page) const;

    QWidget *tabArea() override;
    void open(const CrmPageRequest &page) override;
    void retry(const QString &callId, qint64 siteId) override;
    bool hasPage(const QString &callId, qint64 siteId) const override;
    int pageCount() const override;
    void setMaxPages(int maxPages) override;
    void markCallEnded(const QString &callId) override;
    void setCallFacts(const QString &callId, const QJsonObject &facts) override;
    void closeAll() override;

private:
    struct Entry;
    struct PendingOpen;

    Entry *find(const QString &callId, qint64 siteId) const;
    Entry *entryOf(const QObject *pageOrWidget) const;
    QList<Entry *> callPages() const;
    void proceed(const std::shared_ptr<PendingOpen> &pending);
    void makeRoomThenCreate(const std::shared_ptr<PendingOpen> &pending);
    void create(const CrmPageRequest &request, int tabIndex);
    CrmPage *newPage(const QString &callId, qint64 siteId);
    Entry *adopt(CrmPage *page, Entry *parent, const QString &title);
    void connectPage(Entry *entry);
    void showEmbedded(Entry *entry, int tabIndex, bool select);
    void showInWindow(Entry *entry, const QString &geometryKey, const QRect &requestedGeometry);
    void focus(Entry *entry);
    void updateTitle(Entry *entry);
    void updateBridge(Entry *entry);
    void loadSite(Entry *entry);
    void onLoadingChanged(Entry *entry, int status, int domain, int code, const QString &errorString);
    void onNewWindow(Entry *entry, QWebEngineNewWindowRequest &request);
    void onCertificateError(Entry *entry, const QWebEngineCertificateError &error);
    void onPermission(Entry *entry, const QUrl &origin, int feature);
    void onDownload(QWebEngineDownloadRequest *download);
    void userClose(Entry *entry);
    void closeEntry(Entry *entry);
    void reportLoad(Entry *entry, bool ok, const QString &errorText);
    QString uniqueDownloadPath(const QString &directory, const QString &fileName) const;

    std::unique_ptr<QWebEngineProfile> m_profile;
    QPointer<CrmTabArea> m_tabArea;
    QPointer<QSettings> m_settings;
    QString m_downloadDirectory;
    QSet<QString> m_trusted;
    int m_maxPages = 5;
    quint64 m_sequence = 0;
    std::vector<std::unique_ptr<Entry>> m_entries;
    QList<std::shared_ptr<PendingOpen>> m_pending;
    QSet<QString> m_endedCalls;
    QHash<QString, QJsonObject> m_facts;
    QHash<QString, bool> m_permissions;   // without settings
    QList<QPointer<QObject>> m_dying;   // pages and widgets disposed of, deleted before the profile
};

}   // namespace enlace
