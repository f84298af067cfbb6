import { a, readB } from "./cycle-a.js";
export const b = "b";
console.log("cycle-b evaluated, a is", (() => { try { return a; } catch (e) { return e.name; } })());
export function check() { return readB(); }
