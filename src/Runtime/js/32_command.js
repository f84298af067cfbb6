// Subprocesses: Deno.Command (output / outputSync / spawn), Deno.ChildProcess and Deno.kill (Deno's runtime/js/40_process.js).
// The ops check run permission for the program first.
// Gap: piped stdout/stderr of a spawned child are not ReadableStreams (the runtime has no web streams yet):
// they are collected whole and read with child.output(); a piped stdin is a small writer (getWriter, write, close).
"use strict";
((core) => {
  const {
    op_command_spawn, op_command_wait, op_command_wait_sync, op_command_take_output, op_command_kill,
    op_command_write_stdin, op_command_close_stdin, op_command_kill_process, op_resources_close,
  } = core.ops;

  const notPiped = (name) => new TypeError(`Cannot get '${name}': '${name}' is not piped`);

  // Deno's CommandOutput: status fields, and stdout/stderr getters that throw when that stream was not piped.
  function commandOutput(status, stdout, stderr) {
    return {
      success: status.success,
      code: status.code,
      signal: status.signal,
      get stdout() {
        if (stdout === null) throw notPiped("stdout");
        return stdout;
      },
      get stderr() {
        if (stderr === null) throw notPiped("stderr");
        return stderr;
      },
    };
  }

  const commandStatus = (raw) => Object.assign(Object.create(null), { success: raw.success, code: raw.code, signal: raw.signal });

  function takeOutputs(rid) {
    const stdout = op_command_take_output(rid, false);
    const stderr = op_command_take_output(rid, true);
    op_resources_close(rid);
    return [stdout, stderr];
  }

  function spawnChild(command, options, defaults, api) {
    const spec = {
      cmd: typeof URL === "function" && command instanceof URL ? decodeURIComponent(command.pathname) : String(command),
      args: Array.from(options.args ?? [], String),
      cwd: options.cwd === undefined ? null : String(options.cwd),
      env: options.env ?? {},
      clearEnv: Boolean(options.clearEnv),
      stdin: options.stdin ?? defaults.stdin,
      stdout: options.stdout ?? defaults.stdout,
      stderr: options.stderr ?? defaults.stderr,
    };
    return { ...op_command_spawn(spec, api), spec };
  }

  function rejectPipedStdin(options) {
    if (options.stdin === "piped") {
      throw new TypeError("Piped stdin is not supported for this function, use 'Deno.Command.spawn()' instead");
    }
  }

  const collectDefaults = { stdin: "null", stdout: "piped", stderr: "piped" };

  class Command {
    #command; #options;
    constructor(command, options = {}) {
      this.#command = command;
      this.#options = options ?? {};
    }

    async output() {
      rejectPipedStdin(this.#options);
      const { rid } = spawnChild(this.#command, this.#options, collectDefaults, "Deno.Command().output()");
      const status = await op_command_wait(rid);
      return commandOutput(status, ...takeOutputs(rid));
    }

    outputSync() {
      rejectPipedStdin(this.#options);
      const { rid } = spawnChild(this.#command, this.#options, collectDefaults, "Deno.Command().outputSync()");
      const status = op_command_wait_sync(rid);
      return commandOutput(status, ...takeOutputs(rid));
    }

    spawn() {
      const defaults = { stdin: "inherit", stdout: "inherit", stderr: "inherit" };
      const { rid, pid, spec } = spawnChild(this.#command, this.#options, defaults, "Deno.Command().spawn()");
      return new ChildProcess(rid, pid, spec);
    }
  }

  // A piped stdin: the subset of WritableStream that feeding a child needs.
  class ChildStdin {
    #rid; #closed = false;
    constructor(rid) { this.#rid = rid; }
    get locked() { return false; }
    getWriter() {
      return {
        ready: Promise.resolve(),
        write: (chunk) => this.write(chunk),
        close: () => this.close(),
        releaseLock() {},
      };
    }
    async write(chunk) { await op_command_write_stdin(this.#rid, chunk); }
    async close() {
      if (this.#closed) return;
      this.#closed = true;
      op_command_close_stdin(this.#rid);
    }
  }

  class ChildProcess {
    #rid; #pid; #spec; #status; #exited = false; #stdin = null; #output = null;

    constructor(rid, pid, spec) {
      this.#rid = rid;
      this.#pid = pid;
      this.#spec = spec;
      if (spec.stdin === "piped") this.#stdin = new ChildStdin(rid);
      const keepsOutput = spec.stdout === "piped" || spec.stderr === "piped";
      this.#status = op_command_wait(rid).then((raw) => {
        this.#exited = true;
        // Nothing left to collect: release the rid now rather than at teardown.
        if (keepsOutput) this.#output = takeOutputs(rid);
        else op_resources_close(rid);
        return commandStatus(raw);
      });
    }

    get pid() { return this.#pid; }
    get stdin() {
      if (this.#stdin === null) throw notPiped("stdin");
      return this.#stdin;
    }
    get stdout() { throw this.#streamGap("stdout"); }
    get stderr() { throw this.#streamGap("stderr"); }
    // One promise for the child's life, as in Deno (child.status === child.status).
    get status() { return this.#status; }

    async output() {
      const status = await this.#status;
      const [stdout, stderr] = this.#output ?? [null, null];
      return commandOutput(status, stdout, stderr);
    }

    kill(signal = "SIGTERM") {
      if (this.#exited) throw new TypeError("Child process has already terminated");
      op_command_kill(this.#rid, String(signal));
    }

    #streamGap(name) {
      if (this.#spec[name] !== "piped") return notPiped(name);
      return new core.errors.NotSupported(`child.${name} as a ReadableStream is not supported yet: use child.output()`);
    }
  }

  // Deno.kill(pid, signal): the length is 1, as Deno's (the signal has a default).
  function kill(pid, signal = "SIGTERM") {
    op_command_kill_process(pid, String(signal));
  }

  core.command = { Command, ChildProcess, kill };
})(globalThis.__core);
