// Optional chaining, nullish coalescing, logical assignment, exponent, BigInt, numeric separators.
const o = { a: { b: null }, f() { return "called"; } };
console.log(o?.a?.b?.c, o.x?.y, o.f?.(), o.g?.());
console.log(null ?? "default", 0 ?? "zero stays", "" || "empty replaced");
let u; u ??= 5; let t = 1; t &&= 7; let z = 0; z ||= 9;
console.log(u, t, z);
console.log(2 ** 10, (-2) ** 3, 2 ** -1);
console.log(10n ** 20n, 7n / 2n, -7n % 3n, typeof 1n, BigInt.asUintN(8, 257n));
console.log(1_000_000, 0b1010, 0o17, 0xff, 1e21, 1e-7, 0.1 + 0.2);
console.log([1, 2, 3].at(-1), "abc".at(-2), Object.hasOwn({ k: 1 }, "k"));
console.log([1, [2, [3, [4]]]].flat(Infinity).join(), [5, 1, 10].sort().join(), [5, 1, 10].sort((a, b) => a - b).join());
