#include <core/requests/agentevents.h>
#include <core/requests/requestbuilder.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

QJsonObject parse(const char *json)
{
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(QByteArray(json), &error).object();
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return o;
}

QStringList keysOf(const QJsonObject &o)
{
    QStringList keys = o.keys();
    keys.sort();
    return keys;
}

wire::CallEvent sampleCall(bool withCampaign, bool withContact)
{
    wire::CallEvent c;
    c.callId = u"enlace-1-1733220000.42"_s;
    if (withCampaign) {
        c.campaignId = 12;
        c.campaignName = u"Ventas ñ"_s;
        c.campaignType = CampaignType::Inbound;
    }
    c.agentId = 3;
    c.phone = u"+541155550000"_s;
    c.callType = CallType::Inbound;
    c.recordingFile = u"2026/12/03/rec-42.wav"_s;
    c.waitSeconds = 7;
    c.dialplan = { { u"OMLCRMIDCLIENTE"_s, u"C-77"_s } };
    if (withContact) {
        c.contactId = 99;
        c.contact = { { u"telefono"_s, u"+541155550000"_s }, { u"nombre"_s, u"Zoë & Co <b>"_s } };
    }
    return c;
}

Interaction sampleInteraction(SiteTrigger trigger)
{
    Interaction i;
    i.siteId = 5;
    i.url = u"https://crm.example/calls?x=1"_s;
    i.method = SiteMethod::Post;
    i.format = SiteFormat::Json;
    i.trigger = trigger;
    i.target = trigger == SiteTrigger::Server ? std::nullopt : std::optional<SiteTarget>(SiteTarget::Embedded);
    i.parameters = { { u"call"_s, u"enlace-1"_s }, { u"cliente"_s, u"Zoë & Co"_s } };
    return i;
}

// The decoder of each type by its event name: detail of the error, or empty when it decoded.
QString decodeError(const QString &type, const QJsonObject &json)
{
    const auto detail = [](const auto &result) { return result.ok() ? QString() : result.error().detail; };
    if (type == u"envelope"_s)
        return detail(wire::AgentEvent::fromJson(json));
    if (type == u"call"_s)
        return detail(wire::CallEvent::fromJson(json));
    if (type == u"request"_s)
        return detail(wire::CrmRequest::fromJson(json));
    if (type == u"connected"_s)
        return detail(wire::CallConnected::fromJson(json));
    if (type == u"ended"_s)
        return detail(wire::CallEnded::fromJson(json));
    if (type == u"site"_s)
        return detail(wire::ExternalSiteInteraction::fromJson(json));
    if (type == u"disposition"_s)
        return detail(wire::DispositionInteraction::fromJson(json));
    if (type == u"contact"_s)
        return detail(wire::ContactSaved::fromJson(json));
    qFatal("unknown type");
}

constexpr const char *kCall = R"({"call_id":"c-1","campaign_id":null,"campaign_name":"","campaign_type":null,
    "agent_id":3,"contact_id":null,"phone":"+54","call_type":1,"recording_file":"","wait_seconds":0,"dialplan":{}})";

// call.connected of a server-side site, as the console receives it.
constexpr const char *kConnectedWire = R"({"call_id":"c-1","campaign_id":4,"campaign_name":"Ventas","campaign_type":3,
            "agent_id":3,"contact_id":9,"phone":"+54","call_type":1,"recording_file":"","wait_seconds":2,
            "dialplan":{"OMLX":"1"},"contact":{"nombre":"Zoë"},
            "interaction":{"site_id":5,"url":"crm.example/x","method":"GET","format":null,"parameters":[],
                           "trigger":3,"target":null,"delivery_key":"key-1"}})";

QJsonObject callWith(const QString &key, const QJsonValue &value)
{
    QJsonObject o = parse(kCall);
    if (value.isUndefined())
        o.remove(key);
    else
        o.insert(key, value);
    return o;
}

}   // namespace

class TestAgentEvents final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void callEvent_roundTripsWithExactlyTheCallFlowFields_data()
    {
        QTest::addColumn<bool>("campaign");
        QTest::addColumn<bool>("contact");
        QTest::newRow("campaign and contact") << true << true;
        QTest::newRow("no campaign, no contact") << false << false;
        QTest::newRow("contact only") << false << true;
    }
    void callEvent_roundTripsWithExactlyTheCallFlowFields()
    {
        QFETCH(bool, campaign);
        QFETCH(bool, contact);
        const wire::CallEvent call = sampleCall(campaign, contact);
        const QJsonObject json = call.toJson();
        QStringList expected { u"agent_id"_s,      u"call_id"_s,        u"call_type"_s,   u"campaign_id"_s,
                               u"campaign_name"_s, u"campaign_type"_s,  u"contact_id"_s,  u"dialplan"_s,
                               u"phone"_s,         u"recording_file"_s, u"wait_seconds"_s };
        if (contact)
            expected.append(u"contact"_s);
        expected.sort();
        QCOMPARE(keysOf(json), expected);
        QCOMPARE(json.value(u"campaign_id"_s).isNull(), !campaign);
        QCOMPARE(json.value(u"campaign_type"_s).isNull(), !campaign);
        QCOMPARE(json.value(u"contact_id"_s).isNull(), !contact);
        QCOMPARE(json.value(u"call_type"_s).toInt(), int(CallType::Inbound));
        if (campaign)
            QCOMPARE(json.value(u"campaign_type"_s).toInt(), int(CampaignType::Inbound));

        // Through text, as the console receives it.
        const QJsonObject received = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
        auto decoded = wire::CallEvent::fromJson(received);
        QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().detail));
        QCOMPARE(decoded.value(), call);
        QCOMPARE(decoded->toJson(), json);
    }

    void crmRequest_fromTheBuiltRequest_roundTripsToTheSameHttpRequest_data()
    {
        QTest::addColumn<int>("method");
        QTest::addColumn<int>("format");
        QTest::newRow("GET") << int(SiteMethod::Get) << 0;
        QTest::newRow("POST json") << int(SiteMethod::Post) << int(SiteFormat::Json);
        QTest::newRow("POST multipart") << int(SiteMethod::Post) << int(SiteFormat::Multipart);
        QTest::newRow("POST form") << int(SiteMethod::Post) << int(SiteFormat::FormUrlEncoded);
    }
    void crmRequest_fromTheBuiltRequest_roundTripsToTheSameHttpRequest()
    {
        QFETCH(int, method);
        QFETCH(int, format);
        Interaction interaction = sampleInteraction(SiteTrigger::Agent);
        interaction.method = SiteMethod(method);
        interaction.format = format ? std::optional<SiteFormat>(SiteFormat(format)) : std::nullopt;
        interaction.parameters.append({ u"raro"_s, u"a&b=c d+é/?#"_s });
        const HttpRequest http = RequestBuilder::build(interaction);
        const wire::CrmRequest request = wire::CrmRequest::fromHttpRequest(http);
        const QJsonObject json = request.toJson();
        QCOMPARE(keysOf(json), (QStringList { u"body"_s, u"content_type"_s, u"headers"_s, u"method"_s, u"url"_s }));
        QCOMPARE(json.value(u"url"_s).toString(), QString::fromUtf8(http.url.toEncoded()));
        QCOMPARE(json.value(u"content_type"_s).toString(), QString::fromUtf8(http.header("Content-Type")));

        auto decoded = wire::CrmRequest::fromJson(json);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.value(), request);
        const HttpRequest back = decoded->toHttpRequest();
        QCOMPARE(back.method, http.method);
        QCOMPARE(back.url, http.url);
        QCOMPARE(back.url.toEncoded(), http.url.toEncoded());
        QCOMPARE(back.headers, http.headers);
        QCOMPARE(back.body, http.body);
    }

    void callConnected_roundTrips_data()
    {
        QTest::addColumn<int>("kind");   // 0 console request, 1 server delivery key, 2 none with an error
        QTest::newRow("console opens the site") << 0;
        QTest::newRow("server sends it") << 1;
        QTest::newRow("no interaction, an error") << 2;
    }
    void callConnected_roundTrips()
    {
        QFETCH(int, kind);
        wire::CallConnected connected;
        connected.call = sampleCall(true, true);
        if (kind == 0) {
            const Interaction i = sampleInteraction(SiteTrigger::Agent);
            connected.interaction
                = wire::CallInteraction { i, wire::CrmRequest::fromHttpRequest(RequestBuilder::build(i)),
                                          std::nullopt };
        } else if (kind == 1) {
            connected.interaction
                = wire::CallInteraction { sampleInteraction(SiteTrigger::Server), std::nullopt, u"key-1"_s };
        } else {
            connected.interactionError = u"The site could not be resolved"_s;
        }
        const QJsonObject json = connected.toJson();
        QVERIFY(json.contains(u"interaction"_s));
        QCOMPARE(json.value(u"interaction"_s).isNull(), kind == 2);
        QCOMPARE(json.contains(u"interaction_error"_s), kind == 2);
        if (kind == 0)
            QVERIFY(json.value(u"interaction"_s).toObject().value(u"request"_s).isObject());
        if (kind == 1) {
            QCOMPARE(json.value(u"interaction"_s).toObject().value(u"delivery_key"_s).toString(), u"key-1"_s);
            QVERIFY(!json.value(u"interaction"_s).toObject().contains(u"request"_s));
        }
        // The interaction is Interaction::toJson() plus request / delivery_key.
        if (connected.interaction) {
            QJsonObject plain = json.value(u"interaction"_s).toObject();
            plain.remove(u"request"_s);
            plain.remove(u"delivery_key"_s);
            QCOMPARE(plain, connected.interaction->interaction.toJson());
        }
        auto decoded = wire::CallConnected::fromJson(json);
        QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().detail));
        QCOMPARE(decoded.value(), connected);
    }

    // What the console receives, field for field (QJsonObject compares every key and value).
    void callConnected_toJson_isTheWireFormat()
    {
        wire::CallEvent call;
        call.callId = u"c-1"_s;
        call.campaignId = 4;
        call.campaignName = u"Ventas"_s;
        call.campaignType = CampaignType::Manual;
        call.agentId = 3;
        call.contactId = 9;
        call.phone = u"+54"_s;
        call.callType = CallType::Manual;
        call.waitSeconds = 2;
        call.dialplan = { { u"OMLX"_s, u"1"_s } };
        call.contact = { { u"nombre"_s, u"Zoë"_s } };
        Interaction i;
        i.siteId = 5;
        i.url = u"crm.example/x"_s;   // no "//": moc reads it as a comment even in a raw string
        i.trigger = SiteTrigger::Server;
        const wire::CallConnected connected { call, wire::CallInteraction { i, std::nullopt, u"key-1"_s },
                                              std::nullopt };
        QCOMPARE(connected.toJson(), parse(kConnectedWire));
    }

    void callEnded_roundTrips()
    {
        wire::CallEnded ended { sampleCall(true, false), CallState::Ended, 42 };
        QJsonObject json = ended.toJson();
        QCOMPARE(json.value(u"state"_s).toInt(), 3);
        QCOMPARE(json.value(u"duration_seconds"_s).toInt(), 42);
        QCOMPARE(wire::CallEnded::fromJson(json).value(), ended);

        ended = wire::CallEnded { sampleCall(false, false), CallState::Failed, std::nullopt };
        json = ended.toJson();
        QVERIFY(!json.contains(u"duration_seconds"_s));
        QCOMPARE(wire::CallEnded::fromJson(json).value(), ended);
    }

    void externalSiteInteraction_roundTripsWithOmniLeadsKeys()
    {
        wire::ExternalSiteInteraction failed;
        failed.errorMessage = u"HTTP 500"_s;
        failed.status = 500;
        failed.attempts = 3;
        failed.siteId = 5;
        failed.callId = u"c-1"_s;
        failed.key = u"k-1"_s;
        const QJsonObject json = failed.toJson();
        QCOMPARE(keysOf(json),
                 (QStringList { u"attempts"_s, u"call_id"_s, u"delivered"_s, u"error_msg"_s, u"key"_s, u"site_id"_s,
                                u"status"_s }));
        QCOMPARE(json.value(u"error_msg"_s).toString(), u"HTTP 500"_s);
        QCOMPARE(wire::ExternalSiteInteraction::fromJson(json).value(), failed);

        wire::ExternalSiteInteraction delivered;
        delivered.delivered = true;
        delivered.attempts = 1;
        delivered.key = u"k-2"_s;
        const QJsonObject ok = delivered.toJson();
        QVERIFY(ok.value(u"error_msg"_s).isNull());
        QVERIFY(ok.value(u"status"_s).isNull());
        QVERIFY(ok.value(u"site_id"_s).isNull());
        QCOMPARE(wire::ExternalSiteInteraction::fromJson(ok).value(), delivered);
    }

    void dispositionInteractionAndContactSaved_roundTrip()
    {
        const Interaction i = sampleInteraction(SiteTrigger::Disposition);
        const wire::DispositionInteraction d {
            u"c-1"_s, 8, { i, wire::CrmRequest::fromHttpRequest(RequestBuilder::build(i)), std::nullopt }
        };
        const QJsonObject json = d.toJson();
        QCOMPARE(keysOf(json), (QStringList { u"call_id"_s, u"disposition_id"_s, u"interaction"_s }));
        QCOMPARE(wire::DispositionInteraction::fromJson(json).value(), d);

        const wire::ContactSaved saved { u"c-1"_s, 77 };
        QCOMPARE(saved.toJson(), parse(R"({"id":"c-1","call_id":"c-1","contact_id":77})"));
        QCOMPARE(wire::ContactSaved::fromJson(saved.toJson()).value(), saved);
    }

    void agentEvent_envelopeRoundTrips()
    {
        const wire::AgentEvent e { 41, QString::fromLatin1(wire::AgentEvent::ContactSaved),
                                   wire::ContactSaved { u"c"_s, 1 }.toJson() };
        QCOMPARE(e.toJson(),
                 parse(R"({"id":41,"type":"contact_saved","data":{"id":"c","call_id":"c","contact_id":1}})"));
        QCOMPARE(wire::AgentEvent::fromJson(e.toJson()).value(), e);
    }

    void malformed_errorNamesTheField_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("envelope without id")
            << u"envelope"_s << parse(R"({"type":"call.offered","data":{}})") << u"id"_s;
        QTest::newRow("envelope id not a number")
            << u"envelope"_s << parse(R"({"id":"7","type":"x","data":{}})") << u"id"_s;
        QTest::newRow("envelope id fractional")
            << u"envelope"_s << parse(R"({"id":7.5,"type":"x","data":{}})") << u"id"_s;
        QTest::newRow("envelope data not object")
            << u"envelope"_s << parse(R"({"id":7,"type":"x","data":[]})") << u"data"_s;
        QTest::newRow("envelope empty type") << u"envelope"_s << parse(R"({"id":7,"type":"","data":{}})") << u"type"_s;
        QTest::newRow("call without call_id")
            << u"call"_s << callWith(u"call_id"_s, QJsonValue::Undefined) << u"call_id"_s;
        QTest::newRow("call phone a number") << u"call"_s << callWith(u"phone"_s, 5) << u"phone"_s;
        QTest::newRow("call campaign_id a string")
            << u"call"_s << callWith(u"campaign_id"_s, u"12"_s) << u"campaign_id"_s;
        QTest::newRow("call without campaign_type")
            << u"call"_s << callWith(u"campaign_type"_s, QJsonValue::Undefined) << u"campaign_type"_s;
        QTest::newRow("call dialplan value not text")
            << u"call"_s << callWith(u"dialplan"_s, QJsonObject { { u"OMLX"_s, 1 } }) << u"dialplan.OMLX"_s;
        QTest::newRow("call contact not an object") << u"call"_s << callWith(u"contact"_s, u"x"_s) << u"contact"_s;
        QTest::newRow("request without url")
            << u"request"_s << parse(R"({"method":"GET","headers":[],"content_type":"","body":""})") << u"url"_s;
        QTest::newRow("request header without value")
            << u"request"_s
            << parse(R"({"method":"GET","url":"u","headers":[{"name":"a"}],"content_type":"","body":""})")
            << u"headers[0]"_s;
        QJsonObject connected = parse(kCall);
        QTest::newRow("connected without interaction") << u"connected"_s << connected << u"interaction"_s;
        connected.insert(u"interaction"_s,
                         QJsonObject { { u"url"_s, u"u"_s }, { u"method"_s, u"PUT"_s }, { u"trigger"_s, 1 } });
        QTest::newRow("connected interaction method") << u"connected"_s << connected << u"interaction.method"_s;
        QJsonObject interaction = sampleInteraction(SiteTrigger::Agent).toJson();
        interaction.insert(u"request"_s, QJsonObject { { u"method"_s, u"GET"_s } });
        connected.insert(u"interaction"_s, interaction);
        QTest::newRow("connected interaction request url")
            << u"connected"_s << connected << u"interaction.request.url"_s;
        QTest::newRow("ended without state") << u"ended"_s << parse(kCall) << u"state"_s;
        QTest::newRow("ended call_type missing")
            << u"ended"_s << callWith(u"call_type"_s, QJsonValue::Undefined) << u"call_type"_s;
        QTest::newRow("site delivered not a bool")
            << u"site"_s
            << parse(
                   R"({"delivered":1,"error_msg":null,"status":null,"attempts":1,"site_id":null,"call_id":"c","key":"k"})")
            << u"delivered"_s;
        QTest::newRow("site error_msg a number")
            << u"site"_s
            << parse(
                   R"({"delivered":false,"error_msg":5,"status":null,"attempts":1,"site_id":null,"call_id":"c","key":"k"})")
            << u"error_msg"_s;
        QTest::newRow("disposition without interaction")
            << u"disposition"_s << parse(R"({"call_id":"c","disposition_id":3})") << u"interaction"_s;
        QTest::newRow("disposition interaction trigger")
            << u"disposition"_s
            << parse(R"({"call_id":"c","disposition_id":3,"interaction":{"url":"u","method":"GET","trigger":9}})")
            << u"interaction.trigger"_s;
        QTest::newRow("contact without contact_id")
            << u"contact"_s << parse(R"({"id":"c","call_id":"c"})") << u"contact_id"_s;
    }
    void malformed_errorNamesTheField()
    {
        QFETCH(QString, type);
        QFETCH(QJsonObject, json);
        QFETCH(QString, field);
        QCOMPARE(decodeError(type, json), field);
    }

    void malformed_errorIsInvalidWithAStableCode()
    {
        auto decoded = wire::ContactSaved::fromJson(QJsonObject {});
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().kind, Error::Kind::Invalid);
        QCOMPARE(decoded.error().code, u"events.malformed"_s);
        QCOMPARE(decoded.error().text(), u"call_id"_s);
    }
};

QTEST_GUILESS_MAIN(TestAgentEvents)
#include "tst_agentevents.moc"
