// --allow-net=127.0.0.1:45123: that host and port only; another port, or the same port by another
// name, is refused. (The granted listen may meet AddrInUse if something else holds the port: that
// error comes after the permission check, so it still shows the grant.)
try {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 45123 });
  listener.close();
  console.log("listen 127.0.0.1:45123 granted");
} catch (e) {
  if (!(e instanceof Deno.errors.AddrInUse)) throw e;
  console.log("listen 127.0.0.1:45123 granted");
}
for (const [hostname, port] of [["127.0.0.1", 45124], ["localhost", 45123], ["0.0.0.0", 45123]]) {
  try {
    Deno.listen({ hostname, port });
  } catch (e) {
    console.log(e.name, e.message);
  }
}
try {
  await Deno.connect({ hostname: "127.0.0.1", port: 45124 });
} catch (e) {
  console.log(e.name, e.message);
}
for (const host of ["127.0.0.1:45123", "127.0.0.1:45124", "127.0.0.1"]) {
  console.log(host, Deno.permissions.querySync({ name: "net", host }).state);
}
