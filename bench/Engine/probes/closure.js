// Probe: loop + a call that makes a function environment and an arrow closing over it (subtract call.js).
function make(i) { return () => i * 2; }
function run() {
  let sum = 0;
  for (let i = 0; i < 100000; i++) { const f = make(i); sum += 1; }
  return sum;
}
