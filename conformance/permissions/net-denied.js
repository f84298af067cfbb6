// No --allow-net: listening and connecting are refused before any socket is made.
try {
  Deno.listen({ hostname: "127.0.0.1", port: 4500 });
} catch (e) {
  console.log(e.name, e.message);
}
try {
  Deno.listen({ port: 4500 });
} catch (e) {
  console.log(e.name, e.message);
}
try {
  await Deno.connect({ hostname: "127.0.0.1", port: 4501 });
} catch (e) {
  console.log(e.name, e.message);
}
try {
  await Deno.connect({ port: 4501 });
} catch (e) {
  console.log(e.name, e.message);
}
console.log(Deno.permissions.querySync({ name: "net", host: "127.0.0.1:4500" }).state);
