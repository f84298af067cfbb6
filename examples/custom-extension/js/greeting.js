// The JS side of the greeting extension: a global `greeting` object over its ops.
"use strict";
((core) => {
  const { op_greeting_greet, op_greeting_shout_async } = core.ops;
  globalThis.greeting = {
    greet: (name) => op_greeting_greet(String(name)),
    shout: (text) => op_greeting_shout_async(String(text)),
  };
})(globalThis.__core);
