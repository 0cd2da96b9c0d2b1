#include <core/api/apiroutes.h>

#include <core/api/apirouter.h>
#include <core/api/apiservices.h>

namespace enlace {

void registerAllRoutes(ApiRouter &router, ApiServices &services)
{
    // The register functions of the endpoint files are added here as they land.
    Q_UNUSED(router)
    Q_UNUSED(services)
}

} // namespace enlace
