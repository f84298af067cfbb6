// Deno.permissions (query / request / revoke and their *Sync forms) and PermissionStatus.
"use strict";
((core) => {
  const { op_permissions_query, op_permissions_request, op_permissions_revoke } = core.ops;
  const names = ["read", "write", "net", "env", "sys", "run", "ffi", "import"];

  // Own properties, so Deno.inspect prints `PermissionStatus { state: "granted", onchange: null }` as Deno does.
  class PermissionStatus extends core.events.EventTarget {
    constructor(status) {
      super();
      this.state = status.state;
      this.onchange = null;
      if (status.partial) this.partial = true;
    }
  }

  function check(descriptor) {
    if (descriptor === null || typeof descriptor !== "object") throw new TypeError("The provided value is not of type 'PermissionDescriptor'.");
    if (!names.includes(descriptor.name)) {
      throw new TypeError(`The provided value '${descriptor.name}' is not a valid enum value of type PermissionName.`);
    }
    return descriptor;
  }

  class Permissions {
    querySync(descriptor) { return new PermissionStatus(op_permissions_query(check(descriptor))); }
    requestSync(descriptor) { return new PermissionStatus(op_permissions_request(check(descriptor))); }
    revokeSync(descriptor) { return new PermissionStatus(op_permissions_revoke(check(descriptor))); }
    query(descriptor) { try { return Promise.resolve(this.querySync(descriptor)); } catch (e) { return Promise.reject(e); } }
    request(descriptor) { try { return Promise.resolve(this.requestSync(descriptor)); } catch (e) { return Promise.reject(e); } }
    revoke(descriptor) { try { return Promise.resolve(this.revokeSync(descriptor)); } catch (e) { return Promise.reject(e); } }
  }

  core.permissions = { permissions: new Permissions(), Permissions, PermissionStatus };
})(globalThis.__core);
