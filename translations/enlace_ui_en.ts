<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>enlace::ConsoleSession</name>
    <message numerus="yes">
        <location filename="../ui/consolesession.cpp" line="498" />
        <source>%1 (%n attempt(s))</source>
        <translation><numerusform>%1 (%n attempt)</numerusform><numerusform>%1 (%n attempts)</numerusform></translation>
    </message>
</context>
<context>
    <name>enlace::ExternalSystemPage</name>
    <message numerus="yes">
        <location filename="../ui/admin/externalsystempage.cpp" line="286" />
        <source>Imported: %n agent(s) added</source>
        <translation><numerusform>Imported: %n agent added</numerusform><numerusform>Imported: %n agents added</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/admin/externalsystempage.cpp" line="287" />
        <source>%n changed. Save to keep them.</source>
        <translation><numerusform>%n changed. Save to keep them.</numerusform><numerusform>%n changed. Save to keep them.</numerusform></translation>
    </message>
</context>
<context>
    <name>enlace::WebCrmHost</name>
    <message numerus="yes">
        <location filename="../ui/web/webcrmhost.cpp" line="309" />
        <source>No more CRM pages can open: %n page(s) are open and the ones of ended calls have unsaved changes. Save or close one of them and try again.</source>
        <translation><numerusform>No more CRM pages can open: %n page is open and the one of an ended call has unsaved changes. Save or close it and try again.</numerusform><numerusform>No more CRM pages can open: %n pages are open and the ones of ended calls have unsaved changes. Save or close one of them and try again.</numerusform></translation>
    </message>
</context>
</TS>