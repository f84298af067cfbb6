// Deno.exit, Deno.exitCode, Deno.args and the other process facts of the Deno namespace.
"use strict";
((core) => {
  const { op_process_exit, op_process_set_exit_code, op_process_get_exit_code } = core.ops;

  core.process = {
    exit(code) {
      if (code !== undefined) op_process_set_exit_code(toExitCode(code));
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
