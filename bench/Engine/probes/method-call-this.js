// Probe: method-call.js with a method that reads `this.x` and `o.x` (the shape of property.js's dot()).
class P { constructor() { this.x = 1; } m(o) { return this.x * o.x; } }
function run() {
  const p = new P();
  let sum = 0;
  for (let i = 0; i < 100000; i++) sum += p.m(p);
  return sum;
}
