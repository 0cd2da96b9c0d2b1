#pragma once

namespace enlace {

class ApiRouter;
struct ApiServices;

// Every route of the endpoint files, in one call: the external API (makeCall, dispositions,
// contacts), the admin API (sites and authentications, systems and agents, campaigns, contact
// databases, users) and GET /api/v1/openapi.json (which documents whatever the router holds when
// it is asked, so it also covers routes registered after it).
void registerAllRoutes(ApiRouter &router, ApiServices &services);

}   // namespace enlace
