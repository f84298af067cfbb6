// File system: Deno.readTextFile / writeTextFile / readFile / writeFile / stat / lstat / mkdir / remove /
// readDir / cwd, and Deno.open / FsFile over the resource table. Permission checks happen in the ops.
"use strict";
((core) => {
  const ops = core.ops;
  const encoder = { encode: (s) => utf8Encode(s) };

  // UTF-8 encoding without TextEncoder (which comes with the web extension).
  function utf8Encode(text) {
    const out = [];
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; }
      }
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return new Uint8Array(out);
  }

  // URL objects are accepted once the URL class exists (web extension).
  const pathOf = (path) => (typeof URL === "function" && path instanceof URL ? decodeURIComponent(path.pathname) : String(path));

  function toFileInfo(raw) {
    const date = (ms) => (ms === null || ms === undefined ? null : new Date(ms));
    return { ...raw, mtime: date(raw.mtime), atime: date(raw.atime), birthtime: date(raw.birthtime) };
  }

  const writeFlags = (options = {}) => [Boolean(options.append), options.create !== false];

  class FsFile {
    #rid;
    constructor(rid) { this.#rid = rid; }
    get rid() { return this.#rid; }
    async read(buffer) {
      const bytes = await ops.op_fs_file_read_async(this.#rid, buffer.byteLength);
      if (bytes === null) return null;
      buffer.set(bytes);
      return bytes.length;
    }
    write(data) { return ops.op_fs_file_write_async(this.#rid, data); }
    close() { ops.op_resources_close(this.#rid); }
    [Symbol.dispose]() { this.close(); }
  }

  function openSync(path, options = { read: true }) {
    const o = { read: false, write: false, append: false, create: false, truncate: false, createNew: false, ...options };
    return new FsFile(ops.op_fs_open_sync(pathOf(path), o.read, o.write, o.append, o.create, o.truncate, o.createNew));
  }

  core.fs = {
    cwd: () => ops.op_fs_cwd(),
    readTextFileSync: (path) => ops.op_fs_read_text_file_sync(pathOf(path)),
    readTextFile: async (path) => ops.op_fs_read_text_file_async(pathOf(path)),
    readFileSync: (path) => ops.op_fs_read_file_sync(pathOf(path)),
    readFile: async (path) => ops.op_fs_read_file_async(pathOf(path)),
    writeTextFileSync: (path, text, options) => ops.op_fs_write_file_sync(pathOf(path), encoder.encode(String(text)), ...writeFlags(options)),
    writeTextFile: async (path, text, options) => ops.op_fs_write_file_async(pathOf(path), encoder.encode(String(text)), ...writeFlags(options)),
    writeFileSync: (path, data, options) => ops.op_fs_write_file_sync(pathOf(path), data, ...writeFlags(options)),
    writeFile: async (path, data, options) => ops.op_fs_write_file_async(pathOf(path), data, ...writeFlags(options)),
    statSync: (path) => toFileInfo(ops.op_fs_stat_sync(pathOf(path), true)),
    stat: async (path) => toFileInfo(ops.op_fs_stat_sync(pathOf(path), true)),
    lstatSync: (path) => toFileInfo(ops.op_fs_stat_sync(pathOf(path), false)),
    lstat: async (path) => toFileInfo(ops.op_fs_stat_sync(pathOf(path), false)),
    mkdirSync: (path, options = {}) => ops.op_fs_mkdir_sync(pathOf(path), Boolean(options.recursive)),
    mkdir: async (path, options = {}) => ops.op_fs_mkdir_sync(pathOf(path), Boolean(options.recursive)),
    removeSync: (path, options = {}) => ops.op_fs_remove_sync(pathOf(path), Boolean(options.recursive)),
    remove: async (path, options = {}) => ops.op_fs_remove_sync(pathOf(path), Boolean(options.recursive)),
    readDirSync: (path) => ops.op_fs_read_dir_sync(pathOf(path))[Symbol.iterator](),
    readDir: (path) => {
      const entries = ops.op_fs_read_dir_sync(pathOf(path));
      return (async function* () { yield* entries; })();
    },
    openSync,
    open: async (path, options) => openSync(path, options),
    FsFile,
    close: (rid) => ops.op_resources_close(rid),
    resources: () => ops.op_resources_list(),
  };
})(globalThis.__core);
