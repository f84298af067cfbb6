// Probe: the bare counting loop every other probe sits in (100,000 iterations of `sum += i`).
function run() {
  let sum = 0;
  for (let i = 0; i < 100000; i++) sum += i;
  return sum;
}
