// Enlace bridge, page half (QWebEngineScript::MainWorld, main frame, DocumentCreation).
// Defines window.enlaceReady (a promise) at once, and window.enlace only when the isolated half
// announces that Enlace offers this page the bridge (the page is on its CRM site's origin).
//   enlace.call, enlace.dispositionOptions, enlace.state   the current call facts
//   enlace.qualify(optionId, comments), enlace.dial(phone[, contactId])
//   enlace.onCallChanged(callback)  + DOM events "enlace:ready" and "enlace:callchanged" (detail = facts)
(function () {
    'use strict';
    if (window.top !== window || window.enlaceReady)
        return;
    var facts = null;
    var listeners = [];
    var resolveReady;
    var ready = new Promise(function (resolve) { resolveReady = resolve; });
    Object.defineProperty(window, 'enlaceReady', { value: ready, enumerable: false });

    function copy(value) { return value === undefined ? undefined : JSON.parse(JSON.stringify(value)); }
    function request(op, args) {
        if (window.location.origin !== 'null')
            window.postMessage({ __enlace: 'request', op: op, args: args }, window.location.origin);
    }
    var api = Object.freeze({
        get call() { return copy(facts && facts.call); },
        get dispositionOptions() { return copy(facts && facts.disposition_options); },
        get state() { return facts ? facts.state : undefined; },
        qualify: function (optionId, comments) { request('qualify', [optionId, comments]); },
        dial: function (phone, contactId) { request('dial', [phone, contactId]); },
        onCallChanged: function (callback) {
            if (typeof callback === 'function')
                listeners.push(callback);
        },
    });
    window.addEventListener('message', function (event) {
        if (event.source !== window || !event.data || event.data.__enlace !== 'state')
            return;
        var first = facts === null;
        facts = event.data.facts || {};
        if (first) {
            Object.defineProperty(window, 'enlace', { value: api, enumerable: true });
            resolveReady(api);
            window.dispatchEvent(new CustomEvent('enlace:ready', { detail: copy(facts) }));
            return;
        }
        listeners.forEach(function (callback) {
            try { callback(copy(facts)); } catch (e) { console.error(e); }
        });
        window.dispatchEvent(new CustomEvent('enlace:callchanged', { detail: copy(facts) }));
    });
    request('hello', []);
})();
