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
        <source>Not a valid string.</source>
        <translation>No es una cadena válida.</translation>
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
        <translation>Llamada no encontrada.</translation>
    </message>
    <message>
        <source>The server is busy recording calls; try again in a moment.</source>
        <translation>El servidor está ocupado registrando llamadas; intente de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The telephony server is not available.</source>
        <translation>El servidor de telefonía no está disponible.</translation>
    </message>
    <message>
        <source>Server-side delivery is not available.</source>
        <translation>El envío desde el servidor no está disponible.</translation>
    </message>
    <message>
        <source>Disposition not found.</source>
        <translation>Calificación no encontrada.</translation>
    </message>
    <message>
        <source>%1 must be true or false, not &quot;%2&quot;.</source>
        <translation>%1 debe ser true o false, no &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>%1 must be a positive whole number, not &quot;%2&quot;.</source>
        <translation>%1 debe ser un número entero positivo, no &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>The log level must be debug, info, warning or error, not &quot;%1&quot;.</source>
        <translation>El nivel de registro debe ser debug, info, warning o error, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Cannot read the listen address &quot;%1&quot;; use host:port.</source>
        <translation>No se puede leer la dirección de escucha &quot;%1&quot;; use host:puerto.</translation>
    </message>
    <message>
        <source>The listen host &quot;%1&quot; is not an IP address.</source>
        <translation>El host de escucha &quot;%1&quot; no es una dirección IP.</translation>
    </message>
    <message>
        <source>The configuration file %1 does not exist.</source>
        <translation>El archivo de configuración %1 no existe.</translation>
    </message>
    <message>
        <source>Cannot read the configuration file %1.</source>
        <translation>No se puede leer el archivo de configuración %1.</translation>
    </message>
    <message>
        <source>TLS needs both a certificate and a key.</source>
        <translation>TLS necesita un certificado y una clave.</translation>
    </message>
    <message>
        <source>%1 must be a positive number, not &quot;%2&quot;.</source>
        <translation>%1 debe ser un número positivo, no &quot;%2&quot;.</translation>
    </message>
</context>
</TS>
