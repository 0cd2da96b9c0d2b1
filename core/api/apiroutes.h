#pragma once

namespace enlace {

class ApiRouter;
struct ApiServices;

// Registers every REST route of API v1 (the *routes.cpp files of core/api) on the router.
// `services` must outlive the router.
void registerAllRoutes(ApiRouter &router, ApiServices &services);

} // namespace enlace
