#include <core/api/contactroutes.h>
#include <tests/support/server/apiserver.h>
#include <tests/support/server/world.h>

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

class TestContactRoutes final : public QObject
{
    Q_OBJECT

private:
    static QString tokenOf(test::ApiServer &f, const test::World &w, const QString &who)
    {
        if (who == u"ana"_s)
            return f.tokenFor(w.ana.userId);
        if (who == u"carla"_s)
            return f.tokenFor(w.carla.userId);
        if (who == u"sup"_s)
            return f.tokenFor(w.sup);
        if (who == u"sup2"_s)
            return f.tokenFor(w.sup2);
        if (who == u"admin"_s)
            return f.tokenFor(w.admin);
        if (who == u"key-s1"_s)
            return f.integrationKeyFor(w.s1);
        if (who == u"key-s2"_s)
            return f.integrationKeyFor(w.s2);
        return {};
    }

private Q_SLOTS:
    void databaseMetadata_rules_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("who");
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        const QList<std::tuple<const char *, QString, QString, int, QString, QString>> rows {
            { "assigned supervisor", u"sup"_s, uR"({"idCampaign":{camp}})"_s, 200, {}, {} },
            { "agent of the campaign", u"ana"_s, uR"({"idCampaign":"{camp}"})"_s, 200, {}, {} },
            { "admin", u"admin"_s, uR"({"idCampaign":{camp}})"_s, 200, {}, {} },
            { "external ids", u"ana"_s, uR"({"idExternalSystem":{s1},"idCampaign":"C-1"})"_s, 200, {}, {} },
            { "integration key", u"key-s1"_s, uR"({"idExternalSystem":{s1},"idCampaign":"C-1"})"_s, 200, {}, {} },
            { "supervisor not assigned", u"sup2"_s, uR"({"idCampaign":{camp}})"_s, 400, u"idCampaign"_s,
              u"You don't have permission to edit the campaign"_s },
            { "agent not a member", u"carla"_s, uR"({"idCampaign":{camp}})"_s, 400, u"idCampaign"_s,
              u"You don't have permission to edit the campaign"_s },
            { "unknown system", u"ana"_s, uR"({"idExternalSystem":999999,"idCampaign":"C-1"})"_s, 400,
              u"idExternalSystem"_s, u"Unknown external system."_s },
            { "unknown external campaign", u"ana"_s, uR"({"idExternalSystem":{s1},"idCampaign":"NOPE"})"_s, 400,
              u"idCampaign"_s, u"Campaign not found"_s },
            { "unknown campaign", u"ana"_s, uR"({"idCampaign":999999})"_s, 400, u"idCampaign"_s,
              u"Campaign not found"_s },
            { "inactive campaign", u"ana"_s, uR"({"idCampaign":{inactive}})"_s, 400, u"idCampaign"_s,
              u"Campaign not found"_s },
            { "campaign not a number", u"ana"_s, uR"({"idCampaign":"abc"})"_s, 400, u"idCampaign"_s,
              u"You must provide a valid idCampaign"_s },
            { "campaign missing", u"ana"_s, uR"({})"_s, 400, u"idCampaign"_s,
              u"You must provide a valid idCampaign"_s },
            { "integration of another system",
              u"key-s2"_s,
              uR"({"idExternalSystem":{s1},"idCampaign":"C-1"})"_s,
              403,
              {},
              {} },
            { "anonymous", u"none"_s, uR"({"idCampaign":{camp}})"_s, 401, {}, {} },
        };
        for (const auto &[name, who, body, status, field, message] : rows)
            for (const char *backend : { "sqlite", "postgresql" })
                QTest::addRow("%s %s", name, backend)
                    << QString::fromLatin1(backend) << who << body << status << field << message;
    }
    void databaseMetadata_rules()
    {
        QFETCH(QString, backend);
        QFETCH(QString, who);
        QFETCH(QString, body);
        QFETCH(int, httpStatus);
        QFETCH(QString, field);
        QFETCH(QString, message);
        ENLACE_API_SERVER(f, backend);
        const auto w = test::seedWorld(f.database(), f.clock());
        const auto r = f.send("POST", u"/api/v1/campaign/database_metadata/"_s, w.body(body), tokenOf(f, w, who));
        QVERIFY2(r.status == httpStatus, r.body.constData());
        if (httpStatus == 200) {
            QCOMPARE(r.json(),
                     (QJsonObject { { u"status"_s, u"OK"_s },
                                    { u"main_phone"_s, u"telefono"_s },
                                    { u"external_id"_s, u"id_ext"_s },
                                    { u"fields"_s, QJsonArray { u"telefono"_s, u"nombre"_s, u"id_ext"_s } } }));
        } else if (httpStatus == 400) {
            QCOMPARE(r.json().value(u"status"_s).toString(), u"ERROR"_s);
            QCOMPARE(r.json().value(u"message"_s).toString(), u"There were errors on received data"_s);
            QCOMPARE(r.json().value(u"errors"_s).toObject().value(field).toArray().first().toString(), message);
        } else {
            QCOMPARE(r.json().value(u"status"_s).toString(), u"ERROR"_s);
        }
    }

    void newContact_addsToTheCampaignDatabase_data() { test::addBackendRows(); }
    void newContact_addsToTheCampaignDatabase()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const auto w = test::seedWorld(f.database(), f.clock());
        const qint64 before = test::count(f.database(), u"contacts"_s);
        auto r = f.send("POST", u"/api/v1/new_contact/"_s,
                        w.body(uR"({"idCampaign":{camp},"telefono":"4444","nombre":"Cuatro","id_ext":"EXT-4"})"_s),
                        f.tokenFor(w.sup));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"status"_s).toString(), u"OK"_s);
        QCOMPARE(r.json().value(u"message"_s).toString(), u"Contact added"_s);
        QVERIFY(r.json().value(u"id"_s).toInteger() > 0);
        QCOMPARE(
            r.json().value(u"contacto"_s).toObject(),
            (QJsonObject { { u"telefono"_s, u"4444"_s }, { u"nombre"_s, u"Cuatro"_s }, { u"id_ext"_s, u"EXT-4"_s } }));
        r = f.send("POST", u"/api/v1/new_contact/"_s,
                   w.body(uR"({"idExternalSystem":{s1},"idCampaign":"C-1","telefono":"5555"})"_s),
                   f.integrationKeyFor(w.s1));
        QCOMPARE(r.status, 200);
        QCOMPARE(test::count(f.database(), u"contacts"_s), before + 2);
        // Existing external id.
        r = f.send("POST", u"/api/v1/new_contact/"_s,
                   w.body(uR"({"idCampaign":{camp},"telefono":"6666","id_ext":"EXT-1"})"_s), f.tokenFor(w.ana.userId));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(u"errors"_s).toObject().value(u"id_ext"_s).toArray().first().toString(),
                 u"A contact with that external id already exist in database"_s);
        // Unknown keys.
        r = f.send("POST", u"/api/v1/new_contact/"_s, w.body(uR"({"idCampaign":{camp},"telefono":"6666","foo":"1"})"_s),
                   f.tokenFor(w.ana.userId));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(u"message"_s).toString(), u"Incorrect fields were received"_s);
        QCOMPARE(r.json().value(u"errors"_s).toArray(), QJsonArray { u"foo"_s });
        // Phone missing.
        r = f.send("POST", u"/api/v1/new_contact/"_s, w.body(uR"({"idCampaign":{camp},"nombre":"x"})"_s),
                   f.tokenFor(w.ana.userId));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(u"errors"_s).toObject().value(u"telefono"_s).toArray().first().toString(),
                 u"The field is required"_s);
        // Not a member.
        r = f.send("POST", u"/api/v1/new_contact/"_s, w.body(uR"({"idCampaign":{camp},"telefono":"7777"})"_s),
                   f.tokenFor(w.carla.userId));
        QCOMPARE(r.status, 400);
        QCOMPARE(test::count(f.database(), u"contacts"_s), before + 2);
    }

    void campaignContacts_pagesContactsNotYetDispositioned_data() { test::addBackendRows(); }
    void campaignContacts_pagesContactsNotYetDispositioned()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const auto w = test::seedWorld(f.database(), f.clock());
        const QString ana = f.tokenFor(w.ana.userId);
        const QString path = w.substitute(u"/api/v1/campaign/{camp}/contacts/"_s);
        auto r = f.send("GET", path + u"?draw=3&start=0&length=10"_s, {}, ana);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"draw"_s).toInt(), 3);
        QCOMPARE(r.json().value(u"recordsTotal"_s).toInt(), 2);
        QCOMPARE(r.json().value(u"data"_s).toArray().size(), 2);
        QCOMPARE(f.send("POST", u"/api/v1/disposition/"_s,
                        w.body(uR"({"idContact":{c1},"idDispositionOption":{venta}})"_s), ana)
                     .status,
                 201);
        r = f.send("GET", path, {}, ana);
        QCOMPARE(r.json().value(u"recordsTotal"_s).toInt(), 1);
        const QJsonObject row = r.json().value(u"data"_s).toArray().first().toObject();
        QCOMPARE(row.value(u"id"_s).toInteger(), w.c2);
        QCOMPARE(row.value(u"externalId"_s).toString(), u"EXT-2"_s);
        QCOMPARE(row.value(u"fields"_s).toObject().value(u"nombre"_s).toString(), u"Dos"_s);
        // search[value] filters; recordsTotal does not change.
        r = f.send("GET", path + u"?search%5Bvalue%5D=nomatch"_s, {}, ana);
        QCOMPARE(r.json().value(u"recordsTotal"_s).toInt(), 1);
        QCOMPARE(r.json().value(u"recordsFiltered"_s).toInt(), 0);
        r = f.send("GET", path + u"?search%5Bvalue%5D=dOs&length=abc"_s, {}, ana);
        QCOMPARE(r.json().value(u"recordsFiltered"_s).toInt(), 1);
        QCOMPARE(f.send("GET", path, {}, f.tokenFor(w.sup)).status, 403);
        QCOMPARE(f.send("GET", path, {}, f.tokenFor(w.carla.userId)).status, 403);
        QCOMPARE(f.send("GET", u"/api/v1/campaign/999999/contacts/"_s, {}, ana).status, 404);
        QCOMPARE(f.send("GET", u"/api/v1/campaign/x/contacts/"_s, {}, ana).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestContactRoutes)
#include "tst_contactroutes.moc"
