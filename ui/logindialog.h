#pragma once

#include <QDialog>
#include <QString>
#include <QUrl>

#include <memory>

class QLabel;
class QLineEdit;
class QSettings;

namespace enlace {

namespace Ui {
class LoginDialog;
}

// The console's sign-in form. A view: it validates what was typed and asks for a login with
// loginRequested; the session logs in and answers with showError() or finish(). The server and
// user (and whether to remember the password) are remembered in the QSettings it is given, never
// the password. Open it with open(), not exec().
class LoginDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginDialog)

public:
    // settings: may be null (nothing remembered); must outlive the dialog.
    explicit LoginDialog(QSettings *settings, QWidget *parent = nullptr);
    ~LoginDialog() override;

    QUrl server() const;
    QString user() const;
    bool rememberPassword() const;
    bool isBusy() const { return m_busy; }

    // Prefill (command line, remembered password from the keychain).
    void setServer(const QUrl &server);
    void setUser(const QString &user);
    void setPassword(const QString &password);
    void setRememberPassword(bool remember);

    // Shown under the form while the keychain is memory-only; empty hides it.
    void setKeychainNotice(const QString &notice);
    // The login failed: re-enables the form, shows message and puts the focus on the password.
    void showError(const QString &message);
    // The login succeeded: forgets the typed password and closes (Accepted).
    void finish();

    // Validates; when valid, remembers server and user, enters the busy state and emits
    // loginRequested. Does not close the dialog.
    void accept() override;

Q_SIGNALS:
    void loginRequested(const QUrl &server, const QString &user, const QString &password, bool rememberPassword);

private:
    void setBusy(bool busy);
    void setFieldError(QLineEdit *field, QLabel *label, const QString &error);
    void clearErrors();
    QString validateServer(QUrl *url) const;

    const std::unique_ptr<Ui::LoginDialog> m_ui;
    QSettings *m_settings;
    bool m_busy = false;
};

}   // namespace enlace
