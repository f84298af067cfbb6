// Generators, iterator protocol, return/throw, delegation with yield*.
function* inner() { const got = yield 1; console.log("inner got", got); yield 2; return "inner done"; }
function* outer() { const r = yield* inner(); console.log("delegate returned", r); try { yield 3; } finally { console.log("cleanup"); } }
const it = outer();
console.log(JSON.stringify(it.next()));
console.log(JSON.stringify(it.next("hello")));
console.log(JSON.stringify(it.next()));
console.log(JSON.stringify(it.return("early")));
console.log(JSON.stringify(it.next()));
const range = { from: 1, to: 4, *[Symbol.iterator]() { for (let i = this.from; i <= this.to; i++) yield i; } };
console.log([...range].join(), Array.from(range, (v) => v * v).join());
const fib = function* () { let [a, b] = [0, 1]; for (;;) { yield a; [a, b] = [b, a + b]; } };
const first = [];
for (const v of fib()) { if (v > 50) break; first.push(v); }
console.log(first.join(" "));
