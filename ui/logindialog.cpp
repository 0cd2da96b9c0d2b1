#include <ui/logindialog.h>

#include <QPushButton>
#include <QSettings>

#include "ui_logindialog.h"

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

const QString ServerKey = u"login/server"_s;
const QString UserKey = u"login/user"_s;
const QString RememberKey = u"login/rememberPassword"_s;

}   // namespace

LoginDialog::LoginDialog(QSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::LoginDialog>())
    , m_settings(settings)
{
    m_ui->setupUi(this);
    m_ui->dialogButtonBox->button(QDialogButtonBox::Ok)->setText(tr("&Sign in"));
    for (QLabel *label : { m_ui->serverErrorLabel, m_ui->userErrorLabel, m_ui->passwordErrorLabel,
                           m_ui->keychainNoticeLabel, m_ui->statusLabel })
        label->hide();
    clearErrors();

    if (m_settings) {
        setServer(m_settings->value(ServerKey).toUrl());
        setUser(m_settings->value(UserKey).toString());
        setRememberPassword(m_settings->value(RememberKey, false).toBool());
    }

    connect(m_ui->dialogButtonBox, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(m_ui->dialogButtonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (m_ui->serverLineEdit->text().isEmpty())
        m_ui->serverLineEdit->setFocus();
    else if (m_ui->userLineEdit->text().isEmpty())
        m_ui->userLineEdit->setFocus();
    else
        m_ui->passwordLineEdit->setFocus();
}

LoginDialog::~LoginDialog() = default;

QUrl LoginDialog::server() const
{
    return QUrl(m_ui->serverLineEdit->text().trimmed(), QUrl::StrictMode);
}

QString LoginDialog::user() const
{
    return m_ui->userLineEdit->text().trimmed();
}

bool LoginDialog::rememberPassword() const
{
    return m_ui->rememberPasswordCheckBox->isChecked();
}

void LoginDialog::setServer(const QUrl &server)
{
    m_ui->serverLineEdit->setText(server.toString());
}

void LoginDialog::setUser(const QString &user)
{
    m_ui->userLineEdit->setText(user);
}

void LoginDialog::setPassword(const QString &password)
{
    m_ui->passwordLineEdit->setText(password);
}

void LoginDialog::setRememberPassword(bool remember)
{
    m_ui->rememberPasswordCheckBox->setChecked(remember);
}

void LoginDialog::setKeychainNotice(const QString &notice)
{
    m_ui->keychainNoticeLabel->setText(notice);
    m_ui->keychainNoticeLabel->setVisible(!notice.isEmpty());
}

void LoginDialog::showError(const QString &message)
{
    setBusy(false);
    m_ui->statusLabel->setText(message);
    m_ui->statusLabel->setVisible(!message.isEmpty());
    m_ui->passwordLineEdit->setFocus();
    m_ui->passwordLineEdit->selectAll();
}

void LoginDialog::finish()
{
    setBusy(false);
    m_ui->passwordLineEdit->clear();
    QDialog::accept();
}

void LoginDialog::accept()
{
    if (m_busy)
        return;
    clearErrors();
    m_ui->statusLabel->hide();

    QUrl url;
    const QString serverError = validateServer(&url);
    const QString userError = user().isEmpty() ? tr("Enter your user name.") : QString();
    const QString passwordError = m_ui->passwordLineEdit->text().isEmpty() ? tr("Enter your password.") : QString();
    setFieldError(m_ui->serverLineEdit, m_ui->serverErrorLabel, serverError);
    setFieldError(m_ui->userLineEdit, m_ui->userErrorLabel, userError);
    setFieldError(m_ui->passwordLineEdit, m_ui->passwordErrorLabel, passwordError);
    if (!serverError.isEmpty())
        return m_ui->serverLineEdit->setFocus();
    if (!userError.isEmpty())
        return m_ui->userLineEdit->setFocus();
    if (!passwordError.isEmpty())
        return m_ui->passwordLineEdit->setFocus();

    if (m_settings) {
        m_settings->setValue(ServerKey, url);
        m_settings->setValue(UserKey, user());
        m_settings->setValue(RememberKey, rememberPassword());
    }
    setBusy(true);
    m_ui->statusLabel->setText(tr("Connecting…"));
    m_ui->statusLabel->show();
    Q_EMIT loginRequested(url, user(), m_ui->passwordLineEdit->text(), rememberPassword());
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w : std::initializer_list<QWidget *> { m_ui->serverLineEdit, m_ui->userLineEdit,
                                                         m_ui->passwordLineEdit, m_ui->rememberPasswordCheckBox })
        w->setEnabled(!busy);
    m_ui->dialogButtonBox->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
}

void LoginDialog::setFieldError(QLineEdit *field, QLabel *label, const QString &error)
{
    label->setText(error);
    label->setVisible(!error.isEmpty());
    // Screen readers announce the error with the field.
    field->setAccessibleDescription(error);
    field->setProperty("invalid", !error.isEmpty());
}

void LoginDialog::clearErrors()
{
    setFieldError(m_ui->serverLineEdit, m_ui->serverErrorLabel, {});
    setFieldError(m_ui->userLineEdit, m_ui->userErrorLabel, {});
    setFieldError(m_ui->passwordLineEdit, m_ui->passwordErrorLabel, {});
}

QString LoginDialog::validateServer(QUrl *url) const
{
    const QString text = m_ui->serverLineEdit->text().trimmed();
    if (text.isEmpty())
        return tr("Enter the server address, for example https://enlace.example.com.");
    *url = QUrl(text, QUrl::StrictMode);
    const QString scheme = url->scheme().toLower();
    if (!url->isValid() || url->host().isEmpty() || (scheme != u"http"_s && scheme != u"https"_s))
        return tr("The server address must start with http:// or https://, for example https://enlace.example.com.");
    return {};
}

}   // namespace enlace
