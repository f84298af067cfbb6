// Probe: workloads/property.js with its two methods written out in the loop (the same property reads,
// writes and arithmetic, no calls); the difference to property.js is what the 300,000 calls cost.
class Point {
  constructor(x, y) { this.x = x; this.y = y; }
}
function run() {
  const pts = [];
  for (let i = 0; i < 100; i++) pts.push(new Point(i, i + 1));
  const acc = new Point(0, 0);
  let s = 0;
  for (let k = 0; k < 1500; k++) {
    for (let i = 0; i < pts.length; i++) {
      const p = pts[i];
      acc.x += p.x; acc.y += p.y;
      s += (p.x * p.x + p.y * p.y) - p.x;
    }
  }
  return acc.x + acc.y + s;
}
