// export * / export { default as } / export * as ns.
import { square, cube, ns } from "./lib/reexport.js";
import * as all from "./lib/reexport.js";
console.log(square(5), cube(2), ns.PI, "default" in all, Object.keys(all).join(","));
