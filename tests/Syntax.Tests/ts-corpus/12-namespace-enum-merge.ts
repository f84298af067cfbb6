// Enums in namespaces, namespace merging across declarations, and class/namespace merging.
namespace NS {
  export enum Level { Low = 1, High = 10 }
  export const label = "ns";
  let counter = 0;
  export function bump(): number { return ++counter; }
}
namespace NS {
  export const second = Level === undefined ? 0 : NS.Level.High;
}
class Registry { static all: string[] = []; }
namespace Registry { export const version = 2; }
console.log(NS.Level.Low, NS.Level[10], NS.label, NS.bump(), NS.bump(), NS.second, Registry.version, Registry.all.length);
export namespace Outer.Inner { export const v = "inner"; }
console.log(Outer.Inner.v);
