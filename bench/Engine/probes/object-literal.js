// Probe: loop + a three-property object literal per iteration (subtract loop.js).
function run() {
  let sum = 0;
  for (let i = 0; i < 100000; i++) { const o = { id: i, pair: 0, get: 0 }; sum += 1; }
  return sum;
}
