#include <core/http/apirouter.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

ApiRequest request(const QByteArray &method, const QByteArray &rawPath)
{
    ApiRequest r;
    r.method = method;
    r.rawPath = rawPath;
    r.path = QUrl::fromPercentEncoding(rawPath);
    return r;
}

ApiResponse dispatch(const ApiRouter &router, ApiRequest r)
{
    ApiResponse out;
    int calls = 0;
    router.dispatch(std::move(r), [&](ApiResponse response) {
        out = std::move(response);
        ++calls;
    });
    if (calls != 1)
        out.status = -calls;
    return out;
}

Caller user(Role role, bool agentProfile = false)
{
    Caller c;
    c.userId = 1;
    c.role = role;
    if (agentProfile)
        c.agentId = 10;
    return c;
}

Caller integration()
{
    Caller c;
    c.integrationSystemId = 3;
    return c;
}

}   // namespace

class TestApiRouter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void arguments_arePercentDecodedAndTrailingSlashIsOptional_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QStringList>("args");
        QTest::newRow("with slash") << QByteArray("/api/v1/campaign/CAMP%2F1/dispositionOptions/7/")
                                    << QStringList { u"CAMP/1"_s, u"7"_s };
        QTest::newRow("without slash") << QByteArray("/api/v1/campaign/12/dispositionOptions/7")
                                       << QStringList { u"12"_s, u"7"_s };
        QTest::newRow("unicode") << QByteArray("/api/v1/campaign/Campa%C3%B1a/dispositionOptions/1/")
                                 << QStringList { u"Campaña"_s, u"1"_s };
    }
    void arguments_arePercentDecodedAndTrailingSlashIsOptional()
    {
        QFETCH(QByteArray, path);
        QFETCH(QStringList, args);
        ApiRouter router;
        QStringList seen;
        router.add("GET", u"/api/v1/campaign/<arg>/dispositionOptions/<arg>/"_s, Access::Public,
                   [&](const ApiRequest &r, ApiResponder respond) {
                       seen = r.pathArgs;
                       respond(ApiResponse::json(QJsonObject {}));
                   });
        QCOMPARE(dispatch(router, request("GET", path)).status, 200);
        QCOMPARE(seen, args);
    }

    void restPattern_takesTheRemainingSegments()
    {
        ApiRouter router;
        QString rest;
        router.add("*", u"/demo/crm/hook/<rest>"_s, Access::Public, [&](const ApiRequest &r, ApiResponder respond) {
            rest = r.pathArgs.value(0);
            respond(ApiResponse::json(QJsonObject {}));
        });
        QCOMPARE(dispatch(router, request("PATCH", "/demo/crm/hook/a/b/c")).status, 200);
        QCOMPARE(rest, u"a/b/c"_s);
        QCOMPARE(dispatch(router, request("GET", "/demo/crm/hook/")).status, 200);
        QCOMPARE(rest, QString());
        QCOMPARE(dispatch(router, request("GET", "/demo/crm")).status, 404);
    }

    void pathIdHelper_acceptsOnlyPositiveIntegers_data()
    {
        QTest::addColumn<QString>("arg");
        QTest::addColumn<qint64>("expected");   // 0 = none
        QTest::newRow("number") << u"42"_s << qint64(42);
        QTest::newRow("zero") << u"0"_s << qint64(0);
        QTest::newRow("negative") << u"-3"_s << qint64(0);
        QTest::newRow("text") << u"abc"_s << qint64(0);
        QTest::newRow("arabic-indic digits") << u"٤٢"_s << qint64(0);
        QTest::newRow("overflow") << u"99999999999999999999999"_s << qint64(0);
    }
    void pathIdHelper_acceptsOnlyPositiveIntegers()
    {
        QFETCH(QString, arg);
        QFETCH(qint64, expected);
        ApiRequest r;
        r.pathArgs = { arg };
        QCOMPARE(r.pathId(0).value_or(0), expected);
        QVERIFY(!r.pathId(1));
    }

    void wrongMethod_is405WithAllowListingEveryMethod()
    {
        ApiRouter router;
        const auto ok = [](const ApiRequest &, ApiResponder respond) { respond(ApiResponse::json(QJsonObject {})); };
        router.add("GET", u"/api/v1/disposition/<arg>/"_s, Access::Public, ok);
        router.add("PUT", u"/api/v1/disposition/<arg>/"_s, Access::Public, ok);
        const ApiResponse r = dispatch(router, request("DELETE", "/api/v1/disposition/5/"));
        QCOMPARE(r.status, 405);
        QCOMPARE(r.header("Allow"), "GET, PUT, HEAD");
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(u"status"_s).toString(), u"ERROR"_s);
        QCOMPARE(dispatch(router, request("HEAD", "/api/v1/disposition/5/")).status, 200);
    }

    void access_matrix_data()
    {
        QTest::addColumn<int>("access");
        QTest::addColumn<int>("caller");   // 0 none, 1 admin, 2 manager, 3 supervisor, 4 referent, 5 agent, 6 agent
                                           // role without profile, 7 integration
        QTest::addColumn<int>("status");
        const int A = int(Access::Admin), AO = int(Access::AdminOnly), AG = int(Access::Agent),
                  AGI = int(Access::AgentOrIntegration), ADI = int(Access::AdminOrIntegration),
                  AU = int(Access::Authenticated), PU = int(Access::Public);
        const QList<std::tuple<const char *, int, int, int>> rows {
            { "public anonymous", PU, 0, 200 },
            { "authenticated anonymous", AU, 0, 401 },
            { "authenticated referent", AU, 4, 200 },
            { "authenticated integration", AU, 7, 200 },
            { "admin by admin", A, 1, 200 },
            { "admin by manager", A, 2, 200 },
            { "admin by supervisor", A, 3, 200 },
            { "admin by referent", A, 4, 403 },
            { "admin by agent", A, 5, 403 },
            { "admin by integration", A, 7, 403 },
            { "admin-only by admin", AO, 1, 200 },
            { "admin-only by supervisor", AO, 3, 403 },
            { "agent by agent", AG, 5, 200 },
            { "agent by admin", AG, 1, 403 },
            { "agent without profile", AG, 6, 403 },
            { "agent by integration", AG, 7, 403 },
            { "agent-or-integration by integration", AGI, 7, 200 },
            { "agent-or-integration by supervisor", AGI, 3, 403 },
            { "admin-or-integration by integration", ADI, 7, 200 },
            { "admin-or-integration by agent", ADI, 5, 403 },
            { "admin-or-integration anonymous", ADI, 0, 401 },
        };
        for (const auto &[name, access, caller, status] : rows)
            QTest::newRow(name) << access << caller << status;
    }
    void access_matrix()
    {
        QFETCH(int, access);
        QFETCH(int, caller);
        QFETCH(int, status);
        ApiRouter router;
        router.setCallerResolver([caller](const ApiRequest &) -> Result<std::optional<Caller>> {
            switch (caller) {
            case 0:
                return std::optional<Caller>();
            case 6:
                return std::optional<Caller>(user(Role::Agent, false));
            case 7:
                return std::optional<Caller>(integration());
            default:
                return std::optional<Caller>(user(Role(caller), caller == 5));
            }
        });
        bool ran = false;
        router.add("GET", u"/x"_s, Access(access), [&](const ApiRequest &r, ApiResponder respond) {
            ran = true;
            QVERIFY(access == int(Access::Public) || r.caller.has_value());
            respond(ApiResponse::json(QJsonObject {}));
        });
        const ApiResponse r = dispatch(router, request("GET", "/x"));
        QCOMPARE(r.status, status);
        QCOMPARE(ran, status == 200);
        QCOMPARE(r.header("WWW-Authenticate").isEmpty(), status != 401);
    }

    void admit_judgesUploadRoutesBeforeTheirBody_andNothingElse()
    {
        ApiRouter router;
        std::optional<Caller> caller;
        int resolved = 0;
        router.setCallerResolver([&](const ApiRequest &) -> Result<std::optional<Caller>> {
            ++resolved;
            return caller;
        });
        int handled = 0;
        router.add("POST", u"/plain/"_s, Access::Admin, [&](const ApiRequest &, ApiResponder respond) {
            ++handled;
            respond(ApiResponse::json(QJsonObject()));
        });
        router.addUpload("POST", u"/files/<arg>/"_s, Access::Admin, [&](const ApiRequest &, ApiResponder respond) {
            ++handled;
            respond(ApiResponse::json(QJsonObject()));
        });

        // Not upload routes: nothing is judged here (dispatch does it, body and all).
        for (const auto &[method, path] :
             { std::pair { "POST", "/plain/" }, std::pair { "POST", "/nowhere/" }, std::pair { "GET", "/files/a/" } }) {
            const auto admission = router.admit(request(method, path));
            QVERIFY(!admission.upload);
            QVERIFY(!admission.refusal);
        }
        QCOMPARE(resolved, 0);

        // The upload route: the caller is judged now, and the handler never runs.
        auto admission = router.admit(request("POST", "/files/a/"));
        QVERIFY(admission.upload);
        QVERIFY(admission.refusal);
        QCOMPARE(admission.refusal->status, 401);
        caller = user(Role::Agent, true);
        admission = router.admit(request("POST", "/files/a/"));
        QVERIFY(admission.refusal);
        QCOMPARE(admission.refusal->status, 403);
        caller = user(Role::Supervisor);
        admission = router.admit(request("POST", "/files/a/"));
        QVERIFY(admission.upload);
        QVERIFY(!admission.refusal);
        QCOMPARE(handled, 0);
        QCOMPARE(router.routes(), QStringList({ u"POST /plain/"_s, u"POST /files/<arg>/"_s }));
        QCOMPARE(dispatch(router, request("POST", "/files/a/")).status, 200);
        QCOMPARE(handled, 1);
    }

    void invalidCredentials_are401EvenWhereAnonymousWouldBe401()
    {
        ApiRouter router;
        router.setCallerResolver([](const ApiRequest &) -> Result<std::optional<Caller>> {
            return Error {
                Error::Kind::Forbidden, u"api.token_expired"_s, Message::make("Api", "The Token is expired"), {}, {}
            };
        });
        bool publicRan = false;
        router.add("GET", u"/private"_s, Access::Authenticated,
                   [](const ApiRequest &, ApiResponder respond) { respond(ApiResponse::json(QJsonObject {})); });
        router.add("GET", u"/public"_s, Access::Public, [&](const ApiRequest &r, ApiResponder respond) {
            publicRan = !r.caller.has_value();
            respond(ApiResponse::json(QJsonObject {}));
        });
        const ApiResponse r = dispatch(router, request("GET", "/private"));
        QCOMPARE(r.status, 401);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(u"detail"_s).toString(), u"The Token is expired"_s);
        QCOMPARE(dispatch(router, request("GET", "/public")).status, 200);
        QVERIFY(publicRan);
    }

    void fromError_mapsKindsToStatusesWithoutLeakingInternals_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("withFields");
        QTest::addColumn<int>("status");
        QTest::newRow("invalid") << int(Error::Kind::Invalid) << true << 400;
        QTest::newRow("invalid without fields") << int(Error::Kind::Invalid) << false << 400;
        QTest::newRow("not found") << int(Error::Kind::NotFound) << false << 404;
        QTest::newRow("conflict") << int(Error::Kind::Conflict) << false << 409;
        QTest::newRow("conflict with fields") << int(Error::Kind::Conflict) << true << 400;
        QTest::newRow("forbidden") << int(Error::Kind::Forbidden) << false << 403;
        QTest::newRow("unavailable") << int(Error::Kind::Unavailable) << false << 503;
        QTest::newRow("internal") << int(Error::Kind::Internal) << false << 500;
    }
    void fromError_mapsKindsToStatusesWithoutLeakingInternals()
    {
        QFETCH(int, kind);
        QFETCH(bool, withFields);
        QFETCH(int, status);
        Error e { Error::Kind(kind), u"x.code"_s, {}, u"SELECT secret FROM table failed at 0x1234"_s, {} };
        if (withFields)
            e.fields.add(u"idCampaign"_s, Message::make("Api", "This field is required."));
        const ApiResponse r = ApiResponse::fromError(e, nullptr, u"en"_s);
        QCOMPARE(r.status, status);
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(body.value(u"status"_s).toString(), u"ERROR"_s);
        QVERIFY(!r.body.contains("SELECT") && !r.body.contains("x.code"));
        QCOMPARE(body.contains(u"errors"_s), withFields);
        if (withFields)
            QCOMPARE(body.value(u"errors"_s).toObject().value(u"idCampaign"_s).toArray().first().toString(),
                     u"This field is required."_s);
    }
};

QTEST_GUILESS_MAIN(TestApiRouter)
#include "tst_apirouter.moc"
