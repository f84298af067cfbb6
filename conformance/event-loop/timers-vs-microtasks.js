// A macrotask (timer) runs only after the whole microtask queue drains; microtasks queued by a
// timer callback run before the next timer.
const log = [];
setTimeout(() => {
  log.push("timeout 1");
  Promise.resolve().then(() => log.push("micro from timeout 1"));
  queueMicrotask(() => log.push("queueMicrotask from timeout 1"));
}, 0);
setTimeout(() => {
  log.push("timeout 2");
  console.log(log.join("\n"));
}, 0);
Promise.resolve().then(() => log.push("promise 1"));
queueMicrotask(() => log.push("microtask 1"));
Promise.resolve().then(() => log.push("promise 2"));
log.push("sync");
