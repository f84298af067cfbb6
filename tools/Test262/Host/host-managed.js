// The managed engine's test262 capabilities: $262.gc through a host op (a full .NET collection: the
// engine's objects live on the managed heap) and $262.createRealm through __core.managed.createRealm
// (a new realm in the same engine) and evalScriptIn (a classic script in that realm), as on V8.
// The engine has no ArrayBuffer yet, so there is no detachArrayBuffer; no agents.
"use strict";
globalThis.__test262_host = (() => {
  const { ops, managed: { createRealm: newRealm, evalScriptIn } } = globalThis.__core;
  const gc = () => { ops.op_test262_gc(); };

  // $262.createRealm(): a fresh realm with its own intrinsics and its own $262 (INTERPRETING.md).
  function createRealm() {
    const global = newRealm();
    const evalScript = (source) => evalScriptIn(global, String(source));
    const unsupported = (what) => () => { throw new global.Error(`Test262 host: ${what} is not supported on this engine`); };
    const $262 = {
      global,
      evalScript,
      createRealm,
      detachArrayBuffer: unsupported("$262.detachArrayBuffer"),
      gc,
      agent: { start: unsupported("$262.agent"), broadcast: unsupported("$262.agent"), getReport: unsupported("$262.agent"),
               sleep: unsupported("$262.agent"), monotonicNow: unsupported("$262.agent") },
    };
    Object.defineProperty(global, "$262", { value: $262, writable: true, enumerable: false, configurable: true });
    return $262;
  }

  return { gc, createRealm };
})();
