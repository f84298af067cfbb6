// Microtasks queued from microtasks all run before the next timer, however many there are.
let count = 0;
setTimeout(() => console.log("timer after", count, "microtasks"), 0);
function again() {
  if (++count < 1000) queueMicrotask(again);
}
queueMicrotask(again);
