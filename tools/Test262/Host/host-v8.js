// V8's test262 capabilities through V8's runtime functions: the engine is created with
// --allow-natives-syntax, the flag d8 also relies on for $262.detachArrayBuffer and $262.gc.
// (--expose-gc would install a non-deletable global gc, which test262 does not expect.)
"use strict";
globalThis.__test262_host = {
  detachArrayBuffer: (() => {
    // The byteLength getter throws a TypeError for anything but a non-shared ArrayBuffer, as
    // DetachArrayBuffer requires, before the runtime function sees the argument.
    const byteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength").get;
    const detach = new Function("buffer", "%ArrayBufferDetach(buffer);");
    return (buffer) => { byteLength.call(buffer); detach(buffer); return null; };
  })(),
  gc: (() => {
    const collect = new Function("%CollectGarbage(null);");
    return () => { collect(); };
  })(),
};
