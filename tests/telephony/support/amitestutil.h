#pragma once

#include <core/telephony/amiconnection.h>
#include <tests/support/testdata.h>
#include <tests/telephony/support/scriptedamipeer.h>

#include <QTest>

#include <memory>

namespace enlace::test {

// Loads tests/data/ami/<file> and starts a peer listening on 127.0.0.1; QVERIFY-style failure
// leaves the pointer null.
inline std::unique_ptr<ScriptedAmiPeer> startPeer(const QString &file, int chunkSize = 0)
{
    auto script = AmiTranscript::load(testDataPath(QStringLiteral("ami/") + file));
    if (!script.ok()) {
        qWarning("%s", qPrintable(script.error().text()));
        return {};
    }
    auto peer = std::make_unique<ScriptedAmiPeer>(std::move(script).value());
    peer->setChunkSize(chunkSize);
    if (!peer->listen())
        return {};
    return peer;
}

inline std::unique_ptr<ScriptedAmiPeer> startTlsPeer(const QString &file)
{
    auto script = AmiTranscript::load(testDataPath(QStringLiteral("ami/") + file));
    if (!script.ok())
        return {};
    auto peer = std::make_unique<ScriptedAmiPeer>(std::move(script).value());
    if (!peer->listenTls(testDataPath(QStringLiteral("ami/tls/test-asterisk.pem")),
                         testDataPath(QStringLiteral("ami/tls/test-asterisk.key"))))
        return {};
    return peer;
}

inline AmiConnection::Options amiOptions(quint16 port, const QString &secret = QStringLiteral("s3cr3t-pw"))
{
    AmiConnection::Options o;
    o.host = QStringLiteral("127.0.0.1");
    o.port = port;
    o.username = QStringLiteral("enlace");
    o.secret = secret;
    o.pingIntervalMs = 0;
    o.responseTimeoutMs = 10000;
    o.reconnectMinMs = 10;
    o.reconnectMaxMs = 40;
    return o;
}

}   // namespace enlace::test
