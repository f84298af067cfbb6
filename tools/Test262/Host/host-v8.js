// V8's test262 capabilities. The engine is created with --allow-natives-syntax, the flag d8 also
// relies on for $262.detachArrayBuffer and $262.gc (--expose-gc would install a non-deletable global
// gc, which test262 does not expect). $262.createRealm uses the shim's __core.v8.createRealm (a new
// context in the same isolate) and evalScriptIn (a classic script in that context).
"use strict";
globalThis.__test262_host = (() => {
  // Built in the realm whose source evaluates it, so errors and functions belong to that realm.
  function capabilities() {
    // The byteLength getter throws a TypeError for anything but a non-shared ArrayBuffer, as
    // DetachArrayBuffer requires, before the runtime function sees the argument.
    const byteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength").get;
    const detach = new Function("buffer", "%ArrayBufferDetach(buffer);");
    const collect = new Function("%CollectGarbage(null);");
    return {
      detachArrayBuffer: (buffer) => { byteLength.call(buffer); detach(buffer); return null; },
      gc: () => { collect(); },
    };
  }

  const { createRealm: newContext, evalScriptIn } = globalThis.__core.v8;

  // $262.createRealm(): a fresh realm with its own intrinsics and its own $262 (INTERPRETING.md).
  function createRealm() {
    const global = newContext();
    const evalScript = (source) => evalScriptIn(global, String(source));
    const own = evalScript(`(${capabilities})()`);
    const unsupported = (what) => () => { throw new global.Error(`Test262 host: ${what} is not supported on this engine`); };
    const $262 = {
      global,
      evalScript,
      createRealm,
      detachArrayBuffer: own.detachArrayBuffer,
      gc: own.gc,
      agent: { start: unsupported("$262.agent"), broadcast: unsupported("$262.agent"), getReport: unsupported("$262.agent"),
               sleep: unsupported("$262.agent"), monotonicNow: unsupported("$262.agent") },
    };
    Object.defineProperty(global, "$262", { value: $262, writable: true, enumerable: false, configurable: true });
    return $262;
  }

  return { ...capabilities(), createRealm };
})();
