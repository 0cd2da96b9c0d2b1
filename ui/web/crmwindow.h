#pragma once

#include <QPointer>
#include <QString>
#include <QWidget>

class QSettings;
class QTabWidget;

namespace enlace {

// A top-level window for CRM pages (site target "new window", and pop-ups that ask for a window):
// the call's page plus, as tabs of the same window, the pop-ups it opens. Its geometry is kept in
// the QSettings it is given, under `geometryKey` (nothing is kept without them). Closing it is a
// request (closeRequested): the host asks the page about unsaved work first.
class CrmWindow final : public QWidget
{
    Q_OBJECT

public:
    CrmWindow(QSettings *settings, const QString &geometryKey, QWidget *parent = nullptr);
    ~CrmWindow() override;

    QTabWidget *tabs() const { return m_tabs; }
    void addPage(QWidget *page, const QString &title, bool select = true);
    void setPageTitle(QWidget *page, const QString &title);
    void removePage(QWidget *page);
    int pageCount() const;
    // Closes for real (the host decided), remembering the geometry.
    void closeNow();

Q_SIGNALS:
    void closeRequested();
    void tabCloseRequested(QWidget *page);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void saveGeometryNow();
    void updateTitle();

    QPointer<QSettings> m_settings;
    QString m_geometryKey;
    QTabWidget *m_tabs = nullptr;
    bool m_closing = false;
};

}   // namespace enlace
