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
        <source>The request body is too large (at most %1 bytes).</source>
        <translation>El cuerpo de la solicitud es demasiado grande (como máximo %1 bytes).</translation>
    </message>
    <message>
        <source>The server has no room for the upload now.</source>
        <translation>El servidor no tiene espacio para la carga en este momento.</translation>
    </message>
    <message>
        <source>Too many uploads at once; try again in a moment.</source>
        <translation>Demasiadas cargas a la vez; intente de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The import stopped before it ended: the server running it went away. Nothing was imported; upload the file again.</source>
        <translation>La importación se detuvo antes de terminar: el servidor que la hacía dejó de funcionar. No se importó nada; vuelva a subir el archivo.</translation>
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
        <source>Tokens are not accepted in the URL: send the token in the first message (auth) or in the Authorization header.</source>
        <translation>No se aceptan tokens en la URL: envíe el token en el primer mensaje (auth) o en el encabezado Authorization.</translation>
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
        <source>The database does not answer.</source>
        <translation>La base de datos no responde.</translation>
    </message>
    <message>
        <source>The database cannot be read: its file is damaged or is not a database.</source>
        <translation>No se puede leer la base de datos: su archivo está dañado o no es una base de datos.</translation>
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
    <message>
        <source>The form has more than %1 fields.</source>
        <translation>El formulario tiene más de %1 campos.</translation>
    </message>
    <message>
        <source>Text may not contain the NUL character.</source>
        <translation>El texto no puede contener el carácter NUL.</translation>
    </message>
    <message>
        <source>The database is read-only: nothing can be saved until it is writable again.</source>
        <translation>La base de datos es de solo lectura: no se puede guardar nada hasta que vuelva a admitir escrituras.</translation>
    </message>
    <message>
        <source>The database&apos;s disk is full: nothing can be saved until space is freed.</source>
        <translation>El disco de la base de datos está lleno: no se puede guardar nada hasta que se libere espacio.</translation>
    </message>
    <message>
        <source>The database is busy: try again in a moment.</source>
        <translation>La base de datos está ocupada: vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>The trusted proxy &quot;%1&quot; is not an IP address or subnet.</source>
        <translation>El proxy de confianza &quot;%1&quot; no es una dirección IP ni una subred.</translation>
    </message>
    <message>
        <source>The instance id &quot;%1&quot; is not valid: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>El identificador de instancia &quot;%1&quot; no es válido: use de 1 a 64 letras, dígitos, &apos;.&apos;, &apos;_&apos; o &apos;-&apos;.</translation>
    </message>
    <message>
        <source>A request may not have both Transfer-Encoding and Content-Length.</source>
        <translation>Una solicitud no puede tener Transfer-Encoding y Content-Length a la vez.</translation>
    </message>
    <message>
        <source>Only the chunked transfer coding is supported.</source>
        <translation>Solo se admite la codificación de transferencia chunked.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Usage: enlace-server [command] [options]

Enlace links every call of a contact center to the customer&apos;s CRM. This program is the server:
the REST API (OMniLeads-compatible, /api/v1/...), the agents&apos; event channel (WebSocket
/api/v1/events), the telephony link and the server-side CRM deliveries.

Commands:
  serve            Run the server (the default command). With no options it uses a SQLite file
                   in the data directory, listens on 127.0.0.1:8080 and simulates the PBX.
  create-user      Create a user: --role admin|supervisor|agent --username NAME
                   [--password-stdin] [--first-name X] [--last-name Y] [--email E]
                   [--extension SIP] (agents). Without --password-stdin a password is generated
                   and printed once.
  import-contacts  Import a CSV contact database (see: enlace-server import-contacts --help).
  version          Print this build&apos;s version and database schema version.
  schema-version   Print the schema version of the database (opening it applies migrations).
  help             This text.

Options of serve (and, where they apply, of the other commands):
  --config FILE          INI file with a [server] section (keys: database, listen, tls_cert,
                         tls_key, pbx, secret_key_file, token_lifetime_seconds, max_body_bytes,
                         max_upload_bytes, log_level, public_url, demo, instance_id).
  --database URL         SQLite file path, or postgresql://user[:password]@host[:port]/dbname.
  --listen HOST:PORT     Default 127.0.0.1:8080. Use :8080 for every interface.
  --tls-cert FILE        Serve HTTPS and WSS with this PEM certificate (chain) ...
  --tls-key FILE         ... and this unencrypted PEM key.
  --pbx URL              simulated (default) or ami://user@asterisk:5038 (secret in ENLACE_AMI_SECRET).
  --secret-key-file FILE Key encrypting stored secrets; created (mode 0600) when missing.
                         Back it up with the database: without it, stored site passwords are lost.
  --log-level LEVEL      debug, info (default), warning or error. Logs go to stderr, one
                         &quot;time level= category= key=value...&quot; line each; secrets are never logged.
  --public-url URL       How clients reach this server (behind a proxy).
  --demo                 Seed a demo data set when the database is empty and serve the demo CRM
                         at /demo/crm.
  --instance-id ID       This server&apos;s id among those sharing a database (owner of its outbox
                         leases). Default: &lt;host&gt;-&lt;port&gt;-&lt;hash of the data directory&gt;, stable
                         across restarts. Give each running server its own.

Environment (overridden by options): ENLACE_CONFIG, ENLACE_DATABASE, ENLACE_LISTEN, ENLACE_TLS_CERT,
ENLACE_TLS_KEY, ENLACE_PBX, ENLACE_SECRET_KEY_FILE, ENLACE_TOKEN_LIFETIME (seconds; OMniLeads&apos;
TOKEN_EXPIRED_AFTER_SECONDS is read too), ENLACE_MAX_BODY_BYTES, ENLACE_MAX_UPLOAD_BYTES,
ENLACE_LOG_LEVEL, ENLACE_PUBLIC_URL, ENLACE_DEMO, ENLACE_INSTANCE_ID, ENLACE_AMI_SECRET. ENLACE_LANGUAGE (es, en, pt_BR) chooses the language of these messages.

SIGTERM or SIGINT stops the server cleanly. Exit codes: 0 ok, 1 usage, 2 rejected input,
3 failure (database, network, configuration). See docs/operations.md.
</source>
        <translation>Uso: enlace-server [orden] [opciones]

Enlace vincula cada llamada de un centro de contacto con el CRM del cliente. Este programa es el
servidor: la API REST (compatible con OMniLeads, /api/v1/...), el canal de eventos de los agentes
(WebSocket /api/v1/events), el enlace con la telefonía y los envíos al CRM desde el servidor.

Órdenes:
  serve            Ejecuta el servidor (la orden por omisión). Sin opciones usa un archivo SQLite
                   en el directorio de datos, escucha en 127.0.0.1:8080 y simula la central.
  create-user      Crea un usuario: --role admin|supervisor|agent --username NOMBRE
                   [--password-stdin] [--first-name X] [--last-name Y] [--email E]
                   [--extension SIP] (agentes). Sin --password-stdin se genera una contraseña
                   y se muestra una sola vez.
  import-contacts  Importa una base de contactos CSV (ver: enlace-server import-contacts --help).
  version          Muestra la versión de este programa y la versión del esquema de la base.
  schema-version   Muestra la versión del esquema de la base (abrirla aplica las migraciones).
  help             Este texto.

Opciones de serve (y, donde corresponde, de las demás órdenes):
  --config ARCHIVO       Archivo INI con una sección [server] (claves: database, listen, tls_cert,
                         tls_key, pbx, secret_key_file, token_lifetime_seconds, max_body_bytes,
                         max_upload_bytes, log_level, public_url, demo, instance_id).
  --database URL         Ruta de un archivo SQLite, o postgresql://usuario[:clave]@host[:puerto]/base.
  --listen HOST:PUERTO   Por omisión 127.0.0.1:8080. Use :8080 para todas las interfaces.
  --tls-cert ARCHIVO     Sirve HTTPS y WSS con este certificado PEM (cadena) ...
  --tls-key ARCHIVO      ... y esta clave PEM sin cifrar.
  --pbx URL              simulated (por omisión) o ami://usuario@asterisk:5038 (clave en ENLACE_AMI_SECRET).
  --secret-key-file ARCHIVO Clave que cifra los secretos guardados; se crea (modo 0600) si falta.
                         Respáldela junto con la base: sin ella se pierden las claves de los sitios.
  --log-level NIVEL      debug, info (por omisión), warning o error. Los registros van a stderr, una
                         línea &quot;time level= category= clave=valor...&quot; cada uno; nunca se registran secretos.
  --public-url URL       Cómo llegan los clientes a este servidor (detrás de un proxy).
  --demo                 Carga datos de demostración si la base está vacía y sirve el CRM de
                         demostración en /demo/crm.
  --instance-id ID       Identificador de este servidor entre los que comparten una base (dueño de
                         sus envíos en curso). Por omisión: &lt;host&gt;-&lt;puerto&gt;-&lt;hash del directorio
                         de datos&gt;, el mismo en cada arranque. Cada servidor en marcha necesita el suyo.

Entorno (las opciones tienen prioridad): ENLACE_CONFIG, ENLACE_DATABASE, ENLACE_LISTEN, ENLACE_TLS_CERT,
ENLACE_TLS_KEY, ENLACE_PBX, ENLACE_SECRET_KEY_FILE, ENLACE_TOKEN_LIFETIME (segundos; también se lee
TOKEN_EXPIRED_AFTER_SECONDS de OMniLeads), ENLACE_MAX_BODY_BYTES, ENLACE_MAX_UPLOAD_BYTES,
ENLACE_LOG_LEVEL, ENLACE_PUBLIC_URL, ENLACE_DEMO, ENLACE_INSTANCE_ID, ENLACE_AMI_SECRET. ENLACE_LANGUAGE (es, en, pt_BR) elige el idioma de estos mensajes.

SIGTERM o SIGINT detienen el servidor de forma ordenada. Códigos de salida: 0 correcto, 1 uso,
2 datos rechazados, 3 fallo (base de datos, red, configuración). Ver docs/operations.md.
</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>orden desconocida &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>argumento inesperado &quot;%1&quot;</translation>
    </message>
    <message>
        <source>cannot start: %1</source>
        <translation>no se puede iniciar: %1</translation>
    </message>
    <message>
        <source>Enlace server %1 listening on %2</source>
        <translation>Servidor Enlace %1 escuchando en %2</translation>
    </message>
    <message>
        <source>the PBX refused to start: %1</source>
        <translation>la central se negó a iniciar: %1</translation>
    </message>
    <message>
        <source>Enlace server stopped.</source>
        <translation>Servidor Enlace detenido.</translation>
    </message>
    <message>
        <source>admin, supervisor or agent.</source>
        <translation>admin, supervisor o agent.</translation>
    </message>
    <message>
        <source>The login name.</source>
        <translation>El nombre de usuario para ingresar.</translation>
    </message>
    <message>
        <source>Read the password from the first line of standard input.</source>
        <translation>Lee la contraseña de la primera línea de la entrada estándar.</translation>
    </message>
    <message>
        <source>First name.</source>
        <translation>Nombre.</translation>
    </message>
    <message>
        <source>Last name.</source>
        <translation>Apellido.</translation>
    </message>
    <message>
        <source>E-mail address.</source>
        <translation>Dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>The agent&apos;s SIP extension (agents).</source>
        <translation>La extensión SIP del agente (agentes).</translation>
    </message>
    <message>
        <source>--role must be admin, supervisor or agent</source>
        <translation>--role debe ser admin, supervisor o agent</translation>
    </message>
    <message>
        <source>--username is required</source>
        <translation>--username es obligatorio</translation>
    </message>
    <message>
        <source>no password on standard input</source>
        <translation>no hay contraseña en la entrada estándar</translation>
    </message>
    <message>
        <source>cannot open the database: %1</source>
        <translation>no se puede abrir la base de datos: %1</translation>
    </message>
    <message>
        <source>(shown once; change it after the first login)</source>
        <translation>(se muestra una sola vez; cámbiela después del primer ingreso)</translation>
    </message>
</context>
</TS>
