// Probe: loop + a builtin method called on register operands (`s.charCodeAt(i)`, `a.push(x)`), 100,000 each.
function run() {
  const s = 'abcdefghij'.repeat(10);
  let sum = 0;
  let a = [];
  for (let i = 0; i < 100000; i++) {
    const k = i % 100;
    sum += s.charCodeAt(k);
    if (k === 0) a = [];
    a.push(k);
  }
  return sum + a.length;
}
