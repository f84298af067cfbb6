// An error thrown by a queueMicrotask callback is uncaught.
queueMicrotask(() => {
  throw new Error("microtask failure");
});
console.log("sync done");
