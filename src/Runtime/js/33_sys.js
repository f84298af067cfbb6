// System information: Deno.osRelease, osUptime, loadavg, systemMemoryInfo, networkInterfaces, uid, gid.
// Each op checks sys permission for its kind first. Deno.ppid (no permission) is read at bootstrap in 99_main.js.
"use strict";
((core) => {
  const {
    op_sys_os_release, op_sys_os_uptime, op_sys_loadavg, op_sys_system_memory_info, op_sys_network_interfaces,
    op_sys_uid, op_sys_gid,
  } = core.ops;
  const nullProto = (object) => Object.assign(Object.create(null), object);

  core.sys = {
    osRelease: () => op_sys_os_release(),
    osUptime: () => op_sys_os_uptime(),
    loadavg: () => op_sys_loadavg(),
    // Deno returns null-prototype objects for these two (its inspect output shows it).
    systemMemoryInfo: () => nullProto(op_sys_system_memory_info()),
    networkInterfaces: () => op_sys_network_interfaces().map(nullProto),
    uid: () => op_sys_uid(),
    gid: () => op_sys_gid(),
  };
})(globalThis.__core);
