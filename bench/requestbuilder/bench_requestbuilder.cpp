// How long RequestBuilder takes to turn a resolved interaction (20 parameters, 2 URL placeholders)
// into the exact HTTP request, per method/format, and how long ParameterResolver takes before it.
// Reference point in the same run: copying the parameter list, the least any builder must do.
#include <core/model/clock.h>
#include <core/requests/parameterresolver.h>
#include <core/requests/requestbuilder.h>

#include <benchmark/benchmark.h>

using namespace Qt::StringLiterals;
using namespace enlace;

namespace {

ResolvedParameters twentyParameters()
{
    ResolvedParameters r;
    // Realistic CRM values: ids, a name with accents, a phone, a date, free text with delimiters.
    const QStringList values { u"1700000000.42"_s, u"José Pérez Ñandú"_s, u"+54 351 555-0000"_s,
                               u"2026-03-04 05:06:07"_s, u"Nota: pagó 50% & pidió \"factura\" <urgente>"_s };
    for (int i = 0; i < 20; ++i)
        r.parameters.append({ u"param_"_s + QString::number(i), values.at(i % values.size()) });
    r.placeholders = { { 1, u"3515550000"_s }, { 2, u"12"_s } };
    return r;
}

ExternalSite siteFor(SiteMethod method, std::optional<SiteFormat> format)
{
    ExternalSite s;
    s.id = 1;
    s.name = u"CRM"_s;
    s.url = u"https://crm.example.com/contacts/{1}/calls?campaign={2}"_s;
    s.method = method;
    s.format = format;
    s.trigger = SiteTrigger::Server;
    return s;
}

void runBuild(benchmark::State &state, SiteMethod method, std::optional<SiteFormat> format)
{
    const ExternalSite site = siteFor(method, format);
    const ResolvedParameters resolved = twentyParameters();
    qint64 bytes = 0;
    for (auto _ : state) {
        HttpRequest r = RequestBuilder::build(site, resolved, "token-abc");
        bytes += r.body.size();
        benchmark::DoNotOptimize(r);
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["body_bytes"]
        = static_cast<double>(bytes) / static_cast<double>(std::max<int64_t>(1, state.iterations()));
}

void BM_Build_Get(benchmark::State &s)
{
    runBuild(s, SiteMethod::Get, std::nullopt);
}
void BM_Build_PostMultipart(benchmark::State &s)
{
    runBuild(s, SiteMethod::Post, SiteFormat::Multipart);
}
void BM_Build_PostFormUrlEncoded(benchmark::State &s)
{
    runBuild(s, SiteMethod::Post, SiteFormat::FormUrlEncoded);
}
void BM_Build_PostTextPlain(benchmark::State &s)
{
    runBuild(s, SiteMethod::Post, SiteFormat::TextPlain);
}
void BM_Build_PostJson(benchmark::State &s)
{
    runBuild(s, SiteMethod::Post, SiteFormat::Json);
}

void BM_Preview_PostMultipart(benchmark::State &state)
{
    const ExternalSite site = siteFor(SiteMethod::Post, SiteFormat::Multipart);
    const ResolvedParameters resolved = twentyParameters();
    for (auto _ : state)
        benchmark::DoNotOptimize(RequestBuilder::preview(site, resolved));
}

void BM_Resolve_TwentyParameters(benchmark::State &state)
{
    SystemClock clock;
    const ParameterResolver resolver(nullptr, clock);
    QList<CrmParameter> params;
    const QList<QPair<CrmParameterType, QString>> kinds { { CrmParameterType::Call, u"call_id"_s },
                                                          { CrmParameterType::Call, u"datetime"_s },
                                                          { CrmParameterType::Contact, u"nombre"_s },
                                                          { CrmParameterType::Campaign, u"tipo"_s },
                                                          { CrmParameterType::Fixed, u"v"_s } };
    for (int i = 0; i < 20; ++i)
        params.append(
            CrmParameter { 0, 1, u"p"_s + QString::number(i), kinds.at(i % 5).second, kinds.at(i % 5).first });
    CallContext call;
    call.callId = u"1700000000.42"_s;
    call.contactValues = { { u"nombre"_s, u"José"_s } };
    for (auto _ : state)
        benchmark::DoNotOptimize(resolver.resolve(call, SiteTrigger::Server, params, u"es"_s));
}

void BM_Reference_CopyParameters(benchmark::State &state)
{
    const ResolvedParameters resolved = twentyParameters();
    for (auto _ : state) {
        ResolvedParameters copy = resolved;
        copy.parameters.detach();
        benchmark::DoNotOptimize(copy);
    }
}

}   // namespace

BENCHMARK(BM_Build_Get);
BENCHMARK(BM_Build_PostMultipart);
BENCHMARK(BM_Build_PostFormUrlEncoded);
BENCHMARK(BM_Build_PostTextPlain);
BENCHMARK(BM_Build_PostJson);
BENCHMARK(BM_Preview_PostMultipart);
BENCHMARK(BM_Resolve_TwentyParameters);
BENCHMARK(BM_Reference_CopyParameters);
BENCHMARK_MAIN();
