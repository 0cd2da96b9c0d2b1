#include <ui/calllistmodel.h>
#include <ui/dialdialog.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QStandardItemModel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {
constexpr int kContactIdRole = Qt::UserRole + 1;
constexpr int kPhoneRole = Qt::UserRole + 2;
}   // namespace

DialDialog::DialDialog(const QList<AgentCalls::Campaign> &campaigns, QWidget *parent)
    : QDialog(parent)
    , m_campaigns(campaigns)
{
    setObjectName(u"dialDialog"_s);
    setWindowTitle(tr("Place a call"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_campaign = new QComboBox(this);
    m_campaign->setObjectName(u"dialCampaignComboBox"_s);
    m_campaign->setAccessibleName(tr("Campaign"));
    for (const AgentCalls::Campaign &c : campaigns)
        m_campaign->addItem(c.name, c.id);
    form->addRow(tr("C&ampaign:"), m_campaign);
    m_phone = new QLineEdit(this);
    m_phone->setObjectName(u"dialPhoneEdit"_s);
    m_phone->setAccessibleName(tr("Phone number"));
    m_phone->setPlaceholderText(tr("Number to call"));
    m_phone->setValidator(new QRegularExpressionValidator(QRegularExpression(u"[+0-9 ()*#.-]{0,40}"_s), m_phone));
    form->addRow(tr("&Phone:"), m_phone);
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"dialSearchEdit"_s);
    m_search->setAccessibleName(tr("Search contacts"));
    m_search->setPlaceholderText(tr("Name, phone or id of a contact"));
    m_search->setClearButtonEnabled(true);
    form->addRow(tr("&Search contact:"), m_search);
    layout->addLayout(form);
    m_contacts = new QStandardItemModel(this);
    m_results = new QListView(this);
    m_results->setObjectName(u"dialContactsListView"_s);
    m_results->setAccessibleName(tr("Contacts found"));
    m_results->setModel(m_contacts);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_results);
    m_error = new QLabel(this);
    m_error->setObjectName(u"dialErrorLabel"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color:#c62828;"_s);
    m_error->hide();
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(u"dialButtonBox"_s);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Call"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Searching waits for a pause in typing: one request per pause, not per key.
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(300);
    connect(m_search, &QLineEdit::textEdited, this, [this] { m_searchDelay.start(); });
    connect(&m_searchDelay, &QTimer::timeout, this, [this] {
        if (campaignId() > 0)
            Q_EMIT searchRequested(campaignId(), m_search->text().trimmed());
    });
    connect(m_results->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &i) {
        if (!i.isValid())
            return;
        m_contactId = i.data(kContactIdRole).toString();
        m_phone->setText(i.data(kPhoneRole).toString());
    });
    connect(m_phone, &QLineEdit::textEdited, this, [this] { m_contactId.clear(); });
    if (campaigns.isEmpty()) {
        m_error->setText(tr("You are in no active campaign: there is no campaign to call from."));
        m_error->show();
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    }
}

qint64 DialDialog::campaignId() const
{
    return m_campaign->currentData().toLongLong();
}

void DialDialog::setPhone(const QString &phone)
{
    m_phone->setText(phone);
    m_contactId.clear();
}

void DialDialog::showContacts(const QJsonObject &page)
{
    m_contacts->clear();
    for (const QJsonValue v : page.value(u"data"_s).toArray()) {
        const QJsonObject row = v.toObject();
        QHash<QString, QString> fields;
        const QJsonObject f = row.value(u"fields"_s).toObject();
        for (auto it = f.constBegin(); it != f.constEnd(); ++it)
            fields.insert(it.key(), it.value().toString());
        const QString name = CallListModel::contactName(fields);
        const QString phone = row.value(u"phone"_s).toString();
        auto *item = new QStandardItem(name.isEmpty() ? phone : tr("%1 · %2").arg(name, phone));
        item->setData(QString::number(row.value(u"id"_s).toInteger()), kContactIdRole);
        item->setData(phone, kPhoneRole);
        m_contacts->appendRow(item);
    }
    if (m_contacts->rowCount() == 0)
        m_contacts->appendRow(new QStandardItem(tr("No contact matches.")));
}

void DialDialog::accept()
{
    const QString phone = m_phone->text().trimmed();
    if (campaignId() <= 0) {
        showError(tr("Choose a campaign."));
        return;
    }
    if (!phone.contains(QRegularExpression(u"[0-9]"_s))) {
        showError(tr("Enter the number to call."));
        m_phone->setFocus();
        return;
    }
    m_error->hide();
    setBusy(true);
    Q_EMIT dialRequested(campaignId(), phone, m_contactId);
}

void DialDialog::showError(const QString &text)
{
    setBusy(false);
    m_error->setText(text);
    m_error->show();
}

void DialDialog::finish()
{
    setBusy(false);
    QDialog::accept();
}

void DialDialog::setBusy(bool busy)
{
    m_campaign->setEnabled(!busy);
    m_phone->setEnabled(!busy);
    m_search->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
}

}   // namespace enlace
