// Deno's (node's) inspect layout: 80-column breaking, at most 3 nested levels per line (counted from the
// innermost object formatted last), long arrays grouped into aligned columns, circular references.
console.log({ s: "quoted", n: 1, u: undefined, nul: null, b: false, sy: Symbol("x") });
console.log({ a: { b: { c: { d: { e: {} } } } } }, [[[[[[]]]]]]);
console.log(new Map([[1, { a: { b: { c: {} } } }]]));
console.log(Array.from({ length: 30 }, (_, i) => i));
console.log(Array.from({ length: 130 }, (_, i) => i * 1000));
console.log(["a", "bb", "ccc", "dddd", "e", "f", "g", "h"]);
console.log(Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i).repeat((i % 5) + 1)));
console.log([1.5, -2, 300, 4e21, 5, 6, 7, 8n], [undefined, null, true, false, 1, 2, 3, 4]);
console.log([[1, 2, [3, 4, [5, 6]]], { a: [1, 2, 3, 4, 5, 6, 7] }]);
console.log({ arr: Array.from({ length: 12 }, (_, i) => ({ i })) });
console.log(Array.from({ length: 7 }, () => "x".repeat(25)));
const big = {};
for (let i = 0; i < 10; i++) big["k" + i] = i;
console.log(big, new Set(["aaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbbb", "cccccccccccccccccccccccc"]));
const sparse = [1];
sparse[5] = 2;
sparse.length = 10;
console.log(sparse, [1, , 3], new Array(3));
console.log(["a\nb".repeat(5), { long: "line one\nline two\nline three\nline four\nline five\n" }]);
console.log(["it\"s", "a\"b'c", "tab\there\u0001"], { "a\"b": 1, "é": 2, _x1: 3, "": 4 });
console.log({ [Symbol("a b")]: 1, [Symbol()]: 2, [Symbol.iterator]: 3 });
class K {}
const k = new K();
k.self = k;
console.log([k, { k }]);
const m = new Map();
m.set("self", m);
const o1 = {};
const o2 = { o1 };
o1.o2 = o2;
o1.me = o1;
console.log(m, o1);
function f() {}
f.x = 1;
console.log(f, { f }, { get g() { return 1; }, set s(v) {}, get gs() { return 1; }, set gs(v) {} });
console.log(Deno.inspect({ a: { b: { c: { d: 1 } } } }, { depth: 1 }), Deno.inspect("multi\nline"));
// Errors (stacks set by hand, so every engine prints the same frames).
const err = new TypeError("bad");
err.stack = "TypeError: bad\n    at first (file:///x.js:1:1)\n    at second (file:///x.js:2:2)";
err.code = 5;
const bare = new Error("no frames");
bare.stack = "Error: no frames";
const caused = new Error("outer", { cause: bare });
caused.stack = "Error: outer\n    at outer (file:///x.js:3:3)";
console.log({ err }, [bare]);
console.log(caused);
