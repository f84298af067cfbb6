import { b } from "./cycle-b.js";
export const a = "a";
export function readB() { return b; }
console.log("cycle-a evaluated, b =", b);
