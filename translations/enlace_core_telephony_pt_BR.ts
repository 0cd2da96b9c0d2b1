<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
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
        <translation>O servidor de telefonia não está conectado.</translation>
    </message>
    <message>
        <location filename="../core/telephony/telephonymessages.cpp" line="22"/>
        <source>Asterisk rejected the manager login (%1): check the AMI user and secret in manager.conf.</source>
        <translation>O Asterisk recusou o login do manager (%1): verifique o usuário e o segredo AMI no manager.conf.</translation>
    </message>
    <message>
        <location filename="../core/telephony/telephonymessages.cpp" line="28"/>
        <source>The connection to Asterisk was lost: %1</source>
        <translation>A conexão com o Asterisk foi perdida: %1</translation>
    </message>
    <message>
        <location filename="../core/telephony/telephonymessages.cpp" line="33"/>
        <source>Invalid PBX address: %1</source>
        <translation>Endereço de PBX inválido: %1</translation>
    </message>
</context>
</TS>
