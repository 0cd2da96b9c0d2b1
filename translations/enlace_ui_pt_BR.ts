<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="pt_BR">
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
        <location filename="../ui/consolesession.cpp" line="77" />
        <source>The CRM page of call %1 did not load: %2</source>
        <translation>A página do CRM da chamada %1 não carregou: %2</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="84" />
        <source>Call qualified from the CRM.</source>
        <translation>Chamada qualificada pelo CRM.</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="91" />
        <source>Calling…</source>
        <translation>Chamando…</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="171" />
        <source>Not signed in. Use Session → Sign in to start.</source>
        <translation>Sem sessão. Use Sessão → Entrar para começar.</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="220" />
        <location filename="../ui/consolesession.cpp" line="264" />
        <location filename="../ui/consolesession.cpp" line="309" />
        <source>This user is not an agent: the console is for agents.</source>
        <translation>Este usuário não é um agente: o console é para agentes.</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="365" />
        <source>Your session expired. Sign in again to carry on: your calls stay as they were.</source>
        <translation>Sua sessão expirou. Entre novamente para continuar: suas chamadas ficam como estavam.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/consolesession.cpp" line="476" />
        <source>%1 (%n attempt(s))</source>
        <translation><numerusform>%1 (%n tentativa)</numerusform><numerusform>%1 (%n tentativas)</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="507" />
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="507" />
        <source>CRM · %1</source>
        <translation>CRM · %1</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="518" />
        <source>This call has no CRM page to open.</source>
        <translation>Esta chamada não tem página de CRM para abrir.</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="578" />
        <source>There is no call to qualify.</source>
        <translation>Não há chamada para qualificar.</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="588" />
        <source>Call %1 · %2 · %3</source>
        <translation>Chamada %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="616" />
        <source>That call is not in the list.</source>
        <translation>Essa chamada não está na lista.</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="657" />
        <location filename="../ui/consolesession.cpp" line="695" />
        <source>Sign in to place the call.</source>
        <translation>Entre para fazer a chamada.</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="723" />
        <source>Close the console?</source>
        <translation>Fechar o console?</translation>
    </message>
    <message>
        <location filename="../ui/consolesession.cpp" line="724" />
        <source>A call is in progress (%1). Close the console anyway?</source>
        <translation>Há uma chamada em curso (%1). Fechar o console mesmo assim?</translation>
    </message>
</context>
<context>
    <name>enlace::ConsoleWindow</name>
    <message>
        <location filename="../ui/consolewindow.cpp" line="28" />
        <source>Enlace — agent console</source>
        <translation>Enlace — console de agente</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="30" />
        <source>&amp;Call</source>
        <translation>&amp;Chamada</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="31" />
        <source>&amp;Open CRM</source>
        <translation>&amp;Abrir CRM</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="32" />
        <source>&amp;Qualify…</source>
        <translation>&amp;Qualificar…</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="33" />
        <source>&amp;Place a call…</source>
        <translation>&amp;Fazer uma chamada…</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="34" />
        <source>&amp;Session</source>
        <translation>&amp;Sessão</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="35" />
        <source>Sign &amp;out</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="37" />
        <source>&amp;Quit</source>
        <translation>&amp;Fechar</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="46" />
        <source>Call</source>
        <translation>Chamada</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="58" />
        <source>Connection banner</source>
        <translation>Aviso de conexão</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="72" />
        <source>Today's calls</source>
        <translation>Chamadas de hoje</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="81" />
        <source>Qualify again…</source>
        <translation>Qualificar novamente…</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="94" />
        <source>The customer's CRM opens here when a call connects.</source>
        <translation>O CRM do cliente abre aqui quando uma chamada se conecta.</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="108" />
        <source>Connection state</source>
        <translation>Estado da conexão</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="153" />
        <source>%1 on %2</source>
        <translation>%1 em %2</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="161" />
        <source>Signed out</source>
        <translation>Sem sessão</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="165" />
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="168" />
        <source>● Online</source>
        <translation>● On-line</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="173" />
        <source>● Offline</source>
        <translation>● Sem conexão</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="175" />
        <source>The connection to the server was lost. Reconnecting… Your call stays on screen.</source>
        <translation>A conexão com o servidor foi perdida. Reconectando… Sua chamada continua na tela.</translation>
    </message>
    <message>
        <location filename="../ui/consolewindow.cpp" line="176" />
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