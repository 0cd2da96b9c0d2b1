<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>Identity</name>
    <message>
        <source>Another agent already uses this SIP extension.</source>
        <translation>Outro agente já usa este ramal SIP.</translation>
    </message>
    <message>
        <source>Agent not found.</source>
        <translation>Agente não encontrado.</translation>
    </message>
    <message>
        <source>Unknown user.</source>
        <translation>Usuário inexistente.</translation>
    </message>
    <message>
        <source>This user already has an agent profile.</source>
        <translation>Este usuário já tem um perfil de agente.</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>Este campo é obrigatório.</translation>
    </message>
    <message>
        <source>A user with that username already exists.</source>
        <translation>Já existe um usuário com esse nome.</translation>
    </message>
    <message>
        <source>An external system with this name already exists.</source>
        <translation>Já existe um sistema externo com este nome.</translation>
    </message>
    <message>
        <source>Unknown agent.</source>
        <translation>Agente inexistente.</translation>
    </message>
    <message>
        <source>The agent already has an external id in this system, in row %1.</source>
        <translation>O agente já tem um id externo neste sistema, na linha %1.</translation>
    </message>
    <message>
        <source>The external id "%1" is also given to the agent in row %2; an external id identifies one agent per system.</source>
        <translation>O id externo "%1" também está atribuído ao agente da linha %2; um id externo identifica um único agente por sistema.</translation>
    </message>
    <message>
        <source>A campaign with this name already exists.</source>
        <translation>Já existe uma campanha com este nome.</translation>
    </message>
    <message>
        <source>Unknown external system.</source>
        <translation>Sistema externo inexistente.</translation>
    </message>
    <message>
        <source>A campaign with that external id already exists for the External System choosen</source>
        <translation>Já existe uma campanha com esse id externo para o Sistema Externo escolhido</translation>
    </message>
    <message>
        <source>A campaign assigned to an external system must used a contact database with an external id field defined</source>
        <translation>Uma campanha atribuída a um sistema externo deve usar uma base de contatos com um campo de id externo definido</translation>
    </message>
    <message>
        <source>Can't specify an external id without choose an External System</source>
        <translation>Não é possível indicar um id externo sem escolher um Sistema Externo</translation>
    </message>
    <message>
        <source>Unknown contact database.</source>
        <translation>Base de contatos inexistente.</translation>
    </message>
    <message>
        <source>Unknown interaction type.</source>
        <translation>Tipo de interação inexistente.</translation>
    </message>
    <message>
        <source>The interaction type of a campaign can only change between "Form" and "Form and external URL".</source>
        <translation>O tipo de interação de uma campanha só pode mudar entre "Formulário" e "Formulário e URL externa".</translation>
    </message>
    <message>
        <source>Unknown external site.</source>
        <translation>Site externo inexistente.</translation>
    </message>
    <message>
        <source>Can't select an external URL if a campaign form was selected</source>
        <translation>Não é possível escolher uma URL externa se um formulário foi selecionado</translation>
    </message>
    <message>
        <source>You must select an external URL</source>
        <translation>Você deve selecionar um site externo</translation>
    </message>
    <message>
        <source>For this interaction type you can't choose an external site with embedded "Target"</source>
        <translation>Para este tipo de interação não é possível escolher um site externo com "Destino" incorporado</translation>
    </message>
    <message>
        <source>Unknown agents: %1.</source>
        <translation>Agentes inexistentes: %1.</translation>
    </message>
    <message>
        <source>A contact with that external id already exist in database</source>
        <translation>Já existe um contato com esse id externo na base de dados</translation>
    </message>
    <message>
        <source>The selected file has contacts with external ids repeated. Invalid line: %1 Line content: %2 Repeated ID: %3 (first seen on line %4)</source>
        <translation>Operação com erro! O arquivo selecionado tem contatos com identificadores externos repetidos. Linha inválida: %1 Conteúdo da linha: %2 ID repetido: %3 (visto antes na linha %4)</translation>
    </message>
    <message>
        <source>Line %1: a contact with the external id "%2" already exists in the database.</source>
        <translation>Linha %1: já existe um contato com o id externo "%2" na base de dados.</translation>
    </message>
    <message>
        <source>The external id field does not match a column name.</source>
        <translation>O campo de id externo não corresponde a um nome de coluna.</translation>
    </message>
    <message>
        <source>Cannot choose a phone field as and external id</source>
        <translation>Não é possível escolher um campo de telefone como id externo</translation>
    </message>
    <message>
        <source>Invalid Credentials or activate account</source>
        <translation>Credenciais inválidas ou conta inativa</translation>
    </message>
    <message>
        <source>User not found.</source>
        <translation>Usuário não encontrado.</translation>
    </message>
    <message>
        <source>Unknown role.</source>
        <translation>Papel inexistente.</translation>
    </message>
    <message>
        <source>Unknown row of this external system.</source>
        <translation>Linha inexistente neste sistema externo.</translation>
    </message>
    <message>
        <source>Campaign not found.</source>
        <translation>Campanha inexistente.</translation>
    </message>
    <message>
        <source>Disposition option id not found</source>
        <translation>Opção de qualificação inexistente</translation>
    </message>
    <message>
        <source>Unknown users: %1.</source>
        <translation>Usuários inexistentes: %1.</translation>
    </message>
    <message>
        <source>Unknown campaign type.</source>
        <translation>Tipo de campanha inexistente.</translation>
    </message>
    <message>
        <source>The campaign has agents not associated to the external system: %1</source>
        <translation>A campanha tem agentes não associados ao sistema externo: %1</translation>
    </message>
    <message>
        <source>Contact database selected is associated to another external system: %1</source>
        <translation>A base de contatos selecionada está associada a outro sistema externo: %1</translation>
    </message>
    <message>
        <source>External site selected is associated to another external system: %1</source>
        <translation>O site externo selecionado está associado a outro sistema externo: %1</translation>
    </message>
    <message>
        <source>The following agents are assigned to campaigns related to this external system and have no identifier: %1</source>
        <translation>Os seguintes agentes estão atribuídos a campanhas relacionadas a este sistema externo e não têm identificador: %1</translation>
    </message>
</context>
</TS>
