// Strings: += in a loop, join, then slice/indexOf over the results.
function run() {
  let s = '';
  for (let i = 0; i < 20000; i++) s += 'ab' + (i % 10);
  const parts = [];
  for (let i = 0; i < 20000; i++) parts.push('x' + i);
  const joined = parts.join(',');
  let hits = 0;
  let pos = 0;
  while ((pos = joined.indexOf('x1', pos)) !== -1) { hits++; pos++; }
  let sliced = 0;
  for (let i = 0; i + 5 < s.length; i += 3) {
    const piece = s.slice(i, i + 5);
    if (piece.indexOf('a') === 0) sliced++;
  }
  return s.length + joined.length + hits + sliced;
}
