// Bootstrap: builds the Deno namespace and finishes globalThis. What is known only at start
// (args, pid, versions) arrives through the "bootstrap" hook, so everything above it can live in
// the startup snapshot. Then __core is removed from the global object.
"use strict";
((core) => {
  const Deno = {
    errors: core.errors,
    inspect: core.inspect,
    exit: (code) => core.process.exit(code),
    permissions: core.permissions.permissions,
    Permissions: core.permissions.Permissions,
    PermissionStatus: core.permissions.PermissionStatus,
    env: core.os.env,
    hostname: core.os.hostname,
    cwd: core.fs.cwd,
    readTextFile: core.fs.readTextFile,
    readTextFileSync: core.fs.readTextFileSync,
    readFile: core.fs.readFile,
    readFileSync: core.fs.readFileSync,
    writeTextFile: core.fs.writeTextFile,
    writeTextFileSync: core.fs.writeTextFileSync,
    writeFile: core.fs.writeFile,
    writeFileSync: core.fs.writeFileSync,
    stat: core.fs.stat,
    statSync: core.fs.statSync,
    lstat: core.fs.lstat,
    lstatSync: core.fs.lstatSync,
    mkdir: core.fs.mkdir,
    mkdirSync: core.fs.mkdirSync,
    remove: core.fs.remove,
    removeSync: core.fs.removeSync,
    readDir: core.fs.readDir,
    readDirSync: core.fs.readDirSync,
    open: core.fs.open,
    openSync: core.fs.openSync,
    FsFile: core.fs.FsFile,
    // Removed in Deno 2, kept here for diagnostics (issue 3): close a rid, list open resources.
    close: core.fs.close,
    resources: core.fs.resources,
    listen: core.net.listen,
    connect: core.net.connect,
    // Listener, Conn and TcpConn are types only in Deno 2's namespace: not exposed here either.
    Command: core.command.Command,
    ChildProcess: core.command.ChildProcess,
    kill: core.command.kill,
    osRelease: core.sys.osRelease,
    osUptime: core.sys.osUptime,
    loadavg: core.sys.loadavg,
    systemMemoryInfo: core.sys.systemMemoryInfo,
    networkInterfaces: core.sys.networkInterfaces,
    uid: core.sys.uid,
    gid: core.sys.gid,
    refTimer: core.timers.refTimer,
    unrefTimer: core.timers.unrefTimer,
    args: [],
    pid: 0,
    ppid: 0,
    version: { deno: "", v8: "", typescript: "" },
    build: { target: "x86_64-unknown-linux-gnu", arch: "x86_64", os: "linux", vendor: "unknown", env: "gnu", standalone: false },
  };
  Object.defineProperty(Deno, "exitCode", {
    get: () => core.process.exitCode,
    set: (code) => { core.process.exitCode = code; },
    enumerable: true,
  });
  Object.defineProperty(globalThis, "Deno", { value: Deno, writable: false, enumerable: false, configurable: false });

  core.setHook("bootstrap", (options) => {
    Deno.args = options.args;  // a plain mutable array, as in Deno
    Deno.pid = options.pid;
    Deno.ppid = core.ops.op_sys_ppid();
    Deno.version = Object.freeze({ deno: options.version, v8: options.v8Version, typescript: "" });
    Object.freeze(Deno.build);
    Object.freeze(Deno);
    delete globalThis.__core;
  });
})(globalThis.__core);
