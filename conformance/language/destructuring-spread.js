// Destructuring with defaults, rest, nested patterns; spread in calls, arrays and objects.
const { a, b: { c = 5, ...restB } = {}, ...rest } = { a: 1, b: { d: 2, e: 3 }, f: 4, g: 5 };
console.log(a, c, JSON.stringify(restB), JSON.stringify(rest));
const [x, , y = 10, ...zs] = [1, 2, undefined, 4, 5];
console.log(x, y, zs.join("|"));
const merged = { ...{ p: 1, q: 2 }, q: 3, ...null, ...[9] };
console.log(JSON.stringify(merged));
console.log(Math.max(...[3, 7, 2], ...new Set([11])));
function f({ name = "anon", tags: [first, ...others] = [] } = {}) { return `${name}:${first}:${others.length}`; }
console.log(f(), f({ name: "n", tags: ["t1", "t2", "t3"] }));
let m = 1, n = 2;
[m, n] = [n, m];
console.log(m, n);
