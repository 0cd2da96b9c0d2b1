<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Api</name>
    <message>
        <location filename="../core/api/admindeliveryroutes.cpp" line="1"/>
        <source>Call not found in this campaign.</source>
        <translation>La llamada no existe en esta campaña.</translation>
    </message>
    <message>
        <location filename="../core/api/admindeliveryroutes.cpp" line="1"/>
        <source>Not a date: epoch milliseconds or ISO 8601.</source>
        <translation>No es una fecha: milisegundos desde 1970 o ISO 8601.</translation>
    </message>
    <message>
        <location filename="../core/api/admindeliveryroutes.cpp" line="1"/>
        <source>Delivery not found.</source>
        <translation>El envío no existe.</translation>
    </message>
    <message>
        <location filename="../core/api/admindeliveryroutes.cpp" line="1"/>
        <source>Still waiting in the outbox: it will be sent.</source>
        <translation>Todavía espera en la cola de salida: se enviará.</translation>
    </message>
    <message>
        <location filename="../core/api/admindeliveryroutes.cpp" line="1"/>
        <source>Recorded before requests were kept: it cannot be re-sent.</source>
        <translation>Se registró antes de que se guardaran las peticiones: no puede reenviarse.</translation>
    </message>
    <message>
        <location filename="../core/api/callroutes.cpp" line="21"/>
        <source>Select a valid choice. That choice is not one of the available choices.</source>
        <translation>Escoja una opción válida. Esa opción no está entre las disponibles.</translation>
    </message>
    <message>
        <location filename="../core/api/callroutes.cpp" line="26"/>
        <source>The agent is not related to campaign.</source>
        <translation>El agente no participa en la campaña.</translation>
    </message>
    <message>
        <location filename="../core/api/callroutes.cpp" line="31"/>
        <source>The agent is not related to external system.</source>
        <translation>El agente no corresponde al sistema externo.</translation>
    </message>
    <message>
        <location filename="../core/api/callroutes.cpp" line="36"/>
        <source>The contact is not related to campaign.</source>
        <translation>El contacto no corresponde a la campaña.</translation>
    </message>
    <message>
        <location filename="../core/api/callroutes.cpp" line="81"/>
        <source>An integration key may only address its own external system&apos;s ids (idExternalSystem).</source>
        <translation>Una clave de integración solo puede usar los ids de su propio sistema externo (idExternalSystem).</translation>
    </message>
    <message>
        <location filename="../core/api/callroutes.cpp" line="171"/>
        <source>An agent may only place calls as itself.</source>
        <translation>Un agente solo puede realizar llamadas como sí mismo.</translation>
    </message>
    <message>
        <location filename="../core/api/callroutes.cpp" line="195"/>
        <source>Error when executing the call</source>
        <translation>Error al ejecutar la llamada</translation>
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
        <translation>Se creó la campaña de forma exitosa</translation>
    </message>
    <message>
        <location filename="../core/api/admincampaignroutes.cpp" line="278"/>
        <source>Campaign updated successfully</source>
        <translation>Se actualizó la campaña de forma exitosa</translation>
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
        <translation>Debe indicar un idCampaign válido.</translation>
    </message>
    <message>
        <location filename="../core/api/contactroutes.cpp" line="25"/>
        <source>Campaign not found</source>
        <translation>Campaña inexistente.</translation>
    </message>
    <message>
        <location filename="../core/api/contactroutes.cpp" line="30"/>
        <source>You don&apos;t have permission to edit the campaign</source>
        <translation>No tiene permiso para editar la campaña.</translation>
    </message>
    <message>
        <location filename="../core/api/contactroutes.cpp" line="140"/>
        <location filename="../core/api/contactroutes.cpp" line="190"/>
        <source>The campaign has no contact database.</source>
        <translation>La campaña no tiene base de datos de contactos.</translation>
    </message>
    <message>
        <location filename="../core/api/contactroutes.cpp" line="151"/>
        <source>Incorrect fields were received</source>
        <translation>Se recibieron campos incorrectos</translation>
    </message>
    <message>
        <location filename="../core/api/contactroutes.cpp" line="162"/>
        <source>The field is required</source>
        <translation>El campo es requerido</translation>
    </message>
    <message>
        <location filename="../core/api/admincontactdbroutes.cpp" line="168"/>
        <source>Send the file as multipart/form-data with a &quot;filename&quot; part.</source>
        <translation>Envíe el archivo como multipart/form-data con una parte "filename".</translation>
    </message>
    <message>
        <location filename="../core/api/admincontactdbroutes.cpp" line="288"/>
        <source>Contact database created successfully</source>
        <translation>Se creó la base de datos de contactos de forma exitosa</translation>
    </message>
    <message>
        <location filename="../core/api/admincontactdbroutes.cpp" line="312"/>
        <location filename="../core/api/contactroutes.cpp" line="176"/>
        <source>Contact added</source>
        <translation>Contacto agregado</translation>
    </message>
    <message>
        <location filename="../core/api/answers.cpp" line="31"/>
        <source>There were errors on received data</source>
        <translation>Hubo errores en los datos recibidos</translation>
    </message>
    <message>
        <location filename="../core/api/answers.cpp" line="36"/>
        <source>Unknown external system.</source>
        <translation>Sistema externo inexistente.</translation>
    </message>
    <message>
        <location filename="../core/api/answers.cpp" line="49"/>
        <source>You do not have permission to perform this action.</source>
        <translation>Usted no tiene permiso para realizar esta acción.</translation>
    </message>
    <message>
        <location filename="../core/api/answers.cpp" line="56"/>
        <location filename="../core/calls/dispositionrepository.cpp" line="122"/>
        <source>Not found.</source>
        <translation>No encontrado.</translation>
    </message>
    <message>
        <location filename="../core/api/apijson.cpp" line="16"/>
        <source>This field is required.</source>
        <translation>Este campo es obligatorio.</translation>
    </message>
    <message>
        <location filename="../core/api/apijson.cpp" line="21"/>
        <source>A valid integer is required.</source>
        <translation>Se requiere un número entero válido.</translation>
    </message>
    <message>
        <location filename="../core/api/apijson.cpp" line="26"/>
        <source>Not a valid string.</source>
        <translation>No es una cadena válida.</translation>
    </message>
    <message>
        <location filename="../core/api/apijson.cpp" line="31"/>
        <source>Must be a valid boolean.</source>
        <translation>Debe ser un booleano válido.</translation>
    </message>
    <message>
        <location filename="../core/api/apijson.cpp" line="36"/>
        <source>Expected a list of items.</source>
        <translation>Se esperaba una lista de elementos.</translation>
    </message>
    <message>
        <location filename="../core/api/apijson.cpp" line="41"/>
        <source>Expected a JSON object.</source>
        <translation>Se esperaba un objeto JSON.</translation>
    </message>
    <message>
        <location filename="../core/api/apijson.cpp" line="46"/>
        <source>Ensure this field has no more than %1 characters.</source>
        <translation>Asegúrese de que este campo no tenga más de %1 caracteres.</translation>
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
        <translation>"%1" no es una elección válida.</translation>
    </message>
    <message>
        <location filename="../core/api/adminsiteroutes.cpp" line="164"/>
        <source>External site created successfully</source>
        <translation>Se creó el sitio externo de forma exitosa</translation>
    </message>
    <message>
        <location filename="../core/api/adminsiteroutes.cpp" line="186"/>
        <source>External site updated successfully</source>
        <translation>Se actualizó el sitio externo de forma exitosa</translation>
    </message>
    <message>
        <location filename="../core/api/adminsiteroutes.cpp" line="195"/>
        <source>External site deleted successfully</source>
        <translation>Se eliminó el sitio externo de forma exitosa</translation>
    </message>
    <message>
        <location filename="../core/api/adminsiteroutes.cpp" line="205"/>
        <source>External site hidden</source>
        <translation>Sitio externo ocultado</translation>
    </message>
    <message>
        <location filename="../core/api/adminsiteroutes.cpp" line="206"/>
        <source>External site shown</source>
        <translation>Sitio externo visible</translation>
    </message>
    <message>
        <location filename="../core/api/adminsiteroutes.cpp" line="243"/>
        <source>Authentication created successfully</source>
        <translation>Se creó la autenticación de forma exitosa</translation>
    </message>
    <message>
        <location filename="../core/api/adminsiteroutes.cpp" line="261"/>
        <source>Authentication updated successfully</source>
        <translation>Se actualizó la autenticación de forma exitosa</translation>
    </message>
    <message>
        <location filename="../core/api/adminsiteroutes.cpp" line="270"/>
        <source>Authentication deleted successfully</source>
        <translation>Se eliminó la autenticación de forma exitosa</translation>
    </message>
    <message>
        <location filename="../core/api/adminsystemroutes.cpp" line="98"/>
        <source>External system created successfully</source>
        <translation>Se creó el sistema externo de forma exitosa</translation>
    </message>
    <message>
        <location filename="../core/api/adminsystemroutes.cpp" line="120"/>
        <source>External system updated successfully</source>
        <translation>Se actualizó el sistema externo de forma exitosa</translation>
    </message>
    <message>
        <location filename="../core/api/adminuserroutes.cpp" line="115"/>
        <source>User created successfully</source>
        <translation>Se creó el usuario de forma exitosa</translation>
    </message>
    <message>
        <location filename="../core/api/adminuserroutes.cpp" line="147"/>
        <source>User updated successfully</source>
        <translation>Se actualizó el usuario de forma exitosa</translation>
    </message>
    <message>
        <source>You do not work in this campaign.</source>
        <translation>Usted no trabaja en esta campaña.</translation>
    </message>
    <message>
        <source>At most %1 rows, not %2.</source>
        <translation>Como máximo %1 filas, no %2.</translation>
    </message>
</context>
</TS>
