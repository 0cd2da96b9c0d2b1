#include <ui/logindialog.h>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace enlace;

class TestLoginDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
        m_settings = std::make_unique<QSettings>(m_dir->filePath(u"console.ini"_s), QSettings::IniFormat);
        m_dialog = std::make_unique<LoginDialog>(m_settings.get());
        m_dialog->open();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }
    void cleanup()
    {
        m_dialog.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void widgets_haveNamesAndAccessibleNames()
    {
        for (const char *name : { "serverLineEdit", "userLineEdit", "passwordLineEdit" }) {
            auto *edit = m_dialog->findChild<QLineEdit *>(QLatin1StringView(name));
            QVERIFY2(edit, name);
            QVERIFY2(!edit->accessibleName().isEmpty(), name);
        }
        QVERIFY(!checkBox()->accessibleName().isEmpty());
        QVERIFY(m_dialog->findChild<QDialogButtonBox *>(u"dialogButtonBox"_s));
        QCOMPARE(field("passwordLineEdit")->echoMode(), QLineEdit::Password);
        QCOMPARE(m_dialog->windowModality(), Qt::WindowModal);   // open(): window-modal, no nested loop
    }

    void okWithValidFields_requestsALogin_andShowsBusy_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<bool>("remember");
        QTest::newRow("https") << u"https://enlace.example.com"_s << true;
        QTest::newRow("http with port") << u"http://127.0.0.1:8080"_s << false;
        QTest::newRow("spaces around") << u"  https://cc.example.org/base  "_s << false;
    }
    void okWithValidFields_requestsALogin_andShowsBusy()
    {
        QFETCH(QString, server);
        QFETCH(bool, remember);
        QSignalSpy requested(m_dialog.get(), &LoginDialog::loginRequested);
        QSignalSpy finished(m_dialog.get(), &QDialog::finished);
        QTest::keyClicks(field("serverLineEdit"), server);
        QTest::keyClicks(field("userLineEdit"), u"agente1"_s);
        QTest::keyClicks(field("passwordLineEdit"), u"enlace-demo"_s);
        if (remember)
            QTest::keyClick(checkBox(), Qt::Key_Space);
        QCOMPARE(checkBox()->isChecked(), remember);
        clickOk();

        QCOMPARE(requested.size(), 1);
        const QList<QVariant> args = requested.at(0);
        QCOMPARE(args.at(0).toUrl(), QUrl(server.trimmed()));
        QCOMPARE(args.at(1).toString(), u"agente1"_s);
        QCOMPARE(args.at(2).toString(), u"enlace-demo"_s);
        QCOMPARE(args.at(3).toBool(), remember);

        QVERIFY(m_dialog->isBusy());
        QVERIFY(m_dialog->isVisible());   // the session decides when it closes
        QCOMPARE(finished.size(), 0);
        QVERIFY(!field("serverLineEdit")->isEnabled());
        QVERIFY(!field("userLineEdit")->isEnabled());
        QVERIFY(!field("passwordLineEdit")->isEnabled());
        QVERIFY(!okButton()->isEnabled());
        QCOMPARE(label("statusLabel")->text(), u"Connecting…"_s);
        QVERIFY(label("statusLabel")->isVisible());

        clickOk();   // busy: nothing more
        m_dialog->accept();
        QCOMPARE(requested.size(), 1);
    }

    void invalidFields_showTheErrorOnTheField_andRequestNothing_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("errorLabel");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("focused");
        QTest::newRow("empty server") << QString() << u"ana"_s << u"pw"_s << u"serverErrorLabel"_s
                                      << u"Enter the server address, for example https://enlace.example.com."_s
                                      << u"serverLineEdit"_s;
        QTest::newRow("server without scheme")
            << u"enlace.example.com"_s << u"ana"_s << u"pw"_s << u"serverErrorLabel"_s
            << u"The server address must start with http:// or https://, for example https://enlace.example.com."_s
            << u"serverLineEdit"_s;
        QTest::newRow("ftp server")
            << u"ftp://enlace.example.com"_s << u"ana"_s << u"pw"_s << u"serverErrorLabel"_s
            << u"The server address must start with http:// or https://, for example https://enlace.example.com."_s
            << u"serverLineEdit"_s;
        QTest::newRow("empty user") << u"https://enlace.example.com"_s << u"   "_s << u"pw"_s << u"userErrorLabel"_s
                                    << u"Enter your user name."_s << u"userLineEdit"_s;
        QTest::newRow("empty password") << u"https://enlace.example.com"_s << u"ana"_s << QString()
                                        << u"passwordErrorLabel"_s << u"Enter your password."_s
                                        << u"passwordLineEdit"_s;
    }
    void invalidFields_showTheErrorOnTheField_andRequestNothing()
    {
        QFETCH(QString, server);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QString, errorLabel);
        QFETCH(QString, error);
        QFETCH(QString, focused);
        QSignalSpy requested(m_dialog.get(), &LoginDialog::loginRequested);
        QTest::keyClicks(field("serverLineEdit"), server);
        QTest::keyClicks(field("userLineEdit"), user);
        QTest::keyClicks(field("passwordLineEdit"), password);
        clickOk();

        QCOMPARE(requested.size(), 0);
        QVERIFY(!m_dialog->isBusy());
        QVERIFY(m_dialog->isVisible());
        QCOMPARE(label(errorLabel)->text(), error);
        QVERIFY(label(errorLabel)->isVisible());
        QCOMPARE(field(focused)->accessibleDescription(), error);
        QTRY_COMPARE(QApplication::focusWidget(), field(focused));
        // Nothing remembered from a refused form.
        QVERIFY(!m_settings->contains(u"login/server"_s));

        // Fixing the field clears its error.
        field("serverLineEdit")->setText(u"https://enlace.example.com"_s);
        field("userLineEdit")->setText(u"ana"_s);
        field("passwordLineEdit")->setText(u"pw"_s);
        clickOk();
        QCOMPARE(requested.size(), 1);
        QVERIFY(!label(errorLabel)->isVisible());
        QVERIFY(field(focused)->accessibleDescription().isEmpty());
    }

    void showError_reenablesTheForm_showsTheMessage_andFocusesThePassword()
    {
        fillAndSubmit();
        QVERIFY(m_dialog->isBusy());
        m_dialog->showError(u"Usuario o contraseña incorrectos."_s);
        QVERIFY(!m_dialog->isBusy());
        QVERIFY(field("passwordLineEdit")->isEnabled());
        QVERIFY(field("serverLineEdit")->isEnabled());
        QVERIFY(okButton()->isEnabled());
        QCOMPARE(label("statusLabel")->text(), u"Usuario o contraseña incorrectos."_s);
        QVERIFY(label("statusLabel")->isVisible());
        QTRY_COMPARE(QApplication::focusWidget(), field("passwordLineEdit"));
        QCOMPARE(field("passwordLineEdit")->selectedText(), u"pw"_s);

        // The agent retypes and tries again.
        QSignalSpy requested(m_dialog.get(), &LoginDialog::loginRequested);
        QTest::keyClicks(field("passwordLineEdit"), u"right"_s);
        clickOk();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(2).toString(), u"right"_s);
    }

    void finish_closesAccepted_andForgetsThePassword()
    {
        QSignalSpy finished(m_dialog.get(), &QDialog::finished);
        fillAndSubmit();
        m_dialog->finish();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toInt(), int(QDialog::Accepted));
        QVERIFY(!m_dialog->isVisible());
        QVERIFY(field("passwordLineEdit")->text().isEmpty());
    }

    void cancel_rejects()
    {
        QSignalSpy requested(m_dialog.get(), &LoginDialog::loginRequested);
        QSignalSpy finished(m_dialog.get(), &QDialog::finished);
        auto *box = m_dialog->findChild<QDialogButtonBox *>(u"dialogButtonBox"_s);
        QTest::mouseClick(box->button(QDialogButtonBox::Cancel), Qt::LeftButton);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toInt(), int(QDialog::Rejected));
        QCOMPARE(requested.size(), 0);
    }

    void serverAndUser_areRememberedAcrossDialogs_butNeverThePassword()
    {
        fillAndSubmit(true);
        m_dialog->finish();
        m_dialog.reset();
        m_settings->sync();

        QFile ini(m_dir->filePath(u"console.ini"_s));
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray stored = ini.readAll();
        QVERIFY2(stored.contains("agente1"), stored.constData());
        QVERIFY2(!stored.contains("pw"), stored.constData());

        QSettings reopened(m_dir->filePath(u"console.ini"_s), QSettings::IniFormat);
        LoginDialog next(&reopened);
        next.open();
        QCOMPARE(next.findChild<QLineEdit *>(u"serverLineEdit"_s)->text(), u"https://enlace.example.com"_s);
        QCOMPARE(next.findChild<QLineEdit *>(u"userLineEdit"_s)->text(), u"agente1"_s);
        QVERIFY(next.findChild<QLineEdit *>(u"passwordLineEdit"_s)->text().isEmpty());
        QVERIFY(next.findChild<QCheckBox *>(u"rememberPasswordCheckBox"_s)->isChecked());
        QCOMPARE(next.server(), QUrl(u"https://enlace.example.com"_s));
        QCOMPARE(next.user(), u"agente1"_s);
        QTRY_COMPARE(QApplication::focusWidget(), next.findChild<QLineEdit *>(u"passwordLineEdit"_s));
    }

    void withoutSettings_nothingIsRemembered()
    {
        LoginDialog bare(nullptr);
        bare.setServer(QUrl(u"http://127.0.0.1:8080"_s));
        bare.setUser(u"agente1"_s);
        bare.setPassword(u"enlace-demo"_s);
        QSignalSpy requested(&bare, &LoginDialog::loginRequested);
        bare.accept();
        QCOMPARE(requested.size(), 1);
    }

    void keychainNotice_isShownWhenGiven_andHiddenWhenCleared()
    {
        QVERIFY(!label("keychainNoticeLabel")->isVisible());
        m_dialog->setKeychainNotice(u"No system keychain answered: the token is kept in memory until you quit."_s);
        QVERIFY(label("keychainNoticeLabel")->isVisible());
        QCOMPARE(label("keychainNoticeLabel")->text(),
                 u"No system keychain answered: the token is kept in memory until you quit."_s);
        m_dialog->setKeychainNotice({});
        QVERIFY(!label("keychainNoticeLabel")->isVisible());
    }

private:
    QLineEdit *field(const QString &name) const { return m_dialog->findChild<QLineEdit *>(name); }
    QLineEdit *field(const char *name) const { return field(QString::fromLatin1(name)); }
    QLabel *label(const QString &name) const { return m_dialog->findChild<QLabel *>(name); }
    QLabel *label(const char *name) const { return label(QString::fromLatin1(name)); }
    QCheckBox *checkBox() const { return m_dialog->findChild<QCheckBox *>(u"rememberPasswordCheckBox"_s); }
    QPushButton *okButton() const
    {
        return m_dialog->findChild<QDialogButtonBox *>(u"dialogButtonBox"_s)->button(QDialogButtonBox::Ok);
    }
    void clickOk() const { QTest::mouseClick(okButton(), Qt::LeftButton); }
    void fillAndSubmit(bool remember = false) const
    {
        QTest::keyClicks(field("serverLineEdit"), u"https://enlace.example.com"_s);
        QTest::keyClicks(field("userLineEdit"), u"agente1"_s);
        QTest::keyClicks(field("passwordLineEdit"), u"pw"_s);
        checkBox()->setChecked(remember);
        clickOk();
    }

    std::optional<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<LoginDialog> m_dialog;
};

QTEST_MAIN(TestLoginDialog)
#include "tst_logindialog.moc"
