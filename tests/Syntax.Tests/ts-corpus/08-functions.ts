// this parameters, overloads, assertion functions, type guards, async and generators.
function isString(x: unknown): x is string { return typeof x === "string"; }
function assertDefined<T>(v: T | undefined): asserts v is T { if (v === undefined) throw new Error("undef"); }
function describe(this: { tag: string }, suffix: string): string { return this.tag + suffix; }
function over(a: string): string;
function over(a: number): number;
function over(a: any): any { return a; }
async function delay(ms: number): Promise<number> { return ms; }
function* gen(): Generator<number, void, unknown> { yield 1; yield 2; }
const arrowAsync = async <T,>(v: T): Promise<T> => v;
let v: string | undefined = "ok";
assertDefined(v);
console.log(isString(v), describe.call({ tag: "t" }, "!"), over("s"), over(2), [...gen()]);
delay(5).then(async (n) => console.log("delay", n, await arrowAsync("a")));
let definite!: number;
definite = 3;
const opt = (a?: number, b: number = 2) => (a ?? 0) + b;
console.log(definite, opt(), opt(1, 1));
