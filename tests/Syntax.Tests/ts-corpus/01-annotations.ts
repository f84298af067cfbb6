// Type annotations, optional/default parameters, return types, unions, generics.
type Id = string | number;
interface Point { x: number; y: number; label?: string }
let count: number = 3;
const names: Array<string> = ["a", "b"];
function add(a: number, b: number = 2, c?: number): number {
  return a + b + (c ?? 0);
}
function first<T>(items: T[], fallback: T): T {
  return items.length > 0 ? items[0] : fallback;
}
const pt: Point = { x: 1, y: 2 };
let maybe: Id | undefined;
maybe = 5;
const fn: (a: number) => string = (a: number): string => `n=${a}`;
const generic = <T,>(x: T): T[] => [x, x];
console.log(add(1), add(1, 3), add(1, 3, 5), first<number>([], 9), first(names, "z"));
console.log(pt.x + pt.y, maybe, fn(count), generic<string>("q").join("+"));
const tuple: [string, number, ...boolean[]] = ["t", 1, true];
const obj: { readonly a: number; b?: { c: string[] } } = { a: 1 };
console.log(tuple.length, obj.a, obj.b?.c);
