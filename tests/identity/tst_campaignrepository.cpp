#include <core/identity/campaignrepository.h>
#include <tests/identity/support/identityfixture.h>
#include <tests/support/scratchdatabase.h>

#include <QTest>

#include <barrier>
#include <thread>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

QString describe(const Error &e)
{
    QStringList out { e.text() };
    for (const auto &entry : e.fields.entries())
        out.append(entry.field + u": "_s + entry.message.text());
    return out.join(u" | "_s);
}

// A configuration to check campaigns against: two agents, two systems, a contact database with an
// external-id column and one without, four sites, and a campaign "Existing" of system S1 with id "c1".
struct World
{
    qint64 a1 = 0, a2 = 0, s1 = 0, s2 = 0, dbWithId = 0, dbWithoutId = 0;
    qint64 siteEmbeddedAgent = 0, siteNewWindow = 0, siteEmbeddedDisposition = 0, siteServer = 0;
    qint64 existing = 0;

    explicit World(const std::shared_ptr<Database> &db)
    {
        a1 = test::insertAgent(*db, u"a1"_s);
        a2 = test::insertAgent(*db, u"a2"_s);
        s1 = test::insertSystem(*db, u"S1"_s);
        s2 = test::insertSystem(*db, u"S2"_s);
        dbWithId = test::insertContactDatabase(*db, u"with id"_s, u"id_cliente"_s);
        dbWithoutId = test::insertContactDatabase(*db, u"without id"_s, QString());
        siteEmbeddedAgent = test::insertSite(*db, u"embedded agent"_s, SiteTrigger::Agent, SiteTarget::Embedded);
        siteNewWindow = test::insertSite(*db, u"new window"_s, SiteTrigger::Automatic, SiteTarget::NewWindow);
        siteEmbeddedDisposition
            = test::insertSite(*db, u"embedded disposition"_s, SiteTrigger::Disposition, SiteTarget::Embedded);
        siteServer = test::insertSite(*db, u"server"_s, SiteTrigger::Server, std::nullopt);
        Campaign c;
        c.name = u"Existing"_s;
        c.externalSystemId = s1;
        c.externalId = u"c1"_s;
        c.contactDatabaseId = dbWithId;
        auto created = CampaignRepository(db).create(c);
        if (!created)
            qFatal("world: %s", qPrintable(describe(created.error())));
        existing = created->id;
    }

    std::optional<qint64> system(const QString &key) const
    {
        if (key == u"S1"_s)
            return s1;
        if (key == u"S2"_s)
            return s2;
        if (key == u"unknown"_s)
            return s2 + 100;
        return std::nullopt;
    }
    std::optional<qint64> database(const QString &key) const
    {
        if (key == u"with id"_s)
            return dbWithId;
        if (key == u"without id"_s)
            return dbWithoutId;
        if (key == u"unknown"_s)
            return dbWithoutId + 100;
        return std::nullopt;
    }
    std::optional<qint64> site(const QString &key) const
    {
        if (key == u"embedded agent"_s)
            return siteEmbeddedAgent;
        if (key == u"new window"_s)
            return siteNewWindow;
        if (key == u"embedded disposition"_s)
            return siteEmbeddedDisposition;
        if (key == u"server"_s)
            return siteServer;
        if (key == u"unknown"_s)
            return siteServer + 100;
        return std::nullopt;
    }
};

}   // namespace

class TestCampaignRepository final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void create_appliesTheRules_data()
    {
        test::addBackendColumn();
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("system");
        QTest::addColumn<QString>("externalId");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("site");
        QTest::addColumn<int>("interaction");
        QTest::addColumn<QString>("field");   // empty = accepted
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("spanish");
        struct Row
        {
            const char *tag;
            QString name, system, externalId, database, site;
            int interaction;
            QString field, english, spanish;
        };
        const QList<Row> rows {
            { "plain form campaign", u"C"_s, {}, {}, {}, {}, 1, {}, {}, {} },
            { "external id without system",
              u"C"_s,
              {},
              u"c9"_s,
              u"with id"_s,
              {},
              1,
              u"id_externo"_s,
              u"Can't specify an external id without choose an External System"_s,
              u"No se puede especificar un id externo sin elegir un Sistema Externo"_s },
            { "external id repeated in the system",
              u"C"_s,
              u"S1"_s,
              u" c1 "_s,
              u"with id"_s,
              {},
              1,
              u"id_externo"_s,
              u"A campaign with that external id already exists for the External System choosen"_s,
              u"Ya existe una Campaña con ese id externo para el Sistema Externo elegido"_s },
            { "same external id in another system", u"C"_s, u"S2"_s, u"c1"_s, u"with id"_s, {}, 1, {}, {}, {} },
            { "system without external id", u"C"_s, u"S1"_s, {}, u"with id"_s, {}, 1, {}, {}, {} },
            { "system with database lacking id column",
              u"C"_s,
              u"S1"_s,
              u"c2"_s,
              u"without id"_s,
              {},
              1,
              u"bd_contacto"_s,
              u"A campaign assigned to an external system must used a contact database with an external id field defined"_s,
              u"Una campaña asignada a un sistema externo debe usar una base de datos de contactos con un campo de id externo definido"_s },
            { "system without database",
              u"C"_s,
              u"S1"_s,
              u"c2"_s,
              {},
              {},
              1,
              u"bd_contacto"_s,
              u"A campaign assigned to an external system must used a contact database with an external id field defined"_s,
              u"Una campaña asignada a un sistema externo debe usar una base de datos de contactos con un campo de id externo definido"_s },
            { "unknown system",
              u"C"_s,
              u"unknown"_s,
              u"c2"_s,
              u"with id"_s,
              {},
              1,
              u"sistema_externo"_s,
              u"Unknown external system."_s,
              u"Sistema externo inexistente."_s },
            { "unknown database",
              u"C"_s,
              {},
              {},
              u"unknown"_s,
              {},
              1,
              u"bd_contacto"_s,
              u"Unknown contact database."_s,
              u"Base de datos de contactos inexistente."_s },
            { "unknown site",
              u"C"_s,
              {},
              {},
              {},
              u"unknown"_s,
              2,
              u"sitio_externo"_s,
              u"Unknown external site."_s,
              u"Sitio externo inexistente."_s },
            { "form with a site",
              u"C"_s,
              {},
              {},
              {},
              u"new window"_s,
              1,
              u"sitio_externo"_s,
              u"Can't select an external URL if a campaign form was selected"_s,
              u"No se puede elegir un URL externo si selecciono un formulario."_s },
            { "external url without site",
              u"C"_s,
              {},
              {},
              {},
              {},
              2,
              u"sitio_externo"_s,
              u"You must select an external URL"_s,
              u"Debe seleccionar un sitio externo"_s },
            { "form and url without site",
              u"C"_s,
              {},
              {},
              {},
              {},
              3,
              u"sitio_externo"_s,
              u"You must select an external URL"_s,
              u"Debe seleccionar un sitio externo"_s },
            { "form and url with embedded agent site",
              u"C"_s,
              {},
              {},
              {},
              u"embedded agent"_s,
              3,
              u"sitio_externo"_s,
              u"For this interaction type you can't choose an external site with embedded \"Target\""_s,
              u"Para este tipo de interacción no puede elegir un sitio externo con \"Objetivo\" embebido"_s },
            { "form and url with embedded disposition site",
              u"C"_s,
              {},
              {},
              {},
              u"embedded disposition"_s,
              3,
              {},
              {},
              {} },
            { "form and url with new window site", u"C"_s, {}, {}, {}, u"new window"_s, 3, {}, {}, {} },
            { "form and url with server site", u"C"_s, {}, {}, {}, u"server"_s, 3, {}, {}, {} },
            { "external url with embedded site", u"C"_s, {}, {}, {}, u"embedded agent"_s, 2, {}, {}, {} },
            { "unknown interaction type",
              u"C"_s,
              {},
              {},
              {},
              {},
              7,
              u"tipo_interaccion"_s,
              u"Unknown interaction type."_s,
              u"Tipo de interacción inexistente."_s },
            { "name taken",
              u"Existing"_s,
              {},
              {},
              {},
              {},
              1,
              u"nombre"_s,
              u"A campaign with this name already exists."_s,
              u"Ya existe una campaña con este nombre."_s },
            { "name missing",
              u" "_s,
              {},
              {},
              {},
              {},
              1,
              u"nombre"_s,
              u"This field is required."_s,
              u"Este campo es obligatorio."_s },
        };
        for (const QString &b : { u"sqlite"_s, u"postgresql"_s })
            for (const Row &r : rows)
                QTest::addRow("%s %s", r.tag, qPrintable(b))
                    << b << r.name << r.system << r.externalId << r.database << r.site << r.interaction << r.field
                    << r.english << r.spanish;
    }
    void create_appliesTheRules()
    {
        QFETCH(QString, backend);
        QFETCH(QString, name);
        QFETCH(QString, system);
        QFETCH(QString, externalId);
        QFETCH(QString, database);
        QFETCH(QString, site);
        QFETCH(int, interaction);
        QFETCH(QString, field);
        QFETCH(QString, english);
        QFETCH(QString, spanish);
        ENLACE_SCRATCH_DB(scratch, backend);
        const World w(scratch.db());
        CampaignRepository campaigns(scratch.db());
        Campaign c;
        c.name = name;
        c.type = CampaignType::Preview;
        c.externalSystemId = w.system(system);
        c.externalId = externalId;
        c.contactDatabaseId = w.database(database);
        c.siteId = w.site(site);
        c.interactionType = InteractionType(interaction);
        c.agentIds = { w.a2, w.a1 };
        auto r = campaigns.create(c);
        if (field.isEmpty()) {
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : describe(r.error())));
            QCOMPARE(test::countRows(*scratch.db(), u"campaigns"_s), 2);
            return;
        }
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        QCOMPARE(r.error().fields.fields(), QStringList { field });
        QCOMPARE(test::render(r.error().fields.entries().first().message, u"en"_s), english);
        QCOMPARE(test::render(r.error().fields.entries().first().message, u"es"_s), spanish);
        QCOMPARE(test::countRows(*scratch.db(), u"campaigns"_s), 1);
        QCOMPARE(test::countRows(*scratch.db(), u"campaign_agents"_s), 0);
        // The same answer without writing.
        auto checked = campaigns.validate(c);
        QVERIFY(checked.ok());
        QCOMPARE(checked->fields(), QStringList { field });
    }

    void create_storesEveryField_data() { test::addBackendRows(); }
    void create_storesEveryField()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const World w(scratch.db());
        CampaignRepository campaigns(scratch.db());
        Campaign c;
        c.name = u" Ventas "_s;
        c.type = CampaignType::Dialer;
        c.state = CampaignState::Paused;
        c.externalSystemId = w.s2;
        c.externalId = u" ext-9 "_s;
        c.contactDatabaseId = w.dbWithId;
        c.siteId = w.siteNewWindow;
        c.interactionType = InteractionType::FormAndExternalUrl;
        c.agentIds = { w.a2, w.a1, w.a2 };
        auto r = campaigns.create(c);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : describe(r.error())));
        auto found = campaigns.find(r->id);
        QVERIFY(found.ok());
        QCOMPARE(found->name, u"Ventas"_s);
        QCOMPARE(found->type, CampaignType::Dialer);
        QCOMPARE(found->state, CampaignState::Paused);
        QCOMPARE(found->externalSystemId, std::optional<qint64>(w.s2));
        QCOMPARE(found->externalId, u"ext-9"_s);
        QCOMPARE(found->contactDatabaseId, std::optional<qint64>(w.dbWithId));
        QCOMPARE(found->siteId, std::optional<qint64>(w.siteNewWindow));
        QCOMPARE(found->interactionType, InteractionType::FormAndExternalUrl);
        QCOMPARE(found->agentIds, (QList<qint64> { w.a1, w.a2 }));
        const QList<Campaign> all = campaigns.list().value();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).id, w.existing);
        QVERIFY(all.at(0).agentIds.isEmpty());
        QCOMPARE(all.at(1).agentIds, (QList<qint64> { w.a1, w.a2 }));
        // Blank external ids are stored as none and may repeat within a system.
        Campaign blank;
        blank.name = u"Blank 1"_s;
        blank.externalSystemId = w.s1;
        blank.externalId = u"  "_s;
        blank.contactDatabaseId = w.dbWithId;
        QVERIFY(campaigns.create(blank).ok());
        blank.name = u"Blank 2"_s;
        auto second = campaigns.create(blank);
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : describe(second.error())));
        QVERIFY(second->externalId.isEmpty());
        QCOMPARE(campaigns.find(w.existing + 100).error().kind, Error::Kind::NotFound);
        QCOMPARE(test::render(campaigns.find(w.existing + 100).error().message, u"es"_s), u"Campaña inexistente."_s);
    }

    void create_rejectsUnknownQueueMembers_data() { test::addBackendRows(); }
    void create_rejectsUnknownQueueMembers()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const World w(scratch.db());
        Campaign c;
        c.name = u"Q"_s;
        c.agentIds = { w.a1, w.a2 + 50 };
        auto r = CampaignRepository(scratch.db()).create(c);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().fields.fields(), QStringList { u"agentes"_s });
        QCOMPARE(r.error().fields.messages(u"agentes"_s),
                 QStringList { u"Unknown agents: "_s + QString::number(w.a2 + 50) + u"."_s });
        QCOMPARE(test::render(r.error().fields.entries().first().message, u"es"_s),
                 u"Agentes inexistentes: "_s + QString::number(w.a2 + 50) + u"."_s);
        QCOMPARE(test::countRows(*scratch.db(), u"campaigns"_s), 1);
    }

    void update_replacesFieldsAndQueue_data() { test::addBackendRows(); }
    void update_replacesFieldsAndQueue()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const World w(scratch.db());
        CampaignRepository campaigns(scratch.db());
        Campaign c = campaigns.find(w.existing).value();
        // Keeping its own external id is not a duplicate of itself.
        c.name = u"Renamed"_s;
        c.agentIds = { w.a1 };
        auto r = campaigns.update(c);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : describe(r.error())));
        QCOMPARE(r->name, u"Renamed"_s);
        QCOMPARE(r->externalId, u"c1"_s);
        QCOMPARE(r->agentIds, QList<qint64> { w.a1 });
        c.agentIds = { w.a2 };
        c.externalSystemId = std::nullopt;
        c.externalId.clear();
        r = campaigns.update(c);
        QVERIFY(r.ok());
        QCOMPARE(r->externalSystemId, std::nullopt);
        QCOMPARE(r->agentIds, QList<qint64> { w.a2 });
        // Now another campaign may take "c1" in S1.
        Campaign other;
        other.name = u"Other"_s;
        other.externalSystemId = w.s1;
        other.externalId = u"c1"_s;
        other.contactDatabaseId = w.dbWithId;
        QVERIFY(campaigns.create(other).ok());
        Campaign unknown = c;
        unknown.id = w.existing + 100;
        QCOMPARE(campaigns.update(unknown).error().kind, Error::Kind::NotFound);
    }

    void update_rejectsDuplicateAndWritesNothing_data() { test::addBackendRows(); }
    void update_rejectsDuplicateAndWritesNothing()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const World w(scratch.db());
        CampaignRepository campaigns(scratch.db());
        Campaign c;
        c.name = u"Second"_s;
        c.externalSystemId = w.s1;
        c.externalId = u"c2"_s;
        c.contactDatabaseId = w.dbWithId;
        c.agentIds = { w.a1 };
        const Campaign second = campaigns.create(c).value();
        Campaign edit = second;
        edit.externalId = u"c1"_s;
        edit.name = u"Changed"_s;
        edit.agentIds = { w.a2 };
        auto r = campaigns.update(edit);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().fields.fields(), QStringList { u"id_externo"_s });
        const Campaign now = campaigns.find(second.id).value();
        QCOMPARE(now.name, u"Second"_s);
        QCOMPARE(now.externalId, u"c2"_s);
        QCOMPARE(now.agentIds, QList<qint64> { w.a1 });
    }

    // Two sessions give the same external id in one system at once: one wins, the other is told
    // which field, as if it had saved second.
    void concurrentCreates_loserGetsValidationError_data() { test::addBackendRows(); }
    void concurrentCreates_loserGetsValidationError()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const World w(scratch.db());
        constexpr int kRounds = 10;
        std::barrier start(2);
        QStringList fields[2];
        auto session = [&](int who) {
            CampaignRepository campaigns(scratch.db());
            for (int round = 0; round < kRounds; ++round) {
                Campaign c;
                c.name = u"Race %1 by %2"_s.arg(round).arg(who);
                c.externalSystemId = w.s1;
                c.externalId = u"race-%1"_s.arg(round);
                c.contactDatabaseId = w.dbWithId;
                start.arrive_and_wait();
                auto r = campaigns.create(c);
                fields[who].append(r.ok() ? u"ok"_s : r.error().fields.fields().join(u','));
            }
        };
        std::thread a(session, 0);
        std::thread b(session, 1);
        a.join();
        b.join();
        for (int round = 0; round < kRounds; ++round) {
            const QStringList pair { fields[0].at(round), fields[1].at(round) };
            QVERIFY2(pair.contains(u"ok"_s) && pair.contains(u"id_externo"_s), qPrintable(pair.join(u" / "_s)));
        }
        QCOMPARE(test::countRows(*scratch.db(), u"campaigns"_s), 1 + kRounds);
    }

    void update_interactionTypeTransitions_data()
    {
        test::addBackendColumn();
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<bool>("allowed");
        for (const QString &b : { u"sqlite"_s, u"postgresql"_s }) {
            QTest::addRow("form to both %s", qPrintable(b)) << b << 1 << 3 << true;
            QTest::addRow("both to form %s", qPrintable(b)) << b << 3 << 1 << true;
            QTest::addRow("url stays url %s", qPrintable(b)) << b << 2 << 2 << true;
            QTest::addRow("url to both %s", qPrintable(b)) << b << 2 << 3 << false;
            QTest::addRow("url to form %s", qPrintable(b)) << b << 2 << 1 << false;
            QTest::addRow("form to url %s", qPrintable(b)) << b << 1 << 2 << false;
            QTest::addRow("both to url %s", qPrintable(b)) << b << 3 << 2 << false;
        }
    }
    void update_interactionTypeTransitions()
    {
        QFETCH(QString, backend);
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(bool, allowed);
        ENLACE_SCRATCH_DB(scratch, backend);
        const World w(scratch.db());
        CampaignRepository campaigns(scratch.db());
        auto siteFor
            = [&](int type) { return type == 1 ? std::optional<qint64>() : std::optional<qint64>(w.siteNewWindow); };
        Campaign c;
        c.name = u"T"_s;
        c.interactionType = InteractionType(from);
        c.siteId = siteFor(from);
        const Campaign stored = campaigns.create(c).value();
        Campaign edit = stored;
        edit.interactionType = InteractionType(to);
        edit.siteId = siteFor(to);
        auto r = campaigns.update(edit);
        QCOMPARE(r.ok(), allowed);
        if (!allowed) {
            QCOMPARE(r.error().fields.fields(), QStringList { u"tipo_interaccion"_s });
            QCOMPARE(
                test::render(r.error().fields.entries().first().message, u"es"_s),
                u"El tipo de interacción de una campaña sólo puede cambiar entre \"Formulario\" y \"Formulario y Url externa\"."_s);
            QCOMPARE(campaigns.find(stored.id)->interactionType, InteractionType(from));
        }
    }

    void supervisors_areReplacedWhole_data() { test::addBackendRows(); }
    void supervisors_areReplacedWhole()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const World w(scratch.db());
        const qint64 u1 = test::insertUser(*scratch.db(), u"sup1"_s, Role::Supervisor);
        const qint64 u2 = test::insertUser(*scratch.db(), u"sup2"_s, Role::Supervisor);
        CampaignRepository campaigns(scratch.db());
        QVERIFY(campaigns.supervisors(w.existing).value().isEmpty());
        QVERIFY(campaigns.setSupervisors(w.existing, { u2, u1, u2 }).ok());
        QCOMPARE(campaigns.supervisors(w.existing).value(), (QList<qint64> { u1, u2 }));
        QVERIFY(campaigns.setSupervisors(w.existing, { u2 }).ok());
        QCOMPARE(campaigns.supervisors(w.existing).value(), QList<qint64> { u2 });
        auto bad = campaigns.setSupervisors(w.existing, { u1, u2 + 100 });
        QCOMPARE(bad.error().kind, Error::Kind::Invalid);
        QCOMPARE(bad.error().fields.fields(), QStringList { u"supervisors"_s });
        QCOMPARE(test::render(bad.error().fields.entries().first().message, u"en"_s),
                 u"Unknown users: "_s + QString::number(u2 + 100) + u"."_s);
        QCOMPARE(test::render(bad.error().fields.entries().first().message, u"es"_s),
                 u"Usuarios inexistentes: "_s + QString::number(u2 + 100) + u"."_s);
        QCOMPARE(campaigns.supervisors(w.existing).value(), QList<qint64> { u2 });
        QCOMPARE(campaigns.setSupervisors(w.existing + 100, { u1 }).error().kind, Error::Kind::NotFound);
    }

    void dispositionOptions_roundTrip_data() { test::addBackendRows(); }
    void dispositionOptions_roundTrip()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const World w(scratch.db());
        CampaignRepository campaigns(scratch.db());
        auto sale = campaigns.addDispositionOption({ 0, w.existing, u" Venta "_s, false, true, true });
        auto noAnswer = campaigns.addDispositionOption({ 0, w.existing, u"No contesta"_s, true, false, false });
        QVERIFY(sale.ok() && noAnswer.ok());
        const QList<DispositionOption> options = campaigns.dispositionOptions(w.existing).value();
        QCOMPARE(options.size(), 2);
        QCOMPARE(options.at(0).id, sale.value());
        QCOMPARE(options.at(0).name, u"Venta"_s);
        QVERIFY(!options.at(0).hidden && options.at(0).crmInteraction && options.at(0).engagement);
        QVERIFY(options.at(1).hidden && !options.at(1).crmInteraction && !options.at(1).engagement);
        DispositionOption edit = campaigns.dispositionOption(noAnswer.value()).value();
        QCOMPARE(edit.campaignId, w.existing);
        edit.name = u"Ocupado"_s;
        edit.hidden = false;
        edit.crmInteraction = true;
        QVERIFY(campaigns.updateDispositionOption(edit).ok());
        auto back = campaigns.dispositionOption(noAnswer.value());
        QCOMPARE(back->name, u"Ocupado"_s);
        QVERIFY(!back->hidden && back->crmInteraction);
        // Errors.
        QCOMPARE(campaigns.addDispositionOption({ 0, w.existing + 100, u"x"_s, false, false, false }).error().kind,
                 Error::Kind::NotFound);
        QCOMPARE(campaigns.addDispositionOption({ 0, w.existing, u" "_s, false, false, false }).error().fields.fields(),
                 QStringList { u"nombre"_s });
        QCOMPARE(campaigns.dispositionOption(noAnswer.value() + 100).error().kind, Error::Kind::NotFound);
        edit.id = noAnswer.value() + 100;
        QCOMPARE(campaigns.updateDispositionOption(edit).error().kind, Error::Kind::NotFound);
        QVERIFY(campaigns.dispositionOptions(w.existing + 100).value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCampaignRepository)
#include "tst_campaignrepository.moc"
