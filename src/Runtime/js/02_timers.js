// Timers (HTML §8.6 "Timers") and queueMicrotask (HTML §8.7). Callbacks live here; C# keeps due
// times and calls the "timer" hook with the id when one is due, one macrotask per timer.
"use strict";
((core) => {
  const { op_timer_start, op_timer_cancel, op_timer_ref } = core.ops;
  const timers = new Map();  // id -> Timeout, while scheduled
  const kTimerId = Symbol("timerId");
  const kRefed = Symbol("refed");
  const kNesting = Symbol("nesting");
  let nextId = 1;
  let nestingLevel = 0;

  // Deno 2 returns node-compatible Timeout objects from setTimeout/setInterval. They convert to the
  // numeric id (clearTimeout, Deno.unrefTimer and arithmetic accept either), and the callback is called
  // as the object's _onTimeout method, which is how stack traces name it ("at Timeout._onTimeout").
  class Timeout {
    constructor(id, callback, delay, args, repeat, nesting) {
      this._idleTimeout = delay;
      this._onTimeout = callback;
      this._timerArgs = args;
      this._repeat = repeat;
      this._destroyed = false;
      Object.defineProperty(this, kNesting, { value: nesting, writable: true });
      this[kRefed] = true;
      this[kTimerId] = id;
    }

    ref() { setRef(this[kTimerId], true); return this; }
    unref() { setRef(this[kTimerId], false); return this; }
    hasRef() { return this[kRefed]; }
    close() { clear(this[kTimerId]); return this; }

    // Starts the delay again from now (node's timeout.refresh()).
    refresh() {
      if (!this._destroyed) op_timer_start(this[kTimerId], this._idleTimeout, this[kRefed]);
      return this;
    }

    [Symbol.toPrimitive]() { return this[kTimerId]; }
  }

  function schedule(callback, delay, args, repeat) {
    if (typeof callback !== "function") callback = Function(String(callback));  // HTML allows a string body
    delay = Number(delay);
    if (!(delay >= 0)) delay = 0;  // NaN and negatives become 0
    // HTML: "If nesting level is greater than 5, and timeout is less than 4, then set timeout to 4."
    if (nestingLevel > 5 && delay < 4) delay = 4;
    const id = nextId++;
    const timeout = new Timeout(id, callback, delay, args, repeat, nestingLevel + 1);
    timers.set(id, timeout);
    op_timer_start(id, delay, true);
    return timeout;
  }

  function destroy(timeout) {
    timers.delete(timeout[kTimerId]);
    timeout._idleTimeout = -1;
    timeout._onTimeout = null;
    timeout._destroyed = true;
  }

  function fire(id) {
    const timeout = timers.get(id);
    if (timeout === undefined) return;
    const nesting = timeout[kNesting];
    if (timeout._repeat) op_timer_start(id, Math.max(timeout._idleTimeout, nesting > 5 ? 4 : 0), timeout[kRefed]);
    const previous = nestingLevel;
    nestingLevel = nesting;
    try {
      if (timeout._repeat) {
        timeout._onTimeout(...timeout._timerArgs);
      } else {
        // As node: a timeout that fired is done, even while its callback runs. _onTimeout stays set: an
        // error's stack is formatted later, and V8 names the frame by finding the function on the receiver.
        timeout._destroyed = true;
        timers.delete(id);
        timeout._onTimeout(...timeout._timerArgs);
      }
    } finally {
      nestingLevel = previous;
    }
  }

  function clear(id) {
    const timeout = timers.get(Number(id));
    if (timeout === undefined) return;
    destroy(timeout);
    op_timer_cancel(timeout[kTimerId]);
  }

  function setRef(id, refed) {
    const timeout = timers.get(Number(id));
    if (timeout === undefined) return;
    timeout[kRefed] = refed;
    op_timer_ref(timeout[kTimerId], refed);
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
