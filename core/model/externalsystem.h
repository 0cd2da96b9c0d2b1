#pragma once

#include <QList>
#include <QString>

namespace enlace {

// One row of an external system's agent ids (OMniLeads' AgenteEnSistemaExterno).
struct AgentExternalId
{
    qint64 id = 0;   // 0 for a row not yet stored
    qint64 agentId = 0;
    QString externalId;
};

// An identity namespace for the ids a CRM uses.
struct ExternalSystem
{
    qint64 id = 0;
    QString name;
    QList<AgentExternalId> agents;
};

}   // namespace enlace
