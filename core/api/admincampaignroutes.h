#pragma once

namespace enlace {

class ApiRouter;
struct ApiServices;

// What the admin panel needs for campaigns beyond OMniLeads' REST API (OMniLeads edits campaigns
// in server-rendered wizards): the campaign with its external system and id, contact database,
// site, interaction type, queue, supervisors, disposition options and CRM parameters, saved in one
// transaction with the rules of core (IdentityRules, CrmParameterRules); the configuration
// warnings of reference §4.5 come back alongside a successful save.
//   GET  /api/v1/campaigns/                 GET /api/v1/campaigns/<pk>/
//   POST /api/v1/campaigns/create/          PUT /api/v1/campaigns/<pk>/update/
//   GET  /api/v1/campaigns/<pk>/warnings/   GET /api/v1/config_warnings/
void registerAdminCampaignRoutes(ApiRouter &router, ApiServices &services);

}   // namespace enlace
