#include "crmtabarea.h"

#include <QDir>
#include <QListWidget>
#include <QLocale>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QWebEngineDownloadRequest>

using namespace Qt::StringLiterals;

namespace enlace {

CrmTabArea::CrmTabArea(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"crmTabArea"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"crmTabWidget"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(false);
    layout->addWidget(m_tabs, 1);
    m_downloads = new QListWidget(this);
    m_downloads->setObjectName(u"crmDownloadsListWidget"_s);
    m_downloads->setAccessibleName(tr("CRM downloads"));
    m_downloads->setMaximumHeight(90);
    m_downloads->hide();
    layout->addWidget(m_downloads);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (QWidget *page = m_tabs->widget(index))
            Q_EMIT tabCloseRequested(page);
    });
}

void CrmTabArea::insertPage(QWidget *page, const QString &title, int index, bool select)
{
    const int at = m_tabs->insertTab(index < 0 ? m_tabs->count() : index, page, title);
    m_tabs->setTabToolTip(at, title);
    if (select)
        m_tabs->setCurrentIndex(at);
}

void CrmTabArea::setPageTitle(QWidget *page, const QString &title)
{
    const int index = m_tabs->indexOf(page);
    if (index < 0)
        return;
    m_tabs->setTabText(index, title);
    m_tabs->setTabToolTip(index, title);
}

void CrmTabArea::removePage(QWidget *page)
{
    const int index = m_tabs->indexOf(page);
    if (index >= 0)
        m_tabs->removeTab(index);
}

void CrmTabArea::addDownload(QWebEngineDownloadRequest *download)
{
    auto *item = new QListWidgetItem(m_downloads);
    m_downloads->scrollToItem(item);
    m_downloads->show();
    const QString path = QDir(download->downloadDirectory()).filePath(download->downloadFileName());
    item->setData(Qt::UserRole, path);
    auto update = [this, item, download, path] {
        if (m_downloads->row(item) < 0)
            return;
        const QString name = download->downloadFileName();
        const QLocale locale;
        switch (download->state()) {
        case QWebEngineDownloadRequest::DownloadCompleted:
            item->setText(tr("%1 — saved in %2").arg(name, QDir::toNativeSeparators(download->downloadDirectory())));
            break;
        case QWebEngineDownloadRequest::DownloadCancelled:
            item->setText(tr("%1 — cancelled").arg(name));
            break;
        case QWebEngineDownloadRequest::DownloadInterrupted:
            item->setText(tr("%1 — failed: %2").arg(name, download->interruptReasonString()));
            break;
        default:
            if (download->totalBytes() > 0)
                item->setText(tr("%1 — %2 of %3")
                                  .arg(name, locale.formattedDataSize(download->receivedBytes()),
                                       locale.formattedDataSize(download->totalBytes())));
            else
                item->setText(tr("%1 — %2").arg(name, locale.formattedDataSize(download->receivedBytes())));
        }
    };
    update();
    connect(download, &QWebEngineDownloadRequest::receivedBytesChanged, item->listWidget(), update);
    connect(download, &QWebEngineDownloadRequest::stateChanged, item->listWidget(), update);
}

}   // namespace enlace
