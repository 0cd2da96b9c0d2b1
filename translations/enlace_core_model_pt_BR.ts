<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>Model</name>
    <message>
        <source>Invalid request</source>
        <translation>Solicitação inválida</translation>
    </message>
    <message>
        <source>%1 more errors were not listed.</source>
        <translation>Mais %1 erros não foram listados.</translation>
    </message>
</context>
</TS>
