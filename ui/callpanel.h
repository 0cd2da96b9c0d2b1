#pragma once

#include <ui/consolecall.h>

#include <QTimer>
#include <QWidget>

#include <optional>

class QFormLayout;
class QLabel;
class QPushButton;

namespace enlace {

// The active call: number, campaign, contact (the contact database's columns), call id, state and
// elapsed time, what the CRM said, and the buttons Open CRM and Qualify. A view: it shows what it
// is given and forwards the buttons; its clock ticks only while a call is connected.
class CallPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit CallPanel(QWidget *parent = nullptr);

    // Shows this call (nullopt: waiting for calls).
    void showCall(const std::optional<ConsoleCall> &call);
    const std::optional<ConsoleCall> &call() const { return m_call; }
    // "CRM connected" for a few seconds, or a sticky "CRM not connected: reason".
    void showCrmStatus(bool connected, const QString &text);
    void clearCrmStatus();

    QPushButton *openCrmButton() const { return m_openCrm; }
    QPushButton *qualifyButton() const { return m_qualify; }
    QString elapsedText() const;

Q_SIGNALS:
    void openCrmClicked();
    void qualifyClicked();

private:
    void tick();

    std::optional<ConsoleCall> m_call;
    QLabel *m_heading = nullptr;
    QLabel *m_phone = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_elapsed = nullptr;
    QLabel *m_campaign = nullptr;
    QLabel *m_callId = nullptr;
    QLabel *m_contactName = nullptr;
    QFormLayout *m_contactForm = nullptr;
    QWidget *m_contactBox = nullptr;
    QLabel *m_crmStatus = nullptr;
    QPushButton *m_openCrm = nullptr;
    QPushButton *m_qualify = nullptr;
    QTimer m_clock;
    QTimer m_crmStatusTimer;
};

}   // namespace enlace
