// Promise.all / allSettled / race / any settle in the documented order.
const delay = (ms, v, fail) => new Promise((res, rej) => setTimeout(() => (fail ? rej(new Error(v)) : res(v)), ms));
const all = await Promise.all([delay(20, "a"), delay(5, "b"), "c"]);
console.log("all", all);
const settled = await Promise.allSettled([delay(5, "ok"), delay(1, "no", true)]);
console.log("allSettled", settled.map((s) => s.status + ":" + (s.value ?? s.reason.message)).join(" "));
console.log("race", await Promise.race([delay(20, "slow"), delay(2, "fast")]));
console.log("any", await Promise.any([delay(1, "x", true), delay(5, "y")]));
try {
  await Promise.any([Promise.reject(new Error("e1")), Promise.reject(new Error("e2"))]);
} catch (e) {
  console.log(e.constructor.name, e.errors.map((x) => x.message));
}
