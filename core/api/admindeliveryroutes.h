#pragma once

namespace enlace {

class ApiRouter;
struct ApiServices;

// The admin panel's view of the requests sent to CRMs (beyond OMniLeads, whose admin has none):
//   POST /api/v1/external_sites/preview/      the exact request a site (saved, or as the form holds it)
//                                             makes for a sample call of a campaign or one of its calls
//   POST /api/v1/external_sites/send_test/    that request sent once, for real: what went, what came back
//   GET  /api/v1/campaigns/<pk>/calls/        the campaign's recent calls (to preview one)
//   GET  /api/v1/deliveries/                  server-side deliveries, newest first, filtered and paged
//   POST /api/v1/deliveries/resend/           delivered or failed deliveries back to the outbox
// All Access::Admin; a supervisor reaches only the campaigns they supervise (403 otherwise, and
// only their campaigns' deliveries are listed or re-sent). Tokens and secrets are never answered.
void registerAdminDeliveryRoutes(ApiRouter &router, ApiServices &services);

}   // namespace enlace
