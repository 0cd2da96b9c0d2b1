<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>Sites</name>
    <message>
        <location filename="../core/requests/siterules.cpp" line="15"/>
        <location filename="../core/requests/crmparameterrules.cpp" line="108"/>
        <location filename="../core/requests/crmparameterrules.cpp" line="127"/>
        <source>Ensure this field has no more than %1 characters.</source>
        <translation>Certifique-se de que este campo não tenha mais de %1 caracteres.</translation>
    </message>
    <message>
        <location filename="../core/requests/siterules.cpp" line="74"/>
        <source>If the method is GET, no format must be given</source>
        <translation>Se o método for GET, nenhum formato deve ser indicado</translation>
    </message>
    <message>
        <location filename="../core/requests/siterules.cpp" line="76"/>
        <source>If the method is POST you must select a format</source>
        <translation>Se o método for POST, você deve selecionar um formato</translation>
    </message>
    <message>
        <location filename="../core/requests/siterules.cpp" line="78"/>
        <source>With JSON format there can be no target.</source>
        <translation>Com o formato JSON não pode haver um destino.</translation>
    </message>
    <message>
        <location filename="../core/requests/siterules.cpp" line="80"/>
        <source>If the trigger is the server there can be no target.</source>
        <translation>Se o disparador for o servidor, não pode haver um destino.</translation>
    </message>
    <message>
        <location filename="../core/requests/siterules.cpp" line="83"/>
        <source>You must give a valid target.</source>
        <translation>Você deve indicar um destino válido.</translation>
    </message>
    <message>
        <location filename="../core/requests/siterules.cpp" line="91"/>
        <source>This field is required.</source>
        <translation>Este campo é obrigatório.</translation>
    </message>
    <message>
        <location filename="../core/requests/siterules.cpp" line="99"/>
        <location filename="../core/sites/siterepository.cpp" line="54"/>
        <source>An external site with this name already exists.</source>
        <translation>Já existe um site externo com este nome.</translation>
    </message>
    <message>
        <location filename="../core/requests/siterules.cpp" line="106"/>
        <source>Enter a valid URL.</source>
        <translation>Informe uma URL válida.</translation>
    </message>
    <message>
        <location filename="../core/requests/siterules.cpp" line="108"/>
        <source>Invalid format</source>
        <translation>Formato inválido</translation>
    </message>
    <message>
        <location filename="../core/requests/siterules.cpp" line="114"/>
        <source>The timeout must be between %1 and %2 milliseconds.</source>
        <translation>O tempo limite deve estar entre %1 e %2 milissegundos.</translation>
    </message>
    <message>
        <location filename="../core/requests/siterules.cpp" line="119"/>
        <source>The number of attempts must be between %1 and %2.</source>
        <translation>O número de tentativas deve estar entre %1 e %2.</translation>
    </message>
    <message>
        <location filename="../core/requests/crmparameterrules.cpp" line="106"/>
        <source>You must define a name for the parameter</source>
        <translation>Você deve definir um nome para o parâmetro</translation>
    </message>
    <message>
        <location filename="../core/requests/crmparameterrules.cpp" line="111"/>
        <source>Only alphanumeric characters or placeholders allowed. Ej: &quot;{1}&quot;</source>
        <translation>Só são permitidos caracteres alfanuméricos ou placeholders. Ex: &quot;{1}&quot;</translation>
    </message>
    <message>
        <location filename="../core/requests/crmparameterrules.cpp" line="115"/>
        <source>Another parameter already uses this name.</source>
        <translation>Outro parâmetro já usa este nome.</translation>
    </message>
    <message>
        <location filename="../core/requests/crmparameterrules.cpp" line="122"/>
        <source>Select a valid choice. %1 is not one of the available choices.</source>
        <translation>Faça uma escolha válida. %1 não é uma das escolhas disponíveis.</translation>
    </message>
    <message>
        <location filename="../core/requests/crmparameterrules.cpp" line="134"/>
        <source>Value must match a contact database field</source>
        <translation>O valor deve corresponder a um campo da base de contatos</translation>
    </message>
    <message>
        <location filename="../core/requests/crmparameterrules.cpp" line="138"/>
        <source>Value must match a valid campaign field</source>
        <translation>O valor deve corresponder a um campo válido da campanha</translation>
    </message>
    <message>
        <location filename="../core/requests/crmparameterrules.cpp" line="142"/>
        <source>Value must match a valid call data</source>
        <translation>O valor deve corresponder a um dado de chamada válido</translation>
    </message>
    <message>
        <location filename="../core/requests/crmparameterrules.cpp" line="146"/>
        <source>Value must have the prefix Omlcrm</source>
        <translation>O valor deve ter o prefixo Omlcrm</translation>
    </message>
    <message>
        <location filename="../core/requests/crmparameterrules.cpp" line="150"/>
        <source>Value must match a valid disposition data field</source>
        <translation>O valor deve corresponder a um campo válido de dado de qualificação</translation>
    </message>
    <message>
        <location filename="../core/requests/parameterresolver.cpp" line="32"/>
        <source>Inbound</source>
        <translation>Receptiva</translation>
    </message>
    <message>
        <location filename="../core/requests/parameterresolver.cpp" line="35"/>
        <source>Dialer</source>
        <translation>Discador</translation>
    </message>
    <message>
        <location filename="../core/requests/parameterresolver.cpp" line="38"/>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../core/requests/parameterresolver.cpp" line="41"/>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../core/requests/interaction.cpp" line="14"/>
        <source>The interaction is malformed.</source>
        <translation>A interação está malformada.</translation>
    </message>
    <message>
        <location filename="../core/sites/siterepository.cpp" line="61"/>
        <source>The site&apos;s signature secret cannot be read; was the key file replaced?</source>
        <translation>Não é possível ler o segredo de assinatura do site; o arquivo de chave foi substituído?</translation>
    </message>
    <message>
        <location filename="../core/sites/siterepository.cpp" line="67"/>
        <source>Campaign not found.</source>
        <translation>Campanha não encontrada.</translation>
    </message>
    <message>
        <location filename="../core/sites/siterepository.cpp" line="80"/>
        <source>External site not found.</source>
        <translation>Site externo não encontrado.</translation>
    </message>
    <message>
        <location filename="../core/sites/siterepository.cpp" line="85"/>
        <source>External sites assigned to campaigns can not be deleted</source>
        <translation>Não é permitido excluir um site externo associado a uma campanha</translation>
    </message>
    <message>
        <location filename="../core/sites/siterepository.cpp" line="114"/>
        <source>Invalid pk &quot;%1&quot; - object does not exist.</source>
        <translation>Pk inválido &quot;%1&quot; - objeto não existe.</translation>
    </message>
</context>
</TS>
