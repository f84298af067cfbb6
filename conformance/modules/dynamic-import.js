// import() returns a promise for the namespace; the same module instance is shared.
console.log("before import");
const ns = await import("./lib/math.js");
const { square } = await import("./lib/math.js");
console.log(typeof ns.default, ns.square === square, ns.PI);
const results = await Promise.allSettled([import("./lib/throws.js"), import("./lib/does-not-exist.js")]);
console.log(results.map((r) => r.status).join(","));
console.log(results[0].reason.name, results[0].reason.message);
console.log(results[1].reason.constructor.name);
