<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="pt_BR">
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
        <translation>&amp;Tentar novamente</translation>
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
        <translation>&amp;Salvar</translation>
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
        <translation>Tocando</translation>
    </message>
    <message>
        <location filename="../ui/calllistmodel.cpp" line="31" />
        <source>Connected</source>
        <translation>Conectada</translation>
    </message>
    <message>
        <location filename="../ui/calllistmodel.cpp" line="33" />
        <source>Ended</source>
        <translation>Encerrada</translation>
    </message>
    <message>
        <location filename="../ui/calllistmodel.cpp" line="35" />
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <location filename="../ui/calllistmodel.cpp" line="115" />
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../ui/calllistmodel.cpp" line="117" />
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <location filename="../ui/calllistmodel.cpp" line="119" />
        <source>Contact</source>
        <translation>Contato</translation>
    </message>
    <message>
        <location filename="../ui/calllistmodel.cpp" line="121" />
        <source>Campaign</source>
        <translation>Campanha</translation>
    </message>
    <message>
        <location filename="../ui/calllistmodel.cpp" line="123" />
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../ui/calllistmodel.cpp" line="125" />
        <source>Duration</source>
        <translation>Duração</translation>
    </message>
    <message>
        <location filename="../ui/calllistmodel.cpp" line="127" />
        <source>Disposition</source>
        <translation>Qualificação</translation>
    </message>
</context>
<context>
    <name>enlace::CallPanel</name>
    <message>
        <location filename="../ui/callpanel.cpp" line="47" />
        <source>Phone number</source>
        <translation>Número de telefone</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="51" />
        <source>Elapsed time</source>
        <translation>Tempo decorrido</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="62" />
        <source>State:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="63" />
        <source>Campaign:</source>
        <translation>Campanha:</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="64" />
        <source>Contact:</source>
        <translation>Contato:</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="65" />
        <source>Call id:</source>
        <translation>Id da chamada:</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="68" />
        <source>Contact data</source>
        <translation>Dados do contato</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="76" />
        <source>CRM status</source>
        <translation>Estado do CRM</translation>
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
        <translation>Abrir a página do CRM do cliente para esta chamada (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="86" />
        <source>&amp;Qualify…</source>
        <translation>&amp;Qualificar…</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="88" />
        <source>Qualify the call</source>
        <translation>Qualificar a chamada</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="112" />
        <source>Waiting for calls</source>
        <translation>Aguardando chamadas</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="114" />
        <source>Available</source>
        <translation>Disponível</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="125" />
        <source>Active call</source>
        <translation>Chamada em curso</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="125" />
        <source>Last call</source>
        <translation>Última chamada</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="130" />
        <source>Contact %1</source>
        <translation>Contato %1</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="130" />
        <source>Unknown</source>
        <translation>Desconhecido</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="176" />
        <source>CRM connected</source>
        <translation>CRM conectado</translation>
    </message>
    <message>
        <location filename="../ui/callpanel.cpp" line="176" />
        <source>CRM not connected: %1</source>
        <translation>CRM não conectado: %1</translation>
    </message>
</context>
<context>
    <name>enlace::ConsoleOptions</name>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="21" />
        <source>Enlace agent console.</source>
        <translation>Console de agente do Enlace.</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="26" />
        <source>Address of the Enlace server (http or https).</source>
        <translation>Endereço do servidor do Enlace (http ou https).</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="26" />
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="27" />
        <source>User name to log in with.</source>
        <translation>Usuário para entrar.</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="27" />
        <source>NAME</source>
        <translation>NOME</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="28" />
        <source>Read the password from the first line of standard input.</source>
        <translation>Ler a senha da primeira linha da entrada padrão.</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="29" />
        <source>Language of the console: es, en or pt_BR.</source>
        <translation>Idioma do console: es, en ou pt_BR.</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="29" />
        <source>LANGUAGE</source>
        <translation>IDIOMA</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="30" />
        <source>Log in to the local demo server as the demo agent.</source>
        <translation>Entrar no servidor de demonstração local como o agente de demonstração.</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="32" />
        <source>A tel: or callto: link to dial.</source>
        <translation>Um link tel: ou callto: para discar.</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="33" />
        <source>[tel:NUMBER | callto:NUMBER]</source>
        <translation>[tel:NÚMERO | callto:NÚMERO]</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="61" />
        <source>--server: “%1” is not an http:// or https:// address.</source>
        <translation>--server: “%1” não é um endereço http:// ou https://.</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="67" />
        <source>--user: the user name is empty.</source>
        <translation>--user: o nome de usuário está vazio.</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="78" />
        <source>--lang: unknown language “%1” (es, en or pt_BR).</source>
        <translation>--lang: idioma desconhecido “%1” (es, en ou pt_BR).</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="82" />
        <source>--password-stdin: standard input cannot be read.</source>
        <translation>--password-stdin: não é possível ler a entrada padrão.</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="89" />
        <source>--password-stdin: no password on standard input.</source>
        <translation>--password-stdin: nenhuma senha na entrada padrão.</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="96" />
        <source>Only one number can be dialled; unexpected “%1”.</source>
        <translation>Só é possível discar um número; “%1” inesperado.</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="122" />
        <source>“%1” is not a tel: or callto: link.</source>
        <translation>“%1” não é um link tel: ou callto:.</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="140" />
        <source>“%1” is not a phone number: unexpected “%2”.</source>
        <translation>“%1” não é um número de telefone: “%2” inesperado.</translation>
    </message>
    <message>
        <location filename="../ui/consoleoptions.cpp" line="145" />
        <source>“%1” has no phone number to dial.</source>
        <translation>“%1” não tem número para discar.</translation>
    </message>
</context>
<context>
    <name>enlace::ConsoleSession</name>
    <message>
        <location filename="../ui/consolesession.cpp" line="91" />
        <source>The CRM page of call %1 did not load: %2</source>
        <translation>A página do CRM da chamada %1 não carregou: %2</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="98" />
        <source>Call qualified from the CRM.</source>
        <translation>Chamada qualificada pelo CRM.</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="105" />
        <source>Calling…</source>
        <translation>Chamando…</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="145" />
        <source>Not signed in</source>
        <translation>Sem sessão iniciada</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="149" />
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="153" />
        <source>Online</source>
        <translation>On-line</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="156" />
        <source>Offline, reconnecting</source>
        <translation>Sem conexão, reconectando</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="189" />
        <source>Not signed in. Use Session → Sign in to start.</source>
        <translation>Sem sessão. Use Sessão → Entrar para começar.</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="238" />
        <location filename="../ui/consolesession.cpp" line="282" />
        <location filename="../ui/consolesession.cpp" line="327" />
        <source>This user is not an agent: the console is for agents.</source>
        <translation>Este usuário não é um agente: o console é para agentes.</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="383" />
        <source>Your session expired. Sign in again to carry on: your calls stay as they were.</source>
        <translation>Sua sessão expirou. Entre novamente para continuar: suas chamadas ficam como estavam.</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="452" />
        <source>New call</source>
        <translation>Nova chamada</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="453" />
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/consolesession.cpp" line="498" />
        <source>%1 (%n attempt(s))</source>
        <translation><numerusform>%1 (%n tentativa)</numerusform><numerusform>%1 (%n tentativas)</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="505" />
        <source>CRM not connected</source>
        <translation>CRM não conectado</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="506" />
        <source>Call %1: %2</source>
        <translation>Chamada %1: %2</translation>
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
        <translation>Esta chamada não tem página de CRM para abrir.</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="603" />
        <source>There is no call to qualify.</source>
        <translation>Não há chamada para qualificar.</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="613" />
        <source>Call %1 · %2 · %3</source>
        <translation>Chamada %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="641" />
        <source>That call is not in the list.</source>
        <translation>Essa chamada não está na lista.</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="682" />
        <location filename="../ui/consolesession.cpp" line="720" />
        <source>Sign in to place the call.</source>
        <translation>Entre para fazer a chamada.</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="748" />
        <source>Close the console?</source>
        <translation>Fechar o console?</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="749" />
        <source>A call is in progress (%1). Close the console anyway?</source>
        <translation>Há uma chamada em curso (%1). Fechar o console mesmo assim?</translation>
    </message>
</context>
<context>
    <name>enlace::ConsoleTray</name>
    <message>
        <location filename="../ui/consoletray.cpp" line="18" />
        <source>Show console</source>
        <translation>Mostrar o console</translation>
    </message>
    <message>
        <location filename="../ui/consoletray.cpp" line="28" />
        <source>Not signed in</source>
        <translation>Sem sessão iniciada</translation>
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
        <translation>Enlace — console de agente</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="31" />
        <source>&amp;Call</source>
        <translation>&amp;Chamada</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="32" />
        <source>&amp;Open CRM</source>
        <translation>&amp;Abrir CRM</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="33" />
        <source>&amp;Qualify…</source>
        <translation>&amp;Qualificar…</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="34" />
        <source>&amp;Place a call…</source>
        <translation>&amp;Fazer uma chamada…</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="35" />
        <source>&amp;Session</source>
        <translation>&amp;Sessão</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="36" />
        <source>Sign &amp;out</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="38" />
        <source>&amp;Quit</source>
        <translation>&amp;Fechar</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="39" />
        <source>&amp;View</source>
        <translation>&amp;Exibir</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="40" />
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="43" />
        <source>As the &amp;desktop</source>
        <translation>Como a área de &amp;trabalho</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="44" />
        <source>&amp;Light</source>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="44" />
        <source>&amp;Dark</source>
        <translation>&amp;Escuro</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="59" />
        <source>Call</source>
        <translation>Chamada</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="71" />
        <source>Connection banner</source>
        <translation>Aviso de conexão</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="85" />
        <source>Today's calls</source>
        <translation>Chamadas de hoje</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="99" />
        <source>Qualify again…</source>
        <translation>Qualificar novamente…</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="112" />
        <source>The customer's CRM opens here when a call connects.</source>
        <translation>O CRM do cliente abre aqui quando uma chamada se conecta.</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="126" />
        <source>Connection state</source>
        <translation>Estado da conexão</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="171" />
        <source>%1 on %2</source>
        <translation>%1 em %2</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="179" />
        <source>Signed out</source>
        <translation>Sem sessão</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="183" />
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="186" />
        <source>● Online</source>
        <translation>● On-line</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="191" />
        <source>● Offline</source>
        <translation>● Sem conexão</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="193" />
        <source>The connection to the server was lost. Reconnecting… Your call stays on screen.</source>
        <translation>A conexão com o servidor foi perdida. Reconectando… Sua chamada continua na tela.</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="194" />
        <source>The connection to the server was lost (%1). Reconnecting… Your call stays on screen.</source>
        <translation>A conexão com o servidor foi perdida (%1). Reconectando… Sua chamada continua na tela.</translation>
    </message>
</context>
<context>
    <name>enlace::CrmPageWidget</name>
    <message>
        <location filename="../ui/web/crmpagewidget.cpp" line="41" />
        <source>The CRM page could not be shown</source>
        <translation>Não foi possível mostrar a página do CRM</translation>
    </message>
    <message>
        <location filename="../ui/web/crmpagewidget.cpp" line="54" />
        <source>&amp;Retry</source>
        <translation>&amp;Tentar novamente</translation>
    </message>
    <message>
        <location filename="../ui/web/crmpagewidget.cpp" line="56" />
        <source>Retry loading the CRM page</source>
        <translation>Tentar carregar a página do CRM novamente</translation>
    </message>
    <message>
        <location filename="../ui/web/crmpagewidget.cpp" line="112" />
        <source>Dismiss</source>
        <translation>Dispensar</translation>
    </message>
    <message>
        <location filename="../ui/web/crmpagewidget.cpp" line="132" />
        <source>The CRM page says: %1</source>
        <translation>A página do CRM diz: %1</translation>
    </message>
    <message>
        <location filename="../ui/web/crmpagewidget.cpp" line="140" />
        <source>The CRM page asks: %1</source>
        <translation>A página do CRM pergunta: %1</translation>
    </message>
    <message>
        <location filename="../ui/web/crmpagewidget.cpp" line="149" />
        <source>Answer to the CRM page</source>
        <translation>Resposta à página do CRM</translation>
    </message>
    <message>
        <location filename="../ui/web/crmpagewidget.cpp" line="154" />
        <location filename="../ui/web/crmpagewidget.cpp" line="156" />
        <source>OK</source>
        <translation>OK</translation>
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
        <translation>O endereço do CRM não é uma URL válida.</translation>
    </message>
    <message>
        <location filename="../ui/web/crmrequestloader.cpp" line="25" />
        <source>The CRM request uses a method other than GET or POST.</source>
        <translation>A requisição ao CRM usa um método diferente de GET ou POST.</translation>
    </message>
    <message>
        <location filename="../ui/web/crmrequestloader.cpp" line="29" />
        <source>Data can only be sent (POST) to an http or https address.</source>
        <translation>Só é possível enviar dados (POST) a um endereço http ou https.</translation>
    </message>
</context>
<context>
    <name>enlace::CrmTabArea</name>
    <message>
        <location filename="../ui/web/crmtabarea.cpp" line="28" />
        <source>CRM downloads</source>
        <translation>Downloads do CRM</translation>
    </message>
    <message>
        <location filename="../ui/web/crmtabarea.cpp" line="76" />
        <source>%1 — saved in %2</source>
        <translation>%1 — salvo em %2</translation>
    </message>
    <message>
        <location filename="../ui/web/crmtabarea.cpp" line="79" />
        <source>%1 — cancelled</source>
        <translation>%1 — cancelado</translation>
    </message>
    <message>
        <location filename="../ui/web/crmtabarea.cpp" line="82" />
        <source>%1 — failed: %2</source>
        <translation>%1 — falhou: %2</translation>
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
        <translation>Fazer uma chamada</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="36" />
        <source>Campaign</source>
        <translation>Campanha</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="39" />
        <source>C&amp;ampaign:</source>
        <translation>C&amp;ampanha:</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="42" />
        <source>Phone number</source>
        <translation>Número de telefone</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="43" />
        <source>Number to call</source>
        <translation>Número para chamar</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="45" />
        <source>&amp;Phone:</source>
        <translation>&amp;Telefone:</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="48" />
        <source>Search contacts</source>
        <translation>Buscar contatos</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="49" />
        <source>Name, phone or id of a contact</source>
        <translation>Nome, telefone ou id de um contato</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="51" />
        <source>&amp;Search contact:</source>
        <translation>&amp;Buscar contato:</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="56" />
        <source>Contacts found</source>
        <translation>Contatos encontrados</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="68" />
        <source>&amp;Call</source>
        <translation>&amp;Chamada</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="89" />
        <source>You are in no active campaign: there is no campaign to call from.</source>
        <translation>Você não está em nenhuma campanha ativa: não há campanha para chamar.</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="117" />
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="123" />
        <source>No contact matches.</source>
        <translation>Nenhum contato corresponde.</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="130" />
        <source>Choose a campaign.</source>
        <translation>Escolha uma campanha.</translation>
    </message>
    <message>
        <location filename="../ui/dialdialog.cpp" line="134" />
        <source>Enter the number to call.</source>
        <translation>Digite o número para chamar.</translation>
    </message>
</context>
<context>
    <name>enlace::DispositionDialog</name>
    <message>
        <location filename="../ui/dispositiondialog.cpp" line="21" />
        <source>Qualify the call</source>
        <translation>Qualificar a chamada</translation>
    </message>
    <message>
        <location filename="../ui/dispositiondialog.cpp" line="31" />
        <source>Disposition</source>
        <translation>Qualificação</translation>
    </message>
    <message>
        <location filename="../ui/dispositiondialog.cpp" line="34" />
        <source>Choose a disposition</source>
        <translation>Escolha uma qualificação</translation>
    </message>
    <message>
        <location filename="../ui/dispositiondialog.cpp" line="35" />
        <source>&amp;Disposition:</source>
        <translation>&amp;Qualificação:</translation>
    </message>
    <message>
        <location filename="../ui/dispositiondialog.cpp" line="38" />
        <source>Comments</source>
        <translation>Comentários</translation>
    </message>
    <message>
        <location filename="../ui/dispositiondialog.cpp" line="40" />
        <source>&amp;Comments:</source>
        <translation>C&amp;omentários:</translation>
    </message>
    <message>
        <location filename="../ui/dispositiondialog.cpp" line="52" />
        <source>&amp;Save</source>
        <translation>&amp;Salvar</translation>
    </message>
    <message>
        <location filename="../ui/dispositiondialog.cpp" line="57" />
        <source>This campaign has no disposition options.</source>
        <translation>Esta campanha não tem opções de qualificação.</translation>
    </message>
    <message>
        <location filename="../ui/dispositiondialog.cpp" line="72" />
        <source>Choose a disposition.</source>
        <translation>Escolha uma qualificação.</translation>
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
        <translation>Nada está guardado no chaveiro para esta conta.</translation>
    </message>
    <message>
        <location filename="../ui/secretstore.cpp" line="56" />
        <source>No system keychain answered: the token is kept in memory until you quit.</source>
        <translation>Nenhum chaveiro do sistema respondeu: o token fica na memória até você sair.</translation>
    </message>
    <message>
        <location filename="../ui/secretstore.cpp" line="79" />
        <location filename="../ui/secretstore.cpp" line="104" />
        <source>The system keychain is locked or refused access.</source>
        <translation>O chaveiro do sistema está bloqueado ou recusou o acesso.</translation>
    </message>
    <message>
        <location filename="../ui/secretstore.cpp" line="134" />
        <source>The system keychain did not remove the secret.</source>
        <translation>O chaveiro do sistema não removeu o segredo.</translation>
    </message>
</context>
<context>
    <name>enlace::LoginDialog</name>
    <message>
        <location filename="../ui/logindialog.ui" line="14" />
        <source>Sign in to Enlace</source>
        <translation>Entrar no Enlace</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="17" />
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="25" />
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="35" />
        <source>Server address</source>
        <translation>Endereço do servidor</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="48" />
        <source>Server address error</source>
        <translation>Erro no endereço do servidor</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="58" />
        <source>&amp;User:</source>
        <translation>&amp;Usuário:</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="68" />
        <source>User name</source>
        <translation>Nome de usuário</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="75" />
        <source>User name error</source>
        <translation>Erro no nome de usuário</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="85" />
        <source>&amp;Password:</source>
        <translation>S&amp;enha:</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="95" />
        <source>Password</source>
        <translation>Senha</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="105" />
        <source>Password error</source>
        <translation>Erro na senha</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="115" />
        <source>&amp;Remember password</source>
        <translation>&amp;Lembrar senha</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="118" />
        <source>Remember password</source>
        <translation>Lembrar senha</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="127" />
        <source>Keychain notice</source>
        <translation>Aviso do chaveiro</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.ui" line="137" />
        <source>Sign-in status</source>
        <translation>Estado da entrada</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.cpp" line="26" />
        <source>&amp;Sign in</source>
        <translation>&amp;Entrar</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.cpp" line="117" />
        <source>Enter your user name.</source>
        <translation>Digite seu nome de usuário.</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.cpp" line="118" />
        <source>Enter your password.</source>
        <translation>Digite sua senha.</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.cpp" line="135" />
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.cpp" line="173" />
        <source>Enter the server address, for example https://enlace.example.com.</source>
        <translation>Digite o endereço do servidor, por exemplo https://enlace.example.com.</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.cpp" line="177" />
        <source>The server address must start with http:// or https://, for example https://enlace.example.com.</source>
        <translation>O endereço do servidor deve começar com http:// ou https://, por exemplo https://enlace.example.com.</translation>
    </message>
</context>
<context>
    <name>enlace::SingleInstance</name>
    <message>
        <location filename="../ui/singleinstance.cpp" line="158" />
        <source>The message for the running Enlace console is too large.</source>
        <translation>A mensagem para o console do Enlace em execução é grande demais.</translation>
    </message>
    <message>
        <location filename="../ui/singleinstance.cpp" line="214" />
        <source>The running Enlace console did not answer.</source>
        <translation>O console do Enlace em execução não respondeu.</translation>
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
        <translation>S&amp;enha:</translation>
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
        <translation>Baixando %1…</translation>
    </message>
    <message>
        <source>Downloaded %1 to %2</source>
        <translation>%1 baixado em %2</translation>
    </message>
    <message>
        <source>The download of %1 failed: %2</source>
        <translation>O download de %1 falhou: %2</translation>
    </message>
    <message>
        <source>The customer's CRM opens here when a call connects.</source>
        <translation>O CRM do cliente abre aqui quando uma chamada se conecta.</translation>
    </message>
    <message>
        <source>CRM pages</source>
        <translation>Páginas do CRM</translation>
    </message>
    <message numerus="yes">
        <source>The CRM page of this call cannot open: %n CRM page(s) are open and every one of them belongs to a call in progress or holds unsaved work. Close one and press Open CRM.</source>
        <translation><numerusform>A página do CRM desta chamada não pode abrir: há %n página de CRM aberta e ela pertence a uma chamada em curso ou tem trabalho não salvo. Feche uma e pressione Abrir CRM.</numerusform><numerusform>A página do CRM desta chamada não pode abrir: há %n páginas de CRM abertas e todas pertencem a uma chamada em curso ou têm trabalho não salvo. Feche uma e pressione Abrir CRM.</numerusform></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Tentar novamente</translation>
    </message>
    <message>
        <source>Load the CRM page again</source>
        <translation>Carregar novamente a página do CRM</translation>
    </message>
    <message>
        <source>The CRM answered HTTP %1.</source>
        <translation>O CRM respondeu HTTP %1.</translation>
    </message>
    <message>
        <source>The CRM page could not load: %1</source>
        <translation>A página do CRM não pôde carregar: %1</translation>
    </message>
    <message>
        <source>The CRM page stopped working (its process ended).</source>
        <translation>A página do CRM parou de funcionar (seu processo terminou).</translation>
    </message>
    <message>
        <source>The CRM's certificate is not trusted (%1). Ask an administrator to trust it: SHA-256 %2</source>
        <translation>O certificado do CRM não é confiável (%1). Peça a um administrador que o aceite: SHA-256 %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <source>● %1 (unsaved)</source>
        <translation>● %1 (não salvo)</translation>
    </message>
    <message>
        <source>The CRM's address is not a web address: %1</source>
        <translation>O endereço do CRM não é um endereço web: %1</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="278" />
        <source>This page has unsaved changes, so it was kept open; the next call's page opened beside it.</source>
        <translation>Esta página tem alterações não salvas, por isso ficou aberta; a página da próxima chamada abriu ao lado.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/web/webcrmhost.cpp" line="309" />
        <source>No more CRM pages can open: %n page(s) are open and the ones of ended calls have unsaved changes. Save or close one of them and try again.</source>
        <translation><numerusform>Não é possível abrir mais páginas do CRM: há %n página aberta e a de uma chamada encerrada tem alterações não salvas. Salve ou feche-a e tente novamente.</numerusform><numerusform>Não é possível abrir mais páginas do CRM: há %n páginas abertas e as de chamadas encerradas têm alterações não salvas. Salve ou feche uma e tente novamente.</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="383" />
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="459" />
        <source>The CRM page was stopped (its process was killed, code %1). Closing other pages may free memory.</source>
        <translation>A página do CRM foi interrompida (seu processo foi encerrado, código %1). Fechar outras páginas pode liberar memória.</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="462" />
        <source>The CRM page crashed (code %1).</source>
        <translation>A página do CRM travou (código %1).</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="493" />
        <source>Leaving this page was cancelled because it has unsaved changes. Save them, or allow leaving and try again.</source>
        <translation>A saída desta página foi cancelada porque ela tem alterações não salvas. Salve-as, ou permita sair e tente novamente.</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="495" />
        <source>&amp;Allow leaving</source>
        <translation>&amp;Permitir sair</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="500" />
        <source>&amp;Stay</source>
        <translation>&amp;Ficar</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="504" />
        <source>This page was opened by sending data to the CRM; reloading it would send that data again, so it was not reloaded.</source>
        <translation>Esta página foi aberta enviando dados ao CRM; recarregá-la enviaria os dados novamente, por isso não foi recarregada.</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="537" />
        <source>The CRM answered with HTTP status %1 and no page.</source>
        <translation>O CRM respondeu com o status HTTP %1 e sem página.</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="540" />
        <source>The CRM's certificate is not trusted (%1).</source>
        <translation>O certificado do CRM não é confiável (%1).</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="543" />
        <source>The CRM's address could not be found (%1).</source>
        <translation>O endereço do CRM não foi encontrado (%1).</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="546" />
        <source>Could not connect to the CRM (%1).</source>
        <translation>Não foi possível conectar ao CRM (%1).</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="549" />
        <source>The CRM page could not be loaded (%1).</source>
        <translation>Não foi possível carregar a página do CRM (%1).</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="614" />
        <source>%1 (unsaved)</source>
        <translation>%1 (não salvo)</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="627" />
        <source>Pop-up</source>
        <translation>Janela pop-up</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="673" />
        <source>The connection to %1 is not secure: %2 The page was not loaded. Certificate SHA-256 fingerprint: %3. Only an administrator can trust this certificate.</source>
        <translation>A conexão com %1 não é segura: %2 A página não foi carregada. Impressão digital SHA-256 do certificado: %3. Só um administrador pode confiar neste certificado.</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="675" />
        <source>unknown</source>
        <translation>desconhecido</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="709" />
        <source>show notifications</source>
        <translation>mostrar notificações</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="712" />
        <source>know your location</source>
        <translation>saber sua localização</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="715" />
        <source>use your microphone</source>
        <translation>usar seu microfone</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="718" />
        <source>use your camera</source>
        <translation>usar sua câmera</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="721" />
        <source>use your microphone and camera</source>
        <translation>usar seu microfone e sua câmera</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="724" />
        <source>lock the mouse pointer</source>
        <translation>travar o ponteiro do mouse</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="727" />
        <source>capture your screen</source>
        <translation>capturar sua tela</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="740" />
        <source>%1 wants to %2.</source>
        <translation>%1 quer %2.</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="741" />
        <source>&amp;Allow</source>
        <translation>&amp;Permitir</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="741" />
        <source>&amp;Deny</source>
        <translation>&amp;Negar</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="749" />
        <source>download</source>
        <translation>download</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="799" />
        <source>This page has unsaved changes, so it was not closed.</source>
        <translation>Esta página tem alterações não salvas, por isso não foi fechada.</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="800" />
        <source>&amp;Close anyway</source>
        <translation>&amp;Fechar mesmo assim</translation>
    </message>
    <message>
        <location filename="../ui/web/webcrmhost.cpp" line="805" />
        <source>&amp;Keep it open</source>
        <translation>&amp;Mantê-la aberta</translation>
    </message>
</context>
</TS>