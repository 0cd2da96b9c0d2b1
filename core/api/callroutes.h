#pragma once

namespace enlace {

class ApiRouter;
struct ApiServices;

// POST /api/v1/makeCall/ (OMniLeads' click2call): originate a call for an agent on a campaign,
// addressed by Enlace ids or by one external system's ids. Always HTTP 200 with the outcome in
// "status", as OMniLeads; the answer comes when the PBX accepted or refused the originate.
void registerCallRoutes(ApiRouter &router, ApiServices &services);

}   // namespace enlace
