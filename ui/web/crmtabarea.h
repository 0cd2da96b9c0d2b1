#pragma once

#include <QString>
#include <QWidget>

class QListWidget;
class QTabWidget;
class QWebEngineDownloadRequest;

namespace enlace {

// WebCrmHost::tabArea(): the console's CRM tabs (a QTabWidget, "crmTabWidget"; a call's pop-ups sit
// right after its page) and, below them, a small non-modal list of the downloads CRM pages started
// ("crmDownloadsListWidget", hidden until the first one).
class CrmTabArea final : public QWidget
{
    Q_OBJECT

public:
    explicit CrmTabArea(QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    QListWidget *downloads() const { return m_downloads; }

    // index < 0: at the end.
    void insertPage(QWidget *page, const QString &title, int index, bool select);
    void setPageTitle(QWidget *page, const QString &title);
    void removePage(QWidget *page);

    // Shows the download (already accepted) and follows its progress.
    void addDownload(QWebEngineDownloadRequest *download);

Q_SIGNALS:
    void tabCloseRequested(QWidget *page);

private:
    QTabWidget *m_tabs = nullptr;
    QListWidget *m_downloads = nullptr;
};

}   // namespace enlace
