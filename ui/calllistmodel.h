#pragma once

#include <ui/consolecall.h>

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace enlace {

// Today's calls of the agent, newest first: one row per call, updated in place as its events
// arrive (exact row notifications), as the console's call list and the call panel read them.
class CallListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Phone, Contact, Campaign, State, Duration, Disposition, ColumnCount };
    enum Role { CallIdRole = Qt::UserRole + 1, StateRole, CanOpenCrmRole };

    explicit CallListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Adds the call (at the top, as the newest) or merges it into the row it has; the row.
    int upsert(const ConsoleCall &call);
    // Replaces the list (newest first), e.g. after GET /api/v1/agent/calls/, keeping what the
    // console learnt since for calls it already had.
    void reset(const QList<ConsoleCall> &calls);
    void clear();

    const ConsoleCall *find(const QString &callId) const;
    const ConsoleCall &at(int row) const { return m_calls.at(row); }
    int rowOf(const QString &callId) const;
    // The newest call that is ringing or connected, if any.
    std::optional<int> activeRow() const;

    // The contact's name from its columns (nombre/apellido, name/last_name, ...), else empty.
    static QString contactName(const QHash<QString, QString> &contact);
    static QString stateText(CallState state);

private:
    QList<ConsoleCall> m_calls;
};

}   // namespace enlace
