// Event and EventTarget (WHATWG DOM §2), PromiseRejectionEvent (HTML §8.1.7.3), and the global object
// as an event target: load / beforeunload / unload and unhandledrejection, dispatched by the event loop
// through the "lifecycle" and "unhandledRejection" hooks.
"use strict";
((core) => {
  const NONE = 0, AT_TARGET = 2;

  class Event {
    #type; #bubbles; #cancelable; #composed; #canceled = false; #stop = false; #stopImmediate = false;
    #target = null; #currentTarget = null; #phase = NONE; #timeStamp; #dispatching = false;

    constructor(type, init = {}) {
      if (arguments.length === 0) throw new TypeError("Failed to construct 'Event': 1 argument required, but only 0 present.");
      this.#type = String(type);
      this.#bubbles = Boolean(init?.bubbles);
      this.#cancelable = Boolean(init?.cancelable);
      this.#composed = Boolean(init?.composed);
      this.#timeStamp = core.ops.op_timer_now();
    }
    get type() { return this.#type; }
    get target() { return this.#target; }
    get srcElement() { return this.#target; }
    get currentTarget() { return this.#currentTarget; }
    get eventPhase() { return this.#phase; }
    get bubbles() { return this.#bubbles; }
    get cancelable() { return this.#cancelable; }
    get composed() { return this.#composed; }
    get defaultPrevented() { return this.#canceled; }
    get returnValue() { return !this.#canceled; }
    get timeStamp() { return this.#timeStamp; }
    get isTrusted() { return false; }
    get cancelBubble() { return this.#stop; }
    set cancelBubble(value) { if (value) this.#stop = true; }
    composedPath() { return this.#dispatching && this.#target ? [this.#target] : []; }
    preventDefault() { if (this.#cancelable) this.#canceled = true; }
    stopPropagation() { this.#stop = true; }
    stopImmediatePropagation() { this.#stop = true; this.#stopImmediate = true; }

    // DOM §2.9 "dispatch", for a target without parents: only the AT_TARGET phase.
    static dispatch(event, target, listeners) {
      if (event.#dispatching) throw new DOMExceptionLike("The event is already being dispatched.", "InvalidStateError");
      event.#dispatching = true;
      event.#target = target;
      event.#currentTarget = target;
      event.#phase = AT_TARGET;
      try {
        for (const entry of [...listeners]) {
          if (entry.removed) continue;
          if (entry.once) entry.remove();
          try {
            const fn = typeof entry.callback === "function" ? entry.callback : entry.callback.handleEvent;
            if (typeof fn === "function") fn.call(typeof entry.callback === "function" ? target : entry.callback, event);
          } catch (error) {
            core.reportError(error);  // "report the exception": a listener's throw does not stop dispatch
          }
          if (event.#stopImmediate) break;
        }
      } finally {
        event.#dispatching = false;
        event.#currentTarget = null;
        event.#phase = NONE;
        event.#stop = event.#stopImmediate = false;
      }
      return !event.#canceled;
    }
  }
  for (const [name, value] of [["NONE", 0], ["CAPTURING_PHASE", 1], ["AT_TARGET", 2], ["BUBBLING_PHASE", 3]]) {
    Object.defineProperty(Event, name, { value, enumerable: true });
    Object.defineProperty(Event.prototype, name, { value, enumerable: true });
  }

  class DOMExceptionLike extends Error {
    constructor(message, name) { super(message); this.name = name; }
  }

  class EventTarget {
    #listeners = new Map();  // type -> [{ callback, capture, once, removed, remove }]

    addEventListener(type, callback, options) {
      if (callback === null || callback === undefined) return;
      const capture = typeof options === "boolean" ? options : Boolean(options?.capture);
      const once = typeof options === "object" && options !== null && Boolean(options.once);
      type = String(type);
      let list = this.#listeners.get(type);
      if (list === undefined) this.#listeners.set(type, (list = []));
      if (list.some((e) => e.callback === callback && e.capture === capture)) return;
      const entry = { callback, capture, once, removed: false };
      entry.remove = () => {
        entry.removed = true;
        const at = list.indexOf(entry);
        if (at >= 0) list.splice(at, 1);
      };
      list.push(entry);
      const signal = typeof options === "object" && options !== null ? options.signal : undefined;
      if (signal !== undefined) {
        if (signal.aborted) entry.remove();
        else signal.addEventListener?.("abort", () => entry.remove(), { once: true });
      }
    }

    removeEventListener(type, callback, options) {
      const capture = typeof options === "boolean" ? options : Boolean(options?.capture);
      const list = this.#listeners.get(String(type));
      const entry = list?.find((e) => e.callback === callback && e.capture === capture);
      entry?.remove();
    }

    dispatchEvent(event) {
      if (!(event instanceof Event)) throw new TypeError("Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type 'Event'.");
      return Event.dispatch(event, this, this.#listeners.get(event.type) ?? []);
    }
  }

  class PromiseRejectionEvent extends Event {
    #promise; #reason;
    constructor(type, init = {}) {
      super(type, init);
      this.#promise = init.promise;
      this.#reason = init.reason;
    }
    get promise() { return this.#promise; }
    get reason() { return this.#reason; }
  }

  class ErrorEvent extends Event {
    #message; #error;
    constructor(type, init = {}) {
      super(type, init);
      this.#message = init.message === undefined ? "" : String(init.message);
      this.#error = init.error;
    }
    get message() { return this.#message; }
    get error() { return this.#error; }
  }

  // The global object is an event target (Deno's Window): its listeners live in one hidden EventTarget.
  const globalTarget = new EventTarget();
  for (const name of ["addEventListener", "removeEventListener", "dispatchEvent"]) {
    Object.defineProperty(globalThis, name, {
      value: { [name](...args) { return globalTarget[name](...args); } }[name],
      writable: true, enumerable: true, configurable: true,
    });
  }
  const handlers = new Map();  // onload = fn style handlers
  for (const type of ["load", "beforeunload", "unload", "unhandledrejection", "rejectionhandled", "error"]) {
    Object.defineProperty(globalThis, "on" + type, {
      get: () => handlers.get(type) ?? null,
      set: (fn) => {
        const old = handlers.get(type);
        if (old) globalTarget.removeEventListener(type, old);
        if (typeof fn === "function") { handlers.set(type, fn); globalTarget.addEventListener(type, fn); }
        else handlers.delete(type);
      },
      enumerable: true, configurable: true,
    });
  }

  // A listener's exception: an "error" event first; if nobody prevents it, it is an uncaught error.
  core.reportError = (error) => {
    const event = new ErrorEvent("error", { cancelable: true, error, message: error?.message });
    if (globalTarget.dispatchEvent(event)) core.queueMicrotask(() => { throw error; });
  };

  // Returns true when a listener called preventDefault() (for beforeunload: keep running).
  core.setHook("lifecycle", (type) => !globalTarget.dispatchEvent(new Event(type, { cancelable: type === "beforeunload" })));
  // Returns true when the rejection was handled by a listener (preventDefault), so it is not an error.
  core.setHook("unhandledRejection", (promise, reason) =>
    !globalTarget.dispatchEvent(new PromiseRejectionEvent("unhandledrejection", { promise, reason, cancelable: true })));
  core.setHook("rejectionHandled", (promise, reason) => {
    globalTarget.dispatchEvent(new PromiseRejectionEvent("rejectionhandled", { promise, reason }));
  });

  const define = (name, value) =>
    Object.defineProperty(globalThis, name, { value, writable: true, enumerable: false, configurable: true });
  define("Event", Event);
  define("EventTarget", EventTarget);
  define("PromiseRejectionEvent", PromiseRejectionEvent);
  define("ErrorEvent", ErrorEvent);
  define("reportError", (error) => core.reportError(error));
  core.events = { Event, EventTarget };
})(globalThis.__core);
