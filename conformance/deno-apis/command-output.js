// Deno.Command: output() and outputSync() of real programs (echo, sh), exit codes, stderr, env, cwd,
// stdout/stderr modes, spawn() with status and kill(), and the errors Deno gives.
const decode = (bytes) => String.fromCharCode(...bytes);

const echo = await new Deno.Command("echo", { args: ["hello", "world"] }).output();
console.log(echo);
console.log(echo.stdout instanceof Uint8Array, JSON.stringify(decode(echo.stdout)), echo.stderr.length);

const failed = new Deno.Command("sh", { args: ["-c", "echo to-stderr >&2; exit 3"] }).outputSync();
console.log(failed.success, failed.code, failed.signal, JSON.stringify(decode(failed.stderr)), failed.stdout.length);

const env = await new Deno.Command("sh", {
  args: ["-c", "echo \"$GREETING|$HOME\"; pwd"],
  env: { GREETING: "hi" },
  clearEnv: true,
  cwd: "/",
}).output();
console.log(JSON.stringify(decode(env.stdout)));

const quiet = await new Deno.Command("echo", { args: ["unseen"], stdout: "null" }).output();
try {
  quiet.stdout;
} catch (e) {
  console.log(e.name, e.message);
}

const child = new Deno.Command("sleep", { args: ["30"], stdout: "null" }).spawn();
console.log(typeof child.pid, child.pid > 0);
child.kill();
console.log(await child.status);
try {
  child.kill();
} catch (e) {
  console.log(e.name, e.message);
}

// Deno.kill signals any process by pid; the child's status names the signal.
const other = new Deno.Command("sleep", { args: ["30"], stdout: "null" }).spawn();
Deno.kill(other.pid, "SIGKILL");
console.log(await other.status);

const piped = new Deno.Command("echo", { args: ["spawned"], stdout: "piped" }).spawn();
const collected = await piped.output();
console.log(collected.code, JSON.stringify(decode(collected.stdout)));
try {
  collected.stderr;
} catch (e) {
  console.log(e.name, e.message);
}

// A piped stdin takes bytes through a writer; closing it ends the child's input.
const cat = new Deno.Command("cat", { stdin: "piped", stdout: "piped" }).spawn();
const writer = cat.stdin.getWriter();
await writer.write(Uint8Array.from("fed through stdin", (c) => c.charCodeAt(0)));
await writer.close();
const fed = await cat.output();
console.log(fed.success, JSON.stringify(decode(fed.stdout)));

for (const run of [
  () => new Deno.Command("dualrt-conformance-no-such-program").outputSync(),
  () => new Deno.Command("echo", { stdin: "piped" }).outputSync(),
  () => new Deno.Command("echo", { stdout: "bogus" }).outputSync(),
  () => new Deno.Command("sleep", { args: ["1"], stdout: "null" }).spawn().kill("SIGNOPE"),
]) {
  try {
    run();
  } catch (e) {
    console.log(e.name, e.message);
  }
}
console.log(Object.getOwnPropertyNames(Deno.Command.prototype));
