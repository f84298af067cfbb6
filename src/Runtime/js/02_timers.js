// Timers (HTML §8.6 "Timers") and queueMicrotask (HTML §8.7). Callbacks live here; C# keeps due
// times and calls the "timer" hook with the id when one is due, one macrotask per timer.
"use strict";
((core) => {
  const { op_timer_start, op_timer_cancel, op_timer_ref } = core.ops;
  const timers = new Map();
  let nextId = 1;
  let nestingLevel = 0;

  function schedule(callback, delay, args, repeat) {
    if (typeof callback !== "function") callback = Function(String(callback));  // HTML allows a string body
    delay = Number(delay);
    if (!(delay >= 0)) delay = 0;  // NaN and negatives become 0
    // HTML: "If nesting level is greater than 5, and timeout is less than 4, then set timeout to 4."
    if (nestingLevel > 5 && delay < 4) delay = 4;
    const id = nextId++;
    timers.set(id, { callback, args, delay, repeat, nesting: nestingLevel + 1, refed: true });
    op_timer_start(id, delay, true);
    return id;
  }

  function fire(id) {
    const timer = timers.get(id);
    if (timer === undefined) return;
    if (timer.repeat) op_timer_start(id, Math.max(timer.delay, timer.nesting > 5 ? 4 : 0), timer.refed);
    else timers.delete(id);
    const previous = nestingLevel;
    nestingLevel = timer.nesting;
    try {
      timer.callback(...timer.args);
    } finally {
      nestingLevel = previous;
    }
  }

  function clear(id) {
    id = Number(id);
    if (!timers.delete(id)) return;
    op_timer_cancel(id);
  }

  function setRef(id, refed) {
    const timer = timers.get(Number(id));
    if (timer === undefined) return;
    timer.refed = refed;
    op_timer_ref(Number(id), refed);
  }

  core.setHook("timer", fire);
  core.timers = { refTimer: (id) => setRef(id, true), unrefTimer: (id) => setRef(id, false) };

  const define = (name, value) =>
    Object.defineProperty(globalThis, name, { value, writable: true, enumerable: true, configurable: true });
  define("setTimeout", (callback, delay = 0, ...args) => schedule(callback, delay, args, false));
  define("setInterval", (callback, delay = 0, ...args) => schedule(callback, delay, args, true));
  define("clearTimeout", (id = 0) => clear(id));
  define("clearInterval", (id = 0) => clear(id));
  define("queueMicrotask", (callback) => core.queueMicrotask(callback));
})(globalThis.__core);
