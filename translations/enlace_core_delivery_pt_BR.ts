<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>Delivery</name>
    <message>
        <location filename="../core/requests/siteauthenticationrules.cpp" line="15"/>
        <source>This field is required.</source>
        <translation>Este campo é obrigatório.</translation>
    </message>
    <message>
        <location filename="../core/requests/siteauthenticationrules.cpp" line="20"/>
        <source>Ensure this field has no more than %1 characters.</source>
        <translation>Certifique-se de que este campo não tenha mais de %1 caracteres.</translation>
    </message>
    <message>
        <location filename="../core/requests/siteauthenticationrules.cpp" line="65"/>
        <location filename="../core/sites/siteauthenticationrepository.cpp" line="94"/>
        <location filename="../core/sites/siteauthenticationrepository.cpp" line="134"/>
        <source>An authentication with this name already exists.</source>
        <translation>Já existe uma autenticação com este nome.</translation>
    </message>
    <message>
        <location filename="../core/requests/siteauthenticationrules.cpp" line="72"/>
        <location filename="../core/sites/authenticationtester.cpp" line="44"/>
        <source>Enter a valid URL.</source>
        <translation>Informe uma URL válida.</translation>
    </message>
    <message>
        <location filename="../core/requests/siteauthenticationrules.cpp" line="77"/>
        <source>Only letters, digits and _ are allowed.</source>
        <translation>Somente letras, dígitos e _ são permitidos.</translation>
    </message>
    <message>
        <location filename="../core/requests/siteauthenticationrules.cpp" line="93"/>
        <source>Ensure this value is greater than or equal to 0.</source>
        <translation>Certifique-se de que este valor seja maior ou igual a 0.</translation>
    </message>
    <message>
        <location filename="../core/requests/siteauthenticationrules.cpp" line="96"/>
        <source>Give either a duration or a duration field, not both.</source>
        <translation>Informe uma duração ou um campo de duração, não ambos.</translation>
    </message>
    <message>
        <location filename="../core/sites/siteauthenticationrepository.cpp" line="44"/>
        <source>The stored secret cannot be read; was the key file replaced?</source>
        <translation>Não é possível ler o segredo armazenado; o arquivo de chave foi substituído?</translation>
    </message>
    <message>
        <location filename="../core/sites/siteauthenticationrepository.cpp" line="56"/>
        <source>Site authentication not found</source>
        <translation>Autenticação de site externo não encontrada</translation>
    </message>
    <message>
        <location filename="../core/sites/siteauthenticationrepository.cpp" line="61"/>
        <source>Authentications assigned to external sites can not be deleted</source>
        <translation>Não é permitido excluir uma autenticação que tem sites externos</translation>
    </message>
    <message>
        <location filename="../core/sites/tokenprovider.cpp" line="164"/>
        <source>Error updating the site authentication token: %1</source>
        <translation>Erro ao atualizar o token da autenticação do site externo: %1</translation>
    </message>
    <message>
        <location filename="../core/sites/tokenprovider.cpp" line="171"/>
        <source>Error updating the site authentication token: invalid status code: %1
%2</source>
        <translation>Erro ao atualizar o token da autenticação do site externo: código de status inválido: %1
%2</translation>
    </message>
    <message>
        <location filename="../core/sites/tokenprovider.cpp" line="180"/>
        <source>Error updating the site authentication token: invalid Content-Type</source>
        <translation>Erro ao atualizar o token da autenticação do site externo: Content-Type inválido</translation>
    </message>
    <message>
        <location filename="../core/sites/tokenprovider.cpp" line="198"/>
        <source>Error updating the site authentication token: could not obtain the token</source>
        <translation>Erro ao atualizar o token da autenticação do site externo: não foi possível obter o token</translation>
    </message>
    <message>
        <location filename="../core/sites/authenticationtester.cpp" line="31"/>
        <source>Successful Authentication with CRM</source>
        <translation>Autenticação bem-sucedida no CRM</translation>
    </message>
    <message>
        <location filename="../core/sites/authenticationtester.cpp" line="36"/>
        <source>Failed Authentication to CRM: &lt;%1&gt;</source>
        <translation>Falha na autenticação no CRM: &lt;%1&gt;</translation>
    </message>
    <message>
        <location filename="../core/sites/authenticationtester.cpp" line="57"/>
        <source>No answer within %1 seconds</source>
        <translation>Sem resposta em %1 segundos</translation>
    </message>
    <message>
        <location filename="../core/sites/authenticationtester.cpp" line="61"/>
        <source>Network error: %1</source>
        <translation>Erro de rede: %1</translation>
    </message>
    <message>
        <location filename="../core/sites/authenticationtester.cpp" line="65"/>
        <source>HTTP status %1 %2</source>
        <translation>Status HTTP %1 %2</translation>
    </message>
    <message>
        <location filename="../core/sites/authenticationtester.cpp" line="73"/>
        <source>Answer must be in JSON format</source>
        <translation>A resposta deve estar em formato JSON</translation>
    </message>
    <message>
        <location filename="../core/sites/authenticationtester.cpp" line="80"/>
        <source>Answer does not contain information in campo_token</source>
        <translation>A resposta não contém informação no campo_token</translation>
    </message>
    <message>
        <location filename="../core/sites/dynamiclistfetcher.cpp" line="31"/>
        <source>ERROR: Service %1 not available</source>
        <translation>ERRO: Serviço %1 não disponível</translation>
    </message>
</context>
</TS>
