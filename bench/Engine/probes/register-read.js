// Probe: property-read.js with the four reads from registers instead (its baseline).
function run() {
  const x = 1, y = 2;
  let sum = 0;
  for (let i = 0; i < 100000; i++) { sum += x; sum += y; sum += x; sum += y; }
  return sum;
}
