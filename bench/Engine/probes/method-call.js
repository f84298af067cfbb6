// Probe: loop + one call of a one-line method found on the prototype (`p.m(p)`, CallMethodReg1) per iteration; subtract
// loop.js for the call and return. method-call-this.js adds two property reads inside the method.
class P { m(o) { return 1; } }
function run() {
  const p = new P();
  let sum = 0;
  for (let i = 0; i < 100000; i++) sum += p.m(p);
  return sum;
}
