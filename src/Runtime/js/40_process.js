// Deno.exit and Deno.exitCode (Deno.args and the other start-time facts arrive in 99_main.js).
"use strict";
((core) => {
  const { op_process_exit, op_process_set_exit_code, op_process_get_exit_code } = core.ops;

  core.process = {
    exit(code) {
      if (code !== undefined) op_process_set_exit_code(toExitCode(code));
      // Deno dispatches "unload" before leaving (its listeners cannot stop the exit).
      try { globalThis.dispatchEvent(new Event("unload")); } catch { /* exiting anyway */ }
      op_process_exit(code === undefined ? op_process_get_exit_code() : toExitCode(code));
    },
    get exitCode() {
      return op_process_get_exit_code();
    },
    set exitCode(code) {
      op_process_set_exit_code(toExitCode(code));
    },
  };

  function toExitCode(code) {
    const n = Number(code);
    if (!Number.isInteger(n)) throw new TypeError(`Exit code must be an integer, received ${code}`);
    return n;
  }
})(globalThis.__core);
