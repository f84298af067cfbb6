// The managed engine's test262 capabilities: $262.gc through a host op (a full .NET collection; the
// engine's heap is the managed heap). It has no ArrayBuffer yet, so no detachArrayBuffer; no second
// realm in one engine (createRealm) and no agents, as on V8 here.
"use strict";
globalThis.__test262_host = {
  gc: ((ops) => () => { ops.op_test262_gc(); })(globalThis.__core.ops),
};
