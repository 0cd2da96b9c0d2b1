#pragma once

namespace enlace {

class ApiRouter;
struct ApiServices;

// User management for the admin panel (administrators only). Passwords are write-only; the
// password hash never leaves UserRepository.
//   GET  /api/v1/users/                 GET /api/v1/users/<pk>/
//   POST /api/v1/users/create/          {username, password, first_name, last_name, email, role, sip_extension}
//   PUT  /api/v1/users/<pk>/update/     {password?, active?}
void registerAdminUserRoutes(ApiRouter &router, ApiServices &services);

}   // namespace enlace
