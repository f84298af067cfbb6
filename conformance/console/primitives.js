// console.log of primitives at top level and nested.
console.log("string", 42, -0, 0, 1.5, NaN, Infinity, -Infinity, true, false, null, undefined);
console.log(123n, Symbol("s"), Symbol(), Symbol.iterator);
console.log(["str", 1, -0, null, undefined, 2n, true]);
console.log({ s: "quoted", n: 1, u: undefined, nul: null, b: false, sym: Symbol("x") });
console.log("");
console.log();
