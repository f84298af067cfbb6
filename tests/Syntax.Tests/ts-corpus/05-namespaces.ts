// Namespaces with exported values, nested and dotted names, merging with functions.
namespace Geometry {
  export const PI2 = Math.PI * 2;
  export function circle(r: number): number { return PI2 * r; }
  export class Box { constructor(public w: number) {} }
  const hidden = 1;
  export namespace Inner { export const depth = hidden + 1; }
  export interface Shape { area(): number }
}
namespace A.B.C { export const deep = "abc"; }
namespace TypesOnly { export type T = number; }
function util() { return "fn"; }
namespace util { export const extra = 42; }
console.log(Geometry.circle(1).toFixed(2), new Geometry.Box(3).w, Geometry.Inner.depth, A.B.C.deep, util(), util.extra);
