#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace enlace {

class DispositionOptionModel;

// Qualifies a call: one of the campaign's disposition options and comments. A view: it emits the
// choice and the session posts it; showError() shows the server's answer, finish() closes.
// Opened with open(), never exec().
class DispositionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DispositionDialog)

public:
    DispositionDialog(DispositionOptionModel *options, const QString &callSummary, QWidget *parent = nullptr);

    // Re-qualifying: the current choice and comments.
    void preset(qint64 optionId, const QString &comments);
    void showError(const QString &text);
    void finish();
    void accept() override;

Q_SIGNALS:
    void dispositionChosen(qint64 optionId, const QString &comments);

private:
    void setBusy(bool busy);

    DispositionOptionModel *m_options;
    QComboBox *m_option = nullptr;
    QPlainTextEdit *m_comments = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

}   // namespace enlace
