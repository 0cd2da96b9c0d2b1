#include <ui/dispositiondialog.h>
#include <ui/dispositionoptionmodel.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace enlace {

DispositionDialog::DispositionDialog(DispositionOptionModel *options, const QString &callSummary, QWidget *parent)
    : QDialog(parent)
    , m_options(options)
{
    setObjectName(u"dispositionDialog"_s);
    setWindowTitle(tr("Qualify the call"));
    auto *layout = new QVBoxLayout(this);
    auto *summary = new QLabel(callSummary, this);
    summary->setObjectName(u"dispositionSummaryLabel"_s);
    summary->setWordWrap(true);
    layout->addWidget(summary);

    auto *form = new QFormLayout;
    m_option = new QComboBox(this);
    m_option->setObjectName(u"dispositionOptionComboBox"_s);
    m_option->setAccessibleName(tr("Disposition"));
    m_option->setModel(options);
    m_option->setCurrentIndex(-1);
    m_option->setPlaceholderText(tr("Choose a disposition"));
    form->addRow(tr("&Disposition:"), m_option);
    m_comments = new QPlainTextEdit(this);
    m_comments->setObjectName(u"dispositionCommentsEdit"_s);
    m_comments->setAccessibleName(tr("Comments"));
    m_comments->setTabChangesFocus(true);
    form->addRow(tr("&Comments:"), m_comments);
    layout->addLayout(form);

    m_error = new QLabel(this);
    m_error->setObjectName(u"dispositionErrorLabel"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color:#c62828;"_s);
    m_error->hide();
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(u"dispositionButtonBox"_s);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (options->rowCount() == 0) {
        m_error->setText(tr("This campaign has no disposition options."));
        m_error->show();
    }
}

void DispositionDialog::preset(qint64 optionId, const QString &comments)
{
    m_option->setCurrentIndex(m_options->rowOf(optionId));
    m_comments->setPlainText(comments);
}

void DispositionDialog::accept()
{
    const int row = m_option->currentIndex();
    if (row < 0) {
        showError(tr("Choose a disposition."));
        m_option->setFocus();
        return;
    }
    m_error->hide();
    setBusy(true);
    Q_EMIT dispositionChosen(m_options->options().at(row).id, m_comments->toPlainText());
}

void DispositionDialog::showError(const QString &text)
{
    setBusy(false);
    m_error->setText(text);
    m_error->show();
}

void DispositionDialog::finish()
{
    setBusy(false);
    QDialog::accept();
}

void DispositionDialog::setBusy(bool busy)
{
    m_option->setEnabled(!busy);
    m_comments->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
}

}   // namespace enlace
