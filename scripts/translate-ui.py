#!/usr/bin/env python3
"""Fills translations/enlace_ui_{es,pt_BR}.ts from the table below after `lupdate` (scripts/update-translations runs both),
and the English plural forms.
Entries without a translation here stay unfinished, and the translation check reports them."""
import sys
import xml.etree.ElementTree as ET

T = {
 'Not signed in': ('Sin sesión iniciada', 'Sem sessão iniciada'),
 'Online': ('En línea', 'On-line'),
 'Offline, reconnecting': ('Sin conexión, reconectando', 'Sem conexão, reconectando'),
 'New call': ('Llamada nueva', 'Nova chamada'),
 'CRM not connected': ('CRM no conectado', 'CRM não conectado'),
 'Call %1: %2': ('Llamada %1: %2', 'Chamada %1: %2'),
 'Show console': ('Mostrar la consola', 'Mostrar o console'),
 'Enlace — %1': ('Enlace — %1', 'Enlace — %1'),
 '&View': ('&Ver', '&Exibir'),
 '&Theme': ('&Tema', '&Tema'),
 'As the &desktop': ('Como el &escritorio', 'Como a área de &trabalho'),
 '&Light': ('&Claro', '&Claro'),
 '&Dark': ('&Oscuro', '&Escuro'),
 'Ringing': ('Sonando', 'Tocando'),
 'Connected': ('Conectada', 'Conectada'),
 'Ended': ('Finalizada', 'Encerrada'),
 'Failed': ('Fallida', 'Falhou'),
 'Time': ('Hora', 'Hora'),
 'Phone': ('Teléfono', 'Telefone'),
 'Contact': ('Contacto', 'Contato'),
 'Campaign': ('Campaña', 'Campanha'),
 'State': ('Estado', 'Estado'),
 'Duration': ('Duración', 'Duração'),
 'Disposition': ('Calificación', 'Qualificação'),
 'Phone number': ('Número de teléfono', 'Número de telefone'),
 'Elapsed time': ('Tiempo transcurrido', 'Tempo decorrido'),
 'State:': ('Estado:', 'Estado:'),
 'Campaign:': ('Campaña:', 'Campanha:'),
 'Contact:': ('Contacto:', 'Contato:'),
 'Call id:': ('Id de llamada:', 'Id da chamada:'),
 'Contact data': ('Datos del contacto', 'Dados do contato'),
 'CRM status': ('Estado del CRM', 'Estado do CRM'),
 '&Open CRM': ('&Abrir CRM', '&Abrir CRM'),
 'Open CRM': ('Abrir CRM', 'Abrir CRM'),
 "Open the customer's CRM page for this call (Ctrl+Shift+O)": ('Abrir la página del CRM del cliente para esta llamada (Ctrl+Mayús+O)', 'Abrir a página do CRM do cliente para esta chamada (Ctrl+Shift+O)'),
 '&Qualify…': ('&Calificar…', '&Qualificar…'),
 'Qualify the call': ('Calificar la llamada', 'Qualificar a chamada'),
 'Waiting for calls': ('Esperando llamadas', 'Aguardando chamadas'),
 'Available': ('Disponible', 'Disponível'),
 'Active call': ('Llamada en curso', 'Chamada em curso'),
 'Last call': ('Última llamada', 'Última chamada'),
 'Contact %1': ('Contacto %1', 'Contato %1'),
 'Unknown': ('Desconocido', 'Desconhecido'),
 'CRM connected': ('CRM conectado', 'CRM conectado'),
 'CRM not connected: %1': ('CRM no conectado: %1', 'CRM não conectado: %1'),
 'Enlace agent console.': ('Consola de agente de Enlace.', 'Console de agente do Enlace.'),
 'Address of the Enlace server (http or https).': ('Dirección del servidor de Enlace (http o https).', 'Endereço do servidor do Enlace (http ou https).'),
 'URL': ('URL', 'URL'),
 'User name to log in with.': ('Usuario con el que iniciar sesión.', 'Usuário para entrar.'),
 'NAME': ('NOMBRE', 'NOME'),
 'Read the password from the first line of standard input.': ('Leer la contraseña de la primera línea de la entrada estándar.', 'Ler a senha da primeira linha da entrada padrão.'),
 'Language of the console: es, en or pt_BR.': ('Idioma de la consola: es, en o pt_BR.', 'Idioma do console: es, en ou pt_BR.'),
 'LANGUAGE': ('IDIOMA', 'IDIOMA'),
 'Log in to the local demo server as the demo agent.': ('Iniciar sesión en el servidor de demostración local como el agente de demostración.', 'Entrar no servidor de demonstração local como o agente de demonstração.'),
 'A tel: or callto: link to dial.': ('Un enlace tel: o callto: para marcar.', 'Um link tel: ou callto: para discar.'),
 '[tel:NUMBER | callto:NUMBER]': ('[tel:NÚMERO | callto:NÚMERO]', '[tel:NÚMERO | callto:NÚMERO]'),
 '--server: “%1” is not an http:// or https:// address.': ('--server: «%1» no es una dirección http:// o https://.', '--server: “%1” não é um endereço http:// ou https://.'),
 '--user: the user name is empty.': ('--user: el nombre de usuario está vacío.', '--user: o nome de usuário está vazio.'),
 '--lang: unknown language “%1” (es, en or pt_BR).': ('--lang: idioma desconocido «%1» (es, en o pt_BR).', '--lang: idioma desconhecido “%1” (es, en ou pt_BR).'),
 '--password-stdin: standard input cannot be read.': ('--password-stdin: no se puede leer la entrada estándar.', '--password-stdin: não é possível ler a entrada padrão.'),
 '--password-stdin: no password on standard input.': ('--password-stdin: no hay contraseña en la entrada estándar.', '--password-stdin: nenhuma senha na entrada padrão.'),
 'Only one number can be dialled; unexpected “%1”.': ('Solo se puede marcar un número; sobra «%1».', 'Só é possível discar um número; “%1” inesperado.'),
 '“%1” is not a tel: or callto: link.': ('«%1» no es un enlace tel: o callto:.', '“%1” não é um link tel: ou callto:.'),
 '“%1” is not a phone number: unexpected “%2”.': ('«%1» no es un número de teléfono: «%2» inesperado.', '“%1” não é um número de telefone: “%2” inesperado.'),
 '“%1” has no phone number to dial.': ('«%1» no tiene un número para marcar.', '“%1” não tem número para discar.'),
 'The CRM page of call %1 did not load: %2': ('La página del CRM de la llamada %1 no cargó: %2', 'A página do CRM da chamada %1 não carregou: %2'),
 'Call qualified from the CRM.': ('Llamada calificada desde el CRM.', 'Chamada qualificada pelo CRM.'),
 'Calling…': ('Llamando…', 'Chamando…'),
 'Not signed in. Use Session → Sign in to start.': ('Sin sesión iniciada. Use Sesión → Iniciar sesión para empezar.', 'Sem sessão. Use Sessão → Entrar para começar.'),
 'This user is not an agent: the console is for agents.': ('Este usuario no es un agente: la consola es para agentes.', 'Este usuário não é um agente: o console é para agentes.'),
 'Your session expired. Sign in again to carry on: your calls stay as they were.': ('Su sesión expiró. Inicie sesión de nuevo para continuar: sus llamadas quedan como estaban.', 'Sua sessão expirou. Entre novamente para continuar: suas chamadas ficam como estavam.'),
 '%1 (%n attempt(s))': (('%1 (%n intento)', '%1 (%n intentos)'), ('%1 (%n tentativa)', '%1 (%n tentativas)')),
 'CRM': ('CRM', 'CRM'),
 'CRM · %1': ('CRM · %1', 'CRM · %1'),
 'This call has no CRM page to open.': ('Esta llamada no tiene una página de CRM para abrir.', 'Esta chamada não tem página de CRM para abrir.'),
 'There is no call to qualify.': ('No hay ninguna llamada para calificar.', 'Não há chamada para qualificar.'),
 'Call %1 · %2 · %3': ('Llamada %1 · %2 · %3', 'Chamada %1 · %2 · %3'),
 'That call is not in the list.': ('Esa llamada no está en la lista.', 'Essa chamada não está na lista.'),
 'Sign in to place the call.': ('Inicie sesión para hacer la llamada.', 'Entre para fazer a chamada.'),
 'Close the console?': ('¿Cerrar la consola?', 'Fechar o console?'),
 'A call is in progress (%1). Close the console anyway?': ('Hay una llamada en curso (%1). ¿Cerrar la consola de todos modos?', 'Há uma chamada em curso (%1). Fechar o console mesmo assim?'),
 'Enlace — agent console': ('Enlace — consola de agente', 'Enlace — console de agente'),
 '&Call': ('&Llamada', '&Chamada'),
 '&Place a call…': ('&Hacer una llamada…', '&Fazer uma chamada…'),
 '&Session': ('&Sesión', '&Sessão'),
 'Sign &out': ('&Cerrar sesión', '&Sair'),
 '&Quit': ('&Salir', '&Fechar'),
 'Call': ('Llamada', 'Chamada'),
 'Connection banner': ('Aviso de conexión', 'Aviso de conexão'),
 "Today's calls": ('Llamadas de hoy', 'Chamadas de hoje'),
 'Qualify again…': ('Calificar de nuevo…', 'Qualificar novamente…'),
 "The customer's CRM opens here when a call connects.": ('El CRM del cliente se abre aquí cuando una llamada se conecta.', 'O CRM do cliente abre aqui quando uma chamada se conecta.'),
 'Connection state': ('Estado de la conexión', 'Estado da conexão'),
 '%1 on %2': ('%1 en %2', '%1 em %2'),
 'Signed out': ('Sin sesión', 'Sem sessão'),
 'Connecting…': ('Conectando…', 'Conectando…'),
 '● Online': ('● En línea', '● On-line'),
 '● Offline': ('● Sin conexión', '● Sem conexão'),
 'The connection to the server was lost. Reconnecting… Your call stays on screen.': ('Se perdió la conexión con el servidor. Reconectando… Su llamada sigue en pantalla.', 'A conexão com o servidor foi perdida. Reconectando… Sua chamada continua na tela.'),
 'The connection to the server was lost (%1). Reconnecting… Your call stays on screen.': ('Se perdió la conexión con el servidor (%1). Reconectando… Su llamada sigue en pantalla.', 'A conexão com o servidor foi perdida (%1). Reconectando… Sua chamada continua na tela.'),
 'Place a call': ('Hacer una llamada', 'Fazer uma chamada'),
 'C&ampaign:': ('C&ampaña:', 'C&ampanha:'),
 'Number to call': ('Número a llamar', 'Número para chamar'),
 '&Phone:': ('&Teléfono:', '&Telefone:'),
 'Search contacts': ('Buscar contactos', 'Buscar contatos'),
 'Name, phone or id of a contact': ('Nombre, teléfono o id de un contacto', 'Nome, telefone ou id de um contato'),
 '&Search contact:': ('&Buscar contacto:', '&Buscar contato:'),
 'Contacts found': ('Contactos encontrados', 'Contatos encontrados'),
 'You are in no active campaign: there is no campaign to call from.': ('No está en ninguna campaña activa: no hay campaña desde la cual llamar.', 'Você não está em nenhuma campanha ativa: não há campanha para chamar.'),
 '%1 · %2': ('%1 · %2', '%1 · %2'),
 'No contact matches.': ('Ningún contacto coincide.', 'Nenhum contato corresponde.'),
 'Choose a campaign.': ('Elija una campaña.', 'Escolha uma campanha.'),
 'Enter the number to call.': ('Ingrese el número a llamar.', 'Digite o número para chamar.'),
 'Choose a disposition': ('Elija una calificación', 'Escolha uma qualificação'),
 '&Disposition:': ('&Calificación:', '&Qualificação:'),
 'Comments': ('Comentarios', 'Comentários'),
 '&Comments:': ('C&omentarios:', 'C&omentários:'),
 '&Save': ('&Guardar', '&Salvar'),
 'This campaign has no disposition options.': ('Esta campaña no tiene opciones de calificación.', 'Esta campanha não tem opções de qualificação.'),
 'Choose a disposition.': ('Elija una calificación.', 'Escolha uma qualificação.'),
 'Nothing is stored in the keychain for this account.': ('No hay nada guardado en el llavero para esta cuenta.', 'Nada está guardado no chaveiro para esta conta.'),
 'No system keychain answered: the token is kept in memory until you quit.': ('Ningún llavero del sistema respondió: el token se guarda en memoria hasta que salga.', 'Nenhum chaveiro do sistema respondeu: o token fica na memória até você sair.'),
 'The system keychain is locked or refused access.': ('El llavero del sistema está bloqueado o negó el acceso.', 'O chaveiro do sistema está bloqueado ou recusou o acesso.'),
 'The system keychain did not remove the secret.': ('El llavero del sistema no eliminó el secreto.', 'O chaveiro do sistema não removeu o segredo.'),
 'Sign in to Enlace': ('Iniciar sesión en Enlace', 'Entrar no Enlace'),
 'Sign in': ('Iniciar sesión', 'Entrar'),
 '&Server:': ('&Servidor:', '&Servidor:'),
 'Server address': ('Dirección del servidor', 'Endereço do servidor'),
 'Server address error': ('Error en la dirección del servidor', 'Erro no endereço do servidor'),
 '&User:': ('&Usuario:', '&Usuário:'),
 'User name': ('Nombre de usuario', 'Nome de usuário'),
 'User name error': ('Error en el nombre de usuario', 'Erro no nome de usuário'),
 '&Password:': ('&Contraseña:', 'S&enha:'),
 'Password': ('Contraseña', 'Senha'),
 'Password error': ('Error en la contraseña', 'Erro na senha'),
 '&Remember password': ('&Recordar contraseña', '&Lembrar senha'),
 'Remember password': ('Recordar contraseña', 'Lembrar senha'),
 'Keychain notice': ('Aviso del llavero', 'Aviso do chaveiro'),
 'Sign-in status': ('Estado del inicio de sesión', 'Estado da entrada'),
 '&Sign in': ('&Iniciar sesión', '&Entrar'),
 'Enter your user name.': ('Ingrese su nombre de usuario.', 'Digite seu nome de usuário.'),
 'Enter your password.': ('Ingrese su contraseña.', 'Digite sua senha.'),
 'Enter the server address, for example https://enlace.example.com.': ('Ingrese la dirección del servidor, por ejemplo https://enlace.example.com.', 'Digite o endereço do servidor, por exemplo https://enlace.example.com.'),
 'The server address must start with http:// or https://, for example https://enlace.example.com.': ('La dirección del servidor debe empezar con http:// o https://, por ejemplo https://enlace.example.com.', 'O endereço do servidor deve começar com http:// ou https://, por exemplo https://enlace.example.com.'),
 'The message for the running Enlace console is too large.': ('El mensaje para la consola de Enlace en ejecución es demasiado grande.', 'A mensagem para o console do Enlace em execução é grande demais.'),
 'The running Enlace console did not answer.': ('La consola de Enlace en ejecución no respondió.', 'O console do Enlace em execução não respondeu.'),
 'Downloading %1…': ('Descargando %1…', 'Baixando %1…'),
 'Downloaded %1 to %2': ('%1 descargado en %2', '%1 baixado em %2'),
 'The download of %1 failed: %2': ('La descarga de %1 falló: %2', 'O download de %1 falhou: %2'),
 'CRM pages': ('Páginas del CRM', 'Páginas do CRM'),
 'The CRM page of this call cannot open: %n CRM page(s) are open and every one of them belongs to a call in progress or holds unsaved work. Close one and press Open CRM.': (
    ('La página del CRM de esta llamada no puede abrirse: hay %n página de CRM abierta y pertenece a una llamada en curso o tiene trabajo sin guardar. Cierre una y pulse Abrir CRM.',
     'La página del CRM de esta llamada no puede abrirse: hay %n páginas de CRM abiertas y todas pertenecen a una llamada en curso o tienen trabajo sin guardar. Cierre una y pulse Abrir CRM.'),
    ('A página do CRM desta chamada não pode abrir: há %n página de CRM aberta e ela pertence a uma chamada em curso ou tem trabalho não salvo. Feche uma e pressione Abrir CRM.',
     'A página do CRM desta chamada não pode abrir: há %n páginas de CRM abertas e todas pertencem a uma chamada em curso ou têm trabalho não salvo. Feche uma e pressione Abrir CRM.')),
 '&Retry': ('&Reintentar', '&Tentar novamente'),
 'Load the CRM page again': ('Cargar de nuevo la página del CRM', 'Carregar novamente a página do CRM'),
 'The CRM answered HTTP %1.': ('El CRM respondió HTTP %1.', 'O CRM respondeu HTTP %1.'),
 'The CRM page could not load: %1': ('La página del CRM no pudo cargar: %1', 'A página do CRM não pôde carregar: %1'),
 'The CRM page stopped working (its process ended).': ('La página del CRM dejó de funcionar (su proceso terminó).', 'A página do CRM parou de funcionar (seu processo terminou).'),
 "The CRM's certificate is not trusted (%1). Ask an administrator to trust it: SHA-256 %2": ('El certificado del CRM no es de confianza (%1). Pida a un administrador que lo acepte: SHA-256 %2', 'O certificado do CRM não é confiável (%1). Peça a um administrador que o aceite: SHA-256 %2'),
 'none': ('ninguno', 'nenhum'),
 '● %1 (unsaved)': ('● %1 (sin guardar)', '● %1 (não salvo)'),
 "The CRM's address is not a web address: %1": ('La dirección del CRM no es una dirección web: %1', 'O endereço do CRM não é um endereço web: %1'),
'The CRM page could not be shown': ('No se pudo mostrar la página del CRM', 'Não foi possível mostrar a página do CRM'),
 'Retry loading the CRM page': ('Reintentar la carga de la página del CRM', 'Tentar carregar a página do CRM novamente'),
 'Dismiss': ('Descartar', 'Dispensar'),
 'The CRM page says: %1': ('La página del CRM dice: %1', 'A página do CRM diz: %1'),
 'The CRM page asks: %1': ('La página del CRM pregunta: %1', 'A página do CRM pergunta: %1'),
 'Answer to the CRM page': ('Respuesta a la página del CRM', 'Resposta à página do CRM'),
 'OK': ('Aceptar', 'OK'),
 'Cancel': ('Cancelar', 'Cancelar'),
 'The CRM address is not a valid URL.': ('La dirección del CRM no es una URL válida.', 'O endereço do CRM não é uma URL válida.'),
 'The CRM request uses a method other than GET or POST.': ('La solicitud al CRM usa un método distinto de GET o POST.', 'A requisição ao CRM usa um método diferente de GET ou POST.'),
 'Data can only be sent (POST) to an http or https address.': ('Solo se pueden enviar datos (POST) a una dirección http o https.', 'Só é possível enviar dados (POST) a um endereço http ou https.'),
 'CRM downloads': ('Descargas del CRM', 'Downloads do CRM'),
 '%1 — saved in %2': ('%1 — guardado en %2', '%1 — salvo em %2'),
 '%1 — cancelled': ('%1 — cancelado', '%1 — cancelado'),
 '%1 — failed: %2': ('%1 — falló: %2', '%1 — falhou: %2'),
 '%1 — %2 of %3': ('%1 — %2 de %3', '%1 — %2 de %3'),
 '%1 — %2': ('%1 — %2', '%1 — %2'),
 '%1 — CRM': ('%1 — CRM', '%1 — CRM'),
 "This page has unsaved changes, so it was kept open; the next call's page opened beside it.": ('Esta página tiene cambios sin guardar, así que quedó abierta; la página de la llamada siguiente se abrió a su lado.', 'Esta página tem alterações não salvas, por isso ficou aberta; a página da próxima chamada abriu ao lado.'),
 'No more CRM pages can open: %n page(s) are open and the ones of ended calls have unsaved changes. Save or close one of them and try again.': (
    ('No se pueden abrir más páginas del CRM: hay %n página abierta y la de una llamada finalizada tiene cambios sin guardar. Guárdela o ciérrela e intente de nuevo.',
     'No se pueden abrir más páginas del CRM: hay %n páginas abiertas y las de llamadas finalizadas tienen cambios sin guardar. Guarde o cierre una e intente de nuevo.'),
    ('Não é possível abrir mais páginas do CRM: há %n página aberta e a de uma chamada encerrada tem alterações não salvas. Salve ou feche-a e tente novamente.',
     'Não é possível abrir mais páginas do CRM: há %n páginas abertas e as de chamadas encerradas têm alterações não salvas. Salve ou feche uma e tente novamente.')),
 'The CRM page was stopped (its process was killed, code %1). Closing other pages may free memory.': ('La página del CRM se detuvo (su proceso fue terminado, código %1). Cerrar otras páginas puede liberar memoria.', 'A página do CRM foi interrompida (seu processo foi encerrado, código %1). Fechar outras páginas pode liberar memória.'),
 'The CRM page crashed (code %1).': ('La página del CRM falló (código %1).', 'A página do CRM travou (código %1).'),
 'Leaving this page was cancelled because it has unsaved changes. Save them, or allow leaving and try again.': ('Se canceló la salida de esta página porque tiene cambios sin guardar. Guárdelos, o permita salir e intente de nuevo.', 'A saída desta página foi cancelada porque ela tem alterações não salvas. Salve-as, ou permita sair e tente novamente.'),
 '&Allow leaving': ('&Permitir salir', '&Permitir sair'),
 '&Stay': ('&Quedarse', '&Ficar'),
 'This page was opened by sending data to the CRM; reloading it would send that data again, so it was not reloaded.': ('Esta página se abrió enviando datos al CRM; recargarla los enviaría de nuevo, así que no se recargó.', 'Esta página foi aberta enviando dados ao CRM; recarregá-la enviaria os dados novamente, por isso não foi recarregada.'),
 'The CRM answered with HTTP status %1 and no page.': ('El CRM respondió con el estado HTTP %1 y sin página.', 'O CRM respondeu com o status HTTP %1 e sem página.'),
 "The CRM's certificate is not trusted (%1).": ('El certificado del CRM no es de confianza (%1).', 'O certificado do CRM não é confiável (%1).'),
 "The CRM's address could not be found (%1).": ('No se encontró la dirección del CRM (%1).', 'O endereço do CRM não foi encontrado (%1).'),
 'Could not connect to the CRM (%1).': ('No se pudo conectar con el CRM (%1).', 'Não foi possível conectar ao CRM (%1).'),
 'The CRM page could not be loaded (%1).': ('No se pudo cargar la página del CRM (%1).', 'Não foi possível carregar a página do CRM (%1).'),
 '%1 (unsaved)': ('%1 (sin guardar)', '%1 (não salvo)'),
 'Pop-up': ('Ventana emergente', 'Janela pop-up'),
 'The connection to %1 is not secure: %2 The page was not loaded. Certificate SHA-256 fingerprint: %3. Only an administrator can trust this certificate.': ('La conexión con %1 no es segura: %2 La página no se cargó. Huella SHA-256 del certificado: %3. Solo un administrador puede confiar en este certificado.', 'A conexão com %1 não é segura: %2 A página não foi carregada. Impressão digital SHA-256 do certificado: %3. Só um administrador pode confiar neste certificado.'),
 'unknown': ('desconocido', 'desconhecido'),
 'show notifications': ('mostrar notificaciones', 'mostrar notificações'),
 'know your location': ('conocer su ubicación', 'saber sua localização'),
 'use your microphone': ('usar su micrófono', 'usar seu microfone'),
 'use your camera': ('usar su cámara', 'usar sua câmera'),
 'use your microphone and camera': ('usar su micrófono y su cámara', 'usar seu microfone e sua câmera'),
 'lock the mouse pointer': ('bloquear el puntero del ratón', 'travar o ponteiro do mouse'),
 'capture your screen': ('capturar su pantalla', 'capturar sua tela'),
 '%1 wants to %2.': ('%1 quiere %2.', '%1 quer %2.'),
 '&Allow': ('&Permitir', '&Permitir'),
 '&Deny': ('&Denegar', '&Negar'),
 'download': ('descarga', 'download'),
 'This page has unsaved changes, so it was not closed.': ('Esta página tiene cambios sin guardar, así que no se cerró.', 'Esta página tem alterações não salvas, por isso não foi fechada.'),
 '&Close anyway': ('&Cerrar de todos modos', '&Fechar mesmo assim'),
 '&Keep it open': ('&Mantenerla abierta', '&Mantê-la aberta'),
}

def fill(path, idx):
    tree = ET.parse(path)
    root = tree.getroot()
    missing = []
    for ctx in list(root.findall('context')):
        if ctx.find('name').text == 'QWebEnginePage':   # Qt's own text, compared with, never ours to translate
            root.remove(ctx)
            continue
        for m in ctx.findall('message'):
            src = m.find('source').text
            tr = m.find('translation')
            if src not in T:
                if tr.get('type') == 'unfinished':
                    missing.append(src)
                continue
            value = T[src][idx]
            for child in list(tr):
                tr.remove(child)
            tr.text = None
            if m.get('numerus') == 'yes':
                forms = value if isinstance(value, tuple) else (value, value)
                for f in forms:
                    e = ET.SubElement(tr, 'numerusform')
                    e.text = f
            else:
                tr.text = value[0] if isinstance(value, tuple) else value
            tr.attrib.pop('type', None)
    tree.write(path, encoding='utf-8', xml_declaration=True)
    return missing

# English is the source; its file (lupdate -pluralonly) only holds the plural forms: one, other.
EN_PLURALS = {
 'No more CRM pages can open: %n page(s) are open and the ones of ended calls have unsaved changes. Save or close one of them and try again.':
    ('No more CRM pages can open: %n page is open and the one of an ended call has unsaved changes. Save or close it and try again.',
     'No more CRM pages can open: %n pages are open and the ones of ended calls have unsaved changes. Save or close one of them and try again.'),
}

def fill_english(path):
    tree = ET.parse(path)
    for m in tree.getroot().iter('message'):
        if m.get('numerus') != 'yes':
            continue
        src = m.find('source').text
        tr = m.find('translation')
        one, other = EN_PLURALS.get(src, (src.replace('(s)', ''), src.replace('(s)', 's')))
        for child in list(tr):
            tr.remove(child)
        tr.text = None
        for f in (one, other):
            ET.SubElement(tr, 'numerusform').text = f
        tr.attrib.pop('type', None)
    tree.write(path, encoding='utf-8', xml_declaration=True)

fill_english('translations/enlace_ui_en.ts')

ok = True
for path, idx in (('translations/enlace_ui_es.ts', 0), ('translations/enlace_ui_pt_BR.ts', 1)):
    missing = fill(path, idx)
    for s in missing:
        print(f'{path}: no translation for {s!r}', file=sys.stderr)
        ok = False
sys.exit(0 if ok else 1)
