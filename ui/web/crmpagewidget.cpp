#include "crmpagewidget.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QWebEngineView>

#include "crmpage.h"

using namespace Qt::StringLiterals;

namespace enlace {

CrmPageWidget::CrmPageWidget(CrmPage *page, QWidget *parent)
    : QWidget(parent)
    , m_page(page)
{
    setObjectName(u"crmPageWidget"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banners = new QVBoxLayout;
    m_banners->setSpacing(2);
    layout->addLayout(m_banners);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(u"crmPageStackedWidget"_s);
    m_view = new QWebEngineView(m_stack);
    m_view->setObjectName(u"crmWebEngineView"_s);
    m_view->setPage(page);
    m_stack->addWidget(m_view);

    m_errorView = new QWidget(m_stack);
    m_errorView->setObjectName(u"crmErrorWidget"_s);
    auto *errorLayout = new QVBoxLayout(m_errorView);
    errorLayout->addStretch();
    auto *heading = new QLabel(tr("The CRM page could not be shown"), m_errorView);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    heading->setFont(headingFont);
    heading->setAlignment(Qt::AlignCenter);
    errorLayout->addWidget(heading);
    m_errorLabel = new QLabel(m_errorView);
    m_errorLabel->setObjectName(u"crmErrorLabel"_s);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setAlignment(Qt::AlignCenter);
    m_errorLabel->setTextFormat(Qt::PlainText);
    errorLayout->addWidget(m_errorLabel);
    auto *retry = new QPushButton(tr("&Retry"), m_errorView);
    retry->setObjectName(u"crmRetryPushButton"_s);
    retry->setAccessibleName(tr("Retry loading the CRM page"));
    connect(retry, &QPushButton::clicked, this, &CrmPageWidget::retryRequested);
    auto *retryRow = new QHBoxLayout;
    retryRow->addStretch();
    retryRow->addWidget(retry);
    retryRow->addStretch();
    errorLayout->addLayout(retryRow);
    errorLayout->addStretch();
    m_stack->addWidget(m_errorView);
    layout->addWidget(m_stack, 1);

    setFocusProxy(m_view);
    connect(page, &CrmPage::dialogRequested, this,
            [this](CrmPage::DialogKind kind, const QString &message, const QString &defaultText) {
                showDialog(int(kind), message, defaultText);
            });
    connect(page, &CrmPage::dialogFinished, this, &CrmPageWidget::closeDialog);
}

CrmPageWidget::~CrmPageWidget() = default;

void CrmPageWidget::showError(const QString &reason)
{
    m_errorLabel->setText(reason);
    m_stack->setCurrentWidget(m_errorView);
}

void CrmPageWidget::showPage()
{
    m_stack->setCurrentWidget(m_view);
}

bool CrmPageWidget::isShowingError() const
{
    return m_stack->currentWidget() == m_errorView;
}

QFrame *CrmPageWidget::addBanner(const QString &objectName, const QString &text, const QList<Action> &actions)
{
    auto *banner = new QFrame(this);
    banner->setObjectName(objectName);
    banner->setFrameShape(QFrame::StyledPanel);
    banner->setAutoFillBackground(true);
    QPalette pal = banner->palette();
    pal.setColor(QPalette::Window, pal.color(QPalette::ToolTipBase));
    pal.setColor(QPalette::WindowText, pal.color(QPalette::ToolTipText));
    banner->setPalette(pal);
    auto *row = new QHBoxLayout(banner);
    auto *label = new QLabel(text, banner);
    label->setObjectName(u"crmBannerLabel"_s);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(label, 1);
    QList<Action> all = actions;
    if (all.isEmpty())
        all.append({ tr("Dismiss"), {} });
    for (const Action &action : all) {
        auto *button = new QPushButton(action.first, banner);
        button->setAccessibleName(QString(action.first).remove(u'&'));
        row->addWidget(button);
        connect(button, &QPushButton::clicked, banner, [banner, run = action.second] {
            banner->hide();
            banner->deleteLater();
            if (run)
                run();
        });
    }
    m_banners->addWidget(banner);
    return banner;
}

void CrmPageWidget::showDialog(int kind, const QString &message, const QString &defaultText)
{
    const auto dialogKind = CrmPage::DialogKind(kind);
    if (dialogKind == CrmPage::DialogKind::Alert) {
        addBanner(u"crmAlertFrame"_s, tr("The CRM page says: %1").arg(message));
        return;
    }
    closeDialog();
    m_dialog = new QFrame(this);
    m_dialog->setObjectName(u"crmDialogFrame"_s);
    m_dialog->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(m_dialog);
    m_dialogLabel = new QLabel(tr("The CRM page asks: %1").arg(message), m_dialog);
    m_dialogLabel->setObjectName(u"crmDialogLabel"_s);
    m_dialogLabel->setWordWrap(true);
    m_dialogLabel->setTextFormat(Qt::PlainText);
    layout->addWidget(m_dialogLabel);
    m_dialogEdit = nullptr;
    if (dialogKind == CrmPage::DialogKind::Prompt) {
        m_dialogEdit = new QLineEdit(defaultText, m_dialog);
        m_dialogEdit->setObjectName(u"crmDialogLineEdit"_s);
        m_dialogEdit->setAccessibleName(tr("Answer to the CRM page"));
        layout->addWidget(m_dialogEdit);
    }
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    auto *ok = new QPushButton(tr("OK"), m_dialog);
    ok->setObjectName(u"crmDialogOkPushButton"_s);
    ok->setAccessibleName(tr("OK"));
    auto *cancel = new QPushButton(tr("Cancel"), m_dialog);
    cancel->setObjectName(u"crmDialogCancelPushButton"_s);
    cancel->setAccessibleName(tr("Cancel"));
    buttons->addWidget(ok);
    buttons->addWidget(cancel);
    layout->addLayout(buttons);
    connect(ok, &QPushButton::clicked, this, [this] {
        if (m_page)
            m_page->answerDialog(true, m_dialogEdit ? m_dialogEdit->text() : QString());
    });
    connect(cancel, &QPushButton::clicked, this, [this] {
        if (m_page)
            m_page->answerDialog(false);
    });
    m_banners->addWidget(m_dialog);
    if (m_dialogEdit)
        m_dialogEdit->setFocus();
}

void CrmPageWidget::closeDialog()
{
    if (!m_dialog)
        return;
    m_dialog->hide();
    m_dialog->deleteLater();
    m_dialog = nullptr;
    m_dialogLabel = nullptr;
    m_dialogEdit = nullptr;
}

}   // namespace enlace
