// Probe: loop + four cached property reads per iteration (subtract register-read.js for what a read costs more than a
// register), 100,000 iterations.
function run() {
  const o = { x: 1, y: 2 };
  let sum = 0;
  for (let i = 0; i < 100000; i++) { sum += o.x; sum += o.y; sum += o.x; sum += o.y; }
  return sum;
}
