<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>Api</name>
    <message>
        <location filename="../core/api/admindeliveryroutes.cpp" line="1"/>
        <source>Call not found in this campaign.</source>
        <translation>A chamada não existe nesta campanha.</translation>
    </message>
    <message>
        <location filename="../core/api/admindeliveryroutes.cpp" line="1"/>
        <source>Not a date: epoch milliseconds or ISO 8601.</source>
        <translation>Não é uma data: milissegundos desde 1970 ou ISO 8601.</translation>
    </message>
    <message>
        <location filename="../core/api/admindeliveryroutes.cpp" line="1"/>
        <source>Delivery not found.</source>
        <translation>O envio não existe.</translation>
    </message>
    <message>
        <location filename="../core/api/admindeliveryroutes.cpp" line="1"/>
        <source>Still waiting in the outbox: it will be sent.</source>
        <translation>Ainda aguarda na fila de saída: será enviado.</translation>
    </message>
    <message>
        <location filename="../core/api/admindeliveryroutes.cpp" line="1"/>
        <source>Recorded before requests were kept: it cannot be re-sent.</source>
        <translation>Foi registrado antes de as requisições serem guardadas: não pode ser reenviado.</translation>
    </message>
    <message>
        <location filename="../core/api/callroutes.cpp" line="21"/>
        <source>Select a valid choice. That choice is not one of the available choices.</source>
        <translation>Faça uma escolha válida. Sua escolha não é uma das disponíveis.</translation>
    </message>
    <message>
        <location filename="../core/api/callroutes.cpp" line="26"/>
        <source>The agent is not related to campaign.</source>
        <translation>O agente não participa da campanha.</translation>
    </message>
    <message>
        <location filename="../core/api/callroutes.cpp" line="31"/>
        <source>The agent is not related to external system.</source>
        <translation>O agente não corresponde ao sistema externo.</translation>
    </message>
    <message>
        <location filename="../core/api/callroutes.cpp" line="36"/>
        <source>The contact is not related to campaign.</source>
        <translation>O contato não corresponde à campanha.</translation>
    </message>
    <message>
        <location filename="../core/api/callroutes.cpp" line="81"/>
        <source>An integration key may only address its own external system&apos;s ids (idExternalSystem).</source>
        <translation>Uma chave de integração só pode usar os ids do seu próprio sistema externo (idExternalSystem).</translation>
    </message>
    <message>
        <location filename="../core/api/callroutes.cpp" line="171"/>
        <source>An agent may only place calls as itself.</source>
        <translation>Um agente só pode fazer chamadas como ele mesmo.</translation>
    </message>
    <message>
        <location filename="../core/api/callroutes.cpp" line="195"/>
        <source>Error when executing the call</source>
        <translation>Erro ao executar a chamada</translation>
    </message>
    <message>
        <location filename="../core/api/admincampaignroutes.cpp" line="214"/>
        <location filename="../core/api/dispositionroutes.cpp" line="21"/>
        <source>Disposition option id not found</source>
        <translation>Disposition option id not found</translation>
    </message>
    <message>
        <location filename="../core/api/admincampaignroutes.cpp" line="277"/>
        <source>Campaign created successfully</source>
        <translation>Campanha criada com sucesso</translation>
    </message>
    <message>
        <location filename="../core/api/admincampaignroutes.cpp" line="278"/>
        <source>Campaign updated successfully</source>
        <translation>Campanha atualizada com sucesso</translation>
    </message>
    <message>
        <location filename="../core/api/dispositionroutes.cpp" line="26"/>
        <source>Contact id not found</source>
        <translation>Contact id not found</translation>
    </message>
    <message>
        <location filename="../core/api/dispositionroutes.cpp" line="31"/>
        <source>Agent id not found</source>
        <translation>Agent id not found</translation>
    </message>
    <message>
        <location filename="../core/api/dispositionroutes.cpp" line="408"/>
        <location filename="../core/api/dispositionroutes.cpp" line="434"/>
        <source>Contact data is invalid</source>
        <translation>Contact data is invalid</translation>
    </message>
    <message>
        <location filename="../core/api/dispositionroutes.cpp" line="428"/>
        <source>There is another contact with this external id on this database</source>
        <translation>There is another contact with this external id on this database</translation>
    </message>
    <message>
        <location filename="../core/api/contactroutes.cpp" line="20"/>
        <source>You must provide a valid idCampaign</source>
        <translation>Deve indicar um idCampaign válido.</translation>
    </message>
    <message>
        <location filename="../core/api/contactroutes.cpp" line="25"/>
        <source>Campaign not found</source>
        <translation>Campanha inexistente.</translation>
    </message>
    <message>
        <location filename="../core/api/contactroutes.cpp" line="30"/>
        <source>You don&apos;t have permission to edit the campaign</source>
        <translation>Não tem permissão para editar a campanha.</translation>
    </message>
    <message>
        <location filename="../core/api/contactroutes.cpp" line="140"/>
        <location filename="../core/api/contactroutes.cpp" line="190"/>
        <source>The campaign has no contact database.</source>
        <translation>A campanha não tem base de dados de contatos.</translation>
    </message>
    <message>
        <location filename="../core/api/contactroutes.cpp" line="151"/>
        <source>Incorrect fields were received</source>
        <translation>Foram recebidos campos incorretos</translation>
    </message>
    <message>
        <location filename="../core/api/contactroutes.cpp" line="162"/>
        <source>The field is required</source>
        <translation>O campo é obrigatório</translation>
    </message>
    <message>
        <location filename="../core/api/admincontactdbroutes.cpp" line="168"/>
        <source>Send the file as multipart/form-data with a &quot;filename&quot; part.</source>
        <translation>Envie o arquivo como multipart/form-data com uma parte "filename".</translation>
    </message>
    <message>
        <location filename="../core/api/admincontactdbroutes.cpp" line="288"/>
        <source>Contact database created successfully</source>
        <translation>Base de dados de contatos criada com sucesso</translation>
    </message>
    <message>
        <location filename="../core/api/admincontactdbroutes.cpp" line="312"/>
        <location filename="../core/api/contactroutes.cpp" line="176"/>
        <source>Contact added</source>
        <translation>Contato adicionado</translation>
    </message>
    <message>
        <location filename="../core/api/answers.cpp" line="31"/>
        <source>There were errors on received data</source>
        <translation>Houve erros nos dados recebidos</translation>
    </message>
    <message>
        <location filename="../core/api/answers.cpp" line="36"/>
        <source>Unknown external system.</source>
        <translation>Sistema externo inexistente.</translation>
    </message>
    <message>
        <location filename="../core/api/answers.cpp" line="49"/>
        <source>You do not have permission to perform this action.</source>
        <translation>Você não tem permissão para executar essa ação.</translation>
    </message>
    <message>
        <location filename="../core/api/answers.cpp" line="56"/>
        <location filename="../core/calls/dispositionrepository.cpp" line="122"/>
        <source>Not found.</source>
        <translation>Não encontrado.</translation>
    </message>
    <message>
        <location filename="../core/api/apijson.cpp" line="16"/>
        <source>This field is required.</source>
        <translation>Este campo é obrigatório.</translation>
    </message>
    <message>
        <location filename="../core/api/apijson.cpp" line="21"/>
        <source>A valid integer is required.</source>
        <translation>Um número inteiro válido é exigido.</translation>
    </message>
    <message>
        <location filename="../core/api/apijson.cpp" line="26"/>
        <source>Not a valid string.</source>
        <translation>Não é uma string válida.</translation>
    </message>
    <message>
        <location filename="../core/api/apijson.cpp" line="31"/>
        <source>Must be a valid boolean.</source>
        <translation>Deve ser um valor booleano válido.</translation>
    </message>
    <message>
        <location filename="../core/api/apijson.cpp" line="36"/>
        <source>Expected a list of items.</source>
        <translation>Esperava uma lista de itens.</translation>
    </message>
    <message>
        <location filename="../core/api/apijson.cpp" line="41"/>
        <source>Expected a JSON object.</source>
        <translation>Esperava um objeto JSON.</translation>
    </message>
    <message>
        <location filename="../core/api/apijson.cpp" line="46"/>
        <source>Ensure this field has no more than %1 characters.</source>
        <translation>Certifique-se de que este campo não tenha mais de %1 caracteres.</translation>
    </message>
    <message>
        <location filename="../core/calls/dispositionrepository.cpp" line="51"/>
        <source>There is another disposition for this contact on this campaign</source>
        <translation>There is another disposition for this contact on this campaign</translation>
    </message>
    <message>
        <location filename="../core/api/admincampaignroutes.cpp" line="116"/>
        <location filename="../core/api/adminsiteroutes.cpp" line="24"/>
        <location filename="../core/api/adminuserroutes.cpp" line="91"/>
        <source>&quot;%1&quot; is not a valid choice.</source>
        <translation>"%1" não é uma escolha válida.</translation>
    </message>
    <message>
        <location filename="../core/api/adminsiteroutes.cpp" line="164"/>
        <source>External site created successfully</source>
        <translation>Site externo criado com sucesso</translation>
    </message>
    <message>
        <location filename="../core/api/adminsiteroutes.cpp" line="186"/>
        <source>External site updated successfully</source>
        <translation>Site externo atualizado com sucesso</translation>
    </message>
    <message>
        <location filename="../core/api/adminsiteroutes.cpp" line="195"/>
        <source>External site deleted successfully</source>
        <translation>Site externo excluído com sucesso</translation>
    </message>
    <message>
        <location filename="../core/api/adminsiteroutes.cpp" line="205"/>
        <source>External site hidden</source>
        <translation>Site externo ocultado</translation>
    </message>
    <message>
        <location filename="../core/api/adminsiteroutes.cpp" line="206"/>
        <source>External site shown</source>
        <translation>Site externo visível</translation>
    </message>
    <message>
        <location filename="../core/api/adminsiteroutes.cpp" line="243"/>
        <source>Authentication created successfully</source>
        <translation>Autenticação criada com sucesso</translation>
    </message>
    <message>
        <location filename="../core/api/adminsiteroutes.cpp" line="261"/>
        <source>Authentication updated successfully</source>
        <translation>Autenticação atualizada com sucesso</translation>
    </message>
    <message>
        <location filename="../core/api/adminsiteroutes.cpp" line="270"/>
        <source>Authentication deleted successfully</source>
        <translation>Autenticação excluída com sucesso</translation>
    </message>
    <message>
        <location filename="../core/api/adminsystemroutes.cpp" line="98"/>
        <source>External system created successfully</source>
        <translation>Sistema externo criado com sucesso</translation>
    </message>
    <message>
        <location filename="../core/api/adminsystemroutes.cpp" line="120"/>
        <source>External system updated successfully</source>
        <translation>Sistema externo atualizado com sucesso</translation>
    </message>
    <message>
        <location filename="../core/api/adminuserroutes.cpp" line="115"/>
        <source>User created successfully</source>
        <translation>Usuário criado com sucesso</translation>
    </message>
    <message>
        <location filename="../core/api/adminuserroutes.cpp" line="147"/>
        <source>User updated successfully</source>
        <translation>Usuário atualizado com sucesso</translation>
    </message>
    <message>
        <source>You do not work in this campaign.</source>
        <translation>Você não trabalha nesta campanha.</translation>
    </message>
    <message>
        <source>At most %1 rows, not %2.</source>
        <translation>No máximo %1 linhas, não %2.</translation>
    </message>
</context>
</TS>
