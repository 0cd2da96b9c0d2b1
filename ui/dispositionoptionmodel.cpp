#include <ui/dispositionoptionmodel.h>

namespace enlace {

DispositionOptionModel::DispositionOptionModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int DispositionOptionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_options.size());
}

QVariant DispositionOptionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DispositionChoice &o = m_options.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return o.name;
    case IdRole:
        return o.id;
    default:
        return {};
    }
}

void DispositionOptionModel::setOptions(const QList<DispositionChoice> &options)
{
    beginResetModel();
    m_options.clear();
    for (const DispositionChoice &o : options)
        if (!o.hidden)
            m_options.append(o);
    endResetModel();
}

QString DispositionOptionModel::nameOf(qint64 optionId) const
{
    const int row = rowOf(optionId);
    return row < 0 ? QString() : m_options.at(row).name;
}

int DispositionOptionModel::rowOf(qint64 optionId) const
{
    for (int i = 0; i < m_options.size(); ++i)
        if (m_options.at(i).id == optionId)
            return i;
    return -1;
}

}   // namespace enlace
