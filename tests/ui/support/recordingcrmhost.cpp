#include <tests/ui/support/recordingcrmhost.h>

#include <QLabel>

using namespace Qt::StringLiterals;

namespace enlace::test {

RecordingCrmHost::RecordingCrmHost()
    : m_area(new QLabel(u"CRM"_s))
{ }

RecordingCrmHost::~RecordingCrmHost()
{
    if (m_area && !m_area->parent())
        delete m_area.data();
}

void RecordingCrmHost::open(const CrmPageRequest &page)
{
    opened.append(page);
    if (hasPage(page.callId, page.siteId))
        return;
    m_open.append(page);
    loads.append(page);
    Q_EMIT pageLoaded(page.callId, page.siteId, true, {});
}

void RecordingCrmHost::retry(const QString &callId, qint64 siteId)
{
    for (const CrmPageRequest &p : std::as_const(m_open))
        if (p.callId == callId && p.siteId == siteId)
            loads.append(p);
}

bool RecordingCrmHost::hasPage(const QString &callId, qint64 siteId) const
{
    for (const CrmPageRequest &p : m_open)
        if (p.callId == callId && p.siteId == siteId)
            return true;
    return false;
}

void RecordingCrmHost::setCallFacts(const QString &callId, const QJsonObject &callFacts)
{
    facts.insert(callId, callFacts);
}

}   // namespace enlace::test
