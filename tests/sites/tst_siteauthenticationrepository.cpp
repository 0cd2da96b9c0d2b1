#include <core/model/messagecatalog.h>
#include <core/sites/siteauthenticationrepository.h>
#include <tests/sites/support/deliveryfixtures.h>
#include <tests/support/scratchdatabase.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

SiteAuthentication sample(const QString &name = u"CRM token"_s)
{
    SiteAuthentication a;
    a.name = name;
    a.url = u"https://crm.example.com/api/token"_s;
    a.username = u"enlace"_s;
    a.password = u"S3cr3t-pässword"_s;
    a.tokenField = u"access_token"_s;
    a.duration = 0;
    a.durationField = u"expires_in"_s;
    a.sslStrict = false;
    return a;
}

}   // namespace

class TestSiteAuthenticationRepository final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void create_thenFind_returnsEverythingButThePassword_data() { test::addBackendRows(); }
    void create_thenFind_returnsEverythingButThePassword()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        SiteAuthenticationRepository repo(scratch.db(), test::deliveryTestBox());
        auto id = repo.create(sample());
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().text()));
        auto found = repo.find(id.value());
        QVERIFY(found.ok());
        QCOMPARE(found->id, id.value());
        QCOMPARE(found->name, u"CRM token"_s);
        QCOMPARE(found->url, u"https://crm.example.com/api/token"_s);
        QCOMPARE(found->username, u"enlace"_s);
        QCOMPARE(found->tokenField, u"access_token"_s);
        QCOMPARE(found->duration, 0);
        QCOMPARE(found->durationField, u"expires_in"_s);
        QCOMPARE(found->sslStrict, false);
        QVERIFY(found->password.isEmpty());
    }

    void password_isSealedAtRest_andOnlyReturnedByPassword_data() { test::addBackendRows(); }
    void password_isSealedAtRest_andOnlyReturnedByPassword()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        SiteAuthenticationRepository repo(scratch.db(), test::deliveryTestBox());
        auto id = repo.create(sample());
        QVERIFY(id.ok());
        const QByteArray stored
            = scratch.db()
                  ->scalar(u"SELECT password_enc FROM site_authentications WHERE id = ?"_s, { id.value() })
                  ->toByteArray();
        QVERIFY(!stored.isEmpty());
        QVERIFY(!stored.contains(QByteArray("S3cr3t")));
        QCOMPARE(repo.password(id.value()).value(), u"S3cr3t-pässword"_s);
        auto all = repo.list();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 1);
        QVERIFY(all->at(0).password.isEmpty());

        // Another key cannot read it, and says so without revealing anything.
        SiteAuthenticationRepository other(scratch.db(), SecretBox::fromKey(QByteArray(32, 'x')).value());
        auto pw = other.password(id.value());
        QVERIFY(!pw.ok());
        QVERIFY(!pw.error().text().contains(u"S3cr3t"_s));
    }

    void list_isOrderedById_data() { test::addBackendRows(); }
    void list_isOrderedById()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        SiteAuthenticationRepository repo(scratch.db(), test::deliveryTestBox());
        const qint64 b = repo.create(sample(u"B"_s)).value();
        const qint64 a = repo.create(sample(u"A"_s)).value();
        auto all = repo.list();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).id, b);
        QCOMPARE(all->at(1).id, a);
    }

    void create_invalid_storesNothing_data() { test::addBackendRows(); }
    void create_invalid_storesNothing()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        SiteAuthenticationRepository repo(scratch.db(), test::deliveryTestBox());
        SiteAuthentication bad = sample();
        bad.tokenField = u"access-token"_s;
        bad.duration = 60;   // and a duration field: both
        auto r = repo.create(bad);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        QVERIFY(r.error().fields.has(u"campo_token"_s));
        QVERIFY(r.error().fields.has(u"duracion"_s));
        QCOMPARE(repo.list()->size(), 0);
    }

    void create_duplicateName_isValidationErrorOnNombre_data() { test::addBackendRows(); }
    void create_duplicateName_isValidationErrorOnNombre()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        SiteAuthenticationRepository repo(scratch.db(), test::deliveryTestBox());
        QVERIFY(repo.create(sample()).ok());
        auto dup = repo.create(sample());
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().kind, Error::Kind::Invalid);
        QVERIFY(dup.error().fields.has(u"nombre"_s));
        QCOMPARE(repo.list()->size(), 1);
    }

    void update_emptyPasswordKeepsIt_newOneReplacesIt_data() { test::addBackendRows(); }
    void update_emptyPasswordKeepsIt_newOneReplacesIt()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        SiteAuthenticationRepository repo(scratch.db(), test::deliveryTestBox());
        const qint64 id = repo.create(sample()).value();
        SiteAuthentication edited = repo.find(id).value();   // as the admin panel has it: no password
        edited.url = u"https://crm.example.com/v2/token"_s;
        edited.duration = 120;
        edited.durationField.clear();
        QVERIFY(repo.update(edited).ok());
        QCOMPARE(repo.find(id)->url, u"https://crm.example.com/v2/token"_s);
        QCOMPARE(repo.find(id)->duration, 120);
        QCOMPARE(repo.password(id).value(), u"S3cr3t-pässword"_s);

        edited.password = u"new-pw"_s;
        QVERIFY(repo.update(edited).ok());
        QCOMPARE(repo.password(id).value(), u"new-pw"_s);
    }

    void update_dropsTheCachedToken_data() { test::addBackendRows(); }
    void update_dropsTheCachedToken()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        SiteAuthenticationRepository repo(scratch.db(), test::deliveryTestBox());
        const qint64 id = repo.create(sample()).value();
        QVERIFY(repo.storeToken(id, u"tok"_s, 42).ok());
        QVERIFY(repo.cachedToken(id).value().has_value());
        SiteAuthentication edited = repo.find(id).value();
        edited.username = u"other"_s;
        QVERIFY(repo.update(edited).ok());
        QVERIFY(!repo.cachedToken(id).value().has_value());
    }

    void update_unknownOrDuplicate_data() { test::addBackendRows(); }
    void update_unknownOrDuplicate()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        SiteAuthenticationRepository repo(scratch.db(), test::deliveryTestBox());
        const qint64 a = repo.create(sample(u"A"_s)).value();
        const qint64 b = repo.create(sample(u"B"_s)).value();
        SiteAuthentication ghost = sample(u"ghost"_s);
        ghost.id = b + 100;
        QCOMPARE(repo.update(ghost).error().kind, Error::Kind::NotFound);
        SiteAuthentication renamed = repo.find(b).value();
        renamed.name = u"A"_s;
        auto r = repo.update(renamed);
        QVERIFY(!r.ok());
        QVERIFY(r.error().fields.has(u"nombre"_s));
        // Keeping its own name is not a duplicate.
        SiteAuthentication same = repo.find(a).value();
        QVERIFY(repo.update(same).ok());
    }

    void remove_inUseBySite_isRefused_data() { test::addBackendRows(); }
    void remove_inUseBySite_isRefused()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        SiteAuthenticationRepository repo(scratch.db(), test::deliveryTestBox());
        const qint64 id = repo.create(sample()).value();
        QVERIFY(test::deliveryInsertSite(*scratch.db(), u"CRM"_s, id) > 0);
        QVERIFY(repo.inUse(id).value());
        auto r = repo.remove(id);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Conflict);
        QCOMPARE(r.error().code, u"site_authentication.in_use"_s);
        QCOMPARE(r.error().message.text(), u"Authentications assigned to external sites can not be deleted"_s);
        MessageCatalog catalog;
        QCOMPARE(r.error().message.text(&catalog, u"es"_s),
                 u"No está permitido eliminar una autenticacion que tiene sitios externos"_s);
        QVERIFY(repo.find(id).ok());
    }

    void remove_unused_deletes_data() { test::addBackendRows(); }
    void remove_unused_deletes()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        SiteAuthenticationRepository repo(scratch.db(), test::deliveryTestBox());
        const qint64 id = repo.create(sample()).value();
        QVERIFY(repo.remove(id).ok());
        QCOMPARE(repo.find(id).error().kind, Error::Kind::NotFound);
        QCOMPARE(repo.remove(id).error().kind, Error::Kind::NotFound);
    }

    void tokenCache_isSealed_andClearedOnlyWhenStillTheRejectedOne_data() { test::addBackendRows(); }
    void tokenCache_isSealed_andClearedOnlyWhenStillTheRejectedOne()
    {
        QFETCH(QString, backend);
        ENLACE_SCRATCH_DB(scratch, backend);
        SiteAuthenticationRepository repo(scratch.db(), test::deliveryTestBox());
        const qint64 id = repo.create(sample()).value();
        QVERIFY(!repo.cachedToken(id).value().has_value());
        QVERIFY(repo.storeToken(id, u"token-one"_s, 1000).ok());
        const QByteArray raw
            = scratch.db()->scalar(u"SELECT token_enc FROM site_authentications WHERE id = ?"_s, { id })->toByteArray();
        QVERIFY(!raw.contains("token-one"));
        auto cached = repo.cachedToken(id).value();
        QVERIFY(cached.has_value());
        QCOMPARE(cached->token, u"token-one"_s);
        QCOMPARE(cached->expiresAtMs, qint64(1000));

        // Another server already replaced the rejected token: keep the fresh one.
        QVERIFY(repo.storeToken(id, u"token-two"_s, 2000).ok());
        QVERIFY(repo.clearToken(id, u"token-one"_s).ok());
        QCOMPARE(repo.cachedToken(id).value()->token, u"token-two"_s);
        QVERIFY(repo.clearToken(id, u"token-two"_s).ok());
        QVERIFY(!repo.cachedToken(id).value().has_value());
    }
};

QTEST_GUILESS_MAIN(TestSiteAuthenticationRepository)
#include "tst_siteauthenticationrepository.moc"
