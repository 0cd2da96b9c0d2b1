#include <ui/calllistmodel.h>
#include <ui/callpanel.h>

#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

QLabel *value(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

}   // namespace

CallPanel::CallPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"callPanel"_s);
    auto *layout = new QVBoxLayout(this);

    m_heading = value(this, u"callHeadingLabel"_s);
    QFont big = m_heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.1);
    big.setBold(true);
    m_heading->setFont(big);
    layout->addWidget(m_heading);

    auto *top = new QHBoxLayout;
    m_phone = value(this, u"callPhoneLabel"_s);
    QFont huge = m_phone->font();
    huge.setPointSizeF(huge.pointSizeF() * 1.8);
    huge.setBold(true);
    m_phone->setFont(huge);
    m_phone->setAccessibleName(tr("Phone number"));
    top->addWidget(m_phone, 1);
    m_elapsed = value(this, u"callElapsedLabel"_s);
    m_elapsed->setFont(huge);
    m_elapsed->setAccessibleName(tr("Elapsed time"));
    m_elapsed->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    top->addWidget(m_elapsed);
    layout->addLayout(top);

    auto *facts = new QFormLayout;
    facts->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_state = value(this, u"callStateLabel"_s);
    m_campaign = value(this, u"callCampaignLabel"_s);
    m_contactName = value(this, u"callContactLabel"_s);
    m_callId = value(this, u"callIdLabel"_s);
    facts->addRow(tr("State:"), m_state);
    facts->addRow(tr("Campaign:"), m_campaign);
    facts->addRow(tr("Contact:"), m_contactName);
    facts->addRow(tr("Call id:"), m_callId);
    layout->addLayout(facts);

    auto *contactGroup = new QGroupBox(tr("Contact data"), this);
    contactGroup->setObjectName(u"contactGroupBox"_s);
    m_contactForm = new QFormLayout(contactGroup);
    m_contactForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_contactBox = contactGroup;
    layout->addWidget(contactGroup);

    m_crmStatus = value(this, u"crmStatusLabel"_s);
    m_crmStatus->setAccessibleName(tr("CRM status"));
    m_crmStatus->setMargin(6);
    m_crmStatus->hide();
    layout->addWidget(m_crmStatus);

    auto *buttons = new QHBoxLayout;
    m_openCrm = new QPushButton(tr("&Open CRM"), this);
    m_openCrm->setObjectName(u"openCrmButton"_s);
    m_openCrm->setAccessibleName(tr("Open CRM"));
    m_openCrm->setToolTip(tr("Open the customer's CRM page for this call (Ctrl+Shift+O)"));
    m_qualify = new QPushButton(tr("&Qualify…"), this);
    m_qualify->setObjectName(u"qualifyButton"_s);
    m_qualify->setAccessibleName(tr("Qualify the call"));
    buttons->addWidget(m_openCrm);
    buttons->addWidget(m_qualify);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addStretch();

    connect(m_openCrm, &QPushButton::clicked, this, &CallPanel::openCrmClicked);
    connect(m_qualify, &QPushButton::clicked, this, &CallPanel::qualifyClicked);
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &CallPanel::tick);
    m_crmStatusTimer.setSingleShot(true);
    m_crmStatusTimer.setInterval(4000);
    connect(&m_crmStatusTimer, &QTimer::timeout, m_crmStatus, &QLabel::hide);
    showCall(std::nullopt);
}

void CallPanel::showCall(const std::optional<ConsoleCall> &call)
{
    const bool sameCall = call && m_call && call->callId == m_call->callId;
    m_call = call;
    if (!sameCall)
        clearCrmStatus();
    if (!call) {
        m_heading->setText(tr("Waiting for calls"));
        m_phone->setText(u"—"_s);
        m_state->setText(tr("Available"));
        m_campaign->clear();
        m_contactName->clear();
        m_callId->clear();
        m_elapsed->clear();
        m_contactBox->hide();
        m_openCrm->setEnabled(false);
        m_qualify->setEnabled(false);
        m_clock.stop();
        return;
    }
    m_heading->setText(call->inProgress() ? tr("Active call") : tr("Last call"));
    m_phone->setText(call->phone);
    m_state->setText(CallListModel::stateText(call->state));
    m_campaign->setText(call->campaignName);
    const QString name = CallListModel::contactName(call->contact);
    m_contactName->setText(name.isEmpty() ? (call->contactId ? tr("Contact %1").arg(*call->contactId) : tr("Unknown"))
                                          : name);
    m_callId->setText(call->callId);
    while (m_contactForm->rowCount() > 0)
        m_contactForm->removeRow(0);
    QStringList columns = call->contact.keys();
    columns.sort(Qt::CaseInsensitive);
    for (const QString &column : std::as_const(columns)) {
        auto *v = value(m_contactBox, u"contactValueLabel"_s);
        v->setText(call->contact.value(column));
        m_contactForm->addRow(column + u':', v);
    }
    m_contactBox->setVisible(!columns.isEmpty());
    m_openCrm->setEnabled(call->canOpenCrm());
    m_qualify->setEnabled(call->state != CallState::Offered && call->campaignId.has_value());
    if (call->state == CallState::Connected)
        m_clock.start();
    else
        m_clock.stop();
    tick();
    if (call->crmOutcome == ConsoleCall::CrmOutcome::Failed)
        showCrmStatus(false, call->crmError);
    else if (!call->interactionError.isEmpty())
        showCrmStatus(false, call->interactionError);
}

QString CallPanel::elapsedText() const
{
    return m_elapsed->text();
}

void CallPanel::tick()
{
    if (!m_call || !m_call->connectedAt.isValid()) {
        m_elapsed->clear();
        return;
    }
    const QDateTime end = m_call->endedAt.isValid() ? m_call->endedAt : QDateTime::currentDateTimeUtc();
    const qint64 s = qMax<qint64>(0, m_call->connectedAt.secsTo(end));
    m_elapsed->setText(
        s >= 3600 ? u"%1:%2:%3"_s.arg(s / 3600).arg(s / 60 % 60, 2, 10, QChar(u'0')).arg(s % 60, 2, 10, QChar(u'0'))
                  : u"%1:%2"_s.arg(s / 60, 2, 10, QChar(u'0')).arg(s % 60, 2, 10, QChar(u'0')));
}

void CallPanel::showCrmStatus(bool connected, const QString &text)
{
    m_crmStatus->setText(connected ? tr("CRM connected") : tr("CRM not connected: %1").arg(text));
    m_crmStatus->setStyleSheet(connected ? u"background:#2e7d32;color:white;border-radius:4px;"_s
                                         : u"background:#c62828;color:white;border-radius:4px;"_s);
    m_crmStatus->show();
    if (connected)
        m_crmStatusTimer.start();
    else
        m_crmStatusTimer.stop();   // sticky until the next call
}

void CallPanel::clearCrmStatus()
{
    m_crmStatusTimer.stop();
    m_crmStatus->hide();
}

}   // namespace enlace
