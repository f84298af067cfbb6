// A rejection still unhandled when the microtask queue drains is reported, even though a timer
// would have handled it: the handler comes too late.
const p = Promise.reject(new Error("handled too late"));
setTimeout(() => {
  p.catch(() => console.log("never printed: the program has already failed"));
}, 0);
console.log("sync end");
