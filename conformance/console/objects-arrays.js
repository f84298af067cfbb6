// Objects, arrays, nesting, keys that need quotes, symbol keys, empty containers.
console.log({});
console.log([]);
console.log({ a: 1, b: { c: { d: { e: { f: 1 } } } } });
console.log([[1, [2, [3, [4, [5]]]]]]);
console.log({ "needs-quote": 1, valid_id: 2, $dollar: 3, "with space": 4, 5: "numeric" });
console.log({ [Symbol("key")]: "symbol-keyed" });
const arr = [1, 2, 3];
arr.extra = "prop";
console.log(arr);
console.log(Object.create(null));
const circular = { name: "loop" };
circular.self = circular;
console.log(circular);
