// Probe: the slice/indexOf phase of workloads/strings.js alone, five passes (100,000 of each builtin call).
function run() {
  let s = '';
  for (let i = 0; i < 20000; i++) s += 'ab' + (i % 10);
  let hits = 0;
  for (let k = 0; k < 5; k++) {
    for (let i = 0; i + 5 < s.length; i += 3) {
      const piece = s.slice(i, i + 5);
      if (piece.indexOf('a') === 0) hits++;
    }
  }
  return hits;
}
