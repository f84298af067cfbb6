// How many microtask turns an await costs: a native promise or a plain value costs one turn, a
// thenable object more (NewPromiseResolveThenableJob), an async function returning a promise more still.
const log = [];
const ticker = (async () => { for (let i = 1; i <= 6; i++) { log.push(`tick ${i}`); await null; } })();
(async () => { await Promise.resolve(); log.push("awaited native promise"); })();
(async () => { await 42; log.push("awaited plain value"); })();
(async () => { await { then(resolve) { resolve("t"); } }; log.push("awaited thenable"); })();
(async () => { log.push("inner returned: " + (await (async () => Promise.resolve("p"))())); })();
await ticker;
console.log(log.join("\n"));
