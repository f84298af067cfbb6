// TCP: Deno.listen / Deno.Listener and Deno.connect / Deno.Conn (Deno's ext/net/01_net.js). Sockets
// live in the resource table; the ops check net permission for "host:port" first.
// Gaps: no readable/writable streams (the runtime has no web streams yet), no ref/unref, no UDP/Unix/TLS.
"use strict";
((core) => {
  const {
    op_net_listen, op_net_accept, op_net_connect, op_net_read, op_net_write, op_net_shutdown,
    op_net_set_nodelay, op_net_set_keepalive, op_resources_close,
  } = core.ops;
  const { BadResource, Interrupted } = core.errors;

  // Deno's port validation and messages (a numeric string is accepted), before any op runs.
  function checkPort(maybePort) {
    if (typeof maybePort !== "number" && typeof maybePort !== "string") {
      throw new TypeError(`Invalid port (expected number): ${maybePort}`);
    }
    const port = typeof maybePort === "number" ? maybePort : maybePort === "" ? NaN : Number(maybePort);
    if (!Number.isInteger(port)) throw new TypeError(`Invalid port: ${maybePort}`);
    if (port < 0 || port > 65535) throw new RangeError(`Invalid port (out of range): ${maybePort}`);
    return port;
  }

  function checkTransport(options) {
    const transport = options.transport ?? "tcp";
    if (transport !== "tcp") throw new TypeError(`Unsupported transport: '${transport}'`);
  }

  class Conn {
    #rid; #localAddr; #remoteAddr;
    constructor(rid, remoteAddr, localAddr) {
      this.#rid = rid;
      this.#remoteAddr = remoteAddr;
      this.#localAddr = localAddr;
    }
    // Not in Deno 2's public API; kept, like FsFile's, for Deno.resources() diagnostics.
    get rid() { return this.#rid; }
    get remoteAddr() { return this.#remoteAddr; }
    get localAddr() { return this.#localAddr; }
    async write(data) { return op_net_write(this.#rid, data); }
    async read(buffer) {
      if (buffer.byteLength === 0) return 0;
      const bytes = await op_net_read(this.#rid, buffer.byteLength);
      if (bytes === null) return null;
      buffer.set(bytes);
      return bytes.length;
    }
    close() { op_resources_close(this.#rid); }
    closeWrite() { op_net_shutdown(this.#rid); return Promise.resolve(); }
  }

  class TcpConn extends Conn {
    setNoDelay(noDelay = true) { op_net_set_nodelay(this.rid, Boolean(noDelay)); }
    setKeepAlive(keepAlive = true) { op_net_set_keepalive(this.rid, Boolean(keepAlive)); }
  }

  const connFrom = (raw) => new TcpConn(raw.rid, raw.remoteAddr, raw.localAddr);

  class Listener {
    #rid; #addr;
    constructor(rid, addr) {
      this.#rid = rid;
      this.#addr = addr;
    }
    get rid() { return this.#rid; }
    get addr() { return this.#addr; }
    async accept() { return connFrom(await op_net_accept(this.#rid)); }
    // The async iterator ends when the listener is closed (Deno: BadResource and Interrupted end it quietly).
    async next() {
      try {
        return { value: await this.accept(), done: false };
      } catch (e) {
        if (e instanceof BadResource || e instanceof Interrupted) return { value: undefined, done: true };
        throw e;
      }
    }
    return(value) {
      this.close();
      return Promise.resolve({ value, done: true });
    }
    close() { op_resources_close(this.#rid); }
    [Symbol.asyncIterator]() { return this; }
  }

  // `using` support only where the engine has Symbol.dispose (V8 10.2 does not: a computed
  // [Symbol.dispose] method there would be named "undefined").
  if (typeof Symbol.dispose === "symbol") {
    for (const cls of [Conn, Listener]) {
      Object.defineProperty(cls.prototype, Symbol.dispose, {
        value() {
          try { this.close(); } catch (e) { if (!(e instanceof BadResource)) throw e; }
        },
        writable: true, configurable: true,
      });
    }
  }

  function listen(options) {
    checkTransport(options);
    const raw = op_net_listen(String(options.hostname ?? "0.0.0.0"), checkPort(options.port ?? 0));
    return new Listener(raw.rid, raw.localAddr);
  }

  async function connect(options) {
    checkTransport(options);
    const port = checkPort(options.port);
    // Nothing listens on port 0: Deno refuses it for connect.
    if (port === 0) throw new RangeError(`Invalid port (out of range): ${options.port}`);
    return connFrom(await op_net_connect(String(options.hostname ?? "127.0.0.1"), port));
  }

  core.net = { listen, connect, Listener, Conn, TcpConn };
})(globalThis.__core);
