// Ambiguous and less common forms.
const f = async <T,>(x: T): Promise<T> => x;
const arr = [3, 1, 2];
for (const x of <number[]>arr) console.log("x", x);
function tup<const T extends readonly unknown[]>(...xs: T): T { return xs; }
type Named = [first: string, second?: number, ...rest: boolean[]];
const named: Named = ["a", 1, true];
const o = { a: { b: { c: 1 } } } as { a?: { b: { c: number } } };
console.log(o.a?.b!.c, tup(1, 2).length, named[0]);
const cond = Math.random() > 2;
const pickFn = cond ? (x: number): number => x * 2 : null;
const g = cond ? (arr) : o;
const h = cond ? (arr): any => 1 : (y: string) => y;
console.log(pickFn, Array.isArray(g), typeof h);
const obj = { a: 1, b: "x" };
type Keys = keyof typeof obj;
type Deep = { a: { b: string[] } }["a"]["b"][number];
const make = (): { a: number } => ({ a: 1 });
const state = ((init: string | null) => init)(null);
const cast = (obj as any as { a: number }[]);
console.log(make().a, state, Array.isArray(cast));
class Temp<T extends object = {}> { static { console.log("static block"); } protected constructor(readonly t?: T) {} static of() { return new Temp(); } }
console.log(Temp.of().t);
let a = 1, b = 2, c = 3;
console.log(a < b, b > c, a < b == true);
function isBox(this: unknown, v: unknown): v is { box: true } { return typeof v === "object"; }
console.log(isBox({}));
let u: undefined | (() => void) = undefined;
let fnArr: ((x: number) => string)[] = [(x) => String(x)];
let ctor: new (...args: any[]) => object = Object;
console.log(u, fnArr[0](5), typeof ctor);
enum E { A = -1, B = A + 2, C = "c" + "d", D = 1 << 3 | 1 }
console.log(E.A, E.B, E.C, E.D, E[-1]);
export abstract class Shape { abstract area(): number; describe() { return "shape"; } }
class Sq extends Shape { area() { return 4; } }
console.log(new Sq().area(), new Sq().describe());
declare namespace Ambient { const x: number; }
export declare function nothing(): void;
export default interface Def { x: number }
