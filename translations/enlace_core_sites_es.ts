<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>Sites</name>
    <message>
        <location filename="../core/requests/siterules.cpp" line="15"/>
        <location filename="../core/requests/crmparameterrules.cpp" line="108"/>
        <location filename="../core/requests/crmparameterrules.cpp" line="127"/>
        <source>Ensure this field has no more than %1 characters.</source>
        <translation>Asegúrese de que este campo no tenga más de %1 caracteres.</translation>
    </message>
    <message>
        <location filename="../core/requests/siterules.cpp" line="74"/>
        <source>If the method is GET, no format must be given</source>
        <translation>Si el método es GET, no debe indicarse formato</translation>
    </message>
    <message>
        <location filename="../core/requests/siterules.cpp" line="76"/>
        <source>If the method is POST you must select a format</source>
        <translation>Si el método es POST, debe seleccionar un formato</translation>
    </message>
    <message>
        <location filename="../core/requests/siterules.cpp" line="78"/>
        <source>With JSON format there can be no target.</source>
        <translation>Si el formato es JSON, no puede haber un objetivo.</translation>
    </message>
    <message>
        <location filename="../core/requests/siterules.cpp" line="80"/>
        <source>If the trigger is the server there can be no target.</source>
        <translation>Si el disparador es el servidor, no puede haber un objetivo.</translation>
    </message>
    <message>
        <location filename="../core/requests/siterules.cpp" line="83"/>
        <source>You must give a valid target.</source>
        <translation>Debe indicar un objetivo válido.</translation>
    </message>
    <message>
        <location filename="../core/requests/siterules.cpp" line="91"/>
        <source>This field is required.</source>
        <translation>Este campo es obligatorio.</translation>
    </message>
    <message>
        <location filename="../core/requests/siterules.cpp" line="99"/>
        <location filename="../core/sites/siterepository.cpp" line="54"/>
        <source>An external site with this name already exists.</source>
        <translation>Ya existe un sitio externo con este nombre.</translation>
    </message>
    <message>
        <location filename="../core/requests/siterules.cpp" line="106"/>
        <source>Enter a valid URL.</source>
        <translation>Introduzca una URL válida.</translation>
    </message>
    <message>
        <location filename="../core/requests/siterules.cpp" line="108"/>
        <source>Invalid format</source>
        <translation>Formato inválido</translation>
    </message>
    <message>
        <location filename="../core/requests/siterules.cpp" line="114"/>
        <source>The timeout must be between %1 and %2 milliseconds.</source>
        <translation>El tiempo de espera debe estar entre %1 y %2 milisegundos.</translation>
    </message>
    <message>
        <location filename="../core/requests/siterules.cpp" line="119"/>
        <source>The number of attempts must be between %1 and %2.</source>
        <translation>El número de intentos debe estar entre %1 y %2.</translation>
    </message>
    <message>
        <location filename="../core/requests/crmparameterrules.cpp" line="106"/>
        <source>You must define a name for the parameter</source>
        <translation>Debe definir un nombre para el parámetro</translation>
    </message>
    <message>
        <location filename="../core/requests/crmparameterrules.cpp" line="111"/>
        <source>Only alphanumeric characters or placeholders allowed. Ej: &quot;{1}&quot;</source>
        <translation>Sólo se permiten caracteres alfanuméricos o ser de tipo placeholder. Ej: &quot;{1}&quot;</translation>
    </message>
    <message>
        <location filename="../core/requests/crmparameterrules.cpp" line="115"/>
        <source>Another parameter already uses this name.</source>
        <translation>Otro parámetro ya usa este nombre.</translation>
    </message>
    <message>
        <location filename="../core/requests/crmparameterrules.cpp" line="122"/>
        <source>Select a valid choice. %1 is not one of the available choices.</source>
        <translation>Escoja una opción válida. %1 no es una de las opciones disponibles.</translation>
    </message>
    <message>
        <location filename="../core/requests/crmparameterrules.cpp" line="134"/>
        <source>Value must match a contact database field</source>
        <translation>El valor debe coincidir con un campo de la base de datos de contactos</translation>
    </message>
    <message>
        <location filename="../core/requests/crmparameterrules.cpp" line="138"/>
        <source>Value must match a valid campaign field</source>
        <translation>El valor debe coincidir con un campo válido de la campaña</translation>
    </message>
    <message>
        <location filename="../core/requests/crmparameterrules.cpp" line="142"/>
        <source>Value must match a valid call data</source>
        <translation>El valor debe coincidir con un dato de llamada válido</translation>
    </message>
    <message>
        <location filename="../core/requests/crmparameterrules.cpp" line="146"/>
        <source>Value must have the prefix Omlcrm</source>
        <translation>El valor debe tener el prefijo Omlcrm</translation>
    </message>
    <message>
        <location filename="../core/requests/crmparameterrules.cpp" line="150"/>
        <source>Value must match a valid disposition data field</source>
        <translation>El valor debe coincidir con un campo válido de dato de calificación</translation>
    </message>
    <message>
        <location filename="../core/requests/parameterresolver.cpp" line="32"/>
        <source>Inbound</source>
        <translation>Entrante</translation>
    </message>
    <message>
        <location filename="../core/requests/parameterresolver.cpp" line="35"/>
        <source>Dialer</source>
        <translation>Dialer</translation>
    </message>
    <message>
        <location filename="../core/requests/parameterresolver.cpp" line="38"/>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../core/requests/parameterresolver.cpp" line="41"/>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../core/requests/interaction.cpp" line="14"/>
        <source>The interaction is malformed.</source>
        <translation>La interacción está mal formada.</translation>
    </message>
    <message>
        <location filename="../core/sites/siterepository.cpp" line="61"/>
        <source>The site&apos;s signature secret cannot be read; was the key file replaced?</source>
        <translation>No se puede leer el secreto de firma del sitio; ¿se reemplazó el archivo de clave?</translation>
    </message>
    <message>
        <location filename="../core/sites/siterepository.cpp" line="67"/>
        <source>Campaign not found.</source>
        <translation>Campaña no encontrada.</translation>
    </message>
    <message>
        <location filename="../core/sites/siterepository.cpp" line="80"/>
        <source>External site not found.</source>
        <translation>Sitio externo no encontrado.</translation>
    </message>
    <message>
        <location filename="../core/sites/siterepository.cpp" line="85"/>
        <source>External sites assigned to campaigns can not be deleted</source>
        <translation>No está permitido eliminar un sitio externo asociado a una campaña</translation>
    </message>
    <message>
        <location filename="../core/sites/siterepository.cpp" line="114"/>
        <source>Invalid pk &quot;%1&quot; - object does not exist.</source>
        <translation>Clave primaria &quot;%1&quot; inválida - objeto no existe.</translation>
    </message>
</context>
</TS>
