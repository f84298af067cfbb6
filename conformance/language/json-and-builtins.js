// JSON round trips, Map/Set/WeakMap, Symbols, Proxy and Reflect.
const data = { s: "x\u2028y", n: [1, 2.5, -0], nested: { t: true, nil: null }, skip: undefined, d: new Date(0) };
const text = JSON.stringify(data, null, 2);
console.log(text);
console.log(JSON.stringify(JSON.parse(text, (k, v) => (typeof v === "number" ? v * 2 : v))));
const m = new Map([[1, "one"], ["1", "string one"]]);
console.log(m.get(1), m.get("1"), m.size, [...m.keys()].map((k) => typeof k).join());
const s = new Set([3, 1, 3, 2]);
console.log([...s].join(), s.has(2));
const sym = Symbol("desc");
console.log(sym.toString(), sym.description, Symbol.for("k") === Symbol.for("k"));
const logged = [];
const proxy = new Proxy({}, { get: (t, k, r) => (logged.push(String(k)), Reflect.get(t, k, r) ?? `default:${String(k)}`) });
console.log(proxy.foo, logged.join());
console.log(Reflect.ownKeys({ b: 1, a: 2, 1: 3, [sym]: 4 }).map(String).join());
