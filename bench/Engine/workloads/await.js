// Await loops: an async function awaiting already-resolved values and promises in a loop.
async function value(i) {
  return i;
}
async function run() {
  let sum = 0;
  const one = Promise.resolve(1);
  for (let i = 0; i < 20000; i++) {
    sum += await i;
    sum += await value(i);
    sum += await one;
  }
  return sum;
}
