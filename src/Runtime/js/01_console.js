// console (WHATWG Console Standard, https://console.spec.whatwg.org/) and Deno.inspect.
"use strict";
((core) => {
  const { op_console_print } = core.ops;

  // Deno.inspect / console.log value formatting, following the rules of Deno's port of node's util.inspect:
  // line breaking (breakLength 80, compact 3), grouping of long arrays into columns, <ref *n>/[Circular *n]
  // and Deno's quoting of strings and keys.
  const kObjectType = 0;
  const kArrayExtrasType = 1;
  const QUOTES = ['"', "'", "`"];
  const ESCAPES = { "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v" };
  const identifierKey = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

  function newContext(options = {}) {
    const depth = options.depth === null ? Infinity : options.depth ?? 4;
    return {
      depth,
      breakLength: options.breakLength ?? 80,
      compact: options.compact ?? 3,
      maxArrayLength: options.iterableLimit ?? options.maxArrayLength ?? 100,
      maxStringLength: options.maxStringLength ?? 10000,
      sorted: options.sorted ?? false,
      trailingComma: options.trailingComma ?? false,
      seen: [],
      circular: undefined,
      indentationLvl: 0,
      currentDepth: 0,
    };
  }

  // A string in the first quote it does not contain (", ', `), that quote and backslashes escaped,
  // control characters as \n, \t... or \xNN.
  function quote(s) {
    const q = QUOTES.find((c) => !s.includes(c)) ?? QUOTES[0];
    let out = "";
    for (const ch of s) {
      if (ch === q || ch === "\\") out += "\\" + ch;
      else if (ESCAPES[ch]) out += ESCAPES[ch];
      else {
        const code = ch.codePointAt(0);
        out += code < 0x20 || (code >= 0x7f && code <= 0x9f) ? "\\x" + code.toString(16).padStart(2, "0") : ch;
      }
    }
    return q + out + q;
  }

  function keyLabel(key) {
    if (typeof key === "symbol") return String(key);
    return identifierKey.test(key) ? key : quote(key);
  }

  // "a\nb\n" -> ["a\n", "b\n"]: each piece keeps its line break.
  function splitAfterNewlines(s) {
    const lines = [];
    let start = 0;
    for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", start)) {
      lines.push(s.slice(start, i + 1));
      start = i + 1;
    }
    if (start < s.length) lines.push(s.slice(start));
    return lines;
  }

  function formatString(ctx, s) {
    let trailer = "";
    if (s.length > ctx.maxStringLength) {
      const remaining = s.length - ctx.maxStringLength;
      s = s.slice(0, ctx.maxStringLength);
      trailer = `... ${remaining} more character${remaining > 1 ? "s" : ""}`;
    }
    // Long strings with line breaks print one quoted line per source line, joined with " +".
    if (ctx.compact !== true && s.length > 16 && s.length > ctx.breakLength - ctx.indentationLvl - 4) {
      const lines = splitAfterNewlines(s);
      if (lines.length > 1) return lines.map(quote).join(` +\n${" ".repeat(ctx.indentationLvl + 2)}`) + trailer;
    }
    return quote(s) + trailer;
  }


  // Symbol(desc), the description quoted unless it looks like a (dotted) identifier.
  function formatSymbol(symbol) {
    const description = symbol.description;
    if (description === undefined || /^[a-zA-Z_][a-zA-Z_.0-9]*$/.test(description)) return String(symbol);
    return `Symbol(${quote(description)})`;
  }

  function formatValue(ctx, value, recurseTimes, top) {
    switch (typeof value) {
      case "string": return top ? value : formatString(ctx, value);
      case "number": return Object.is(value, -0) ? "-0" : String(value);
      case "bigint": return `${value}n`;
      case "boolean": case "undefined": return String(value);
      case "symbol": return formatSymbol(value);
    }
    if (value === null) return "null";
    if (ctx.seen.includes(value)) {
      if (ctx.circular === undefined) ctx.circular = new Map();
      let index = ctx.circular.get(value);
      if (index === undefined) {
        index = ctx.circular.size + 1;
        ctx.circular.set(value, index);
      }
      return `[Circular *${index}]`;
    }
    return formatRaw(ctx, value, recurseTimes);
  }

  // The name of the first named constructor on the prototype chain (undefined: null prototype).
  function constructorName(value) {
    let obj = value;
    while (obj !== null && obj !== undefined) {
      const desc = Object.getOwnPropertyDescriptor(obj, "constructor");
      if (desc !== undefined && typeof desc.value === "function" && desc.value.name !== "") return desc.value.name;
      obj = Object.getPrototypeOf(obj);
    }
    return undefined;
  }

  // "Name(size) [tag] " as the opening of a container (node's getPrefix).
  function getPrefix(name, tag, fallback, size = "") {
    if (name === undefined) {
      return tag !== "" && fallback !== tag ? `[${fallback}${size}: null prototype] [${tag}] ` : `[${fallback}${size}: null prototype] `;
    }
    return tag !== "" && name !== tag ? `${name}${size} [${tag}] ` : `${name}${size} `;
  }

  function boxedType(value) {
    if (value instanceof Number) return "Number";
    if (value instanceof String) return "String";
    if (value instanceof Boolean) return "Boolean";
    if (typeof Symbol === "function" && value instanceof Symbol) return "Symbol";
    if (typeof BigInt === "function" && value instanceof BigInt) return "BigInt";
    return undefined;
  }

  function isIndex(key) {
    return /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 2 ** 32 - 1;
  }

  function ownKeys(value, skipIndices) {
    let keys = Object.keys(value);
    if (skipIndices) keys = keys.filter((k) => !isIndex(k));
    const symbols = Object.getOwnPropertySymbols(value).filter((s) => Object.prototype.propertyIsEnumerable.call(value, s));
    return keys.concat(symbols);
  }

  // The managed engine may not have typed arrays yet.
  function isTypedArray(value) {
    return typeof ArrayBuffer === "function" && ArrayBuffer.isView(value) && !(value instanceof DataView);
  }

  function formatRaw(ctx, value, recurseTimes) {
    if (value instanceof Date) return isNaN(value) ? "Invalid Date" : value.toISOString();
    if (value instanceof RegExp) return String(value);
    if (value instanceof Promise) return "Promise { <unknown> }";
    const name = constructorName(value);
    let tag = value[Symbol.toStringTag];
    if (typeof tag !== "string") tag = "";
    let keys;
    let braces;
    let base = "";
    let formatter = () => [];
    let extrasType = kObjectType;
    let depthLabel;
    let boxed;
    if (value instanceof Error) {
      keys = errorKeys(value);
      base = errorBase(ctx, value);
      if (keys.length === 0) return base;
      braces = ["{", "}"];
      depthLabel = base;
    } else if (Array.isArray(value)) {
      keys = ownKeys(value, true);
      const prefix = name !== "Array" || tag !== "" ? getPrefix(name, tag, "Array", `(${value.length})`) : "";
      braces = [`${prefix}[`, "]"];
      if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
      extrasType = kArrayExtrasType;
      formatter = formatArray;
      depthLabel = "[Array]";
    } else if (isTypedArray(value)) {
      keys = ownKeys(value, true);
      braces = [`${getPrefix(name, tag, "TypedArray", `(${value.length})`)}[`, "]"];
      if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
      extrasType = kArrayExtrasType;
      formatter = formatTypedArray;
    } else if (value instanceof Map) {
      keys = ownKeys(value, false);
      braces = [`${getPrefix(name, tag, "Map", `(${value.size})`)}{`, "}"];
      if (value.size === 0 && keys.length === 0) return `${braces[0]}}`;
      formatter = formatMap;
    } else if (value instanceof Set) {
      keys = ownKeys(value, false);
      braces = [`${getPrefix(name, tag, "Set", `(${value.size})`)}{`, "}"];
      if (value.size === 0 && keys.length === 0) return `${braces[0]}}`;
      formatter = formatSet;
    } else if (typeof value === "function") {
      keys = ownKeys(value, false);
      base = functionLabel(value);
      if (keys.length === 0) return base;
      braces = ["{", "}"];
      depthLabel = base;
    } else if ((typeof WeakMap === "function" && value instanceof WeakMap) || (typeof WeakSet === "function" && value instanceof WeakSet)) {
      keys = ownKeys(value, false);
      braces = [`${getPrefix(name, tag, value instanceof WeakMap ? "WeakMap" : "WeakSet")}{`, "}"];
      formatter = () => ["<items unknown>"];
    } else if (typeof ArrayBuffer === "function" && value instanceof ArrayBuffer) {
      keys = ownKeys(value, false);
      braces = [`${getPrefix(name, tag, "ArrayBuffer")}{`, "}"];
      formatter = formatArrayBuffer;
    } else if ((boxed = boxedType(value)) !== undefined) {
      keys = ownKeys(value, false);
      if (boxed === "String") keys = keys.filter((k) => !isIndex(k) || Number(k) >= value.length);
      const primitive = value.valueOf();
      base = `[${boxed}${boxed === name ? "" : name === undefined ? " (null prototype)" : ` (${name})`}: ${typeof primitive === "string" ? quote(primitive) : formatValue(ctx, primitive, 0, false)}]`;
      if (tag !== "" && tag !== name) base += ` [${tag}]`;
      if (keys.length === 0) return base;
      braces = ["{", "}"];
      depthLabel = base;
    } else {
      keys = ownKeys(value, false);
      const isArguments = Object.prototype.toString.call(value) === "[object Arguments]";
      const prefix = isArguments ? "[Arguments] " : name === "Object" && tag === "" ? "" : getPrefix(name, tag, "Object");
      braces = [`${prefix}{`, "}"];
      if (keys.length === 0) return `${braces[0]}}`;
    }
    if (recurseTimes > ctx.depth) {
      return depthLabel ?? `[${name ?? "Object: null prototype"}]`;
    }
    recurseTimes += 1;
    ctx.seen.push(value);
    ctx.currentDepth = recurseTimes;
    let output;
    try {
      output = formatter(ctx, value, recurseTimes);
      for (const key of keys) output.push(formatProperty(ctx, value, recurseTimes, key, kObjectType));
    } finally {
      ctx.seen.pop();
    }
    if (ctx.sorted) {
      const comparator = ctx.sorted === true ? undefined : ctx.sorted;
      if (extrasType === kObjectType) output.sort(comparator);
      else if (keys.length > 1) output.splice(output.length - keys.length, keys.length, ...output.slice(output.length - keys.length).sort(comparator));
    }
    if (ctx.circular !== undefined) {
      const index = ctx.circular.get(value);
      if (index !== undefined) base = base === "" ? `<ref *${index}>` : `<ref *${index}> ${base}`;
    }
    return reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
  }

  // An error shows as its stack (in brackets when it has no frames), indented to where it is nested.
  function errorStack(error) {
    return typeof error.stack === "string" && error.stack ? error.stack : Error.prototype.toString.call(error);
  }

  function errorBase(ctx, error) {
    let stack = errorStack(error);
    if (!stack.includes("\n    at")) stack = `[${stack}]`;
    if (ctx.indentationLvl !== 0) stack = stack.replaceAll("\n", `\n${" ".repeat(ctx.indentationLvl)}`);
    return stack;
  }

  // Its own enumerable keys, less name/message/stack when the stack already shows them, plus a
  // non-enumerable cause (shown as [cause]).
  function errorKeys(error) {
    const keys = ownKeys(error, false);
    const stack = errorStack(error);
    for (const name of ["name", "message", "stack"]) {
      const index = keys.indexOf(name);
      if (index !== -1 && (typeof error[name] !== "string" || stack.includes(error[name]))) keys.splice(index, 1);
    }
    if (Object.prototype.hasOwnProperty.call(error, "cause") && !keys.includes("cause")) keys.push("cause");
    return keys;
  }

  function formatProperty(ctx, value, recurseTimes, key, type) {
    const desc = Object.getOwnPropertyDescriptor(value, key) ?? { value: value[key], enumerable: true };
    let str;
    if (desc.value !== undefined) {
      ctx.indentationLvl += 2;
      str = formatValue(ctx, desc.value, recurseTimes, false);
      ctx.indentationLvl -= 2;
    } else if (desc.get !== undefined) {
      str = desc.set !== undefined ? "[Getter/Setter]" : "[Getter]";
    } else if (desc.set !== undefined) {
      str = "[Setter]";
    } else {
      str = "undefined";
    }
    if (type === kArrayExtrasType) return str;
    if (key === "__proto__") return `['__proto__']: ${str}`;
    if (desc.enumerable === false) return `[${typeof key === "symbol" ? String(key) : key}]: ${str}`;
    return `${keyLabel(key)}: ${str}`;
  }

  function moreItems(remaining) {
    return `... ${remaining} more item${remaining > 1 ? "s" : ""}`;
  }

  function emptyItems(count) {
    return `<${count} empty item${count > 1 ? "s" : ""}>`;
  }

  function formatArray(ctx, value, recurseTimes) {
    const output = [];
    const length = value.length;
    let i = 0;
    while (i < length && output.length < ctx.maxArrayLength) {
      if (!Object.prototype.hasOwnProperty.call(value, i)) {
        let j = i + 1;
        while (j < length && !Object.prototype.hasOwnProperty.call(value, j)) j++;
        output.push(emptyItems(j - i));
        i = j;
        continue;
      }
      output.push(formatProperty(ctx, value, recurseTimes, i, kArrayExtrasType));
      i++;
    }
    if (i < length) output.push(moreItems(length - i));
    return output;
  }

  function formatTypedArray(ctx, value, recurseTimes) {
    const length = Math.min(ctx.maxArrayLength, value.length);
    const output = [];
    for (let i = 0; i < length; i++) output.push(formatValue(ctx, value[i], recurseTimes, false));
    if (value.length > length) output.push(moreItems(value.length - length));
    return output;
  }

  function formatArrayBuffer(ctx, value) {
    const bytes = new Uint8Array(value);
    let contents = Array.from(bytes.subarray(0, Math.min(ctx.maxArrayLength, bytes.length)), (b) => b.toString(16).padStart(2, "0")).join(" ");
    const remaining = bytes.length - ctx.maxArrayLength;
    if (remaining > 0) contents += ` ... ${remaining} more byte${remaining > 1 ? "s" : ""}`;
    return [`[Uint8Contents]: <${contents}>`, `byteLength: ${value.byteLength}`];
  }

  function formatMap(ctx, value, recurseTimes) {
    const output = [];
    ctx.indentationLvl += 2;
    for (const [k, v] of value) {
      if (output.length >= ctx.maxArrayLength) break;
      output.push(`${formatValue(ctx, k, recurseTimes, false)} => ${formatValue(ctx, v, recurseTimes, false)}`);
    }
    ctx.indentationLvl -= 2;
    if (value.size > output.length) output.push(moreItems(value.size - output.length));
    return output;
  }

  function formatSet(ctx, value, recurseTimes) {
    const output = [];
    ctx.indentationLvl += 2;
    for (const v of value) {
      if (output.length >= ctx.maxArrayLength) break;
      output.push(formatValue(ctx, v, recurseTimes, false));
    }
    ctx.indentationLvl -= 2;
    if (value.size > output.length) output.push(moreItems(value.size - output.length));
    return output;
  }

  // Fits on one line if the entries, separators and the opening (start) stay within breakLength.
  function isBelowBreakLength(ctx, output, start, base) {
    let total = output.length + start;
    if (total + output.length > ctx.breakLength) return false;
    for (const entry of output) {
      total += entry.length;
      if (total > ctx.breakLength) return false;
    }
    return base === "" || !base.includes("\n");
  }

  // One line when the entries fit and the value holds at most `compact` levels of nesting below it
  // (counted from the object formatted last); otherwise one entry (or column group) per line.
  function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
    const head = base ? `${base} ` : "";
    if (ctx.compact !== true) {
      if (typeof ctx.compact === "number" && ctx.compact >= 1) {
        const entries = output.length;
        if (extrasType === kArrayExtrasType && entries > 6) output = groupArrayElements(ctx, output, value);
        if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
          const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
          if (isBelowBreakLength(ctx, output, start, base)) {
            const joined = output.join(", ");
            if (!joined.includes("\n")) return `${head}${braces[0]} ${joined} ${braces[1]}`;
          }
        }
      }
      const indentation = `\n${" ".repeat(ctx.indentationLvl)}`;
      const comma = ctx.trailingComma ? "," : "";
      return `${head}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${comma}${indentation}${braces[1]}`;
    }
    if (isBelowBreakLength(ctx, output, 0, base)) {
      return `${braces[0]}${base ? ` ${base}` : ""} ${output.join(", ")} ${braces[1]}`;
    }
    const indentation = " ".repeat(ctx.indentationLvl);
    const ln = base === "" && braces[0].length === 1 ? " " : `${base ? ` ${base}` : ""}\n${indentation}  `;
    return `${braces[0]}${ln}${output.join(`,\n${indentation}  `)} ${braces[1]}`;
  }

  // Columns on a terminal: East Asian wide characters take two, combining marks and controls none.
  function stringWidth(str) {
    let width = 0;
    for (const ch of str.normalize("NFC")) {
      const code = ch.codePointAt(0);
      if (code <= 31 || (code >= 127 && code <= 159) || (code >= 768 && code <= 879) || (code >= 8203 && code <= 8207) ||
          (code >= 8400 && code <= 8447) || (code >= 65024 && code <= 65039) || (code >= 65056 && code <= 65071)) continue;
      const wide = code >= 4352 && (code <= 4447 || code === 9001 || code === 9002 ||
        (code >= 11904 && code <= 12871 && code !== 12351) ||
        (code >= 12880 && code <= 19903) || (code >= 19968 && code <= 42182) || (code >= 43360 && code <= 43388) ||
        (code >= 44032 && code <= 55203) || (code >= 63744 && code <= 64255) || (code >= 65040 && code <= 65049) ||
        (code >= 65072 && code <= 65131) || (code >= 65281 && code <= 65376) || (code >= 65504 && code <= 65510) ||
        (code >= 110592 && code <= 110593) || (code >= 127488 && code <= 127569) || (code >= 127744 && code <= 128591) ||
        (code >= 131072 && code <= 262141));
      width += wide ? 2 : 1;
    }
    return width;
  }

  // More than 6 short entries: lay them out in aligned columns (numbers right-aligned, others left).
  function groupArrayElements(ctx, output, value) {
    let totalLength = 0;
    let maxLength = 0;
    let outputLength = output.length;
    if (ctx.maxArrayLength < output.length) outputLength--; // the "... more items" entry stays apart
    const separatorSpace = 2;
    const dataLen = [];
    for (let i = 0; i < outputLength; i++) {
      const len = stringWidth(output[i]);
      dataLen[i] = len;
      totalLength += len + separatorSpace;
      if (maxLength < len) maxLength = len;
    }
    const actualMax = maxLength + separatorSpace;
    if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength &&
        (totalLength / actualMax > 5 || maxLength <= 6)) {
      const averageBias = Math.sqrt(actualMax - totalLength / output.length);
      const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
      const columns = Math.min(
        Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
        Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
        ctx.compact * 4,
        15,
      );
      if (columns <= 1) return output;
      const maxLineLength = [];
      for (let c = 0; c < columns; c++) {
        let lineMax = 0;
        for (let j = c; j < output.length; j += columns) if (dataLen[j] > lineMax) lineMax = dataLen[j];
        maxLineLength.push(lineMax + separatorSpace);
      }
      let padStart = true;
      if (value !== undefined) {
        for (let i = 0; i < output.length; i++) {
          if (typeof value[i] !== "number" && typeof value[i] !== "bigint") {
            padStart = false;
            break;
          }
        }
      }
      const grouped = [];
      for (let i = 0; i < outputLength; i += columns) {
        const max = Math.min(i + columns, outputLength);
        let line = "";
        let j = i;
        for (; j < max - 1; j++) {
          const cell = `${output[j]}, `;
          const padding = maxLineLength[j - i] + output[j].length - dataLen[j];
          line += padStart ? cell.padStart(padding, " ") : cell.padEnd(padding, " ");
        }
        line += padStart ? output[j].padStart(maxLineLength[j - i] + output[j].length - dataLen[j] - separatorSpace, " ") : output[j];
        grouped.push(line);
      }
      if (ctx.maxArrayLength < output.length) grouped.push(output[outputLength]);
      output = grouped;
    }
    return output;
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

  // Deno.inspect: strings are quoted even at the top level (console.log prints them bare).
  function inspect(value, options = {}) {
    return formatValue(newContext(options), value, 0, false);
  }

  // A console argument: strings bare, anything else as Deno.inspect shows it. The arguments of one call
  // share a context, so their circular references are numbered across the whole line as Deno does.
  function inspectArg(ctx, value) {
    return formatValue(ctx, value, 0, true);
  }


  // Console Standard §2.2.1 Formatter: %s %d %i %f %o %O %c in the first argument.
  function formatArgs(args) {
    if (args.length === 0) return "";
    let first = args[0];
    let rest = 1;
    let out = "";
    const ctx = newContext();
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
          default: return formatValue(ctx, arg, 0, false);
        }
      });
    } else {
      out = inspectArg(ctx, first);
    }
    for (let i = rest; i < args.length; i++) out += " " + inspectArg(ctx, args[i]);
    return out;
  }

  let groupIndent = "";
  const counts = new Map();
  const timers = new Map();

  function print(toStderr, args) {
    printText(toStderr, formatArgs(args));
  }

  function printText(toStderr, text) {
    if (groupIndent) text = groupIndent + text.replaceAll("\n", "\n" + groupIndent);
    op_console_print(text + "\n", toStderr);
  }

  const console = {
    log: (...args) => print(false, args),
    info: (...args) => print(false, args),
    debug: (...args) => print(false, args),
    error: (...args) => print(true, args),
    warn: (...args) => print(true, args),
    dir: (value, options = {}) => printText(false, formatValue(newContext(options ?? {}), value, 0, true)),
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
  core.setHook("inspect", (value) => inspect(value));
  Object.defineProperty(globalThis, "console", { value: console, writable: true, enumerable: false, configurable: true });
})(globalThis.__core);
