// let/const block scoping, closures in loops, TDZ, hoisting.
const fns = [];
for (let i = 0; i < 3; i++) fns.push(() => i);
console.log(fns.map((f) => f()).join());
var vfns = [];
for (var j = 0; j < 3; j++) vfns.push(() => j);
console.log(vfns.map((f) => f()).join());
try { tdz; let tdz = 1; } catch (e) { console.log(e.name, e.message); }
console.log(typeof hoisted, hoisted());
function hoisted() { return "hoisted works"; }
const counter = (() => { let n = 0; return { inc: () => ++n, get value() { return n; } }; })();
counter.inc(); counter.inc();
console.log("counter", counter.value);
{
  function blockFn() { return "block"; }
  console.log(blockFn());
}
