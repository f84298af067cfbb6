// System information: types and shapes (the values change from run to run and machine to machine).
console.log(typeof Deno.osRelease(), Deno.osRelease().length > 0);
console.log(Number.isInteger(Deno.osUptime()), Deno.osUptime() > 0);
const load = Deno.loadavg();
console.log(load.length, load.every((n) => typeof n === "number" && n >= 0));
const memory = Deno.systemMemoryInfo();
console.log(Object.keys(memory).join(","), Object.getPrototypeOf(memory), memory.total >= memory.free);
const loopback = Deno.networkInterfaces().find((i) => i.address === "127.0.0.1");
console.log(loopback);
console.log(typeof Deno.uid(), typeof Deno.gid());
console.log(typeof Deno.pid, typeof Deno.ppid, Deno.ppid > 0, Deno.ppid !== Deno.pid);
console.log(Deno.build);
