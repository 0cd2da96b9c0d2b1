#pragma once

#include <core/requests/httprequest.h>

#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <QWebEnginePage>

#include <functional>
#include <optional>

#include "crmbridge.h"

class QEventLoop;

namespace enlace {

// One CRM page (a call's site page or one of its pop-ups), the same class whether it shows in a tab
// or in a window. It knows the request that opened it (so Retry re-issues it and Reload never
// re-sends a POST), answers the page's JavaScript dialogs without a modal (dialogRequested + a
// nested event loop that leaves the rest of the console usable), answers a `beforeunload` prompt
// "stay" when Enlace asked the page to close, and reports what the host needs to decide.
class CrmPage final : public QWebEnginePage
{
    Q_OBJECT

public:
    enum class DialogKind { Alert, Confirm, Prompt };
    Q_ENUM(DialogKind)

    CrmPage(QWebEngineProfile *profile, const QString &callId, qint64 siteId, QObject *parent = nullptr);
    ~CrmPage() override;

    QString callId() const { return m_callId; }
    qint64 siteId() const { return m_siteId; }

    // The site's request (call pages only; pop-ups have none). Its origin is the only one that gets
    // the `enlace` object.
    void setSiteRequest(const HttpRequest &request);
    const std::optional<HttpRequest> &siteRequest() const { return m_request; }
    QString siteOrigin() const { return m_siteOrigin; }
    bool isOnSiteOrigin() const;
    static QString originOf(const QUrl &url);

    // Loads the site request (first load and Retry); false + *error when it cannot be loaded.
    bool loadSiteRequest(QString *error);
    // True while the result of loadSiteRequest() is still to come (pageLoaded is owed).
    bool awaitsSiteResult() const { return m_awaitsSiteResult; }
    void setSiteResultReported() { m_awaitsSiteResult = false; }

    void setBridge(CrmBridge *bridge) { m_bridge = bridge; }
    CrmBridge *bridge() const { return m_bridge; }

    // Asks the page to close (runs its beforeunload). `done(true)`: it agreed (or is gone), the
    // caller closes it; `done(false)`: it has unsaved work (or did not answer in time). Called
    // queued on `context`.
    void askToClose(QObject *context, std::function<void(bool closed)> done);
    bool isAskingToClose() const { return bool(m_closeAnswer); }
    bool hasUnsavedWork() const { return m_unsaved; }
    // The agent chose to leave anyway: the next beforeunload prompt is answered "leave".
    void allowNextUnload() { m_allowNextUnload = true; }

    // The in-tab dialog UI answers the pending JavaScript dialog.
    void answerDialog(bool accepted, const QString &text = {});
    bool isInDialog() const { return m_dialogLoop != nullptr; }
    // deleteLater(), after the pending JavaScript dialog (if any) has been answered "cancel".
    void dispose();

    void triggerAction(WebAction action, bool checked = false) override;

    static QString unloadConfirmationText();

Q_SIGNALS:
    void dialogRequested(enlace::CrmPage::DialogKind kind, const QString &message, const QString &defaultText);
    void dialogFinished();
    // A beforeunload prompt was answered "stay": asked = Enlace had asked the page to close.
    void unloadRefused(bool asked);
    void unsavedWorkChanged(bool unsaved);
    // Reload was refused: the document was opened by POST and would be sent again.
    void reloadRefused();
    // The page closed itself (window.close()) without being asked.
    void closedByPage();

protected:
    void javaScriptAlert(const QUrl &securityOrigin, const QString &msg) override;
    bool javaScriptConfirm(const QUrl &securityOrigin, const QString &msg) override;
    bool javaScriptPrompt(const QUrl &securityOrigin, const QString &msg, const QString &defaultValue,
                          QString *result) override;

private:
    bool runDialog(DialogKind kind, const QString &message, const QString &defaultText, QString *result);
    void finishAsk(bool closed);
    void setUnsaved(bool unsaved);

    QString m_callId;
    qint64 m_siteId = 0;
    std::optional<HttpRequest> m_request;
    QString m_siteOrigin;
    bool m_awaitsSiteResult = false;
    QPointer<CrmBridge> m_bridge;

    std::function<void(bool)> m_closeAnswer;
    QPointer<QObject> m_closeContext;
    QTimer m_closeTimer;
    bool m_unsaved = false;
    bool m_allowNextUnload = false;

    QEventLoop *m_dialogLoop = nullptr;
    bool m_dialogAccepted = false;
    QString m_dialogText;
    bool m_disposeAfterDialog = false;
};

}   // namespace enlace
