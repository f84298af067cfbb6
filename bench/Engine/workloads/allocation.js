// Allocation-heavy: a small object, a small array and a closure per iteration, all short-lived.
function make(i) {
  return { id: i, pair: [i, i + 1], get: () => i * 2 };
}
function run() {
  let sum = 0;
  for (let i = 0; i < 100000; i++) {
    const o = make(i);
    sum += o.id + o.pair[1] + o.get();
  }
  return sum;
}
