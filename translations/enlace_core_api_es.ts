<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Api</name>
    <message>
        <source>This field is required.</source>
        <translation>Este campo es requerido.</translation>
    </message>
    <message>
        <source>A valid integer is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid string.</source>
        <translation>No es una cadena válida.</translation>
    </message>
    <message>
        <source>Must be a valid boolean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a list of items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ensure this field has no more than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed JSON in the request body.</source>
        <translation>JSON mal formado en el cuerpo de la solicitud.</translation>
    </message>
    <message>
        <source>The request body must be a JSON object.</source>
        <translation>El cuerpo de la solicitud debe ser un objeto JSON.</translation>
    </message>
    <message>
        <source>There were errors on received data</source>
        <translation>Hubo errores en los datos recibidos</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>No encontrado.</translation>
    </message>
    <message>
        <source>The request conflicts with the current state.</source>
        <translation>La solicitud entra en conflicto con el estado actual.</translation>
    </message>
    <message>
        <source>You do not have permission to perform this action.</source>
        <translation>Usted no tiene permiso para realizar esta acción.</translation>
    </message>
    <message>
        <source>The service is temporarily unavailable.</source>
        <translation>El servicio no está disponible temporalmente.</translation>
    </message>
    <message>
        <source>Internal server error.</source>
        <translation>Error interno del servidor.</translation>
    </message>
    <message>
        <source>Method &quot;%1&quot; not allowed.</source>
        <translation>Método &quot;%1&quot; no permitido.</translation>
    </message>
    <message>
        <source>Authentication credentials were not provided.</source>
        <translation>Las credenciales de autenticación no se proveyeron.</translation>
    </message>
    <message>
        <source>Select a valid choice. That choice is not one of the available choices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent is not related to campaign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent is not related to external system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact is not related to campaign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An integration key may only address its own external system&apos;s ids (idExternalSystem).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An agent may only place calls as itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error when executing the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is another disposition for this contact on this campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disposition option id not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact id not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent id not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact data is invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is another contact with this external id on this database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request took too long to arrive.</source>
        <translation>La solicitud tardó demasiado en llegar.</translation>
    </message>
    <message>
        <source>The request headers are too large.</source>
        <translation>Los encabezados de la solicitud son demasiado grandes.</translation>
    </message>
    <message>
        <source>Malformed HTTP request.</source>
        <translation>Solicitud HTTP mal formada.</translation>
    </message>
    <message>
        <source>Only HTTP/1.0 and HTTP/1.1 are supported.</source>
        <translation>Solo se admiten HTTP/1.0 y HTTP/1.1.</translation>
    </message>
    <message>
        <source>A request body needs a Content-Length header.</source>
        <translation>Un cuerpo de solicitud necesita el encabezado Content-Length.</translation>
    </message>
    <message>
        <source>The request body is too large (at most %1 bytes).</source>
        <translation>El cuerpo de la solicitud es demasiado grande (como máximo %1 bytes).</translation>
    </message>
    <message>
        <source>Cannot read the TLS certificate file %1.</source>
        <translation>No se puede leer el archivo de certificado TLS %1.</translation>
    </message>
    <message>
        <source>The TLS certificate file %1 holds no PEM certificate.</source>
        <translation>El archivo de certificado TLS %1 no contiene ningún certificado PEM.</translation>
    </message>
    <message>
        <source>Cannot read the TLS key file %1.</source>
        <translation>No se puede leer el archivo de clave TLS %1.</translation>
    </message>
    <message>
        <source>The TLS key file %1 holds no unencrypted PEM RSA or EC key.</source>
        <translation>El archivo de clave TLS %1 no contiene ninguna clave PEM RSA o EC sin cifrar.</translation>
    </message>
    <message>
        <source>TLS is not available on this system.</source>
        <translation>TLS no está disponible en este sistema.</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2</source>
        <translation>No se puede escuchar en %1:%2</translation>
    </message>
    <message>
        <source>Unknown external system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid Token</source>
        <translation>Token inválido</translation>
    </message>
    <message>
        <source>The Token is expired</source>
        <translation>El Token ha expirado</translation>
    </message>
    <message>
        <source>User is not active</source>
        <translation>El usuario no está activo</translation>
    </message>
    <message>
        <source>Too many failed logins. Try again in %1 seconds.</source>
        <translation>Demasiados inicios de sesión fallidos. Intente de nuevo en %1 segundos.</translation>
    </message>
    <message>
        <source>Invalid Credentials or activate account</source>
        <translation>Credenciales inválidas o cuenta no activada</translation>
    </message>
    <message>
        <source>You must provide a valid idCampaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You don&apos;t have permission to edit the campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The campaign has no contact database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incorrect fields were received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only agents have an event channel.</source>
        <translation>Solo los agentes tienen un canal de eventos.</translation>
    </message>
    <message>
        <source>Already authenticated.</source>
        <translation>Ya autenticado.</translation>
    </message>
    <message>
        <source>Unknown message type.</source>
        <translation>Tipo de mensaje desconocido.</translation>
    </message>
    <message>
        <source>Call not found.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
