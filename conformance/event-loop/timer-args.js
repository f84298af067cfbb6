// Extra setTimeout arguments are passed to the callback; a timer may schedule more timers.
setTimeout((x, y) => {
  console.log("args", x, y);
  setTimeout(() => console.log("nested timer"), 0);
  Promise.resolve().then(() => console.log("microtask before nested timer"));
}, 1, "one", 2);
