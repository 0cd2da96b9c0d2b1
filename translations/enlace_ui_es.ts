<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>enlace::AdminPage</name>
    <message>
        <location filename="../ui/admin/adminpage.cpp" line="56" />
        <source>Filter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/adminpage.cpp" line="57" />
        <source>Filter the list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/adminpage.cpp" line="65" />
        <source>List of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/adminpage.cpp" line="83" />
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <location filename="../ui/admin/adminpage.cpp" line="85" />
        <source>Read the list again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/adminpage.cpp" line="230" />
        <source>Nothing was saved: correct what is marked in red.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/adminpage.cpp" line="245" />
        <source>Nothing was saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/adminpage.cpp" line="261" />
        <source>Saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/adminpage.cpp" line="296" />
        <source>The changes on the page “%1” are not saved. Discard them?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/adminpage.cpp" line="297" />
        <source>The changes to “%1” are not saved. Discard them?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/adminpage.cpp" line="298" />
        <source>Unsaved changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/adminpage.cpp" line="372" />
        <source>Loading…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/adminpage.cpp" line="374" />
        <source>The list could not be read: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>enlace::AdminWindow</name>
    <message>
        <location filename="../ui/admin/adminwindow.cpp" line="25" />
        <source>Enlace — Administration</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/adminwindow.cpp" line="30" />
        <source>Admin pages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/adminwindow.cpp" line="39" />
        <source>Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/adminwindow.cpp" line="54" />
        <source>&amp;New</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/adminwindow.cpp" line="54" />
        <source>Start a new one</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/adminwindow.cpp" line="55" />
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../ui/admin/adminwindow.cpp" line="55" />
        <source>Save the changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/adminwindow.cpp" line="56" />
        <source>&amp;Revert</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/adminwindow.cpp" line="57" />
        <source>Drop the changes and show what is stored</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/adminwindow.cpp" line="58" />
        <source>Re&amp;load</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/adminwindow.cpp" line="58" />
        <source>Read the list again</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>enlace::AgentIdImportDialog</name>
    <message>
        <location filename="../ui/admin/agentidimportdialog.cpp" line="19" />
        <source>Import external ids</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/agentidimportdialog.cpp" line="21" />
        <source>One agent per line: the agent's username, then its external id in this system, separated by a comma, a semicolon or a tab. Paste the lines or open a CSV file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/agentidimportdialog.cpp" line="28" />
        <source>Lines to import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/agentidimportdialog.cpp" line="29" />
        <source>ana,A-ANA
beto,A-BETO</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/agentidimportdialog.cpp" line="44" />
        <source>&amp;Import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/agentidimportdialog.cpp" line="45" />
        <source>Import the lines</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/agentidimportdialog.cpp" line="46" />
        <source>&amp;Open file…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/agentidimportdialog.cpp" line="48" />
        <location filename="../ui/admin/agentidimportdialog.cpp" line="82" />
        <source>Open a CSV file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/agentidimportdialog.cpp" line="69" />
        <source>Nothing was imported:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/agentidimportdialog.cpp" line="82" />
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/agentidimportdialog.cpp" line="88" />
        <source>The file “%1” cannot be read: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>enlace::AgentIdModel</name>
    <message>
        <location filename="../ui/admin/agentidmodel.cpp" line="133" />
        <source>Agent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/agentidmodel.cpp" line="135" />
        <source>External id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/agentidmodel.cpp" line="137" />
        <source>Problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/agentidmodel.cpp" line="197" />
        <source>%1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/agentidmodel.cpp" line="198" />
        <source>Agent %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/agentidmodel.cpp" line="275" />
        <source>Line %1: expected two columns (agent username, external id), found %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/agentidmodel.cpp" line="280" />
        <source>Line %1: there is no agent with the username “%2”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/agentidmodel.cpp" line="284" />
        <source>Line %1: the external id of “%2” is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/agentidmodel.cpp" line="289" />
        <source>Line %1: the agent “%2” is already on line %3.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>enlace::CallListModel</name>
    <message>
        <location filename="../ui/calllistmodel.cpp" line="29" />
        <source>Ringing</source>
        <translation>Sonando</translation>
    </message>
    <message>
        <location filename="../ui/calllistmodel.cpp" line="31" />
        <source>Connected</source>
        <translation>Conectada</translation>
    </message>
    <message>
        <location filename="../ui/calllistmodel.cpp" line="33" />
        <source>Ended</source>
        <translation>Finalizada</translation>
    </message>
    <message>
        <location filename="../ui/calllistmodel.cpp" line="35" />
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <location filename="../ui/calllistmodel.cpp" line="115" />
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../ui/calllistmodel.cpp" line="117" />
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../ui/calllistmodel.cpp" line="119" />
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <location filename="../ui/calllistmodel.cpp" line="121" />
        <source>Campaign</source>
        <translation>Campaña</translation>
    </message>
    <message>
        <location filename="../ui/calllistmodel.cpp" line="123" />
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../ui/calllistmodel.cpp" line="125" />
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <location filename="../ui/calllistmodel.cpp" line="127" />
        <source>Disposition</source>
        <translation>Calificación</translation>
    </message>
</context>
<context>
    <name>enlace::CallPanel</name>
    <message>
        <location filename="../ui/callpanel.cpp" line="47" />
        <source>Phone number</source>
        <translation>Número de teléfono</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="51" />
        <source>Elapsed time</source>
        <translation>Tiempo transcurrido</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="62" />
        <source>State:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="63" />
        <source>Campaign:</source>
        <translation>Campaña:</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="64" />
        <source>Contact:</source>
        <translation>Contacto:</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="65" />
        <source>Call id:</source>
        <translation>Id de llamada:</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="68" />
        <source>Contact data</source>
        <translation>Datos del contacto</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="76" />
        <source>CRM status</source>
        <translation>Estado del CRM</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="82" />
        <source>&amp;Open CRM</source>
        <translation>&amp;Abrir CRM</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="84" />
        <source>Open CRM</source>
        <translation>Abrir CRM</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="85" />
        <source>Open the customer's CRM page for this call (Ctrl+Shift+O)</source>
        <translation>Abrir la página del CRM del cliente para esta llamada (Ctrl+Mayús+O)</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="86" />
        <source>&amp;Qualify…</source>
        <translation>&amp;Calificar…</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="88" />
        <source>Qualify the call</source>
        <translation>Calificar la llamada</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="112" />
        <source>Waiting for calls</source>
        <translation>Esperando llamadas</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="114" />
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="125" />
        <source>Active call</source>
        <translation>Llamada en curso</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="125" />
        <source>Last call</source>
        <translation>Última llamada</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="130" />
        <source>Contact %1</source>
        <translation>Contacto %1</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="130" />
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="176" />
        <source>CRM connected</source>
        <translation>CRM conectado</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="176" />
        <source>CRM not connected: %1</source>
        <translation>CRM no conectado: %1</translation>
    </message>
</context>
<context>
    <name>enlace::ConsoleOptions</name>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="21" />
        <source>Enlace agent console.</source>
        <translation>Consola de agente de Enlace.</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="26" />
        <source>Address of the Enlace server (http or https).</source>
        <translation>Dirección del servidor de Enlace (http o https).</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="26" />
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="27" />
        <source>User name to log in with.</source>
        <translation>Usuario con el que iniciar sesión.</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="27" />
        <source>NAME</source>
        <translation>NOMBRE</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="28" />
        <source>Read the password from the first line of standard input.</source>
        <translation>Leer la contraseña de la primera línea de la entrada estándar.</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="29" />
        <source>Language of the console: es, en or pt_BR.</source>
        <translation>Idioma de la consola: es, en o pt_BR.</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="29" />
        <source>LANGUAGE</source>
        <translation>IDIOMA</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="30" />
        <source>Log in to the local demo server as the demo agent.</source>
        <translation>Iniciar sesión en el servidor de demostración local como el agente de demostración.</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="32" />
        <source>A tel: or callto: link to dial.</source>
        <translation>Un enlace tel: o callto: para marcar.</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="33" />
        <source>[tel:NUMBER | callto:NUMBER]</source>
        <translation>[tel:NÚMERO | callto:NÚMERO]</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="61" />
        <source>--server: “%1” is not an http:// or https:// address.</source>
        <translation>--server: «%1» no es una dirección http:// o https://.</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="67" />
        <source>--user: the user name is empty.</source>
        <translation>--user: el nombre de usuario está vacío.</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="78" />
        <source>--lang: unknown language “%1” (es, en or pt_BR).</source>
        <translation>--lang: idioma desconocido «%1» (es, en o pt_BR).</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="82" />
        <source>--password-stdin: standard input cannot be read.</source>
        <translation>--password-stdin: no se puede leer la entrada estándar.</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="89" />
        <source>--password-stdin: no password on standard input.</source>
        <translation>--password-stdin: no hay contraseña en la entrada estándar.</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="96" />
        <source>Only one number can be dialled; unexpected “%1”.</source>
        <translation>Solo se puede marcar un número; sobra «%1».</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="122" />
        <source>“%1” is not a tel: or callto: link.</source>
        <translation>«%1» no es un enlace tel: o callto:.</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="140" />
        <source>“%1” is not a phone number: unexpected “%2”.</source>
        <translation>«%1» no es un número de teléfono: «%2» inesperado.</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="145" />
        <source>“%1” has no phone number to dial.</source>
        <translation>«%1» no tiene un número para marcar.</translation>
    </message>
</context>
<context>
    <name>enlace::ConsoleSession</name>
    <message>
        <location filename="../ui/consolesession.cpp" line="91" />
        <source>The CRM page of call %1 did not load: %2</source>
        <translation>La página del CRM de la llamada %1 no cargó: %2</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="98" />
        <source>Call qualified from the CRM.</source>
        <translation>Llamada calificada desde el CRM.</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="105" />
        <source>Calling…</source>
        <translation>Llamando…</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="145" />
        <source>Not signed in</source>
        <translation>Sin sesión iniciada</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="149" />
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="153" />
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="156" />
        <source>Offline, reconnecting</source>
        <translation>Sin conexión, reconectando</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="189" />
        <source>Not signed in. Use Session → Sign in to start.</source>
        <translation>Sin sesión iniciada. Use Sesión → Iniciar sesión para empezar.</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="238" />
        <location filename="../ui/consolesession.cpp" line="282" />
        <location filename="../ui/consolesession.cpp" line="327" />
        <source>This user is not an agent: the console is for agents.</source>
        <translation>Este usuario no es un agente: la consola es para agentes.</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="383" />
        <source>Your session expired. Sign in again to carry on: your calls stay as they were.</source>
        <translation>Su sesión expiró. Inicie sesión de nuevo para continuar: sus llamadas quedan como estaban.</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="452" />
        <source>New call</source>
        <translation>Llamada nueva</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="453" />
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/consolesession.cpp" line="498" />
        <source>%1 (%n attempt(s))</source>
        <translation><numerusform>%1 (%n intento)</numerusform><numerusform>%1 (%n intentos)</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="505" />
        <source>CRM not connected</source>
        <translation>CRM no conectado</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="506" />
        <source>Call %1: %2</source>
        <translation>Llamada %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="532" />
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="532" />
        <source>CRM · %1</source>
        <translation>CRM · %1</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="543" />
        <source>This call has no CRM page to open.</source>
        <translation>Esta llamada no tiene una página de CRM para abrir.</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="603" />
        <source>There is no call to qualify.</source>
        <translation>No hay ninguna llamada para calificar.</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="613" />
        <source>Call %1 · %2 · %3</source>
        <translation>Llamada %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="641" />
        <source>That call is not in the list.</source>
        <translation>Esa llamada no está en la lista.</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="682" />
        <location filename="../ui/consolesession.cpp" line="720" />
        <source>Sign in to place the call.</source>
        <translation>Inicie sesión para hacer la llamada.</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="748" />
        <source>Close the console?</source>
        <translation>¿Cerrar la consola?</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="749" />
        <source>A call is in progress (%1). Close the console anyway?</source>
        <translation>Hay una llamada en curso (%1). ¿Cerrar la consola de todos modos?</translation>
    </message>
</context>
<context>
    <name>enlace::ConsoleTray</name>
    <message>
        <location filename="../ui/consoletray.cpp" line="18" />
        <source>Show console</source>
        <translation>Mostrar la consola</translation>
    </message>
    <message>
        <location filename="../ui/consoletray.cpp" line="28" />
        <source>Not signed in</source>
        <translation>Sin sesión iniciada</translation>
    </message>
    <message>
        <location filename="../ui/consoletray.cpp" line="56" />
        <source>Enlace — %1</source>
        <translation>Enlace — %1</translation>
    </message>
</context>
<context>
    <name>enlace::ConsoleWindow</name>
    <message>
        <location filename="../ui/consolewindow.cpp" line="29" />
        <source>Enlace — agent console</source>
        <translation>Enlace — consola de agente</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="31" />
        <source>&amp;Call</source>
        <translation>&amp;Llamada</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="32" />
        <source>&amp;Open CRM</source>
        <translation>&amp;Abrir CRM</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="33" />
        <source>&amp;Qualify…</source>
        <translation>&amp;Calificar…</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="34" />
        <source>&amp;Place a call…</source>
        <translation>&amp;Hacer una llamada…</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="35" />
        <source>&amp;Session</source>
        <translation>&amp;Sesión</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="36" />
        <source>Sign &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="38" />
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="39" />
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="40" />
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="43" />
        <source>As the &amp;desktop</source>
        <translation>Como el &amp;escritorio</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="44" />
        <source>&amp;Light</source>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="44" />
        <source>&amp;Dark</source>
        <translation>&amp;Oscuro</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="59" />
        <source>Call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="71" />
        <source>Connection banner</source>
        <translation>Aviso de conexión</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="85" />
        <source>Today's calls</source>
        <translation>Llamadas de hoy</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="99" />
        <source>Qualify again…</source>
        <translation>Calificar de nuevo…</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="112" />
        <source>The customer's CRM opens here when a call connects.</source>
        <translation>El CRM del cliente se abre aquí cuando una llamada se conecta.</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="126" />
        <source>Connection state</source>
        <translation>Estado de la conexión</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="171" />
        <source>%1 on %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="179" />
        <source>Signed out</source>
        <translation>Sin sesión</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="183" />
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="186" />
        <source>● Online</source>
        <translation>● En línea</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="191" />
        <source>● Offline</source>
        <translation>● Sin conexión</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="193" />
        <source>The connection to the server was lost. Reconnecting… Your call stays on screen.</source>
        <translation>Se perdió la conexión con el servidor. Reconectando… Su llamada sigue en pantalla.</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="194" />
        <source>The connection to the server was lost (%1). Reconnecting… Your call stays on screen.</source>
        <translation>Se perdió la conexión con el servidor (%1). Reconectando… Su llamada sigue en pantalla.</translation>
    </message>
</context>
<context>
    <name>enlace::CrmPageWidget</name>
    <message>
        <location filename="../ui/web/crmpagewidget.cpp" line="41" />
        <source>The CRM page could not be shown</source>
        <translation>No se pudo mostrar la página del CRM</translation>
    </message>
    <message>
        <location filename="../ui/web/crmpagewidget.cpp" line="54" />
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <location filename="../ui/web/crmpagewidget.cpp" line="56" />
        <source>Retry loading the CRM page</source>
        <translation>Reintentar la carga de la página del CRM</translation>
    </message>
    <message>
        <location filename="../ui/web/crmpagewidget.cpp" line="112" />
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <location filename="../ui/web/crmpagewidget.cpp" line="132" />
        <source>The CRM page says: %1</source>
        <translation>La página del CRM dice: %1</translation>
    </message>
    <message>
        <location filename="../ui/web/crmpagewidget.cpp" line="140" />
        <source>The CRM page asks: %1</source>
        <translation>La página del CRM pregunta: %1</translation>
    </message>
    <message>
        <location filename="../ui/web/crmpagewidget.cpp" line="149" />
        <source>Answer to the CRM page</source>
        <translation>Respuesta a la página del CRM</translation>
    </message>
    <message>
        <location filename="../ui/web/crmpagewidget.cpp" line="154" />
        <location filename="../ui/web/crmpagewidget.cpp" line="156" />
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <location filename="../ui/web/crmpagewidget.cpp" line="157" />
        <location filename="../ui/web/crmpagewidget.cpp" line="159" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>enlace::CrmRequestLoader</name>
    <message>
        <location filename="../ui/web/crmrequestloader.cpp" line="16" />
        <source>The CRM address is not a valid URL.</source>
        <translation>La dirección del CRM no es una URL válida.</translation>
    </message>
    <message>
        <location filename="../ui/web/crmrequestloader.cpp" line="25" />
        <source>The CRM request uses a method other than GET or POST.</source>
        <translation>La solicitud al CRM usa un método distinto de GET o POST.</translation>
    </message>
    <message>
        <location filename="../ui/web/crmrequestloader.cpp" line="29" />
        <source>Data can only be sent (POST) to an http or https address.</source>
        <translation>Solo se pueden enviar datos (POST) a una dirección http o https.</translation>
    </message>
</context>
<context>
    <name>enlace::CrmTabArea</name>
    <message>
        <location filename="../ui/web/crmtabarea.cpp" line="28" />
        <source>CRM downloads</source>
        <translation>Descargas del CRM</translation>
    </message>
    <message>
        <location filename="../ui/web/crmtabarea.cpp" line="76" />
        <source>%1 — saved in %2</source>
        <translation>%1 — guardado en %2</translation>
    </message>
    <message>
        <location filename="../ui/web/crmtabarea.cpp" line="79" />
        <source>%1 — cancelled</source>
        <translation>%1 — cancelado</translation>
    </message>
    <message>
        <location filename="../ui/web/crmtabarea.cpp" line="82" />
        <source>%1 — failed: %2</source>
        <translation>%1 — falló: %2</translation>
    </message>
    <message>
        <location filename="../ui/web/crmtabarea.cpp" line="86" />
        <source>%1 — %2 of %3</source>
        <translation>%1 — %2 de %3</translation>
    </message>
    <message>
        <location filename="../ui/web/crmtabarea.cpp" line="90" />
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>enlace::CrmWindow</name>
    <message>
        <location filename="../ui/web/crmwindow.cpp" line="110" />
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <location filename="../ui/web/crmwindow.cpp" line="110" />
        <source>%1 — CRM</source>
        <translation>%1 — CRM</translation>
    </message>
</context>
<context>
    <name>enlace::DialDialog</name>
    <message>
        <location filename="../ui/dialdialog.cpp" line="31" />
        <source>Place a call</source>
        <translation>Hacer una llamada</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="36" />
        <source>Campaign</source>
        <translation>Campaña</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="39" />
        <source>C&amp;ampaign:</source>
        <translation>C&amp;ampaña:</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="42" />
        <source>Phone number</source>
        <translation>Número de teléfono</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="43" />
        <source>Number to call</source>
        <translation>Número a llamar</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="45" />
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="48" />
        <source>Search contacts</source>
        <translation>Buscar contactos</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="49" />
        <source>Name, phone or id of a contact</source>
        <translation>Nombre, teléfono o id de un contacto</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="51" />
        <source>&amp;Search contact:</source>
        <translation>&amp;Buscar contacto:</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="56" />
        <source>Contacts found</source>
        <translation>Contactos encontrados</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="68" />
        <source>&amp;Call</source>
        <translation>&amp;Llamada</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="89" />
        <source>You are in no active campaign: there is no campaign to call from.</source>
        <translation>No está en ninguna campaña activa: no hay campaña desde la cual llamar.</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="117" />
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="123" />
        <source>No contact matches.</source>
        <translation>Ningún contacto coincide.</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="130" />
        <source>Choose a campaign.</source>
        <translation>Elija una campaña.</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="134" />
        <source>Enter the number to call.</source>
        <translation>Ingrese el número a llamar.</translation>
    </message>
</context>
<context>
    <name>enlace::DispositionDialog</name>
    <message>
        <location filename="../ui/dispositiondialog.cpp" line="21" />
        <source>Qualify the call</source>
        <translation>Calificar la llamada</translation>
    </message>
    <message>
        <location filename="../ui/dispositiondialog.cpp" line="31" />
        <source>Disposition</source>
        <translation>Calificación</translation>
    </message>
    <message>
        <location filename="../ui/dispositiondialog.cpp" line="34" />
        <source>Choose a disposition</source>
        <translation>Elija una calificación</translation>
    </message>
    <message>
        <location filename="../ui/dispositiondialog.cpp" line="35" />
        <source>&amp;Disposition:</source>
        <translation>&amp;Calificación:</translation>
    </message>
    <message>
        <location filename="../ui/dispositiondialog.cpp" line="38" />
        <source>Comments</source>
        <translation>Comentarios</translation>
    </message>
    <message>
        <location filename="../ui/dispositiondialog.cpp" line="40" />
        <source>&amp;Comments:</source>
        <translation>C&amp;omentarios:</translation>
    </message>
    <message>
        <location filename="../ui/dispositiondialog.cpp" line="52" />
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../ui/dispositiondialog.cpp" line="57" />
        <source>This campaign has no disposition options.</source>
        <translation>Esta campaña no tiene opciones de calificación.</translation>
    </message>
    <message>
        <location filename="../ui/dispositiondialog.cpp" line="72" />
        <source>Choose a disposition.</source>
        <translation>Elija una calificación.</translation>
    </message>
</context>
<context>
    <name>enlace::ExternalSitePage</name>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="24" />
        <source>Agent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="26" />
        <source>Automatic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="28" />
        <source>Server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="30" />
        <source>Call disposition</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="32" />
        <source>Dynamic list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="55" />
        <source>Name of the external site</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="57" />
        <source>&amp;Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="60" />
        <source>Address of the CRM page, with {1}, {2}… placeholders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="61" />
        <source>https://crm.example.com/contact/{1}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="62" />
        <source>&amp;URL:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="70" />
        <source>Trigger: who starts the interaction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="74" />
        <source>&amp;Trigger:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="75" />
        <source>HTTP method</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="78" />
        <source>&amp;Method:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="79" />
        <source>Format of the parameters (Content-Type)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="80" />
        <source>No format (GET)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="85" />
        <source>&amp;Format:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="86" />
        <source>Target: where the agent's browser opens the page</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="87" />
        <source>No target (the server sends it)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="88" />
        <source>Embedded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="89" />
        <source>New tab</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="90" />
        <source>T&amp;arget:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="91" />
        <source>Authentication used to get a token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="92" />
        <source>Aut&amp;hentication:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="94" />
        <source>H&amp;idden from the site lists</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="96" />
        <location filename="../ui/admin/externalsitepage.cpp" line="163" />
        <location filename="../ui/admin/externalsitepage.cpp" line="165" />
        <source>Hidden</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="100" />
        <source>Signature secret (write-only)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="102" />
        <source>Signature &amp;secret:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="105" />
        <source>Timeout of each attempt in milliseconds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="108" />
        <source> ms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="109" />
        <source>Time&amp;out:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="112" />
        <source>Attempts before giving up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="114" />
        <source>Attem&amp;pts:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="154" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="155" />
        <source>Trigger</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="159" />
        <source>Method</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="167" />
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="168" />
        <source>No external site yet. Press New (Ctrl+N) to add one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="175" />
        <source>External sites</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="197" />
        <source>None (type one to sign each request)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="221" />
        <source>Unchanged (type a new one to replace it)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsitepage.cpp" line="301" />
        <source>None</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>enlace::ExternalSystemPage</name>
    <message>
        <location filename="../ui/admin/externalsystempage.cpp" line="35" />
        <source>Name of the external system</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsystempage.cpp" line="37" />
        <source>&amp;Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsystempage.cpp" line="40" />
        <source>&amp;Agents and their external ids in this system:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsystempage.cpp" line="44" />
        <source>Agents and their external ids</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsystempage.cpp" line="61" />
        <source>Agent to add</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsystempage.cpp" line="64" />
        <source>External id of the agent to add</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsystempage.cpp" line="65" />
        <source>External id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsystempage.cpp" line="67" />
        <source>A&amp;dd</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsystempage.cpp" line="69" />
        <source>Add the agent with this external id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsystempage.cpp" line="76" />
        <source>&amp;Remove selected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsystempage.cpp" line="78" />
        <source>Remove the selected agents from this system</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsystempage.cpp" line="79" />
        <source>&amp;Import CSV…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsystempage.cpp" line="81" />
        <source>Import agents' external ids from CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsystempage.cpp" line="89" />
        <source>Configuration warnings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsystempage.cpp" line="103" />
        <source>Remove selected agents</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsystempage.cpp" line="120" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsystempage.cpp" line="121" />
        <source>Agents with an id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsystempage.cpp" line="123" />
        <source>No external system yet. Press New (Ctrl+N) to add one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsystempage.cpp" line="128" />
        <source>External systems</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsystempage.cpp" line="187" />
        <source>The configuration warnings could not be read: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsystempage.cpp" line="207" />
        <source>See the rows marked in the agents' table.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsystempage.cpp" line="240" />
        <source>Every agent has a row</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/externalsystempage.cpp" line="263" />
        <source>Given an id here, not saved yet: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../ui/admin/externalsystempage.cpp" line="286" />
        <source>Imported: %n agent(s) added</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/admin/externalsystempage.cpp" line="287" />
        <source>%n changed. Save to keep them.</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
</context>
<context>
    <name>enlace::KeychainSecretStore</name>
    <message>
        <location filename="../ui/secretstore.cpp" line="28" />
        <source>Nothing is stored in the keychain for this account.</source>
        <translation>No hay nada guardado en el llavero para esta cuenta.</translation>
    </message>
    <message>
        <location filename="../ui/secretstore.cpp" line="56" />
        <source>No system keychain answered: the token is kept in memory until you quit.</source>
        <translation>Ningún llavero del sistema respondió: el token se guarda en memoria hasta que salga.</translation>
    </message>
    <message>
        <location filename="../ui/secretstore.cpp" line="79" />
        <location filename="../ui/secretstore.cpp" line="104" />
        <source>The system keychain is locked or refused access.</source>
        <translation>El llavero del sistema está bloqueado o negó el acceso.</translation>
    </message>
    <message>
        <location filename="../ui/secretstore.cpp" line="134" />
        <source>The system keychain did not remove the secret.</source>
        <translation>El llavero del sistema no eliminó el secreto.</translation>
    </message>
</context>
<context>
    <name>enlace::LoginDialog</name>
    <message>
        <location filename="../ui/logindialog.ui" line="14" />
        <source>Sign in to Enlace</source>
        <translation>Iniciar sesión en Enlace</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="17" />
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="25" />
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="35" />
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="48" />
        <source>Server address error</source>
        <translation>Error en la dirección del servidor</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="58" />
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="68" />
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="75" />
        <source>User name error</source>
        <translation>Error en el nombre de usuario</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="85" />
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="95" />
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="105" />
        <source>Password error</source>
        <translation>Error en la contraseña</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="115" />
        <source>&amp;Remember password</source>
        <translation>&amp;Recordar contraseña</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="118" />
        <source>Remember password</source>
        <translation>Recordar contraseña</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="127" />
        <source>Keychain notice</source>
        <translation>Aviso del llavero</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="137" />
        <source>Sign-in status</source>
        <translation>Estado del inicio de sesión</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.cpp" line="26" />
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.cpp" line="117" />
        <source>Enter your user name.</source>
        <translation>Ingrese su nombre de usuario.</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.cpp" line="118" />
        <source>Enter your password.</source>
        <translation>Ingrese su contraseña.</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.cpp" line="135" />
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.cpp" line="173" />
        <source>Enter the server address, for example https://enlace.example.com.</source>
        <translation>Ingrese la dirección del servidor, por ejemplo https://enlace.example.com.</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.cpp" line="177" />
        <source>The server address must start with http:// or https://, for example https://enlace.example.com.</source>
        <translation>La dirección del servidor debe empezar con http:// o https://, por ejemplo https://enlace.example.com.</translation>
    </message>
</context>
<context>
    <name>enlace::SingleInstance</name>
    <message>
        <location filename="../ui/singleinstance.cpp" line="158" />
        <source>The message for the running Enlace console is too large.</source>
        <translation>El mensaje para la consola de Enlace en ejecución es demasiado grande.</translation>
    </message>
    <message>
        <location filename="../ui/singleinstance.cpp" line="214" />
        <source>The running Enlace console did not answer.</source>
        <translation>La consola de Enlace en ejecución no respondió.</translation>
    </message>
</context>
<context>
    <name>enlace::SiteAuthenticationPage</name>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="36" />
        <source>Name of the authentication</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="37" />
        <source>&amp;Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="38" />
        <source>Address of the token endpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="39" />
        <source>https://crm.example.com/api/token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="40" />
        <source>Token &amp;URL:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="41" />
        <source>User for the token endpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="42" />
        <source>U&amp;ser:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="43" />
        <source>Password for the token endpoint (write-only)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="46" />
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="47" />
        <source>Field of the answer holding the token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="49" />
        <source>&amp;Token field:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="54" />
        <source>&amp;Fixed, in seconds:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="56" />
        <source>The token lives a fixed number of seconds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="59" />
        <source>Token lifetime in seconds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="62" />
        <source>Read from the answer's &amp;field:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="64" />
        <source>The answer says how long the token lives</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="65" />
        <source>Field of the answer holding the lifetime in seconds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="76" />
        <source>Token lifetime:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="78" />
        <source>&amp;Verify the token endpoint's TLS certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="80" />
        <source>Verify the TLS certificate strictly</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="85" />
        <source>&amp;Test</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="87" />
        <source>Ask the token endpoint for a token now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="88" />
        <source>Asks the CRM for a token with these settings; nothing is saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="94" />
        <source>Outcome of the test</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="129" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="129" />
        <source>Token URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="130" />
        <source>User</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="131" />
        <source>No site authentication yet. Press New (Ctrl+N) to add one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="137" />
        <source>Site authentications</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="146" />
        <source>Required</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="163" />
        <source>Unchanged (type a new one to replace it)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../ui/admin/siteauthenticationpage.cpp" line="221" />
        <source>Asking the token endpoint…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>enlace::WebCrmHost</name>
    <message>
        <source>Downloading %1…</source>
        <translation>Descargando %1…</translation>
    </message>
    <message>
        <source>Downloaded %1 to %2</source>
        <translation>%1 descargado en %2</translation>
    </message>
    <message>
        <source>The download of %1 failed: %2</source>
        <translation>La descarga de %1 falló: %2</translation>
    </message>
    <message>
        <source>The customer's CRM opens here when a call connects.</source>
        <translation>El CRM del cliente se abre aquí cuando una llamada se conecta.</translation>
    </message>
    <message>
        <source>CRM pages</source>
        <translation>Páginas del CRM</translation>
    </message>
    <message numerus="yes">
        <source>The CRM page of this call cannot open: %n CRM page(s) are open and every one of them belongs to a call in progress or holds unsaved work. Close one and press Open CRM.</source>
        <translation><numerusform>La página del CRM de esta llamada no puede abrirse: hay %n página de CRM abierta y pertenece a una llamada en curso o tiene trabajo sin guardar. Cierre una y pulse Abrir CRM.</numerusform><numerusform>La página del CRM de esta llamada no puede abrirse: hay %n páginas de CRM abiertas y todas pertenecen a una llamada en curso o tienen trabajo sin guardar. Cierre una y pulse Abrir CRM.</numerusform></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Load the CRM page again</source>
        <translation>Cargar de nuevo la página del CRM</translation>
    </message>
    <message>
        <source>The CRM answered HTTP %1.</source>
        <translation>El CRM respondió HTTP %1.</translation>
    </message>
    <message>
        <source>The CRM page could not load: %1</source>
        <translation>La página del CRM no pudo cargar: %1</translation>
    </message>
    <message>
        <source>The CRM page stopped working (its process ended).</source>
        <translation>La página del CRM dejó de funcionar (su proceso terminó).</translation>
    </message>
    <message>
        <source>The CRM's certificate is not trusted (%1). Ask an administrator to trust it: SHA-256 %2</source>
        <translation>El certificado del CRM no es de confianza (%1). Pida a un administrador que lo acepte: SHA-256 %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>● %1 (unsaved)</source>
        <translation>● %1 (sin guardar)</translation>
    </message>
    <message>
        <source>The CRM's address is not a web address: %1</source>
        <translation>La dirección del CRM no es una dirección web: %1</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="278" />
        <source>This page has unsaved changes, so it was kept open; the next call's page opened beside it.</source>
        <translation>Esta página tiene cambios sin guardar, así que quedó abierta; la página de la llamada siguiente se abrió a su lado.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/web/webcrmhost.cpp" line="309" />
        <source>No more CRM pages can open: %n page(s) are open and the ones of ended calls have unsaved changes. Save or close one of them and try again.</source>
        <translation><numerusform>No se pueden abrir más páginas del CRM: hay %n página abierta y la de una llamada finalizada tiene cambios sin guardar. Guárdela o ciérrela e intente de nuevo.</numerusform><numerusform>No se pueden abrir más páginas del CRM: hay %n páginas abiertas y las de llamadas finalizadas tienen cambios sin guardar. Guarde o cierre una e intente de nuevo.</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="383" />
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="459" />
        <source>The CRM page was stopped (its process was killed, code %1). Closing other pages may free memory.</source>
        <translation>La página del CRM se detuvo (su proceso fue terminado, código %1). Cerrar otras páginas puede liberar memoria.</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="462" />
        <source>The CRM page crashed (code %1).</source>
        <translation>La página del CRM falló (código %1).</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="493" />
        <source>Leaving this page was cancelled because it has unsaved changes. Save them, or allow leaving and try again.</source>
        <translation>Se canceló la salida de esta página porque tiene cambios sin guardar. Guárdelos, o permita salir e intente de nuevo.</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="495" />
        <source>&amp;Allow leaving</source>
        <translation>&amp;Permitir salir</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="500" />
        <source>&amp;Stay</source>
        <translation>&amp;Quedarse</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="504" />
        <source>This page was opened by sending data to the CRM; reloading it would send that data again, so it was not reloaded.</source>
        <translation>Esta página se abrió enviando datos al CRM; recargarla los enviaría de nuevo, así que no se recargó.</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="537" />
        <source>The CRM answered with HTTP status %1 and no page.</source>
        <translation>El CRM respondió con el estado HTTP %1 y sin página.</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="540" />
        <source>The CRM's certificate is not trusted (%1).</source>
        <translation>El certificado del CRM no es de confianza (%1).</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="543" />
        <source>The CRM's address could not be found (%1).</source>
        <translation>No se encontró la dirección del CRM (%1).</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="546" />
        <source>Could not connect to the CRM (%1).</source>
        <translation>No se pudo conectar con el CRM (%1).</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="549" />
        <source>The CRM page could not be loaded (%1).</source>
        <translation>No se pudo cargar la página del CRM (%1).</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="614" />
        <source>%1 (unsaved)</source>
        <translation>%1 (sin guardar)</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="627" />
        <source>Pop-up</source>
        <translation>Ventana emergente</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="673" />
        <source>The connection to %1 is not secure: %2 The page was not loaded. Certificate SHA-256 fingerprint: %3. Only an administrator can trust this certificate.</source>
        <translation>La conexión con %1 no es segura: %2 La página no se cargó. Huella SHA-256 del certificado: %3. Solo un administrador puede confiar en este certificado.</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="675" />
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="709" />
        <source>show notifications</source>
        <translation>mostrar notificaciones</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="712" />
        <source>know your location</source>
        <translation>conocer su ubicación</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="715" />
        <source>use your microphone</source>
        <translation>usar su micrófono</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="718" />
        <source>use your camera</source>
        <translation>usar su cámara</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="721" />
        <source>use your microphone and camera</source>
        <translation>usar su micrófono y su cámara</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="724" />
        <source>lock the mouse pointer</source>
        <translation>bloquear el puntero del ratón</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="727" />
        <source>capture your screen</source>
        <translation>capturar su pantalla</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="740" />
        <source>%1 wants to %2.</source>
        <translation>%1 quiere %2.</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="741" />
        <source>&amp;Allow</source>
        <translation>&amp;Permitir</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="741" />
        <source>&amp;Deny</source>
        <translation>&amp;Denegar</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="749" />
        <source>download</source>
        <translation>descarga</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="799" />
        <source>This page has unsaved changes, so it was not closed.</source>
        <translation>Esta página tiene cambios sin guardar, así que no se cerró.</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="800" />
        <source>&amp;Close anyway</source>
        <translation>&amp;Cerrar de todos modos</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="805" />
        <source>&amp;Keep it open</source>
        <translation>&amp;Mantenerla abierta</translation>
    </message>
</context>
</TS>