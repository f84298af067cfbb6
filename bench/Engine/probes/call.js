// Probe: loop + one call of a one-line function per iteration (subtract loop.js for the call and return).
function id(i) { return i; }
function run() {
  let sum = 0;
  for (let i = 0; i < 100000; i++) sum += id(i);
  return sum;
}
