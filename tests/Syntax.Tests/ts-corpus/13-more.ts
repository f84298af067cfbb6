// More everyday TypeScript: overloaded constructors, arrow properties, tagged templates with type args, type exports.
export type * from "./nonexistent-types.js";
import type json from "./also-nonexistent.json" with { type: "json" };
type Handler = (e: { type: string }) => void;
class Widget {
  private static instances: number = 0;
  readonly [key: string]: unknown;
  constructor(name: string);
  constructor(name: string, size?: number);
  constructor(private readonly name: string, public size: number = 1) { Widget.instances++; }
  onClick: Handler = (e): void => { console.log("click", this.name, e.type); };
  describe = <T,>(extra: T): string => `${this.name}:${this.size}:${String(extra)}`;
  abstractLike?(): void;
  static count(): number { return Widget.instances; }
}
const w = new Widget("w", 2);
w.onClick({ type: "mouse" });
function tag<T>(s: TemplateStringsArray, ...v: T[]): string { return s.raw.join("|") + v.length; }
console.log(w.describe<number>(5), Widget.count(), tag<number>`a${1}b${2}c`);
let maybeFn: (() => string) | null = () => "called";
console.log(maybeFn?.(), (maybeFn as unknown as () => string)());
const mapped = new Map<string, { n: number }[]>([["k", [{ n: 1 }]]]);
console.log(mapped.get("k")![0].n, [1, 2, 3].map<string>((n: number): string => `#${n}`).join());
declare module Legacy { const x: number; }
export declare const declared: string;
let declared2: typeof json | undefined;
const u = undefined as unknown as string | undefined;
console.log(u ?? "fallback", typeof declared);
