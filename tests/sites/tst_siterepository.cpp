#include <core/model/messagecatalog.h>
#include <core/sites/secretbox.h>
#include <core/sites/siterepository.h>
#include <tests/support/scratchdatabase.h>

#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

ExternalSite automaticGet(const QString &name = u"A"_s)
{
    ExternalSite s;
    s.name = name;
    s.url = u"https://x.io/"_s;
    s.trigger = SiteTrigger::Automatic;
    s.method = SiteMethod::Get;
    s.target = SiteTarget::Embedded;
    return s;
}

SecretBox testBox()
{
    return SecretBox::fromKey(QByteArray(SecretBox::KeySize, '\x2a')).value();
}

qint64 addCampaign(Database &db, const QString &name, std::optional<qint64> siteId,
                   std::optional<qint64> contactDbId = std::nullopt)
{
    auto id = db.insert(
        u"INSERT INTO campaigns (name, type, site_id, contact_database_id, interaction_type) VALUES (?, 3, ?, ?, 2)"_s,
        { name, siteId ? QVariant(*siteId) : QVariant(QMetaType::fromType<qint64>()),
          contactDbId ? QVariant(*contactDbId) : QVariant(QMetaType::fromType<qint64>()) });
    return id.ok() ? id.value() : 0;
}

CrmParameter param(const QString &name, CrmParameterType type, const QString &value)
{
    CrmParameter p;
    p.name = name;
    p.type = type;
    p.value = value;
    return p;
}

}   // namespace

class TestSiteRepository final : public QObject
{
    Q_OBJECT

private:
    MessageCatalog m_catalog;

private Q_SLOTS:
    void create_storesGetAsMultipartAndReadsItBackWithoutFormat_data() { test::addBackendRows(); }
    void create_storesGetAsMultipartAndReadsItBackWithoutFormat()   // §7 item 1
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const SecretBox box = testBox();
        SiteRepository repo(scratch.db(), &box);
        auto id = repo.create(automaticGet());
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().text()));
        QCOMPARE(scratch.db()->scalar(u"SELECT format FROM external_sites WHERE id = ?"_s, { id.value() })->toInt(), 1);
        auto back = repo.find(id.value());
        QVERIFY(back.ok());
        QCOMPARE(back->name, u"A"_s);
        QCOMPARE(back->url, u"https://x.io/"_s);
        QCOMPARE(back->trigger, SiteTrigger::Automatic);
        QCOMPARE(back->method, SiteMethod::Get);
        QVERIFY(!back->format);
        QCOMPARE(back->target, std::optional(SiteTarget::Embedded));
        QVERIFY(!back->authenticationId);
        QVERIFY(!back->hidden);
        // Read back, it validates again unchanged (an edit that changes nothing is accepted).
        QVERIFY(repo.update(back.value()).ok());
    }

    void create_postKeepsFormatAndNullTarget_data() { test::addBackendRows(); }
    void create_postKeepsFormatAndNullTarget()   // §7 item 7
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        SiteRepository repo(scratch.db(), nullptr);
        ExternalSite s = automaticGet(u"hook"_s);
        s.trigger = SiteTrigger::Disposition;
        s.method = SiteMethod::Post;
        s.format = SiteFormat::Json;
        s.target.reset();
        s.timeoutMs = 5000;
        s.maxAttempts = 3;
        auto id = repo.create(s);
        QVERIFY(id.ok());
        auto back = repo.find(id.value());
        QVERIFY(back.ok());
        QCOMPARE(back->format, std::optional(SiteFormat::Json));
        QVERIFY(!back->target);
        QCOMPARE(back->timeoutMs, 5000);
        QCOMPARE(back->maxAttempts, 3);
    }

    void create_invalidStoresNothing_data() { test::addBackendRows(); }
    void create_invalidStoresNothing()   // §7 items 2, 3, 9, 10
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        SiteRepository repo(scratch.db(), nullptr);
        QVERIFY(repo.create(automaticGet(u"taken"_s)).ok());

        ExternalSite getWithFormat = automaticGet(u"B"_s);
        getWithFormat.format = SiteFormat::Json;
        ExternalSite postWithout = automaticGet(u"C"_s);
        postWithout.method = SiteMethod::Post;
        ExternalSite dup = automaticGet(u" taken "_s);
        ExternalSite badUrl = automaticGet(u"D"_s);
        badUrl.url = u"not a url"_s;
        ExternalSite unknownAuth = automaticGet(u"E"_s);
        unknownAuth.authenticationId = 999;
        const QList<QPair<ExternalSite, QString>> cases { { getWithFormat, u"formato"_s },
                                                          { postWithout, u"formato"_s },
                                                          { dup, u"nombre"_s },
                                                          { badUrl, u"url"_s },
                                                          { unknownAuth, u"autenticacion"_s } };
        for (const auto &c : cases) {
            auto r = repo.create(c.first);
            QVERIFY(!r.ok());
            QCOMPARE(r.error().kind, Error::Kind::Invalid);
            QCOMPARE(r.error().fields.fields(), QStringList { c.second });
        }
        QCOMPARE(scratch.db()->scalar(u"SELECT COUNT(*) FROM external_sites"_s)->toInt(), 1);
        auto dupError = repo.create(dup);
        QCOMPARE(dupError.error().fields.messages(u"nombre"_s, &m_catalog, u"es"_s),
                 QStringList { u"Ya existe un sitio externo con este nombre."_s });
    }

    void update_checksRulesAndNameAgainstOthers_data() { test::addBackendRows(); }
    void update_checksRulesAndNameAgainstOthers()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        SiteRepository repo(scratch.db(), nullptr);
        const qint64 a = repo.create(automaticGet(u"A"_s)).value();
        QVERIFY(repo.create(automaticGet(u"B"_s)).ok());
        ExternalSite s = repo.find(a).value();
        s.name = u"B"_s;
        auto clash = repo.update(s);
        QVERIFY(!clash.ok());
        QCOMPARE(clash.error().fields.fields(), QStringList { u"nombre"_s });
        s.name = u"A2"_s;
        s.method = SiteMethod::Post;
        s.format = SiteFormat::FormUrlEncoded;
        s.url = u"https://crm.io/{1}"_s;
        QVERIFY(repo.update(s).ok());
        auto back = repo.find(a);
        QCOMPARE(back->name, u"A2"_s);
        QCOMPARE(back->format, std::optional(SiteFormat::FormUrlEncoded));
        QCOMPARE(back->url, u"https://crm.io/{1}"_s);
        ExternalSite missing = s;
        missing.id = 4242;
        QCOMPARE(repo.update(missing).error().kind, Error::Kind::NotFound);
    }

    void remove_refusedWhileACampaignUsesTheSite_data() { test::addBackendRows(); }
    void remove_refusedWhileACampaignUsesTheSite()   // §7 items 12, 13
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        SiteRepository repo(scratch.db(), nullptr);
        const qint64 used = repo.create(automaticGet(u"used"_s)).value();
        const qint64 unused = repo.create(automaticGet(u"unused"_s)).value();
        QVERIFY(addCampaign(*scratch.db(), u"C1"_s, used) > 0);

        auto refused = repo.remove(used);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, Error::Kind::Conflict);
        QCOMPARE(refused.error().code, u"site.in_use"_s);
        QCOMPARE(refused.error().message.text(&m_catalog, u"es"_s),
                 u"No está permitido eliminar un sitio externo asociado a una campaña"_s);
        QCOMPARE(refused.error().message.text(&m_catalog, u"en"_s),
                 u"External sites assigned to campaigns can not be deleted"_s);
        QVERIFY(repo.find(used).ok());

        QVERIFY(repo.remove(unused).ok());
        QCOMPARE(repo.find(unused).error().kind, Error::Kind::NotFound);
        QCOMPARE(repo.remove(unused).error().kind, Error::Kind::NotFound);
        QCOMPARE(repo.list()->size(), 1);
    }

    void hideAndShow_keepTheSiteListed_data() { test::addBackendRows(); }
    void hideAndShow_keepTheSiteListed()   // §7 item 14
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        SiteRepository repo(scratch.db(), nullptr);
        const qint64 a = repo.create(automaticGet(u"A"_s)).value();
        const qint64 b = repo.create(automaticGet(u"B"_s)).value();
        QVERIFY(repo.setHidden(a, true).ok());
        auto listed = repo.list();
        QVERIFY(listed.ok());
        QCOMPARE(listed->size(), 2);
        QCOMPARE(listed->at(0).id, a);
        QVERIFY(listed->at(0).hidden);
        QCOMPARE(listed->at(1).id, b);
        QVERIFY(!listed->at(1).hidden);
        QVERIFY(repo.setHidden(a, false).ok());
        QVERIFY(!repo.find(a)->hidden);
        QCOMPARE(repo.setHidden(999, true).error().kind, Error::Kind::NotFound);
    }

    void signatureSecret_encryptedAtRest_data() { test::addBackendRows(); }
    void signatureSecret_encryptedAtRest()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const SecretBox box = testBox();
        SiteRepository repo(scratch.db(), &box);
        ExternalSite s = automaticGet();
        s.signatureSecret = u"very-secret-hmac-key-ñ"_s;
        const qint64 id = repo.create(s).value();

        auto raw = scratch.db()->scalar(u"SELECT signature_secret_enc FROM external_sites WHERE id = ?"_s, { id });
        QVERIFY(raw.ok());
        const QByteArray stored = raw->toByteArray();
        QVERIFY(!stored.isEmpty());
        QVERIFY(!stored.contains(s.signatureSecret.toUtf8()));
        QVERIFY(!stored.contains("very-secret"));
        QCOMPARE(repo.find(id)->signatureSecret, s.signatureSecret);
        // list() never opens secrets.
        QVERIFY(repo.list()->constFirst().signatureSecret.isEmpty());

        // An update without a secret keeps it; setSignatureSecret replaces and clears it.
        ExternalSite edited = repo.find(id).value();
        edited.signatureSecret.clear();
        edited.url = u"https://y.io/"_s;
        QVERIFY(repo.update(edited).ok());
        QCOMPARE(repo.find(id)->signatureSecret, s.signatureSecret);
        QVERIFY(repo.setSignatureSecret(id, u"other"_s).ok());
        QCOMPARE(repo.find(id)->signatureSecret, u"other"_s);
        QVERIFY(repo.setSignatureSecret(id, {}).ok());
        QVERIFY(repo.find(id)->signatureSecret.isEmpty());

        // Another key cannot read it, and says so without the secret.
        QVERIFY(repo.setSignatureSecret(id, u"third"_s).ok());
        const SecretBox other = SecretBox::fromKey(QByteArray(SecretBox::KeySize, '\x07')).value();
        SiteRepository wrongKey(scratch.db(), &other);
        auto unreadable = wrongKey.find(id);
        QVERIFY(!unreadable.ok());
        QVERIFY(!unreadable.error().text().contains(u"third"_s));
        // Without a box, a secret cannot be stored.
        SiteRepository noBox(scratch.db(), nullptr);
        ExternalSite withSecret = automaticGet(u"Z"_s);
        withSecret.signatureSecret = u"s"_s;
        QVERIFY(!noBox.create(withSecret).ok());
    }

    void crmParameters_validatedWholeAndStoredInOrder_data() { test::addBackendRows(); }
    void crmParameters_validatedWholeAndStoredInOrder()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        const auto &db = scratch.db();
        SiteRepository repo(db, nullptr);
        const qint64 site = repo.create(automaticGet()).value();
        auto dbId = db->insert(
            u"INSERT INTO contact_databases (name, columns_json, phone_columns_json, created_at) VALUES (?, ?, ?, 0)"_s,
            { u"D"_s, u"[\"telefono\",\"nombre\"]"_s, u"[\"telefono\"]"_s });
        QVERIFY(dbId.ok());
        const qint64 campaign = addCampaign(*db, u"C"_s, site, dbId.value());
        QVERIFY(campaign > 0);

        const QList<CrmParameter> good { param(u"{1}"_s, CrmParameterType::Contact, u"telefono"_s),
                                         param(u"z_last"_s, CrmParameterType::Dialplan, u"OmlcrmFooBar"_s),
                                         param(u"a_first"_s, CrmParameterType::Call, u"call_id"_s) };
        QVERIFY(repo.setCrmParameters(campaign, good).ok());
        QList<CrmParameter> stored = repo.crmParameters(campaign).value();
        QCOMPARE(stored.size(), 3);
        QCOMPARE(stored.at(0).name, u"{1}"_s);
        QCOMPARE(stored.at(1).name, u"z_last"_s);
        QCOMPARE(stored.at(1).value, u"Omlcrmfoobar"_s);
        QCOMPARE(stored.at(2).name, u"a_first"_s);
        QCOMPARE(stored.at(2).campaignId, campaign);

        // One bad row: nothing changes.
        const QList<CrmParameter> bad { param(u"ok"_s, CrmParameterType::Fixed, u"1"_s),
                                        param(u"c"_s, CrmParameterType::Contact, u"email"_s) };
        auto refused = repo.setCrmParameters(campaign, bad);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().fields.fields(), QStringList { u"parametros[1].valor"_s });
        QCOMPARE(repo.crmParameters(campaign).value().size(), 3);
        // Disposition data needs a disposition-triggered site.
        auto noDisposition = repo.setCrmParameters(campaign, { param(u"d"_s, CrmParameterType::Disposition, u"id"_s) });
        QCOMPARE(noDisposition.error().fields.fields(), QStringList { u"parametros[0].tipo"_s });

        // Replacing with an empty list clears them.
        QVERIFY(repo.setCrmParameters(campaign, {}).ok());
        QVERIFY(repo.crmParameters(campaign).value().isEmpty());
        QCOMPARE(repo.setCrmParameters(4242, good).error().kind, Error::Kind::NotFound);
        QVERIFY(repo.crmParameters(4242).value().isEmpty());
    }

    void crmParameters_dispositionAllowedForDispositionSite_data() { test::addBackendRows(); }
    void crmParameters_dispositionAllowedForDispositionSite()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        SiteRepository repo(scratch.db(), nullptr);
        ExternalSite s = automaticGet();
        s.trigger = SiteTrigger::Disposition;
        s.method = SiteMethod::Post;
        s.format = SiteFormat::Json;
        s.target.reset();
        const qint64 site = repo.create(s).value();
        const qint64 campaign = addCampaign(*scratch.db(), u"C"_s, site);
        QVERIFY(repo.setCrmParameters(campaign, { param(u"form"_s, CrmParameterType::Disposition, u"form"_s) }).ok());
        QCOMPARE(repo.crmParameters(campaign).value().size(), 1);
        // A campaign without contact database has no contact columns to refer to.
        QCOMPARE(repo.setCrmParameters(campaign, { param(u"t"_s, CrmParameterType::Contact, u"telefono"_s) })
                     .error()
                     .fields.fields(),
                 QStringList { u"parametros[0].valor"_s });
    }
};

QTEST_GUILESS_MAIN(TestSiteRepository)
#include "tst_siterepository.moc"
