#include <core/api/apiroutes.h>

#include <core/api/apirouter.h>
#include <core/api/apiservices.h>
#include <core/api/callroutes.h>
#include <core/api/contactroutes.h>
#include <core/api/dispositionroutes.h>

namespace enlace {

void registerAllRoutes(ApiRouter &router, ApiServices &services)
{
    registerCallRoutes(router, services);
    registerDispositionRoutes(router, services);
    registerContactRoutes(router, services);
}

} // namespace enlace
