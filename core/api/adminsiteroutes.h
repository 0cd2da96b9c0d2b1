#pragma once

namespace enlace {

class ApiRouter;
struct ApiServices;

// OMniLeads' admin API for external sites and their authentications (reference §1.7, §1.8), same
// paths, Spanish field names, numeric enums and {"status":"SUCCESS"|"ERROR"} envelopes:
//   GET    /api/v1/external_sites/                     PUT /api/v1/external_sites/<pk>/update/
//   GET    /api/v1/external_sites/<pk>/                DELETE /api/v1/external_sites/<pk>/delete/
//   POST   /api/v1/external_sites/create/              PUT /api/v1/external_sites/<pk>/hide/ | /show/
//   GET    /api/v1/external_site_authentications/      (and <pk>/, create/, <pk>/update/, <pk>/delete/)
//   POST   /api/v1/external_site_authentications/test/
// Unknown ids answer 404 (OMniLeads: 500); passwords, tokens and signature secrets are write-only.
void registerAdminSiteRoutes(ApiRouter &router, ApiServices &services);

}   // namespace enlace
