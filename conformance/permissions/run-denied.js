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
