<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Telephony</name>
    <message>
        <location filename="../core/telephony/telephonymessages.cpp" line="10"/>
        <source>Originate failed by %1 - contacto: %2</source>
        <translation>Originate failed by %1 - contacto: %2</translation>
    </message>
    <message>
        <location filename="../core/telephony/telephonymessages.cpp" line="16"/>
        <source>The telephony server is not connected.</source>
        <translation>El servidor de telefonía no está conectado.</translation>
    </message>
    <message>
        <location filename="../core/telephony/telephonymessages.cpp" line="22"/>
        <source>Asterisk rejected the manager login (%1): check the AMI user and secret in manager.conf.</source>
        <translation>Asterisk rechazó el inicio de sesión del manager (%1): revise el usuario y el secreto AMI en manager.conf.</translation>
    </message>
    <message>
        <location filename="../core/telephony/telephonymessages.cpp" line="28"/>
        <source>The connection to Asterisk was lost: %1</source>
        <translation>Se perdió la conexión con Asterisk: %1</translation>
    </message>
    <message>
        <location filename="../core/telephony/telephonymessages.cpp" line="33"/>
        <source>Invalid PBX address: %1</source>
        <translation>Dirección de PBX inválida: %1</translation>
    </message>
</context>
</TS>
