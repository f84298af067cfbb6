// Promise job ordering: each .then callback is one job; a resolved thenable costs extra ticks.
const log = [];
const p = Promise.resolve();
p.then(() => { log.push("a1"); }).then(() => { log.push("a2"); }).then(() => { log.push("a3"); });
p.then(() => { log.push("b1"); }).then(() => { log.push("b2"); });
(async () => {
  log.push("async start");
  await null;
  log.push("async after 1 await");
  await null;
  log.push("async after 2 awaits");
})();
new Promise((resolve) => resolve(Promise.resolve("thenable"))).then((v) => log.push(v));
setTimeout(() => console.log(log.join(",")), 0);
