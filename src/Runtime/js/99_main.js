// Bootstrap: builds the Deno namespace and finishes globalThis. What is known only at start
// (args, pid, versions) arrives through the "bootstrap" hook, so everything above it can live in
// the startup snapshot. Then __core is removed from the global object.
"use strict";
((core) => {
  const Deno = {
    errors: core.errors,
    inspect: core.inspect,
    exit: (code) => core.process.exit(code),
    refTimer: core.timers.refTimer,
    unrefTimer: core.timers.unrefTimer,
    args: [],
    pid: 0,
    version: { deno: "", v8: "", typescript: "" },
    build: { target: "x86_64-unknown-linux-gnu", arch: "x86_64", os: "linux", vendor: "unknown", env: "gnu" },
  };
  Object.defineProperty(Deno, "exitCode", {
    get: () => core.process.exitCode,
    set: (code) => { core.process.exitCode = code; },
    enumerable: true,
  });
  Object.defineProperty(globalThis, "Deno", { value: Deno, writable: false, enumerable: false, configurable: false });

  core.setHook("bootstrap", (options) => {
    Deno.args = Object.freeze(options.args);
    Deno.pid = options.pid;
    Deno.version = Object.freeze({ deno: options.version, v8: options.v8Version, typescript: "" });
    Object.freeze(Deno.build);
    Object.freeze(Deno);
    delete globalThis.__core;
  });
})(globalThis.__core);
