#pragma once

namespace enlace {

class ApiRouter;
struct ApiServices;

// OMniLeads' admin API for external systems and the agents' external ids (reference §4.2):
//   GET  /api/v1/external_systems/              GET /api/v1/external_systems/<pk>/
//   POST /api/v1/external_systems/create/       PUT /api/v1/external_systems/<pk>/update/
//   GET  /api/v1/agents_external_system/        GET /api/v1/agent/list/
// Beyond OMniLeads: POST /api/v1/external_systems/<pk>/integration_key/ issues the system's
// integration key (shown once, admins only). Duplicate agent ids answer 400 naming the rows.
void registerAdminSystemRoutes(ApiRouter &router, ApiServices &services);

}   // namespace enlace
