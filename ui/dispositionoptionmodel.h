#pragma once

#include <core/client/apiclient.h>

#include <QAbstractListModel>
#include <QList>

namespace enlace {

// A campaign's disposition options the agent may choose (hidden ones left out), as the qualify
// dialog and the CRM page's `enlace` object list them.
class DispositionOptionModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { IdRole = Qt::UserRole + 1 };

    explicit DispositionOptionModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void setOptions(const QList<DispositionChoice> &options);
    const QList<DispositionChoice> &options() const { return m_options; }
    // The option's name, or empty when it is not one of these.
    QString nameOf(qint64 optionId) const;
    int rowOf(qint64 optionId) const;

private:
    QList<DispositionChoice> m_options;
};

}   // namespace enlace
