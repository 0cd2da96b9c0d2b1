#pragma once

#include <QtGlobal>

// The embedded default's fixed facts, shared by the server (DemoSeeder, ServerConfig) and the
// console (`enlace --demo`), so neither copies the other's literals.
namespace enlace::demo {

inline constexpr const char *ListenHost = "127.0.0.1";
inline constexpr quint16 ListenPort = 8080;
inline constexpr const char *Password = "enlace-demo";   // every demo user's (demo only)
inline constexpr const char *FirstAgent = "agente1";

}   // namespace enlace::demo
