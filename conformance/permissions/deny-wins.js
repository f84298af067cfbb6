// --allow-read with --deny-read=./data/secret.txt: the deny wins for that file only.
console.log(Deno.readTextFileSync("./data/hello.txt").trim());
try {
  Deno.readTextFileSync("./data/secret.txt");
  console.log("secret read?!");
} catch (e) {
  console.log(e.name);
}
const status = Deno.permissions.querySync({ name: "read", path: "./data" });
console.log(status.state, status.partial === true);
console.log(Deno.permissions.querySync({ name: "read", path: "./data/secret.txt" }).state);
