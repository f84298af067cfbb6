// Keywords as identifiers in JS positions, abstract construct signatures, unique symbols, accessors.
const type = "t", namespace = "n", declare = "d", abstract = "a", readonly = 1;
console.log(type, namespace, declare, abstract, readonly);
let as = 1, satisfies = 2;
console.log(as + satisfies);
const sym: unique symbol = Symbol("s");
type Ctor = abstract new () => object;
interface Dict { [k: string]: number }
const d: Dict = { a: 1 };
class Temp {
  private _c = 0;
  get c(): number { return this._c; }
  set c(value: number) { this._c = value; }
  static #count: number = 0;
  static inc(): number { return ++Temp.#count; }
}
const t = new Temp();
t.c = 21;
console.log(t.c * 2, Temp.inc(), Temp.inc(), typeof sym, d.a);
let fnType: { (x: number): number; prop?: string } = (x) => x * 3;
console.log(fnType(2));
for (const [k, val] of Object.entries(d) as [string, number][]) console.log(k, val);
label: for (let i: number = 0; i < 3; i++) { if (i === 1) continue label; console.log("i", i); }
