// Probe: loop + a two-element array literal per iteration (subtract loop.js).
function run() {
  let sum = 0;
  for (let i = 0; i < 100000; i++) { const a = [i, i + 1]; sum += 1; }
  return sum;
}
