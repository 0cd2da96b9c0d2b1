#pragma once

#include <QByteArray>
#include <QHash>
#include <QHttpServer>
#include <QList>
#include <QUrlQuery>

namespace enlace::test {

// A CRM for the tests: a real QHttpServer on a random port that records every request to
// /crm/... and answers with the status set by the test.
class FakeCrm final
{
public:
    struct Received
    {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QHash<QByteArray, QByteArray> headers;   // lower-case names
        QByteArray body;
    };

    FakeCrm();
    quint16 port() const { return m_port; }
    QString url(const QString &path) const;
    void setStatus(int status) { m_status = status; }
    const QList<Received> &received() const { return m_received; }

private:
    QHttpServer m_server;
    quint16 m_port = 0;
    int m_status = 200;
    QList<Received> m_received;
};

}   // namespace enlace::test
