// --allow-env=DUALRT_CONFORMANCE_VAR: that variable only.
Deno.env.set("DUALRT_CONFORMANCE_VAR", "set here");
console.log(Deno.env.get("DUALRT_CONFORMANCE_VAR"));
for (const name of ["HOME", "PATH"]) {
  try {
    Deno.env.get(name);
    console.log(name, "allowed?!");
  } catch (e) {
    console.log(name, e.name, e.message);
  }
}
console.log(Deno.permissions.querySync({ name: "env", variable: "DUALRT_CONFORMANCE_VAR" }).state);
console.log(Deno.permissions.querySync({ name: "env" }).state);
try {
  Deno.hostname();
} catch (e) {
  console.log(e.message);
}
