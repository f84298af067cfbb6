// --allow-run=echo: echo runs, other programs are refused.
const decode = (bytes) => String.fromCharCode(...bytes);
console.log(JSON.stringify(decode(new Deno.Command("echo", { args: ["allowed"] }).outputSync().stdout)));
try {
  new Deno.Command("sh", { args: ["-c", "echo no"] }).outputSync();
} catch (e) {
  console.log(e.name, e.message);
}
console.log(Deno.permissions.querySync({ name: "run", command: "echo" }).state, Deno.permissions.querySync({ name: "run", command: "sh" }).state);
// Deno.kill needs run for everything (a scoped grant is not enough), except to signal the program itself.
for (const pid of [Deno.pid, 999999]) {
  try {
    Deno.kill(pid, "SIGCONT");
    console.log("kill", pid === Deno.pid ? "self" : pid, "sent");
  } catch (e) {
    console.log("kill", pid === Deno.pid ? "self" : pid, e.name, e.message);
  }
}
