#pragma once

#include <QList>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QWidget>

#include <functional>

class QFrame;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QVBoxLayout;
class QWebEngineView;

namespace enlace {

class CrmPage;

// What shows one CrmPage, in a tab or in a window: non-modal banners above the page (certificate
// errors, permission questions, notices, the page's JavaScript dialogs), the QWebEngineView and,
// instead of Chromium's error page, Enlace's error view with a Retry button.
class CrmPageWidget final : public QWidget
{
    Q_OBJECT

public:
    using Action = QPair<QString, std::function<void()>>;   // button text, what it does

    explicit CrmPageWidget(CrmPage *page, QWidget *parent = nullptr);
    ~CrmPageWidget() override;

    CrmPage *page() const { return m_page; }
    QWebEngineView *view() const { return m_view; }

    void showError(const QString &reason);
    void showPage();
    bool isShowingError() const;

    // A banner above the page; every button runs its action and removes the banner. With no
    // action a "Dismiss" button is added. objectName lets tests find it.
    QFrame *addBanner(const QString &objectName, const QString &text, const QList<Action> &actions = {});

Q_SIGNALS:
    void retryRequested();

private:
    void showDialog(int kind, const QString &message, const QString &defaultText);
    void closeDialog();

    QPointer<CrmPage> m_page;
    QVBoxLayout *m_banners = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWebEngineView *m_view = nullptr;
    QWidget *m_errorView = nullptr;
    QLabel *m_errorLabel = nullptr;
    QFrame *m_dialog = nullptr;
    QLabel *m_dialogLabel = nullptr;
    QLineEdit *m_dialogEdit = nullptr;
};

}   // namespace enlace
