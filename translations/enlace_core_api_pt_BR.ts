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
        <source>A request body needs a Content-Length header.</source>
        <translation>Um corpo de requisição precisa do cabeçalho Content-Length.</translation>
    </message>
    <message>
        <source>The request body is too large (at most %1 bytes).</source>
        <translation>O corpo da requisição é grande demais (no máximo %1 bytes).</translation>
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
</context>
</TS>
