#pragma once

namespace enlace {

class ApiRouter;
struct ApiServices;

// OMniLeads' contact endpoints for CRMs and agents:
//   POST /api/v1/new_contact/                    add a contact to a campaign's database
//   POST /api/v1/campaign/database_metadata/     the columns of a campaign's database
//   GET  /api/v1/campaign/<id>/contacts/         DataTables page of contacts not yet dispositioned
// Campaigns are named by Enlace id, or by external id with idExternalSystem.
void registerContactRoutes(ApiRouter &router, ApiServices &services);

}   // namespace enlace
