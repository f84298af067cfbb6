// --allow-run=echo: echo runs, other programs are refused.
const decode = (bytes) => String.fromCharCode(...bytes);
console.log(JSON.stringify(decode(new Deno.Command("echo", { args: ["allowed"] }).outputSync().stdout)));
try {
  new Deno.Command("sh", { args: ["-c", "echo no"] }).outputSync();
} catch (e) {
  console.log(e.name, e.message);
}
console.log(Deno.permissions.querySync({ name: "run", command: "echo" }).state, Deno.permissions.querySync({ name: "run", command: "sh" }).state);
