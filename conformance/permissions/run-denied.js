// No --allow-run: every way of starting a program is refused before anything runs.
const attempts = [
  ["outputSync", () => new Deno.Command("echo", { args: ["x"] }).outputSync()],
  ["output", () => new Deno.Command("echo", { args: ["x"] }).output()],
  ["spawn", () => new Deno.Command("echo", { args: ["x"] }).spawn()],
  ["by path", () => new Deno.Command("/bin/sh", { args: ["-c", "true"] }).outputSync()],
];
for (const [name, attempt] of attempts) {
  try {
    await attempt();
    console.log(name, "ran");
  } catch (e) {
    console.log(name, e.name, e.message);
  }
}
console.log(Deno.permissions.querySync({ name: "run", command: "echo" }).state);
// Deno.kill needs run for everything (a scoped grant is not enough), except to signal the program itself.
for (const pid of [Deno.pid, 999999]) {
  try {
    Deno.kill(pid, "SIGCONT");
    console.log("kill", pid === Deno.pid ? "self" : pid, "sent");
  } catch (e) {
    console.log("kill", pid === Deno.pid ? "self" : pid, e.name, e.message);
  }
}
