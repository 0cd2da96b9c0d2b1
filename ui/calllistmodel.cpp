#include <ui/calllistmodel.h>

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace enlace {

CallListModel::CallListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int CallListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_calls.size());
}

int CallListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CallListModel::stateText(CallState state)
{
    switch (state) {
    case CallState::Offered:
        return tr("Ringing");
    case CallState::Connected:
        return tr("Connected");
    case CallState::Ended:
        return tr("Ended");
    case CallState::Failed:
        return tr("Failed");
    }
    return {};
}

QString CallListModel::contactName(const QHash<QString, QString> &contact)
{
    const auto pick = [&](std::initializer_list<QString> keys) {
        for (const QString &key : keys)
            for (auto it = contact.constBegin(); it != contact.constEnd(); ++it)
                if (it.key().compare(key, Qt::CaseInsensitive) == 0 && !it.value().trimmed().isEmpty())
                    return it.value().trimmed();
        return QString();
    };
    const QString first = pick({ u"nombre"_s, u"name"_s, u"first_name"_s, u"firstname"_s, u"nome"_s });
    const QString last = pick({ u"apellido"_s, u"last_name"_s, u"lastname"_s, u"surname"_s, u"sobrenome"_s });
    return QStringList { first, last }.join(u' ').trimmed();
}

namespace {

QString duration(const ConsoleCall &c)
{
    if (!c.connectedAt.isValid())
        return {};
    const QDateTime end = c.endedAt.isValid() ? c.endedAt : QDateTime::currentDateTimeUtc();
    const qint64 s = qMax<qint64>(0, c.connectedAt.secsTo(end));
    return u"%1:%2"_s.arg(s / 60).arg(s % 60, 2, 10, QChar(u'0'));
}

}   // namespace

QVariant CallListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConsoleCall &c = m_calls.at(index.row());
    switch (role) {
    case CallIdRole:
        return c.callId;
    case StateRole:
        return int(c.state);
    case CanOpenCrmRole:
        return c.canOpenCrm();
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case Time:
            return c.offeredAt.isValid() ? QLocale().toString(c.offeredAt.toLocalTime().time(), QLocale::ShortFormat)
                                         : QString();
        case Phone:
            return c.phone;
        case Contact:
            return contactName(c.contact);
        case Campaign:
            return c.campaignName;
        case State:
            return stateText(c.state);
        case Duration:
            return duration(c);
        case Disposition:
            return c.dispositionName;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Disposition && !c.dispositionComments.isEmpty())
            return c.dispositionComments;
        return c.callId;
    default:
        return {};
    }
}

QVariant CallListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Phone:
        return tr("Phone");
    case Contact:
        return tr("Contact");
    case Campaign:
        return tr("Campaign");
    case State:
        return tr("State");
    case Duration:
        return tr("Duration");
    case Disposition:
        return tr("Disposition");
    default:
        return {};
    }
}

int CallListModel::rowOf(const QString &callId) const
{
    for (int i = 0; i < m_calls.size(); ++i)
        if (m_calls.at(i).callId == callId)
            return i;
    return -1;
}

const ConsoleCall *CallListModel::find(const QString &callId) const
{
    const int row = rowOf(callId);
    return row < 0 ? nullptr : &m_calls.at(row);
}

int CallListModel::upsert(const ConsoleCall &call)
{
    const int row = rowOf(call.callId);
    if (row >= 0) {
        m_calls[row].merge(call);
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return row;
    }
    beginInsertRows({}, 0, 0);
    m_calls.prepend(call);
    endInsertRows();
    return 0;
}

void CallListModel::reset(const QList<ConsoleCall> &calls)
{
    QList<ConsoleCall> merged = calls;
    for (ConsoleCall &c : merged)
        if (const ConsoleCall *known = find(c.callId))
            c.merge(*known);
    // Calls the console knows that the list does not have: newer than its read, or older than its
    // last 50.
    QList<ConsoleCall> extra;
    for (const ConsoleCall &known : std::as_const(m_calls)) {
        bool listed = false;
        for (const ConsoleCall &c : std::as_const(merged))
            listed = listed || c.callId == known.callId;
        if (!listed)
            extra.append(known);
    }
    // Newest first, whichever list a call came from (a call not yet offered counts as the newest).
    QList<ConsoleCall> all = extra + merged;
    std::stable_sort(all.begin(), all.end(), [](const ConsoleCall &a, const ConsoleCall &b) {
        if (!a.offeredAt.isValid() || !b.offeredAt.isValid())
            return !a.offeredAt.isValid() && b.offeredAt.isValid();
        return a.offeredAt > b.offeredAt;
    });
    beginResetModel();
    m_calls = std::move(all);
    endResetModel();
}

void CallListModel::clear()
{
    if (m_calls.isEmpty())
        return;
    beginResetModel();
    m_calls.clear();
    endResetModel();
}

std::optional<int> CallListModel::activeRow() const
{
    for (int i = 0; i < m_calls.size(); ++i)
        if (m_calls.at(i).inProgress())
            return i;
    return std::nullopt;
}

}   // namespace enlace
