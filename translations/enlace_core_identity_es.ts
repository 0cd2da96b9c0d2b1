<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>Identity</name>
    <message>
        <source>Another agent already uses this SIP extension.</source>
        <translation>Otro agente ya usa esta extensión SIP.</translation>
    </message>
    <message>
        <source>Agent not found.</source>
        <translation>Agente no encontrado.</translation>
    </message>
    <message>
        <source>Unknown user.</source>
        <translation>Usuario inexistente.</translation>
    </message>
    <message>
        <source>This user already has an agent profile.</source>
        <translation>Este usuario ya tiene un perfil de agente.</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>Este campo es obligatorio.</translation>
    </message>
    <message>
        <source>A user with that username already exists.</source>
        <translation>Ya existe un usuario con ese nombre.</translation>
    </message>
    <message>
        <source>An external system with this name already exists.</source>
        <translation>Ya existe un sistema externo con este nombre.</translation>
    </message>
    <message>
        <source>Unknown agent.</source>
        <translation>Agente inexistente.</translation>
    </message>
    <message>
        <source>The agent already has an external id in this system, in row %1.</source>
        <translation>El agente ya tiene un id externo en este sistema, en la fila %1.</translation>
    </message>
    <message>
        <source>The external id "%1" is also given to the agent in row %2; an external id identifies one agent per system.</source>
        <translation>El id externo "%1" también está asignado al agente de la fila %2; un id externo identifica a un solo agente por sistema.</translation>
    </message>
    <message>
        <source>A campaign with this name already exists.</source>
        <translation>Ya existe una campaña con este nombre.</translation>
    </message>
    <message>
        <source>Unknown external system.</source>
        <translation>Sistema externo inexistente.</translation>
    </message>
    <message>
        <source>A campaign with that external id already exists for the External System choosen</source>
        <translation>Ya existe una Campaña con ese id externo para el Sistema Externo elegido</translation>
    </message>
    <message>
        <source>A campaign assigned to an external system must used a contact database with an external id field defined</source>
        <translation>Una campaña asignada a un sistema externo debe usar una base de datos de contactos con un campo de id externo definido</translation>
    </message>
    <message>
        <source>Can't specify an external id without choose an External System</source>
        <translation>No se puede especificar un id externo sin elegir un Sistema Externo</translation>
    </message>
    <message>
        <source>Unknown contact database.</source>
        <translation>Base de datos de contactos inexistente.</translation>
    </message>
    <message>
        <source>Unknown interaction type.</source>
        <translation>Tipo de interacción inexistente.</translation>
    </message>
    <message>
        <source>The interaction type of a campaign can only change between "Form" and "Form and external URL".</source>
        <translation>El tipo de interacción de una campaña sólo puede cambiar entre "Formulario" y "Formulario y Url externa".</translation>
    </message>
    <message>
        <source>Unknown external site.</source>
        <translation>Sitio externo inexistente.</translation>
    </message>
    <message>
        <source>Can't select an external URL if a campaign form was selected</source>
        <translation>No se puede elegir un URL externo si selecciono un formulario.</translation>
    </message>
    <message>
        <source>You must select an external URL</source>
        <translation>Debe seleccionar un sitio externo</translation>
    </message>
    <message>
        <source>For this interaction type you can't choose an external site with embedded "Target"</source>
        <translation>Para este tipo de interacción no puede elegir un sitio externo con "Objetivo" embebido</translation>
    </message>
    <message>
        <source>Unknown agents: %1.</source>
        <translation>Agentes inexistentes: %1.</translation>
    </message>
    <message>
        <source>A contact with that external id already exist in database</source>
        <translation>Ya existe un contacto con ese id externo en la base de datos</translation>
    </message>
    <message>
        <source>The selected file has contacts with external ids repeated. Invalid line: %1 Line content: %2 Repeated ID: %3 (first seen on line %4)</source>
        <translation>Operación Errónea! El archivo que seleccionó posee contactos con identificadores externos repetidos. Línea Inválida: %1 Contenido Línea: %2 ID repetido: %3 (visto antes en la línea %4)</translation>
    </message>
    <message>
        <source>Line %1: a contact with the external id "%2" already exists in the database.</source>
        <translation>Línea %1: ya existe un contacto con el id externo "%2" en la base de datos.</translation>
    </message>
    <message>
        <source>The external id field does not match a column name.</source>
        <translation>El campo de id externo no coincide con un nombre de columna.</translation>
    </message>
    <message>
        <source>Cannot choose a phone field as and external id</source>
        <translation>No se puede elegir un campo telefónico como id_externo</translation>
    </message>
    <message>
        <source>Invalid Credentials or activate account</source>
        <translation>Credenciales inválidas o cuenta inactiva</translation>
    </message>
    <message>
        <source>User not found.</source>
        <translation>Usuario no encontrado.</translation>
    </message>
    <message>
        <source>Unknown role.</source>
        <translation>Rol inexistente.</translation>
    </message>
    <message>
        <source>Unknown row of this external system.</source>
        <translation>Fila inexistente en este sistema externo.</translation>
    </message>
    <message>
        <source>Campaign not found.</source>
        <translation>Campaña inexistente.</translation>
    </message>
    <message>
        <source>Disposition option id not found</source>
        <translation>Opción de calificación inexistente</translation>
    </message>
    <message>
        <source>Unknown users: %1.</source>
        <translation>Usuarios inexistentes: %1.</translation>
    </message>
    <message>
        <source>Unknown campaign type.</source>
        <translation>Tipo de campaña inexistente.</translation>
    </message>
    <message>
        <source>The campaign has agents not associated to the external system: %1</source>
        <translation>La campaña tiene agentes no asociados al sistema externo: %1</translation>
    </message>
    <message>
        <source>Contact database selected is associated to another external system: %1</source>
        <translation>La base de datos seleccionada esta asociada a otro sistema externo: %1</translation>
    </message>
    <message>
        <source>External site selected is associated to another external system: %1</source>
        <translation>El sitio externo seleccionado esta asociado a otro sistema externo: %1</translation>
    </message>
    <message>
        <source>The following agents are assigned to campaigns related to this external system and have no identifier: %1</source>
        <translation>Los siguientes agentes están asignados a campañas relacionadas a este sistema externo y no tienen identificador: %1</translation>
    </message>
</context>
</TS>
