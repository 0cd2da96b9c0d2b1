<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>Contacts</name>
    <message>
        <location filename="../core/contacts/contactimporter.cpp" line="38"/>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>A importação foi cancelada; nada foi importado.</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactimporter.cpp" line="259"/>
        <source>The file %1 cannot be read: %2</source>
        <translation>Não é possível ler o arquivo %1: %2</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactimporter.cpp" line="268"/>
        <source>The file is empty.</source>
        <translation>O arquivo está vazio.</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactimporter.cpp" line="283"/>
        <source>The columns of the file (%1) are not those of the database (%2).</source>
        <translation>As colunas do arquivo (%1) não são as da base (%2).</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactimporter.cpp" line="292"/>
        <location filename="../core/contacts/contactrepository.cpp" line="145"/>
        <source>A contact database with that name already exists.</source>
        <translation>Já existe uma base de contatos com esse nome.</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactimporter.cpp" line="340"/>
        <source>Line %1 has %2 fields but the header has %3: %4</source>
        <translation>A linha %1 tem %2 campos, mas o cabeçalho tem %3: %4</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactimporter.cpp" line="345"/>
        <source>Line %1 has no main phone (%2): %3</source>
        <translation>A linha %1 não tem telefone principal (%2): %3</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactimporter.cpp" line="352"/>
        <source>The selected file has contacts with external ids repeated. Invalid line: %1 line content: %2 repeated ID: %3</source>
        <translation>Operação com erro! O arquivo selecionado possui contatos com identificadores externos repetidos. Linha inválida: %1 Conteúdo da linha: %2 ID repetido: %3</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactimporter.cpp" line="364"/>
        <source>The file has a header but no contacts.</source>
        <translation>O arquivo tem cabeçalho, mas nenhum contato.</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactimporter.cpp" line="431"/>
        <source>The database changed while the file was being imported (an external id was added); nothing was imported. Try again.</source>
        <translation>A base mudou enquanto o arquivo era importado (um id externo foi adicionado); nada foi importado. Tente novamente.</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactrepository.cpp" line="17"/>
        <source>Contact database not found.</source>
        <translation>Base de contatos não encontrada.</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactrepository.cpp" line="51"/>
        <source>A contact with that external id already exist in database</source>
        <translation>Já existe um contato com esse id externo na base de dados</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactrepository.cpp" line="104"/>
        <location filename="../core/contacts/contactrepository.cpp" line="261"/>
        <source>This field is required.</source>
        <translation>Este campo é obrigatório.</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactrepository.cpp" line="106"/>
        <source>The database needs at least one column.</source>
        <translation>A base precisa de pelo menos uma coluna.</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactrepository.cpp" line="118"/>
        <source>Column names cannot be empty.</source>
        <translation>Os nomes das colunas não podem ficar vazios.</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactrepository.cpp" line="120"/>
        <location filename="../core/contacts/contactrepository.cpp" line="128"/>
        <source>Field names cannot be repeated</source>
        <translation>Os nomes dos campos não podem se repetir</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactrepository.cpp" line="122"/>
        <source>Choose at least one phone column.</source>
        <translation>Escolha pelo menos uma coluna de telefone.</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactrepository.cpp" line="126"/>
        <source>Phone field %1 is not a column of the database.</source>
        <translation>O campo de telefone %1 não é uma coluna da base.</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactrepository.cpp" line="133"/>
        <source>Cannot choose a phone field as and external id</source>
        <translation>Não é possível escolher um campo de telefone como id externo</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactrepository.cpp" line="135"/>
        <source>External id field does not match a column name</source>
        <translation>o campo de id externo não corresponde a um nome de coluna</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactrepository.cpp" line="221"/>
        <location filename="../core/contacts/contactrepository.cpp" line="239"/>
        <source>Contact not found.</source>
        <translation>Contato não encontrado.</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactrepository.cpp" line="257"/>
        <source>Incorrect fields were received: %1</source>
        <translation>Foram recebidos campos incorretos: %1</translation>
    </message>
    <message>
        <location filename="../core/contacts/csvreader.cpp" line="43"/>
        <source>Line %1 is not valid UTF-8 text; save the file as UTF-8.</source>
        <translation>A linha %1 não é texto UTF-8 válido; salve o arquivo como UTF-8.</translation>
    </message>
    <message>
        <location filename="../core/contacts/csvreader.cpp" line="45"/>
        <source>Line %1 has a quote inside a field that is not quoted: %2</source>
        <translation>A linha %1 tem aspas dentro de um campo sem aspas: %2</translation>
    </message>
    <message>
        <location filename="../core/contacts/csvreader.cpp" line="48"/>
        <source>The quote opened on line %1 is never closed.</source>
        <translation>As aspas abertas na linha %1 nunca são fechadas.</translation>
    </message>
    <message>
        <location filename="../core/contacts/csvreader.cpp" line="50"/>
        <source>The record starting on line %1 is longer than %2 bytes (a quote never closed?).</source>
        <translation>O registro que começa na linha %1 tem mais de %2 bytes (aspas não fechadas?).</translation>
    </message>
    <message>
        <location filename="../core/contacts/csvreader.cpp" line="53"/>
        <source>The file could not be read after line %1.</source>
        <translation>Não foi possível ler o arquivo depois da linha %1.</translation>
    </message>
    <message>
        <location filename="../core/contacts/importcontactscommand.cpp" line="140"/>
        <source>validating: %1% (%2 rows)</source>
        <translation>validando: %1% (%2 linhas)</translation>
    </message>
    <message>
        <location filename="../core/contacts/importcontactscommand.cpp" line="141"/>
        <source>writing: %1% (%2 rows)</source>
        <translation>gravando: %1% (%2 linhas)</translation>
    </message>
    <message>
        <location filename="../core/contacts/importcontactscommand.cpp" line="156"/>
        <source>Imported %1 contacts into contact database &quot;%2&quot; (id %3) in %4 s.</source>
        <translation>Foram importados %1 contatos na base de contatos &quot;%2&quot; (id %3) em %4 s.</translation>
    </message>
    <message>
        <location filename="../core/contacts/importcontactscommand.cpp" line="170"/>
        <source>The file was rejected; nothing was imported.</source>
        <translation>O arquivo foi rejeitado; nada foi importado.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Imports a CSV file of contacts into a contact database, all or nothing.</source>
        <translation>Importa um arquivo CSV de contatos para uma base de contatos, tudo ou nada.</translation>
    </message>
    <message>
        <source>Shows this help.</source>
        <translation>Mostra esta ajuda.</translation>
    </message>
    <message>
        <source>The store: a SQLite file or postgresql://user@host/db.</source>
        <translation>O armazenamento: um arquivo SQLite ou postgresql://usuario@host/banco.</translation>
    </message>
    <message>
        <source>Name of the contact database (new, or existing with --into-existing).</source>
        <translation>Nome da base de contatos (nova, ou existente com --into-existing).</translation>
    </message>
    <message>
        <source>Phone columns, comma separated; the first is the main phone.</source>
        <translation>Colunas de telefone, separadas por vírgulas; a primeira é o telefone principal.</translation>
    </message>
    <message>
        <source>The column holding the contacts&apos; external ids.</source>
        <translation>A coluna com os ids externos dos contatos.</translation>
    </message>
    <message>
        <source>Add the contacts to the existing database --name.</source>
        <translation>Adiciona os contatos à base existente --name.</translation>
    </message>
    <message>
        <source>Language of the messages: es, en, pt_BR (default: ENLACE_LANGUAGE, else the system&apos;s).</source>
        <translation>Idioma das mensagens: es, en, pt_BR (padrão: ENLACE_LANGUAGE, senão o do sistema).</translation>
    </message>
    <message>
        <source>The CSV file (UTF-8; delimiter , ; or tab; first line = column names).</source>
        <translation>O arquivo CSV (UTF-8; separador , ; ou tabulação; primeira linha = nomes das colunas).</translation>
    </message>
    <message>
        <source>Exit codes: 0 imported, 1 usage, 2 file rejected, 3 store error, 4 cancelled.</source>
        <translation>Códigos de saída: 0 importado, 1 uso, 2 arquivo rejeitado, 3 erro do armazenamento, 4 cancelado.</translation>
    </message>
    <message>
        <source>Exactly one FILE is expected.</source>
        <translation>Espera-se exatamente um ARQUIVO.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nome</translation>
    </message>
    <message>
        <source>columns</source>
        <translation>colunas</translation>
    </message>
    <message>
        <source>column</source>
        <translation>coluna</translation>
    </message>
    <message>
        <source>lang</source>
        <translation>idioma</translation>
    </message>
    <message>
        <source>file</source>
        <translation>arquivo</translation>
    </message>
    <message>
        <source>--database is required.</source>
        <translation>--database é obrigatório.</translation>
    </message>
    <message>
        <source>--name is required.</source>
        <translation>--name é obrigatório.</translation>
    </message>
    <message>
        <source>--phone-columns is required for a new database.</source>
        <translation>--phone-columns é obrigatório para uma base nova.</translation>
    </message>
</context>
</TS>
