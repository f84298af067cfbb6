// --allow-read=./data: inside the folder is granted, outside it is not.
console.log(Deno.readTextFileSync("./data/hello.txt").trim());
console.log(Deno.statSync("./data/hello.txt").isFile, [...Deno.readDirSync("./data")].map((e) => e.name).sort().join(","));
console.log(Deno.permissions.querySync({ name: "read", path: "./data" }).state);
console.log(Deno.permissions.querySync({ name: "read", path: "." }).state);
try {
  Deno.readTextFileSync("./read-scoped.js");
} catch (e) {
  console.log(e.name);
}
