// Ambient declarations, generic calls and constraints, conditional and mapped types.
declare const injected: number | undefined;
declare function external(a: string): void;
declare global { interface Window { custom: string } }
declare module "virtual" { export const v: number; }
type Mapped<T> = { readonly [K in keyof T]?: T[K] };
type Cond<T> = T extends string ? "s" : T extends number ? "n" : never;
type Tpl = `pre-${string}`;
function pick<T extends object, K extends keyof T>(o: T, k: K): T[K] { return o[k]; }
const m = new Map<string, Array<number>>();
m.set("a", [1, 2]);
const p = pick<{ a: number }, "a">({ a: 5 }, "a");
const r = Promise.resolve<number>(3);
class Box<T = string> { constructor(readonly v: T) {} map<U>(f: (t: T) => U): Box<U> { return new Box<U>(f(this.v)); } }
const sum = (a: number, b: number): number => a + b;
const lt = p < 10, gt = p > (2);
console.log(m.get("a")?.length, p, new Box(2).map<string>((n) => "v" + n).v, sum(1, 2), lt, gt, typeof injected);
r.then((n: number) => console.log("async", n));
