// Deno 2's setTimeout/setInterval return node-compatible Timeout objects: they convert to their id,
// clear by object or number, and have ref/unref/hasRef/refresh/close.
const a = setTimeout(() => console.log("a must not run"), 5);
console.log(a.constructor.name, typeof +a, `${+a}` === String(a[Symbol.toPrimitive]()));
console.log(a.hasRef(), a.unref() === a, a.hasRef(), a.ref() === a, a.hasRef());
clearTimeout(+a);  // by number

const b = setTimeout(() => console.log("b must not run"), 5);
b.close();         // node's close() clears it

let ticks = 0;
const i = setInterval(() => {
  ticks++;
  if (ticks === 3) {
    clearInterval(i);  // by object
    console.log("interval ticked", ticks, "times");
  }
}, 1);

const r = setTimeout(() => console.log("refreshed timer fired"), 20);
setTimeout(() => r.refresh(), 10);

const u = setTimeout(() => console.log("unref'd timer must not keep the program alive"), 200);
u.unref();
setTimeout((x, y) => console.log("arguments:", x, y), 2, "one", "two");
