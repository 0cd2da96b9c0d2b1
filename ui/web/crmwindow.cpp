#include "crmwindow.h"

#include <QCloseEvent>
#include <QGuiApplication>
#include <QScreen>
#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace enlace {

CrmWindow::CrmWindow(QSettings *settings, const QString &geometryKey, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_settings(settings)
    , m_geometryKey(geometryKey)
{
    setObjectName(u"crmWindow"_s);
    setAttribute(Qt::WA_DeleteOnClose, false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"crmWindowTabWidget"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setTabBarAutoHide(true);
    layout->addWidget(m_tabs);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (QWidget *page = m_tabs->widget(index))
            Q_EMIT tabCloseRequested(page);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &CrmWindow::updateTitle);

    bool restored = false;
    if (m_settings && !m_geometryKey.isEmpty())
        restored = restoreGeometry(m_settings->value(m_geometryKey).toByteArray());
    if (!restored) {
        QSize size(1100, 750);
        if (const QScreen *screen = QGuiApplication::primaryScreen())
            size = size.boundedTo(screen->availableSize() * 0.9);
        resize(size);
    }
}

CrmWindow::~CrmWindow()
{
    saveGeometryNow();
}

void CrmWindow::addPage(QWidget *page, const QString &title, bool select)
{
    const int index = m_tabs->addTab(page, title);
    m_tabs->setTabToolTip(index, title);
    if (select)
        m_tabs->setCurrentIndex(index);
    updateTitle();
}

void CrmWindow::setPageTitle(QWidget *page, const QString &title)
{
    const int index = m_tabs->indexOf(page);
    if (index < 0)
        return;
    m_tabs->setTabText(index, title);
    m_tabs->setTabToolTip(index, title);
    updateTitle();
}

void CrmWindow::removePage(QWidget *page)
{
    const int index = m_tabs->indexOf(page);
    if (index >= 0)
        m_tabs->removeTab(index);
    updateTitle();
}

int CrmWindow::pageCount() const
{
    return m_tabs->count();
}

void CrmWindow::closeNow()
{
    saveGeometryNow();
    m_closing = true;
    close();
}

void CrmWindow::closeEvent(QCloseEvent *event)
{
    if (m_closing) {
        event->accept();
        return;
    }
    event->ignore();
    Q_EMIT closeRequested();
}

void CrmWindow::saveGeometryNow()
{
    if (m_settings && !m_geometryKey.isEmpty() && isVisible())
        m_settings->setValue(m_geometryKey, saveGeometry());
}

void CrmWindow::updateTitle()
{
    const int index = m_tabs->currentIndex();
    const QString page = index >= 0 ? m_tabs->tabText(index) : QString();
    setWindowTitle(page.isEmpty() ? tr("CRM") : tr("%1 — CRM").arg(page));
}

}   // namespace enlace
