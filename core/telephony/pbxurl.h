#pragma once

#include <core/model/result.h>
#include <core/telephony/amipbx.h>

#include <QString>

namespace enlace {

// What `enlace-server --pbx <url>` accepts:
//   simulated                                   the embedded SimulatedPbx (the default)
//   ami://user:secret@host[:5038][?options]     an Asterisk manager port
// Options (query items): tls=1 (TLS, default port 5039), verify=0 (accept any certificate),
//   ca=/path.pem (trust this CA too, e.g. a self-signed Asterisk certificate),
//   auth=md5|plain (default md5: the secret never crosses the wire), secret_file=/path (read the
//   secret from a file instead of the URL), ping=<s> (keep-alive, default 20), timeout=<ms>
//   (originate, default 45000), channel=, context=, exten= (templates, defaults are OMniLeads'
//   click2call: Local/{extension}@click2call/n, from-oml, {phone}), callerid=, omlvars=0 (do
//   not send OMniLeads' variables), var.<NAME>=<template> (extra channel variables).
// The secret may also come from the ENLACE_AMI_SECRET environment variable. toString() never
// shows it.
class PbxUrl final
{
public:
    enum class Kind { Simulated, Ami };

    static Result<PbxUrl> parse(const QString &text);

    Kind kind() const { return m_kind; }
    QString toString() const;   // secret-free, fit for logs
    const AmiPbx::Options &amiOptions() const { return m_ami; }

private:
    Kind m_kind = Kind::Simulated;
    AmiPbx::Options m_ami;
    QString m_query;   // non-secret query, for toString()
};

}   // namespace enlace
