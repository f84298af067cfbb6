// A rejection handled within the same microtask checkpoint is not reported.
const p = Promise.reject(new Error("handled soon"));
queueMicrotask(() => p.catch((e) => console.log("caught:", e.message)));
