// Bare specifiers mapped by the "imports" of the nearest deno.json (an exact entry and a prefix entry).
import { double } from "math";
import { shout } from "utils/strings.js";
console.log(double(21), shout("mapped"));
const dyn = await import("math");
console.log(dyn.double(5));
