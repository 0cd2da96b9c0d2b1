<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>Model</name>
    <message>
        <source>Invalid request</source>
        <translation>Solicitud inválida</translation>
    </message>
    <message>
        <source>%1 more errors were not listed.</source>
        <translation>%1 errores más no se listaron.</translation>
    </message>
</context>
</TS>
