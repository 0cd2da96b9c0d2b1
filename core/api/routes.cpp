#include <core/api/admincampaignroutes.h>
#include <core/api/admincontactdbroutes.h>
#include <core/api/admindeliveryroutes.h>
#include <core/api/adminsiteroutes.h>
#include <core/api/adminsystemroutes.h>
#include <core/api/adminuserroutes.h>
#include <core/api/callroutes.h>
#include <core/api/contactroutes.h>
#include <core/api/dispositionroutes.h>
#include <core/api/openapi.h>
#include <core/api/routes.h>

namespace enlace {

void registerAllRoutes(ApiRouter &router, ApiServices &services)
{
    registerCallRoutes(router, services);
    registerDispositionRoutes(router, services);
    registerContactRoutes(router, services);
    registerAdminSiteRoutes(router, services);
    registerAdminSystemRoutes(router, services);
    registerAdminCampaignRoutes(router, services);
    registerAdminContactDbRoutes(router, services);
    registerAdminUserRoutes(router, services);
    registerAdminDeliveryRoutes(router, services);
    registerOpenApiRoute(router, services);
}

}   // namespace enlace
