#include <core/api/admincampaignroutes.h>
#include <core/model/validationerrors.h>
#include <tests/support/server/apiserver.h>
#include <tests/support/server/world.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

class TestAdminCampaignRoutes final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void create_savesEverythingAndReturnsWarnings_data() { test::addBackendRows(); }
    void create_savesEverythingAndReturnsWarnings()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const auto w = test::seedWorld(f.database(), f.clock());
        const QString admin = f.tokenFor(w.admin);
        // Agent carla has no id in S2? She has ("X-CARLA"); beto has none in S2: a warning (reference §7 item 60).
        // db1 is used by campaigns of S1: a second warning (item 61).
        const auto r = f.send("POST", u"/api/v1/campaigns/create/"_s, w.body(uR"({
            "nombre":"Nueva","tipo":3,"estado":2,"sistema_externo":{s2},"id_externo":"N-1","bd_contacto":{db1},
            "tipo_interaccion":1,"agentes":[{carla},{beto}],"supervisores":[{sup}],
            "opciones_calificacion":[{"nombre":"Venta","interaccion_crm":true},{"nombre":"Oculta","oculta":true}]})"_s),
                              admin);
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.json().value(u"status"_s).toString(), u"SUCCESS"_s);
        const QJsonObject c = r.json().value(u"campaign"_s).toObject();
        QCOMPARE(c.value(u"id_externo"_s).toString(), u"N-1"_s);
        QCOMPARE(c.value(u"agentes"_s).toArray().size(), 2);
        QCOMPARE(c.value(u"supervisores"_s).toArray(), QJsonArray { w.sup });
        QCOMPARE(c.value(u"opciones_calificacion"_s).toArray().size(), 2);
        QCOMPARE(c.value(u"opciones_calificacion"_s).toArray().at(1).toObject().value(u"oculta"_s), QJsonValue(true));
        QStringList codes;
        for (const QJsonValue &v : r.json().value(u"warnings"_s).toArray())
            codes.append(v.toObject().value(u"code"_s).toString());
        QVERIFY2(codes.contains(u"campaign.agents_without_external_id"_s), qPrintable(codes.join(u',')));
        QVERIFY2(codes.contains(u"campaign.database_in_other_system"_s), qPrintable(codes.join(u',')));
        const qint64 id = r.json().value(u"id"_s).toInteger();
        const auto warnings = f.send("GET", u"/api/v1/campaigns/%1/warnings/"_s.arg(id), {}, admin);
        QCOMPARE(warnings.json().value(u"warnings"_s).toArray().size(), r.json().value(u"warnings"_s).toArray().size());
        QVERIFY(
            !f.send("GET", u"/api/v1/config_warnings/"_s, {}, admin).json().value(u"warnings"_s).toArray().isEmpty());
        QCOMPARE(f.send("GET", u"/api/v1/campaigns/"_s, {}, admin).json().value(u"campaigns"_s).toArray().size(), 4);
        QCOMPARE(f.send("GET", u"/api/v1/campaigns/%1/"_s.arg(id), {}, admin)
                     .json()
                     .value(u"campaign"_s)
                     .toObject()
                     .value(u"nombre"_s)
                     .toString(),
                 u"Nueva"_s);
    }

    // A campaign save with thousands of bad rows once held the server's only HTTP thread for
    // 26 s: rows are bounded per list, the error list is capped, and another client's request
    // sent with it is answered; nothing is stored.
    void create_hostileRows_areRefusedAtOnceWithACappedErrorList_data() { test::addBackendRows(); }
    void create_hostileRows_areRefusedAtOnceWithACappedErrorList()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const auto w = test::seedWorld(f.database(), f.clock());
        const QString admin = f.tokenFor(w.admin);
        const qint64 campaignsBefore = test::count(f.database(), u"campaigns"_s);
        QJsonArray many;
        for (int i = 0; i < 5000; ++i)
            many.append(QJsonObject {});
        auto r = f.send("POST", u"/api/v1/campaigns/create/"_s,
                        QJsonObject { { u"nombre"_s, u"Hostil"_s }, { u"tipo"_s, 3 }, { u"parametros_crm"_s, many } },
                        admin);
        QCOMPARE(r.status, 400);
        QVERIFY2(r.json()
                     .value(u"errors"_s)
                     .toObject()
                     .value(u"parametros_crm"_s)
                     .toArray()
                     .first()
                     .toString()
                     .contains(u"5000"_s),
                 r.body.left(300).constData());
        r = f.send("POST", u"/api/v1/campaigns/create/"_s,
                   QJsonObject { { u"nombre"_s, u"Hostil"_s }, { u"tipo"_s, 3 }, { u"opciones_calificacion"_s, many } },
                   admin);
        QCOMPARE(r.status, 400);
        QVERIFY(r.json().value(u"errors"_s).toObject().contains(u"opciones_calificacion"_s));

        // Within the bound, every row bad: at most ValidationErrors::kMaxEntries are listed, and
        // the answer says how many more there were.
        QJsonArray bad;
        for (int i = 0; i < 1000; ++i)
            bad.append(QJsonObject { { u"nombre"_s, u"no valid name!"_s }, { u"valor"_s, u"x"_s }, { u"tipo"_s, 9 } });
        QNetworkAccessManager nam;
        QNetworkRequest save(QUrl(u"http://127.0.0.1:%1/api/v1/campaigns/create/"_s.arg(f.server().port())));
        save.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        save.setRawHeader("Authorization", "Bearer " + admin.toUtf8());
        save.setRawHeader("Accept-Language", "es");
        QNetworkReply *hostile = nam.post(
            save,
            QJsonDocument(QJsonObject { { u"nombre"_s, u"Hostil"_s }, { u"tipo"_s, 3 }, { u"parametros_crm"_s, bad } })
                .toJson(QJsonDocument::Compact));
        QNetworkRequest list(QUrl(u"http://127.0.0.1:%1/api/v1/campaigns/"_s.arg(f.server().port())));
        list.setRawHeader("Authorization", "Bearer " + admin.toUtf8());
        QNetworkReply *other = nam.get(list);
        QTRY_VERIFY(hostile->isFinished() && other->isFinished());
        QCOMPARE(other->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(hostile->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
        const QJsonObject errors = QJsonDocument::fromJson(hostile->readAll()).object().value(u"errors"_s).toObject();
        qsizetype listed = 0;
        for (auto it = errors.begin(); it != errors.end(); ++it)
            if (it.key() != u"non_field_errors"_s)
                listed += it.value().toArray().size();
        QCOMPARE(listed, ValidationErrors::kMaxEntries);
        const QString more = errors.value(u"non_field_errors"_s).toArray().last().toString();
        QVERIFY2(more.contains(u"errores más no se listaron"_s), qPrintable(more));
        hostile->deleteLater();
        other->deleteLater();
        QCOMPARE(test::count(f.database(), u"campaigns"_s), campaignsBefore);
    }

    // Reference §7 items 57-59: the campaign rules of core, with their messages, nothing written.
    void create_rules_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        const QList<std::tuple<const char *, QString, QString, QString>> rows {
            { "57 external id taken in system",
              uR"({"nombre":"X","tipo":3,"sistema_externo":{s1},"id_externo":"C-1","bd_contacto":{db1}})"_s,
              u"id_externo"_s, u"A campaign with that external id already exists for the External System choosen"_s },
            { "58 external id without system", uR"({"nombre":"X","tipo":3,"id_externo":"Z","bd_contacto":{db1}})"_s,
              u"id_externo"_s, u"Can't specify an external id without choose an External System"_s },
            { "59 system with database without external id column",
              uR"({"nombre":"X","tipo":3,"sistema_externo":{s1},"bd_contacto":{db2}})"_s, u"bd_contacto"_s,
              u"A campaign assigned to an external system must used a contact database with an external id field defined"_s },
            { "name missing", uR"({"tipo":3})"_s, u"nombre"_s, {} },
            { "type out of range", uR"({"nombre":"X","tipo":9})"_s, u"tipo"_s, u"\"9\" is not a valid choice."_s },
            { "agents not ids", uR"({"nombre":"X","tipo":3,"agentes":["a"]})"_s, u"agentes[0]"_s,
              u"A valid integer is required."_s },
            { "option without name", uR"({"nombre":"X","tipo":3,"opciones_calificacion":[{"oculta":true}]})"_s,
              u"opciones_calificacion[0].nombre"_s, u"This field is required."_s },
        };
        for (const auto &[name, body, field, message] : rows)
            for (const char *backend : { "sqlite", "postgresql" })
                QTest::addRow("%s %s", name, backend) << QString::fromLatin1(backend) << body << field << message;
    }
    void create_rules()
    {
        QFETCH(QString, backend);
        QFETCH(QString, body);
        QFETCH(QString, field);
        QFETCH(QString, message);
        ENLACE_API_SERVER(f, backend);
        const auto w = test::seedWorld(f.database(), f.clock());
        const qint64 before = test::count(f.database(), u"campaigns"_s);
        const qint64 options = test::count(f.database(), u"disposition_options"_s);
        const auto r = f.send("POST", u"/api/v1/campaigns/create/"_s, w.body(body), f.tokenFor(w.admin));
        QVERIFY2(r.status == 400, r.body.constData());
        const QJsonArray messages = r.json().value(u"errors"_s).toObject().value(field).toArray();
        QVERIFY2(!messages.isEmpty(), r.body.constData());
        if (!message.isEmpty())
            QCOMPARE(messages.first().toString(), message);
        QCOMPARE(test::count(f.database(), u"campaigns"_s), before);
        QCOMPARE(test::count(f.database(), u"disposition_options"_s), options);
    }

    void update_isAllOrNothing_data() { test::addBackendRows(); }
    void update_isAllOrNothing()
    {
        QFETCH(QString, backend);
        ENLACE_API_SERVER(f, backend);
        const auto w = test::seedWorld(f.database(), f.clock());
        const QString admin = f.tokenFor(w.admin);
        const QString path = w.substitute(u"/api/v1/campaigns/{camp}/update/"_s);
        // An option id of another campaign: nothing of the update stays.
        auto r = f.send(
            "PUT", path,
            w.body(uR"({"nombre":"Renombrada","tipo":3,"opciones_calificacion":[{"id":{otra},"nombre":"x"}]})"_s),
            admin);
        QCOMPARE(r.status, 400);
        QVERIFY(r.json().value(u"errors"_s).toObject().contains(u"opciones_calificacion[0].id"_s));
        auto name = f.database()->scalar(u"SELECT name FROM campaigns WHERE id = ?"_s, { w.camp });
        QCOMPARE(name->toString(), u"camp"_s);
        // Renaming an option and adding one; fields not sent keep their value.
        r = f.send(
            "PUT", path,
            w.body(
                uR"({"nombre":"Renombrada","opciones_calificacion":[{"id":{venta},"nombre":"Venta 2"},{"nombre":"Nueva"}],
                                            "parametros_crm":[{"nombre":"tel","valor":"telefono","tipo":2}]})"_s),
            admin);
        QVERIFY2(r.status == 200, r.body.constData());
        const QJsonObject c = r.json().value(u"campaign"_s).toObject();
        QCOMPARE(c.value(u"nombre"_s).toString(), u"Renombrada"_s);
        QCOMPARE(c.value(u"id_externo"_s).toString(), u"C-1"_s);
        QCOMPARE(c.value(u"agentes"_s).toArray().size(), 2);
        QCOMPARE(c.value(u"opciones_calificacion"_s).toArray().size(), 3);
        QCOMPARE(c.value(u"parametros_crm"_s).toArray().size(), 1);
        QCOMPARE(
            f.send("PUT", u"/api/v1/campaigns/999999/update/"_s, QJsonObject { { u"nombre"_s, u"x"_s } }, admin).status,
            404);
        QCOMPARE(f.send("GET", u"/api/v1/campaigns/999999/"_s, {}, admin).status, 404);
        QCOMPARE(f.send("GET", u"/api/v1/campaigns/"_s, {}, f.tokenFor(w.ana.userId)).status, 403);
    }
};

QTEST_GUILESS_MAIN(TestAdminCampaignRoutes)
#include "tst_admincampaignroutes.moc"
