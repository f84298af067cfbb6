// --allow-write=./out (reads anywhere): writing inside out/ works, elsewhere is refused.
const file = `./out/written-${Deno.pid}.txt`;
Deno.writeTextFileSync(file, "written");
console.log(Deno.readTextFileSync(file));
Deno.removeSync(file);
for (const target of ["./data/new.txt", "./write-scoped.js"]) {
  try {
    Deno.writeTextFileSync(target, "nope");
    console.log("wrote?!");
  } catch (e) {
    console.log(e.name);
  }
}
try {
  Deno.mkdirSync("./made-here");
} catch (e) {
  console.log(e.name);
}
console.log(Deno.permissions.querySync({ name: "write", path: "./out" }).state, Deno.permissions.querySync({ name: "write", path: "." }).state);
