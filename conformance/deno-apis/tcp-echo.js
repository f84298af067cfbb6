// A TCP echo over 127.0.0.1: Deno.listen, accept, Deno.connect, read/write, closeWrite, the listener's async
// iterator, and what closing does to pending and later calls. Ports are the system's choice, never printed.
const encode = (text) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const decode = (bytes) => String.fromCharCode(...bytes);

const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
const { port } = listener.addr;
console.log("listening:", listener.addr.transport, listener.addr.hostname, Object.keys(listener.addr).join(","));

// The server answers each connection with its bytes upper-cased until the client stops writing.
const served = (async () => {
  let connections = 0;
  for await (const conn of listener) {
    connections++;
    const buffer = new Uint8Array(64);
    let n;
    while ((n = await conn.read(buffer)) !== null) {
      await conn.write(encode(decode(buffer.subarray(0, n)).toUpperCase()));
    }
    conn.close();
  }
  return connections;
})();

for (const word of ["hello", "deno"]) {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  console.log("connected:", conn.remoteAddr.port === port, conn.localAddr.hostname, conn.remoteAddr.transport);
  console.log("wrote", await conn.write(encode(word)));
  const buffer = new Uint8Array(64);
  let reply = "";
  while (reply.length < word.length) {
    const n = await conn.read(buffer);
    reply += decode(buffer.subarray(0, n));
  }
  console.log("reply:", reply);
  await conn.closeWrite();
  console.log("after server close:", await conn.read(buffer));
  conn.close();
  try {
    await conn.read(buffer);
  } catch (e) {
    console.log("read after close:", e.name, e.message);
  }
}

listener.close();
console.log("connections served:", await served);
try {
  await listener.accept();
} catch (e) {
  console.log("accept after close:", e.name, e.message);
}
try {
  listener.close();
} catch (e) {
  console.log("close twice:", e.name, e.message);
}

// A pending read is interrupted when its connection is closed.
const second = Deno.listen({ hostname: "127.0.0.1", port: 0 });
const client = await Deno.connect({ hostname: "127.0.0.1", port: second.addr.port });
const server = await second.accept();
const pending = server.read(new Uint8Array(8));
server.close();
try {
  await pending;
} catch (e) {
  console.log("pending read:", e.name, e.message);
}
client.close();
const pendingAccept = second.accept();
second.close();
try {
  await pendingAccept;
} catch (e) {
  console.log("pending accept:", e.name, e.message);
}

try {
  await Deno.connect({ hostname: "127.0.0.1", port: second.addr.port });
} catch (e) {
  console.log("nobody listening:", e.name, e instanceof Deno.errors.ConnectionRefused);
}
for (const bad of [{ port: -1 }, { port: 1.5 }, {}]) {
  try {
    await Deno.connect({ hostname: "127.0.0.1", ...bad });
  } catch (e) {
    console.log("bad port:", e.name, e.message);
  }
}
console.log(["ConnectionRefused", "ConnectionReset", "AddrInUse", "AddrNotAvailable", "BrokenPipe", "NotConnected"].every((n) => typeof Deno.errors[n] === "function"));
