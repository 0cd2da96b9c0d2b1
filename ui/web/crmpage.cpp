#include "crmpage.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QMetaMethod>

#include "crmrequestloader.h"

namespace enlace {

namespace {

constexpr int AskToCloseTimeoutMs = 5000;

}   // namespace

CrmPage::CrmPage(QWebEngineProfile *profile, const QString &callId, qint64 siteId, QObject *parent)
    : QWebEnginePage(profile, parent)
    , m_callId(callId)
    , m_siteId(siteId)
{
    m_closeTimer.setSingleShot(true);
    m_closeTimer.setInterval(AskToCloseTimeoutMs);
    connect(&m_closeTimer, &QTimer::timeout, this, [this] { finishAsk(false); });
    connect(this, &QWebEnginePage::windowCloseRequested, this, [this] {
        if (m_closeAnswer)
            finishAsk(true);
        else
            Q_EMIT closedByPage();
    });
}

CrmPage::~CrmPage()
{
    if (m_dialogLoop)
        m_dialogLoop->quit();
    if (m_closeAnswer && m_closeContext) {
        // Gone counts as closed: whoever waited for room gets it.
        QMetaObject::invokeMethod(
            m_closeContext, [done = std::move(m_closeAnswer)] { done(true); }, Qt::QueuedConnection);
    }
}

QString CrmPage::originOf(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return {};
    const QString scheme = url.scheme().toLower();
    QString origin = scheme + QLatin1String("://") + url.host(QUrl::FullyEncoded).toLower();
    const int defaultPort = scheme == QLatin1String("https") ? 443 : scheme == QLatin1String("http") ? 80 : -1;
    const int port = url.port(defaultPort);
    if (port != defaultPort)
        origin += QLatin1Char(':') + QString::number(port);
    return origin;
}

void CrmPage::setSiteRequest(const HttpRequest &request)
{
    m_request = request;
    m_siteOrigin = originOf(request.url);
}

bool CrmPage::isOnSiteOrigin() const
{
    return !m_siteOrigin.isEmpty() && originOf(url()) == m_siteOrigin;
}

bool CrmPage::loadSiteRequest(QString *error)
{
    if (!m_request)
        return false;
    const auto request = CrmRequestLoader::webEngineRequest(*m_request, error);
    if (!request)
        return false;
    m_awaitsSiteResult = true;
    load(*request);
    return true;
}

void CrmPage::askToClose(QObject *context, std::function<void(bool)> done)
{
    if (m_closeAnswer) {
        // Already asked: answer the new question with the pending one's result.
        auto previous = std::move(m_closeAnswer);
        m_closeAnswer = [previous, done](bool closed) {
            previous(closed);
            done(closed);
        };
        return;
    }
    m_closeAnswer = std::move(done);
    m_closeContext = context;
    m_closeTimer.start();
    triggerAction(QWebEnginePage::RequestClose);
}

void CrmPage::finishAsk(bool closed)
{
    m_closeTimer.stop();
    if (!m_closeAnswer)
        return;
    auto done = std::move(m_closeAnswer);
    m_closeAnswer = nullptr;
    if (m_closeContext)
        QMetaObject::invokeMethod(
            m_closeContext, [done, closed] { done(closed); }, Qt::QueuedConnection);
}

void CrmPage::setUnsaved(bool unsaved)
{
    if (m_unsaved == unsaved)
        return;
    m_unsaved = unsaved;
    Q_EMIT unsavedWorkChanged(unsaved);
}

void CrmPage::triggerAction(WebAction action, bool checked)
{
    if ((action == Reload || action == ReloadAndBypassCache) && m_request
        && m_request->method.compare("POST", Qt::CaseInsensitive) == 0
        && url().adjusted(QUrl::RemoveFragment) == m_request->url.adjusted(QUrl::RemoveFragment)) {
        Q_EMIT reloadRefused();
        return;
    }
    QWebEnginePage::triggerAction(action, checked);
}

QString CrmPage::unloadConfirmationText()
{
    // The fixed text Qt 6.4 passes to javaScriptConfirm for beforeunload (qwebenginepage.cpp).
    return QCoreApplication::translate(
        "QWebEnginePage", "Are you sure you want to leave this page? Changes that you made may not be saved.");
}

void CrmPage::javaScriptAlert(const QUrl &, const QString &msg)
{
    // An alert needs no answer: shown in the tab, the page goes on at once.
    Q_EMIT dialogRequested(DialogKind::Alert, msg, {});
}

bool CrmPage::javaScriptConfirm(const QUrl &, const QString &msg)
{
    if (msg == unloadConfirmationText()) {
        if (m_allowNextUnload && !m_closeAnswer) {
            m_allowNextUnload = false;
            setUnsaved(false);
            return true;
        }
        const bool asked = bool(m_closeAnswer);
        setUnsaved(true);
        QMetaObject::invokeMethod(
            this, [this, asked] { Q_EMIT unloadRefused(asked); }, Qt::QueuedConnection);
        if (asked)
            finishAsk(false);
        return false;
    }
    return runDialog(DialogKind::Confirm, msg, {}, nullptr);
}

bool CrmPage::javaScriptPrompt(const QUrl &, const QString &msg, const QString &defaultValue, QString *result)
{
    return runDialog(DialogKind::Prompt, msg, defaultValue, result);
}

bool CrmPage::runDialog(DialogKind kind, const QString &message, const QString &defaultText, QString *result)
{
    static const QMetaMethod requested = QMetaMethod::fromSignal(&CrmPage::dialogRequested);
    if (m_dialogLoop || m_disposeAfterDialog || !isSignalConnected(requested))
        return false;
    // Not modal: the loop keeps the whole console (call controls, other tabs) working while this
    // page waits for its answer in its own tab.
    QEventLoop loop;
    m_dialogLoop = &loop;
    m_dialogAccepted = false;
    m_dialogText.clear();
    QPointer<CrmPage> self(this);
    Q_EMIT dialogRequested(kind, message, defaultText);
    loop.exec(QEventLoop::AllEvents);
    if (!self)
        return false;
    m_dialogLoop = nullptr;
    Q_EMIT dialogFinished();
    const bool accepted = m_dialogAccepted;
    if (result && accepted)
        *result = m_dialogText;
    if (m_disposeAfterDialog)
        deleteLater();
    return accepted;
}

void CrmPage::answerDialog(bool accepted, const QString &text)
{
    if (!m_dialogLoop)
        return;
    m_dialogAccepted = accepted;
    m_dialogText = text;
    m_dialogLoop->quit();
}

void CrmPage::dispose()
{
    if (m_dialogLoop) {
        m_disposeAfterDialog = true;
        answerDialog(false);
        return;
    }
    deleteLater();
}

}   // namespace enlace
