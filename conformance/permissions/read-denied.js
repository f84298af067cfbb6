// No --allow-read: every read is refused with Deno's NotCapable message, and query then says "denied".
const attempts = {
  readTextFileSync: () => Deno.readTextFileSync("./data/hello.txt"),
  statSync: () => Deno.statSync("./data/hello.txt"),
  readDirSync: () => [...Deno.readDirSync("./data")],
  openSync: () => Deno.openSync("./data/hello.txt"),
};
console.log("before:", Deno.permissions.querySync({ name: "read", path: "./data/hello.txt" }).state);
for (const [name, attempt] of Object.entries(attempts)) {
  try {
    attempt();
    console.log(name, "allowed");
  } catch (e) {
    console.log(name, e.name, e instanceof Deno.errors.NotCapable);
  }
}
console.log("after:", Deno.permissions.querySync({ name: "read", path: "./data/hello.txt" }).state);
