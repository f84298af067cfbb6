// The Deno namespace's net, subprocess and system-information members (Listener, Conn and TcpConn are types only).
const names = [
  "listen", "connect", "Listener", "Conn", "TcpConn", "Command", "ChildProcess", "kill",
  "osRelease", "osUptime", "loadavg", "systemMemoryInfo", "networkInterfaces", "uid", "gid", "hostname",
];
for (const name of names) console.log(name, typeof Deno[name]);
console.log("pid", typeof Deno.pid, "ppid", typeof Deno.ppid, Object.keys(Deno.build).join(","));
console.log(Deno.kill.length, Deno.listen.length, Deno.connect.length);
