// The test262 host environment (INTERPRETING.md "Host-Defined Functions"): $262 and print.
// Runs first in every realm, before the harness. Engine-specific capabilities (detaching an
// ArrayBuffer, forcing a collection) come from the engine's own script as globalThis.__test262_host;
// what an engine cannot do throws an error naming the missing capability, so the failure says why.
"use strict";
((core, host) => {
  delete globalThis.__core;
  delete globalThis.__test262_host;
  const ops = core.ops;

  // Errors raised by ops cross as (class name, message): rebuild them from this realm's constructors
  // (EvalError, URIError, Test262Error, ...) so assert.throws sees the right type.
  core.setErrorFactory((className, message) => {
    const ctor = globalThis[className];
    return typeof ctor === "function" ? new ctor(message) : undefined;
  });

  const unsupported = (what, needs) => () => {
    throw new Error(`Test262 host: ${what} is not supported on this engine (${needs})`);
  };

  const agent = {};
  for (const name of ["start", "broadcast", "getReport", "sleep", "monotonicNow"]) {
    agent[name] = unsupported(`$262.agent.${name}`, "needs agents: isolates sharing SharedArrayBuffers");
  }

  const $262 = {
    global: globalThis,
    evalScript(source) {
      return ops.op_test262_eval_script(String(source));
    },
    createRealm: host.createRealm ?? unsupported("$262.createRealm", "needs a new realm sharing this heap"),
    detachArrayBuffer: host.detachArrayBuffer ?? unsupported("$262.detachArrayBuffer", "needs DetachArrayBuffer"),
    gc: host.gc ?? unsupported("$262.gc", "needs a forced garbage collection"),
    agent,
  };
  Object.defineProperty(globalThis, "$262", { value: $262, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(globalThis, "print", {
    value: function print(message) { ops.op_test262_print(String(message)); },
    writable: true, enumerable: false, configurable: true,
  });
})(globalThis.__core, globalThis.__test262_host ?? {});
