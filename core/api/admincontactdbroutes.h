#pragma once

namespace enlace {

class ApiRouter;
struct ApiServices;

// Contact databases for the admin panel and OMniLeads' REST equivalents (reference §4.4):
//   GET  /api/v1/contact_databases/                  GET /api/v1/contact_databases/<pk>/
//   POST /api/v1/contact_database/create/            {name, phone_fields, data_fields, external_id_field}
//   POST /api/v1/contact_database/<pk>/contact/      {column: value, ...}
//   POST /api/v1/crear_base_contactos/               multipart: filename (CSV file), nombre,
//                                                    campos_telefono (comma list), id_externo;
//                                                    or base_datos=<id> to add to an existing one
//   GET  /api/v1/contact_imports/<job>/              progress and outcome of an upload
// The upload answers 202 at once with a job id; the shared ContactImporter validates the whole
// file, then writes it in one transaction (all or nothing) on a thread of its own.
void registerAdminContactDbRoutes(ApiRouter &router, ApiServices &services);

}   // namespace enlace
