// Deno.env and Deno.hostname. Permission checks (env per variable, sys "hostname") happen in the ops.
"use strict";
((core) => {
  const { op_os_env_get, op_os_env_set, op_os_env_delete, op_os_env_to_object, op_os_hostname } = core.ops;
  core.os = {
    env: {
      get: (key) => op_os_env_get(String(key)) ?? undefined,
      set: (key, value) => op_os_env_set(String(key), String(value)),
      delete: (key) => op_os_env_delete(String(key)),
      has: (key) => op_os_env_get(String(key)) !== null,
      toObject: () => op_os_env_to_object(),
    },
    hostname: () => op_os_hostname(),
  };
})(globalThis.__core);
