// Type-only imports and unused imports are elided; these modules do not exist.
import type { Nope } from "./does-not-exist.js";
import { type Alias, OnlyType } from "./also-missing.js";
import Default, { Unused } from "./missing-too.js";
export type { Nope as Re } from "./whatever.js";
export interface Shape { a: number }
const x: Nope | Alias | OnlyType | Default | Unused | null = null;
export { x };
export type Pair = [number, number];
console.log("imports elided", x);
