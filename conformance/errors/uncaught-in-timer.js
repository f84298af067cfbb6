// An error thrown in a timer callback ends the program; later timers do not run.
setTimeout(() => {
  throw new TypeError("from a timer");
}, 1);
setTimeout(() => console.log("never printed"), 50);
console.log("scheduled");
