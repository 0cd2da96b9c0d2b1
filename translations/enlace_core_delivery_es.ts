<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Delivery</name>
    <message>
        <location filename="../core/requests/siteauthenticationrules.cpp" line="15"/>
        <source>This field is required.</source>
        <translation>Este campo es obligatorio.</translation>
    </message>
    <message>
        <location filename="../core/requests/siteauthenticationrules.cpp" line="20"/>
        <source>Ensure this field has no more than %1 characters.</source>
        <translation>Asegúrese de que este campo no tenga más de %1 caracteres.</translation>
    </message>
    <message>
        <location filename="../core/requests/siteauthenticationrules.cpp" line="65"/>
        <location filename="../core/sites/siteauthenticationrepository.cpp" line="94"/>
        <location filename="../core/sites/siteauthenticationrepository.cpp" line="134"/>
        <source>An authentication with this name already exists.</source>
        <translation>Ya existe una autenticación con este nombre.</translation>
    </message>
    <message>
        <location filename="../core/requests/siteauthenticationrules.cpp" line="72"/>
        <location filename="../core/sites/authenticationtester.cpp" line="44"/>
        <source>Enter a valid URL.</source>
        <translation>Introduzca una URL válida.</translation>
    </message>
    <message>
        <location filename="../core/requests/siteauthenticationrules.cpp" line="77"/>
        <source>Only letters, digits and _ are allowed.</source>
        <translation>Solo se permiten letras, dígitos y _.</translation>
    </message>
    <message>
        <location filename="../core/requests/siteauthenticationrules.cpp" line="93"/>
        <source>Ensure this value is greater than or equal to 0.</source>
        <translation>Asegúrese de que este valor sea mayor o igual a 0.</translation>
    </message>
    <message>
        <location filename="../core/requests/siteauthenticationrules.cpp" line="96"/>
        <source>Give either a duration or a duration field, not both.</source>
        <translation>Indique una duración o un campo de duración, no ambos.</translation>
    </message>
    <message>
        <location filename="../core/sites/siteauthenticationrepository.cpp" line="44"/>
        <source>The stored secret cannot be read; was the key file replaced?</source>
        <translation>No se puede leer el secreto guardado; ¿se reemplazó el archivo de clave?</translation>
    </message>
    <message>
        <location filename="../core/sites/siteauthenticationrepository.cpp" line="56"/>
        <source>Site authentication not found</source>
        <translation>Autenticación de sitio externo no encontrada</translation>
    </message>
    <message>
        <location filename="../core/sites/siteauthenticationrepository.cpp" line="61"/>
        <source>Authentications assigned to external sites can not be deleted</source>
        <translation>No está permitido eliminar una autenticacion que tiene sitios externos</translation>
    </message>
    <message>
        <location filename="../core/sites/tokenprovider.cpp" line="164"/>
        <source>Error updating the site authentication token: %1</source>
        <translation>Error al actualizar token de AutenticacionSitioExterno: %1</translation>
    </message>
    <message>
        <location filename="../core/sites/tokenprovider.cpp" line="171"/>
        <source>Error updating the site authentication token: invalid status code: %1
%2</source>
        <translation>Error al actualizar token de AutenticacionSitioExterno: Status Code invalido: %1
%2</translation>
    </message>
    <message>
        <location filename="../core/sites/tokenprovider.cpp" line="180"/>
        <source>Error updating the site authentication token: invalid Content-Type</source>
        <translation>Error al actualizar token de AutenticacionSitioExterno: Content-Type inválido</translation>
    </message>
    <message>
        <location filename="../core/sites/tokenprovider.cpp" line="198"/>
        <source>Error updating the site authentication token: could not obtain the token</source>
        <translation>Error al actualizar token de AutenticacionSitioExterno: No se pudo obtener el token</translation>
    </message>
    <message>
        <location filename="../core/sites/authenticationtester.cpp" line="31"/>
        <source>Successful Authentication with CRM</source>
        <translation>Autenticación Satisfactoria a CRM</translation>
    </message>
    <message>
        <location filename="../core/sites/authenticationtester.cpp" line="36"/>
        <source>Failed Authentication to CRM: &lt;%1&gt;</source>
        <translation>Autenticación Fallida a CRM: &lt;%1&gt;</translation>
    </message>
    <message>
        <location filename="../core/sites/authenticationtester.cpp" line="57"/>
        <source>No answer within %1 seconds</source>
        <translation>Sin respuesta en %1 segundos</translation>
    </message>
    <message>
        <location filename="../core/sites/authenticationtester.cpp" line="61"/>
        <source>Network error: %1</source>
        <translation>Error de red: %1</translation>
    </message>
    <message>
        <location filename="../core/sites/authenticationtester.cpp" line="65"/>
        <source>HTTP status %1 %2</source>
        <translation>Estado HTTP %1 %2</translation>
    </message>
    <message>
        <location filename="../core/sites/authenticationtester.cpp" line="73"/>
        <source>Answer must be in JSON format</source>
        <translation>La respuesta es esperada en formato JSON</translation>
    </message>
    <message>
        <location filename="../core/sites/authenticationtester.cpp" line="80"/>
        <source>Answer does not contain information in campo_token</source>
        <translation>La respuesta no contiene información en el campo_token</translation>
    </message>
    <message>
        <location filename="../core/sites/dynamiclistfetcher.cpp" line="31"/>
        <source>ERROR: Service %1 not available</source>
        <translation>ERROR: Servicio %1 no disponible</translation>
    </message>
</context>
</TS>
