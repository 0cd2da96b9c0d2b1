#pragma once

#include <ui/crmhost.h>

#include <QList>
#include <QPointer>
#include <QWidget>

#include <memory>

namespace enlace::test {

// A CrmHost that shows nothing and records what the console asked: the widget tests' view of the
// CRM (the real one, ui/web's WebCrmHost, is tested in tests/web).
class RecordingCrmHost final : public CrmHost
{
    Q_OBJECT

public:
    RecordingCrmHost();
    ~RecordingCrmHost() override;

    QWidget *tabArea() override { return m_area; }
    void open(const CrmPageRequest &page) override;
    void retry(const QString &callId, qint64 siteId) override;
    bool hasPage(const QString &callId, qint64 siteId) const override;
    int pageCount() const override { return int(m_open.size()); }
    void setMaxPages(int maxPages) override { m_maxPages = maxPages; }
    void markCallEnded(const QString &callId) override { m_ended.append(callId); }
    void setCallFacts(const QString &callId, const QJsonObject &facts) override;
    void closeAll() override { m_open.clear(); }

    // Every open() in order (a page already open counts again: the host focuses it).
    QList<CrmPageRequest> opened;
    // Loads: open() of a page not yet open, and retries.
    QList<CrmPageRequest> loads;
    QHash<QString, QJsonObject> facts;
    int maxPages() const { return m_maxPages; }

private:
    QPointer<QWidget> m_area;   // owned by whoever it is given to (the window deletes it)
    QList<CrmPageRequest> m_open;
    QStringList m_ended;
    int m_maxPages = 5;
};

}   // namespace enlace::test
