// Enlace bridge, isolated half (QWebEngineScript::ApplicationWorld, main frame, DocumentCreation).
// Runs after qwebchannel.js in the same script. Connects to the `enlace` QWebChannel object when
// Enlace installed the channel (only on the origin of the call's CRM site) and relays a narrow set
// of messages with the page's main world through window.postMessage. The page's own scripts cannot
// reach this world; they only see what is posted.
(function () {
    'use strict';
    if (window.top !== window || window.__enlaceIsolatedInstalled)
        return;
    window.__enlaceIsolatedInstalled = true;
    var bridge = null;
    var tries = 0;

    function post(message) {
        if (window.location.origin === 'null')
            return;
        window.postMessage(message, window.location.origin);
    }
    function sendState(facts) {
        if (!bridge || bridge.origin !== window.location.origin)
            return;
        var f = facts || bridge.facts || {};
        post({ __enlace: 'state', facts: f });
    }
    function connect() {
        if (typeof qt === 'undefined' || !qt.webChannelTransport) {
            if (++tries < 100)
                setTimeout(connect, 100);
            return;
        }
        new QWebChannel(qt.webChannelTransport, function (channel) {
            var b = channel.objects.enlace;
            if (!b || b.origin !== window.location.origin)
                return;
            bridge = b;
            b.callChanged.connect(function (facts) { sendState(facts); });
            sendState();
        });
    }
    window.addEventListener('message', function (event) {
        if (event.source !== window || !event.data || event.data.__enlace !== 'request')
            return;
        var args = Array.isArray(event.data.args) ? event.data.args : [];
        switch (event.data.op) {
        case 'hello':
            sendState();
            break;
        case 'qualify':
            if (bridge && bridge.origin === window.location.origin)
                bridge.qualify(Number(args[0]), String(args[1] === undefined || args[1] === null ? '' : args[1]));
            break;
        case 'dial':
            if (bridge && bridge.origin === window.location.origin)
                bridge.dial(String(args[0] === undefined || args[0] === null ? '' : args[0]),
                            String(args[1] === undefined || args[1] === null ? '' : args[1]));
            break;
        }
    });
    connect();
})();
