// Top-level await suspends the module; timers and microtasks keep running meanwhile.
console.log("before await");
setTimeout(() => console.log("timer during await"), 0);
queueMicrotask(() => console.log("microtask during await"));
const value = await new Promise((resolve) => setTimeout(() => resolve(42), 10));
console.log("after await", value);
