<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Contacts</name>
    <message>
        <location filename="../core/contacts/contactimporter.cpp" line="38"/>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>La importación fue cancelada; no se importó nada.</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactimporter.cpp" line="259"/>
        <source>The file %1 cannot be read: %2</source>
        <translation>No se puede leer el archivo %1: %2</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactimporter.cpp" line="268"/>
        <source>The file is empty.</source>
        <translation>El archivo está vacío.</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactimporter.cpp" line="283"/>
        <source>The columns of the file (%1) are not those of the database (%2).</source>
        <translation>Las columnas del archivo (%1) no son las de la base de datos (%2).</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactimporter.cpp" line="292"/>
        <location filename="../core/contacts/contactrepository.cpp" line="145"/>
        <source>A contact database with that name already exists.</source>
        <translation>Ya existe una base de datos de contactos con ese nombre.</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactimporter.cpp" line="340"/>
        <source>Line %1 has %2 fields but the header has %3: %4</source>
        <translation>La línea %1 tiene %2 campos pero el encabezado tiene %3: %4</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactimporter.cpp" line="345"/>
        <source>Line %1 has no main phone (%2): %3</source>
        <translation>La línea %1 no tiene teléfono principal (%2): %3</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactimporter.cpp" line="352"/>
        <source>The selected file has contacts with external ids repeated. Invalid line: %1 line content: %2 repeated ID: %3</source>
        <translation>Operación Errónea! El archivo que seleccionó posee contactos con identificadores externos repetidos. Línea Inválida: %1 Contenido Línea: %2 ID repetido: %3</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactimporter.cpp" line="364"/>
        <source>The file has a header but no contacts.</source>
        <translation>El archivo tiene encabezado pero no tiene contactos.</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactimporter.cpp" line="431"/>
        <source>The database changed while the file was being imported (an external id was added); nothing was imported. Try again.</source>
        <translation>La base de datos cambió mientras se importaba el archivo (se agregó un id externo); no se importó nada. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactrepository.cpp" line="17"/>
        <source>Contact database not found.</source>
        <translation>No se encontró la base de datos de contactos.</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactrepository.cpp" line="51"/>
        <source>A contact with that external id already exist in database</source>
        <translation>Ya existe un contacto con ese id externo en la base de datos</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactrepository.cpp" line="104"/>
        <location filename="../core/contacts/contactrepository.cpp" line="261"/>
        <source>This field is required.</source>
        <translation>Este campo es obligatorio.</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactrepository.cpp" line="106"/>
        <source>The database needs at least one column.</source>
        <translation>La base de datos necesita al menos una columna.</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactrepository.cpp" line="118"/>
        <source>Column names cannot be empty.</source>
        <translation>Los nombres de las columnas no pueden estar vacíos.</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactrepository.cpp" line="120"/>
        <location filename="../core/contacts/contactrepository.cpp" line="128"/>
        <source>Field names cannot be repeated</source>
        <translation>Los nombres de los campos no pueden estar repetidos</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactrepository.cpp" line="122"/>
        <source>Choose at least one phone column.</source>
        <translation>Elija al menos una columna de teléfono.</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactrepository.cpp" line="126"/>
        <source>Phone field %1 is not a column of the database.</source>
        <translation>El campo telefónico %1 no es una columna de la base de datos.</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactrepository.cpp" line="133"/>
        <source>Cannot choose a phone field as and external id</source>
        <translation>No se puede elegir un campo telefónico como id_externo</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactrepository.cpp" line="135"/>
        <source>External id field does not match a column name</source>
        <translation>campo de id externo no coincide con nombre de columna</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactrepository.cpp" line="221"/>
        <location filename="../core/contacts/contactrepository.cpp" line="239"/>
        <source>Contact not found.</source>
        <translation>No se encontró el contacto.</translation>
    </message>
    <message>
        <location filename="../core/contacts/contactrepository.cpp" line="257"/>
        <source>Incorrect fields were received: %1</source>
        <translation>Se recibieron campos incorrectos: %1</translation>
    </message>
    <message>
        <location filename="../core/contacts/csvreader.cpp" line="43"/>
        <source>Line %1 is not valid UTF-8 text; save the file as UTF-8.</source>
        <translation>La línea %1 no es texto UTF-8 válido; guarde el archivo como UTF-8.</translation>
    </message>
    <message>
        <location filename="../core/contacts/csvreader.cpp" line="45"/>
        <source>Line %1 has a quote inside a field that is not quoted: %2</source>
        <translation>La línea %1 tiene una comilla dentro de un campo sin comillas: %2</translation>
    </message>
    <message>
        <location filename="../core/contacts/csvreader.cpp" line="48"/>
        <source>The quote opened on line %1 is never closed.</source>
        <translation>La comilla abierta en la línea %1 nunca se cierra.</translation>
    </message>
    <message>
        <location filename="../core/contacts/csvreader.cpp" line="50"/>
        <source>The record starting on line %1 is longer than %2 bytes (a quote never closed?).</source>
        <translation>El registro que comienza en la línea %1 supera los %2 bytes (¿una comilla sin cerrar?).</translation>
    </message>
    <message>
        <location filename="../core/contacts/csvreader.cpp" line="53"/>
        <source>The file could not be read after line %1.</source>
        <translation>No se pudo leer el archivo después de la línea %1.</translation>
    </message>
    <message>
        <location filename="../core/contacts/importcontactscommand.cpp" line="140"/>
        <source>validating: %1% (%2 rows)</source>
        <translation>validando: %1% (%2 filas)</translation>
    </message>
    <message>
        <location filename="../core/contacts/importcontactscommand.cpp" line="141"/>
        <source>writing: %1% (%2 rows)</source>
        <translation>escribiendo: %1% (%2 filas)</translation>
    </message>
    <message>
        <location filename="../core/contacts/importcontactscommand.cpp" line="156"/>
        <source>Imported %1 contacts into contact database &quot;%2&quot; (id %3) in %4 s.</source>
        <translation>Se importaron %1 contactos en la base de datos de contactos &quot;%2&quot; (id %3) en %4 s.</translation>
    </message>
    <message>
        <location filename="../core/contacts/importcontactscommand.cpp" line="170"/>
        <source>The file was rejected; nothing was imported.</source>
        <translation>El archivo fue rechazado; no se importó nada.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Imports a CSV file of contacts into a contact database, all or nothing.</source>
        <translation>Importa un archivo CSV de contactos a una base de contactos, todo o nada.</translation>
    </message>
    <message>
        <source>Shows this help.</source>
        <translation>Muestra esta ayuda.</translation>
    </message>
    <message>
        <source>The store: a SQLite file or postgresql://user@host/db.</source>
        <translation>El almacén: un archivo SQLite o postgresql://usuario@host/base.</translation>
    </message>
    <message>
        <source>Name of the contact database (new, or existing with --into-existing).</source>
        <translation>Nombre de la base de contactos (nueva, o existente con --into-existing).</translation>
    </message>
    <message>
        <source>Phone columns, comma separated; the first is the main phone.</source>
        <translation>Columnas de teléfono, separadas por comas; la primera es el teléfono principal.</translation>
    </message>
    <message>
        <source>The column holding the contacts&apos; external ids.</source>
        <translation>La columna con los ids externos de los contactos.</translation>
    </message>
    <message>
        <source>Add the contacts to the existing database --name.</source>
        <translation>Agrega los contactos a la base existente --name.</translation>
    </message>
    <message>
        <source>Language of the messages: es, en, pt_BR (default: ENLACE_LANGUAGE, else the system&apos;s).</source>
        <translation>Idioma de los mensajes: es, en, pt_BR (por omisión: ENLACE_LANGUAGE, si no el del sistema).</translation>
    </message>
    <message>
        <source>The CSV file (UTF-8; delimiter , ; or tab; first line = column names).</source>
        <translation>El archivo CSV (UTF-8; separador , ; o tabulador; primera línea = nombres de columna).</translation>
    </message>
    <message>
        <source>Exit codes: 0 imported, 1 usage, 2 file rejected, 3 store error, 4 cancelled.</source>
        <translation>Códigos de salida: 0 importado, 1 uso, 2 archivo rechazado, 3 error del almacén, 4 cancelado.</translation>
    </message>
    <message>
        <source>Exactly one FILE is expected.</source>
        <translation>Se espera exactamente un ARCHIVO.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>columns</source>
        <translation>columnas</translation>
    </message>
    <message>
        <source>column</source>
        <translation>columna</translation>
    </message>
    <message>
        <source>lang</source>
        <translation>idioma</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>--database is required.</source>
        <translation>--database es obligatorio.</translation>
    </message>
    <message>
        <source>--name is required.</source>
        <translation>--name es obligatorio.</translation>
    </message>
    <message>
        <source>--phone-columns is required for a new database.</source>
        <translation>--phone-columns es obligatorio para una base nueva.</translation>
    </message>
</context>
</TS>
