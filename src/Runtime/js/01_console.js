// console (WHATWG Console Standard, https://console.spec.whatwg.org/) and Deno.inspect.
// Formatting follows Deno's output for common values; a full Deno.inspect is a later step.
"use strict";
((core) => {
  const { op_console_print } = core.ops;

  function quote(s) {
    return JSON.stringify(s);
  }

  function functionLabel(fn) {
    const src = Function.prototype.toString.call(fn);
    const isClass = src.startsWith("class");
    const name = fn.name;
    if (isClass) {
      const base = Object.getPrototypeOf(fn);
      const extendsPart = typeof base === "function" && base !== Function.prototype && base.name ? ` extends ${base.name}` : "";
      return `[class ${name || "(anonymous)"}${extendsPart}]`;
    }
    const kind = fn.constructor && fn.constructor.name === "AsyncFunction" ? "AsyncFunction"
      : fn.constructor && fn.constructor.name === "GeneratorFunction" ? "GeneratorFunction"
      : fn.constructor && fn.constructor.name === "AsyncGeneratorFunction" ? "AsyncGeneratorFunction"
      : "Function";
    return name ? `[${kind}: ${name}]` : `[${kind} (anonymous)]`;
  }

  function keyLabel(key) {
    if (typeof key === "symbol") return `[${String(key)}]`;
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : quote(key);
  }

  // Deno.inspect: strings are quoted even at the top level (console.log prints them bare).
  function inspect(value, options = {}) {
    const depth = options.depth ?? 4;
    return format(value, 0, depth, [], false);
  }

  function format(value, level, depth, seen, top) {
    switch (typeof value) {
      case "string": return top ? value : quote(value);
      case "number": return Object.is(value, -0) ? "-0" : String(value);
      case "bigint": return `${value}n`;
      case "boolean": case "undefined": return String(value);
      case "symbol": return String(value);
      case "function": return formatObjectLike(value, level, depth, seen, functionLabel(value));
    }
    if (value === null) return "null";
    if (seen.includes(value)) return "[Circular]";
    if (value instanceof Error) return formatError(value);
    if (value instanceof Date) return isNaN(value) ? "Invalid Date" : value.toISOString();
    if (value instanceof RegExp) return String(value);
    if (value instanceof Promise) return "Promise { <unknown> }";
    if (level >= depth) return Array.isArray(value) ? "[Array]" : `[${constructorName(value) ?? "Object"}]`;
    seen.push(value);
    try {
      if (Array.isArray(value)) return formatList(value.map((v) => format(v, level + 1, depth, seen, false)), extraEntries(value, level, depth, seen), "[", "]", "");
      if (value instanceof Map) {
        const items = [...value].map(([k, v]) => `${format(k, level + 1, depth, seen, false)} => ${format(v, level + 1, depth, seen, false)}`);
        return formatList(items, [], "{", "}", `Map(${value.size}) `);
      }
      if (value instanceof Set) {
        const items = [...value].map((v) => format(v, level + 1, depth, seen, false));
        return formatList(items, [], "{", "}", `Set(${value.size}) `);
      }
      if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
        const items = Array.from(value, (v) => format(v, level + 1, depth, seen, false));
        return formatList(items, [], "[", "]", `${constructorName(value)}(${value.length}) `);
      }
      const name = constructorName(value);
      const prefix = name === "Object" ? "" : name === undefined ? "[Object: null prototype] " : `${name} `;
      return formatObjectLike(value, level, depth, seen, prefix.trimEnd());
    } finally {
      seen.pop();
    }
  }

  function constructorName(value) {
    const proto = Object.getPrototypeOf(value);
    if (proto === null) return undefined;
    const ctor = proto.constructor;
    return typeof ctor === "function" && ctor.name ? ctor.name : "Object";
  }

  function extraEntries(array, level, depth, seen) {
    return Object.keys(array).filter((k) => !/^\d+$/.test(k))
      .map((k) => `${keyLabel(k)}: ${format(array[k], level + 1, depth, seen, false)}`);
  }

  function formatObjectLike(value, level, depth, seen, label) {
    const keys = [...Object.keys(value), ...Object.getOwnPropertySymbols(value).filter((s) => Object.prototype.propertyIsEnumerable.call(value, s))];
    if (typeof value === "function" && keys.length === 0) return label;
    if (level >= depth) return label ? `[${label.replace(/^\[|\]$/g, "")}]` : "[Object]";
    const items = [];
    seen.push(value);
    try {
      for (const key of keys) {
        const desc = Object.getOwnPropertyDescriptor(value, key);
        const shown = desc && (desc.get || desc.set)
          ? (desc.get && desc.set ? "[Getter/Setter]" : desc.get ? "[Getter]" : "[Setter]")
          : format(value[key], level + 1, depth, seen, false);
        items.push(`${keyLabel(key)}: ${shown}`);
      }
    } finally {
      seen.pop();
    }
    return formatList(items, [], "{", "}", label ? `${label} ` : "");
  }

  // Deno puts short lists on one line ("{ a: 1, b: 2 }") and breaks long ones, one entry per line.
  function formatList(items, extra, open, close, prefix) {
    const all = items.concat(extra);
    if (all.length === 0) return `${prefix}${open}${close}`;
    const oneLine = `${prefix}${open} ${all.join(", ")} ${close}`;
    if (oneLine.length <= 72 && !oneLine.includes("\n")) return oneLine;
    return `${prefix}${open}\n${all.map((s) => "  " + s.replaceAll("\n", "\n  ")).join(",\n")}\n${close}`;
  }

  function formatError(error) {
    const stack = typeof error.stack === "string" ? error.stack : `${error.name}: ${error.message}`;
    return error.cause !== undefined ? `${stack}\nCaused by ${format(error.cause, 0, 2, [], false)}` : stack;
  }

  // Console Standard §2.2.1 Formatter: %s %d %i %f %o %O %c in the first argument.
  function formatArgs(args) {
    if (args.length === 0) return "";
    let first = args[0];
    let rest = 1;
    let out = "";
    if (typeof first === "string" && first.includes("%")) {
      out = first.replace(/%[sdifoOc%]/g, (spec) => {
        if (spec === "%%") return "%";
        if (rest >= args.length) return spec;
        const arg = args[rest++];
        switch (spec) {
          // Deno: %s is String(value) (so "[object Object]", "1,2"); symbols and bigints print as inspect would.
          case "%s": return typeof arg === "symbol" ? String(arg) : typeof arg === "bigint" ? `${arg}n` : String(arg);
          case "%d": case "%i": {
            // Deno formats both as integers: parseInt for %i, Math.trunc(Number()) for %d; a BigInt as its digits.
            if (typeof arg === "bigint") return `${arg}`;
            if (typeof arg === "symbol") return "NaN";
            return String(spec === "%i" ? parseInt(arg) : Math.trunc(Number(arg)));
          }
          case "%f": return String(Number(arg));
          case "%c": return "";
          default: return format(arg, 0, 4, [], false);
        }
      });
    } else {
      out = format(first, 0, 4, [], true);
    }
    for (let i = rest; i < args.length; i++) out += " " + format(args[i], 0, 4, [], true);
    return out;
  }

  let groupIndent = "";
  const counts = new Map();
  const timers = new Map();

  function print(toStderr, args) {
    let text = formatArgs(args);
    if (groupIndent) text = groupIndent + text.replaceAll("\n", "\n" + groupIndent);
    op_console_print(text + "\n", toStderr);
  }

  const console = {
    log: (...args) => print(false, args),
    info: (...args) => print(false, args),
    debug: (...args) => print(false, args),
    error: (...args) => print(true, args),
    warn: (...args) => print(true, args),
    dir: (value) => print(false, [value]),
    trace: (...args) => {
      const err = { name: "Trace", message: formatArgs(args) };
      Error.captureStackTrace(err, console.trace);
      print(true, [err.stack]);
    },
    assert: (condition, ...args) => {
      if (condition) return;
      if (args.length === 0) print(true, ["Assertion failed"]);
      else if (typeof args[0] === "string") print(true, [`Assertion failed: ${args[0]}`, ...args.slice(1)]);
      else print(true, ["Assertion failed:", ...args]);
    },
    count: (label = "default") => {
      const n = (counts.get(label) ?? 0) + 1;
      counts.set(label, n);
      print(false, [`${label}: ${n}`]);
    },
    countReset: (label = "default") => counts.delete(label),
    time: (label = "default") => timers.set(label, core.ops.op_timer_now()),
    timeLog: (label = "default", ...args) => print(false, [`${label}: ${elapsed(label)}`, ...args]),
    timeEnd: (label = "default") => {
      print(false, [`${label}: ${elapsed(label)}`]);
      timers.delete(label);
    },
    group: (...args) => {
      if (args.length) print(false, args);
      groupIndent += "  ";
    },
    groupEnd: () => {
      groupIndent = groupIndent.slice(2);
    },
  };
  console.groupCollapsed = console.group;

  function elapsed(label) {
    const start = timers.get(label);
    return start === undefined ? "0ms" : `${Math.round((core.ops.op_timer_now() - start) * 1000) / 1000}ms`;
  }

  core.console = console;
  core.inspect = inspect;
  // The engine prints an uncaught non-Error value with this (Deno: "Uncaught { code: 42 }").
  core.setHook("inspect", (value) => format(value, 0, 4, [], false));
  Object.defineProperty(globalThis, "console", { value: console, writable: true, enumerable: false, configurable: true });
})(globalThis.__core);
