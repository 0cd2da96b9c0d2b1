#pragma once

#include <core/client/apiclient.h>

#include <QDialog>
#include <QJsonObject>
#include <QList>
#include <QTimer>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListView;
class QStandardItemModel;

namespace enlace {

// Places a call: a phone number and a campaign, or a contact searched among the campaign's
// contacts. A view: it asks for searches and emits the call; the session runs them through
// ApiClient (showContacts / showError / finish). Opened with open(), never exec().
class DialDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DialDialog)

public:
    DialDialog(const QList<AgentCalls::Campaign> &campaigns, QWidget *parent = nullptr);

    void setPhone(const QString &phone);
    void showContacts(const QJsonObject &page);   // GET /api/v1/campaign/<id>/contacts/'s answer
    void showError(const QString &text);
    void finish();
    void accept() override;

Q_SIGNALS:
    void searchRequested(qint64 campaignId, const QString &text);
    void dialRequested(qint64 campaignId, const QString &phone, const QString &contactId);

private:
    qint64 campaignId() const;
    void setBusy(bool busy);

    QList<AgentCalls::Campaign> m_campaigns;
    QComboBox *m_campaign = nullptr;
    QLineEdit *m_phone = nullptr;
    QLineEdit *m_search = nullptr;
    QListView *m_results = nullptr;
    QStandardItemModel *m_contacts = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QString m_contactId;
    QTimer m_searchDelay;
};

}   // namespace enlace
