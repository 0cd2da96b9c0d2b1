#include <core/api/apiroutes.h>

#include <core/api/apirouter.h>
#include <core/api/apiservices.h>
#include <core/api/endpointroutes.h>

namespace enlace {

void registerAllRoutes(ApiRouter &router, ApiServices &services)
{
    // The external API, the admin API and /api/v1/openapi.json (the endpoint files).
    registerEndpointRoutes(router, services);
}

} // namespace enlace
