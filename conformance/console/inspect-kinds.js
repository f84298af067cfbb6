// Deno.inspect of more kinds: class instances, boxed primitives, Symbol.toStringTag, weak collections,
// wide characters in grouped arrays, __proto__ keys, console.dir and Deno.inspect options.
class Point { constructor() { this.x = 1; this.y = 2; } get len() { return 3; } }
console.log(new Point(), [new Point(), new Point()]);
console.log(new Map([[{ a: 1 }, new Set([1])]]));
console.log(new Number(3), new String("ab"), new Boolean(false), Object(Symbol("s")), Object(1n));
console.log({ [Symbol.toStringTag]: "Tagged", a: 1 });
class T { get [Symbol.toStringTag]() { return "TT"; } }
console.log(new T());
console.log(new WeakMap(), new WeakSet());
console.log(["日本語", "中文字", "한국어", "a", "b", "c", "d"]);
console.log({ __proto__: null, b: 1 }, { ["__proto__"]: 1 });
console.log({ 2: "b", 1: "a", z: 1, [-1]: 0 });
console.log([Infinity, -Infinity, NaN, -0, 0, 1e-7, 123456789012345680000]);
console.dir({ a: { b: { c: { d: { e: { f: 1 } } } } } }, { depth: 0 });
console.log(Deno.inspect([1, 2, 3], { compact: false }), Deno.inspect({ a: [1, 2] }, { breakLength: 5 }));
console.log(Deno.inspect(Array.from({ length: 200 }, (_, i) => i), { iterableLimit: 5 }));
console.log(Deno.inspect({ b: 1, a: 2 }, { sorted: true }), Deno.inspect({ a: 1 }, { trailingComma: true }));
console.log(Object.assign(() => {}, { a: 1 }), Object.assign([1, 2], { [Symbol("s")]: 3 }));
console.log(new (class extends Array {})(1, 2), new (class Foo extends Map {})([[1, 2]]));
console.log([new Date(NaN)], { re: /a\/b/ });
console.log("%s|%s", { a: 1 }, [1, [2]]);
console.log({ a: "x".repeat(200) });
(function () { console.log(arguments); })(1, 2);
console.log([Symbol(""), Symbol("a.b"), Symbol("1a"), Symbol("$x"), Symbol("a-b"), Symbol("a\"b")], Symbol("a b"));
console.log({ [Symbol("a-b")]: 1, [Symbol("")]: 2 });
console.log(Array.from({ length: 8 }, (_, i) => ({ id: i, name: "item" + i })));
console.log({ data: { users: [{ name: "a", tags: ["x", "y"] }, { name: "b", tags: [] }] } });
console.log(Object.create({ inherited: 1 }), Object.create(Object.prototype, { hidden: { value: 1 }, shown: { value: 2, enumerable: true } }));
const longest = Deno.inspect(["x".repeat(20000)]);
console.log(JSON.stringify(longest.slice(-40)), JSON.stringify(Deno.inspect("a\n".repeat(6000)).slice(-60)));
