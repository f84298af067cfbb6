// Core internals shared by the runtime's JS: the error classes ops raise (Deno.errors) and the
// error factory the engine uses to build them. Runs first; every later file reads globalThis.__core.
"use strict";
((core) => {
  // Symbol.dispose / Symbol.asyncDispose (explicit resource management, which Deno's V8 has): V8 10.2
  // and the managed engine lack them, so they are defined here, as Deno itself did before its V8 had
  // them, and resources (FsFile, Conn, Listener) can offer [Symbol.dispose] on every engine.
  for (const name of ["dispose", "asyncDispose"]) {
    if (typeof Symbol[name] !== "symbol") {
      Object.defineProperty(Symbol, name, { value: Symbol(`Symbol.${name}`), writable: false, enumerable: false, configurable: false });
    }
  }

  // Deno.errors: one class per op error kind. The engine calls the factory with the class name an op
  // raised (OpError.ClassName); undefined falls back to an Error named after the class.
  const names = [
    "NotFound", "PermissionDenied", "ConnectionRefused", "ConnectionReset", "ConnectionAborted",
    "NotConnected", "AddrInUse", "AddrNotAvailable", "BrokenPipe", "AlreadyExists", "InvalidData",
    "TimedOut", "Interrupted", "WriteZero", "WouldBlock", "UnexpectedEof", "BadResource", "Http",
    "Busy", "NotSupported", "FilesystemLoop", "IsADirectory", "NetworkUnreachable", "NotADirectory",
    "NotCapable",
  ];
  const errors = {};
  for (const name of names) {
    // A named class expression per kind, so stacks and inspect show e.g. "NotFound: ...".
    const cls = class extends Error {
      constructor(message, options) {
        super(message, options);
        this.name = name;
      }
    };
    Object.defineProperty(cls, "name", { value: name });
    errors[name] = cls;
  }
  core.errors = errors;
  function errorFactory(className, message) {
    const cls = errors[className];
    if (cls === undefined) return undefined;
    const error = new cls(message);
    // The stack starts at the JS that called the op, not here.
    Error.captureStackTrace(error, errorFactory);
    return error;
  }
  core.setErrorFactory(errorFactory);
})(globalThis.__core);
