// --allow-sys=osRelease,uid: those two kinds answer, the other sys APIs are refused; pid, ppid and build need nothing.
console.log(typeof Deno.osRelease(), typeof Deno.uid());
for (const [name, call] of [
  ["osUptime", Deno.osUptime], ["loadavg", Deno.loadavg], ["systemMemoryInfo", Deno.systemMemoryInfo],
  ["networkInterfaces", Deno.networkInterfaces], ["gid", Deno.gid], ["hostname", Deno.hostname],
]) {
  try {
    call();
    console.log(name, "answered");
  } catch (e) {
    console.log(name, e.name, e.message);
  }
}
console.log(typeof Deno.pid, typeof Deno.ppid, Deno.build.os);
