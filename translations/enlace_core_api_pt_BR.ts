<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>Api</name>
    <message>
        <source>This field is required.</source>
        <translation>Este campo é obrigatório.</translation>
    </message>
    <message>
        <source>Not a valid string.</source>
        <translation>Não é uma string válida.</translation>
    </message>
    <message>
        <source>Malformed JSON in the request body.</source>
        <translation>JSON malformado no corpo da requisição.</translation>
    </message>
    <message>
        <source>The request body must be a JSON object.</source>
        <translation>O corpo da requisição deve ser um objeto JSON.</translation>
    </message>
    <message>
        <source>There were errors on received data</source>
        <translation>Houve erros nos dados recebidos</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>Não encontrado.</translation>
    </message>
    <message>
        <source>The request conflicts with the current state.</source>
        <translation>A requisição conflita com o estado atual.</translation>
    </message>
    <message>
        <source>You do not have permission to perform this action.</source>
        <translation>Você não tem permissão para executar essa ação.</translation>
    </message>
    <message>
        <source>The service is temporarily unavailable.</source>
        <translation>O serviço está temporariamente indisponível.</translation>
    </message>
    <message>
        <source>Internal server error.</source>
        <translation>Erro interno do servidor.</translation>
    </message>
    <message>
        <source>Method &quot;%1&quot; not allowed.</source>
        <translation>Método &quot;%1&quot; não permitido.</translation>
    </message>
    <message>
        <source>Authentication credentials were not provided.</source>
        <translation>As credenciais de autenticação não foram fornecidas.</translation>
    </message>
    <message>
        <source>The request took too long to arrive.</source>
        <translation>A requisição demorou demais para chegar.</translation>
    </message>
    <message>
        <source>The request headers are too large.</source>
        <translation>Os cabeçalhos da requisição são grandes demais.</translation>
    </message>
    <message>
        <source>Malformed HTTP request.</source>
        <translation>Requisição HTTP malformada.</translation>
    </message>
    <message>
        <source>Only HTTP/1.0 and HTTP/1.1 are supported.</source>
        <translation>Apenas HTTP/1.0 e HTTP/1.1 são suportados.</translation>
    </message>
    <message>
        <source>The request body is too large (at most %1 bytes).</source>
        <translation>O corpo da requisição é grande demais (no máximo %1 bytes).</translation>
    </message>
    <message>
        <source>The server has no room for the upload now.</source>
        <translation>O servidor não tem espaço para o envio agora.</translation>
    </message>
    <message>
        <source>Too many uploads at once; try again in a moment.</source>
        <translation>Envios demais ao mesmo tempo; tente novamente em instantes.</translation>
    </message>
    <message>
        <source>The import stopped before it ended: the server running it went away. Nothing was imported; upload the file again.</source>
        <translation>A importação parou antes de terminar: o servidor que a fazia deixou de funcionar. Nada foi importado; envie o arquivo novamente.</translation>
    </message>
    <message>
        <source>Cannot read the TLS certificate file %1.</source>
        <translation>Não é possível ler o arquivo de certificado TLS %1.</translation>
    </message>
    <message>
        <source>The TLS certificate file %1 holds no PEM certificate.</source>
        <translation>O arquivo de certificado TLS %1 não contém nenhum certificado PEM.</translation>
    </message>
    <message>
        <source>Cannot read the TLS key file %1.</source>
        <translation>Não é possível ler o arquivo de chave TLS %1.</translation>
    </message>
    <message>
        <source>The TLS key file %1 holds no unencrypted PEM RSA or EC key.</source>
        <translation>O arquivo de chave TLS %1 não contém nenhuma chave PEM RSA ou EC sem criptografia.</translation>
    </message>
    <message>
        <source>TLS is not available on this system.</source>
        <translation>TLS não está disponível neste sistema.</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2</source>
        <translation>Não é possível escutar em %1:%2</translation>
    </message>
    <message>
        <source>Invalid Token</source>
        <translation>Token inválido</translation>
    </message>
    <message>
        <source>The Token is expired</source>
        <translation>O Token expirou</translation>
    </message>
    <message>
        <source>User is not active</source>
        <translation>O usuário não está ativo</translation>
    </message>
    <message>
        <source>Too many failed logins. Try again in %1 seconds.</source>
        <translation>Muitas tentativas de login falharam. Tente novamente em %1 segundos.</translation>
    </message>
    <message>
        <source>Invalid Credentials or activate account</source>
        <translation>Credenciais inválidas ou conta não ativada</translation>
    </message>
    <message>
        <source>Only agents have an event channel.</source>
        <translation>Apenas agentes têm um canal de eventos.</translation>
    </message>
    <message>
        <source>Tokens are not accepted in the URL: send the token in the first message (auth) or in the Authorization header.</source>
        <translation>Tokens não são aceitos na URL: envie o token na primeira mensagem (auth) ou no cabeçalho Authorization.</translation>
    </message>
    <message>
        <source>Already authenticated.</source>
        <translation>Já autenticado.</translation>
    </message>
    <message>
        <source>Unknown message type.</source>
        <translation>Tipo de mensagem desconhecido.</translation>
    </message>
    <message>
        <source>Call not found.</source>
        <translation>Chamada não encontrada.</translation>
    </message>
    <message>
        <source>The database does not answer.</source>
        <translation>O banco de dados não responde.</translation>
    </message>
    <message>
        <source>The database cannot be read: its file is damaged or is not a database.</source>
        <translation>Não é possível ler o banco de dados: o arquivo está danificado ou não é um banco de dados.</translation>
    </message>
    <message>
        <source>The server is busy recording calls; try again in a moment.</source>
        <translation>O servidor está ocupado registrando chamadas; tente novamente em instantes.</translation>
    </message>
    <message>
        <source>The telephony server is not available.</source>
        <translation>O servidor de telefonia não está disponível.</translation>
    </message>
    <message>
        <source>Server-side delivery is not available.</source>
        <translation>O envio pelo servidor não está disponível.</translation>
    </message>
    <message>
        <source>Disposition not found.</source>
        <translation>Qualificação não encontrada.</translation>
    </message>
    <message>
        <source>%1 must be true or false, not &quot;%2&quot;.</source>
        <translation>%1 deve ser true ou false, não &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>%1 must be a positive whole number, not &quot;%2&quot;.</source>
        <translation>%1 deve ser um número inteiro positivo, não &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>The log level must be debug, info, warning or error, not &quot;%1&quot;.</source>
        <translation>O nível de log deve ser debug, info, warning ou error, não &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Cannot read the listen address &quot;%1&quot;; use host:port.</source>
        <translation>Não é possível ler o endereço de escuta &quot;%1&quot;; use host:porta.</translation>
    </message>
    <message>
        <source>The listen host &quot;%1&quot; is not an IP address.</source>
        <translation>O host de escuta &quot;%1&quot; não é um endereço IP.</translation>
    </message>
    <message>
        <source>The configuration file %1 does not exist.</source>
        <translation>O arquivo de configuração %1 não existe.</translation>
    </message>
    <message>
        <source>Cannot read the configuration file %1.</source>
        <translation>Não é possível ler o arquivo de configuração %1.</translation>
    </message>
    <message>
        <source>TLS needs both a certificate and a key.</source>
        <translation>TLS precisa de um certificado e de uma chave.</translation>
    </message>
    <message>
        <source>%1 must be a positive number, not &quot;%2&quot;.</source>
        <translation>%1 deve ser um número positivo, não &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>The form has more than %1 fields.</source>
        <translation>O formulário tem mais de %1 campos.</translation>
    </message>
    <message>
        <source>Text may not contain the NUL character.</source>
        <translation>O texto não pode conter o caractere NUL.</translation>
    </message>
    <message>
        <source>The database is read-only: nothing can be saved until it is writable again.</source>
        <translation>O banco de dados está somente leitura: nada pode ser salvo até que volte a aceitar gravações.</translation>
    </message>
    <message>
        <source>The database&apos;s disk is full: nothing can be saved until space is freed.</source>
        <translation>O disco do banco de dados está cheio: nada pode ser salvo até que se libere espaço.</translation>
    </message>
    <message>
        <source>The database is busy: try again in a moment.</source>
        <translation>O banco de dados está ocupado: tente novamente em um instante.</translation>
    </message>
    <message>
        <source>The trusted proxy &quot;%1&quot; is not an IP address or subnet.</source>
        <translation>O proxy confiável &quot;%1&quot; não é um endereço IP nem uma sub-rede.</translation>
    </message>
    <message>
        <source>The instance id &quot;%1&quot; is not valid: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>O identificador de instância &quot;%1&quot; não é válido: use de 1 a 64 letras, dígitos, &apos;.&apos;, &apos;_&apos; ou &apos;-&apos;.</translation>
    </message>
    <message>
        <source>A request may not have both Transfer-Encoding and Content-Length.</source>
        <translation>Uma requisição não pode ter Transfer-Encoding e Content-Length ao mesmo tempo.</translation>
    </message>
    <message>
        <source>Only the chunked transfer coding is supported.</source>
        <translation>Só a codificação de transferência chunked é suportada.</translation>
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
        <translation>Uso: enlace-server [comando] [opções]

O Enlace liga cada chamada de uma central de atendimento ao CRM do cliente. Este programa é o
servidor: a API REST (compatível com o OMniLeads, /api/v1/...), o canal de eventos dos agentes
(WebSocket /api/v1/events), a ligação com a telefonia e os envios ao CRM feitos pelo servidor.

Comandos:
  serve            Executa o servidor (o comando padrão). Sem opções usa um arquivo SQLite no
                   diretório de dados, escuta em 127.0.0.1:8080 e simula o PABX.
  create-user      Cria um usuário: --role admin|supervisor|agent --username NOME
                   [--password-stdin] [--first-name X] [--last-name Y] [--email E]
                   [--extension SIP] (agentes). Sem --password-stdin uma senha é gerada
                   e exibida uma única vez.
  import-contacts  Importa uma base de contatos CSV (veja: enlace-server import-contacts --help).
  version          Mostra a versão deste programa e a versão do esquema do banco.
  schema-version   Mostra a versão do esquema do banco (abri-lo aplica as migrações).
  help             Este texto.

Opções de serve (e, quando se aplicam, dos outros comandos):
  --config ARQUIVO       Arquivo INI com uma seção [server] (chaves: database, listen, tls_cert,
                         tls_key, pbx, secret_key_file, token_lifetime_seconds, max_body_bytes,
                         max_upload_bytes, log_level, public_url, demo, instance_id).
  --database URL         Caminho de um arquivo SQLite, ou postgresql://usuario[:senha]@host[:porta]/banco.
  --listen HOST:PORTA    Padrão 127.0.0.1:8080. Use :8080 para todas as interfaces.
  --tls-cert ARQUIVO     Serve HTTPS e WSS com este certificado PEM (cadeia) ...
  --tls-key ARQUIVO      ... e esta chave PEM sem criptografia.
  --pbx URL              simulated (padrão) ou ami://usuario@asterisk:5038 (senha em ENLACE_AMI_SECRET).
  --secret-key-file ARQUIVO Chave que criptografa os segredos guardados; criada (modo 0600) se faltar.
                         Faça backup junto com o banco: sem ela as senhas dos sites se perdem.
  --log-level NÍVEL      debug, info (padrão), warning ou error. Os logs vão para stderr, uma
                         linha &quot;time level= category= chave=valor...&quot; cada; segredos nunca são registrados.
  --public-url URL       Como os clientes chegam a este servidor (atrás de um proxy).
  --demo                 Carrega dados de demonstração se o banco estiver vazio e serve o CRM de
                         demonstração em /demo/crm.
  --instance-id ID       Identificador deste servidor entre os que compartilham um banco (dono dos
                         seus envios em andamento). Padrão: &lt;host&gt;-&lt;porta&gt;-&lt;hash do diretório
                         de dados&gt;, o mesmo a cada início. Cada servidor em execução precisa do seu.

Ambiente (as opções têm prioridade): ENLACE_CONFIG, ENLACE_DATABASE, ENLACE_LISTEN, ENLACE_TLS_CERT,
ENLACE_TLS_KEY, ENLACE_PBX, ENLACE_SECRET_KEY_FILE, ENLACE_TOKEN_LIFETIME (segundos; também se lê
TOKEN_EXPIRED_AFTER_SECONDS do OMniLeads), ENLACE_MAX_BODY_BYTES, ENLACE_MAX_UPLOAD_BYTES,
ENLACE_LOG_LEVEL, ENLACE_PUBLIC_URL, ENLACE_DEMO, ENLACE_INSTANCE_ID, ENLACE_AMI_SECRET. ENLACE_LANGUAGE (es, en, pt_BR) escolhe o idioma destas mensagens.

SIGTERM ou SIGINT param o servidor de forma ordenada. Códigos de saída: 0 ok, 1 uso,
2 dados rejeitados, 3 falha (banco de dados, rede, configuração). Veja docs/operations.md.
</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>comando desconhecido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>argumento inesperado &quot;%1&quot;</translation>
    </message>
    <message>
        <source>cannot start: %1</source>
        <translation>não foi possível iniciar: %1</translation>
    </message>
    <message>
        <source>Enlace server %1 listening on %2</source>
        <translation>Servidor Enlace %1 escutando em %2</translation>
    </message>
    <message>
        <source>the PBX refused to start: %1</source>
        <translation>o PABX recusou-se a iniciar: %1</translation>
    </message>
    <message>
        <source>Enlace server stopped.</source>
        <translation>Servidor Enlace parado.</translation>
    </message>
    <message>
        <source>admin, supervisor or agent.</source>
        <translation>admin, supervisor ou agent.</translation>
    </message>
    <message>
        <source>The login name.</source>
        <translation>O nome de usuário para entrar.</translation>
    </message>
    <message>
        <source>Read the password from the first line of standard input.</source>
        <translation>Lê a senha da primeira linha da entrada padrão.</translation>
    </message>
    <message>
        <source>First name.</source>
        <translation>Nome.</translation>
    </message>
    <message>
        <source>Last name.</source>
        <translation>Sobrenome.</translation>
    </message>
    <message>
        <source>E-mail address.</source>
        <translation>Endereço de e-mail.</translation>
    </message>
    <message>
        <source>The agent&apos;s SIP extension (agents).</source>
        <translation>O ramal SIP do agente (agentes).</translation>
    </message>
    <message>
        <source>--role must be admin, supervisor or agent</source>
        <translation>--role deve ser admin, supervisor ou agent</translation>
    </message>
    <message>
        <source>--username is required</source>
        <translation>--username é obrigatório</translation>
    </message>
    <message>
        <source>no password on standard input</source>
        <translation>nenhuma senha na entrada padrão</translation>
    </message>
    <message>
        <source>cannot open the database: %1</source>
        <translation>não foi possível abrir o banco de dados: %1</translation>
    </message>
    <message>
        <source>(shown once; change it after the first login)</source>
        <translation>(exibida uma única vez; altere-a após o primeiro acesso)</translation>
    </message>
</context>
</TS>
