// Shape-stable property access: objects of one class read and written in a loop, with method calls
// that hit the prototype.
class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  add(o) { this.x += o.x; this.y += o.y; return this; }
  dot(o) { return this.x * o.x + this.y * o.y; }
}
function run() {
  const pts = [];
  for (let i = 0; i < 100; i++) pts.push(new Point(i, i + 1));
  const acc = new Point(0, 0);
  let s = 0;
  for (let k = 0; k < 1500; k++) {
    for (let i = 0; i < pts.length; i++) {
      const p = pts[i];
      acc.add(p);
      s += p.dot(p) - p.x;
    }
  }
  return acc.x + acc.y + s;
}
