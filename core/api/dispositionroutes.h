#pragma once

namespace enlace {

class ApiRouter;
struct ApiServices;

// OMniLeads' disposition API, same paths, fields and envelopes:
//   GET  /api/v1/campaign/<id>/dispositionOptions/
//   GET  /api/v1/campaign/<external id>/dispositionOptions/<system id>/
//   GET  /api/v1/disposition/            (the caller's own)
//   POST /api/v1/disposition/
//   GET  /api/v1/disposition/<id>/
//   PUT  /api/v1/disposition/<id>/
//   POST /api/v1/new_contact/disposition/
// Beyond OMniLeads: a disposition made here fires the campaign's "call disposition" site
// interaction, like one made in the console; an integration key acts for its own system only.
void registerDispositionRoutes(ApiRouter &router, ApiServices &services);

}   // namespace enlace
