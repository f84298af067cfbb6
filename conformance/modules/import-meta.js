// import.meta.url and import.meta.main for the main module and a dependency.
import { url, main } from "./lib/meta.js";
const rel = (u) => u.slice(u.indexOf("/modules/"));
console.log(rel(import.meta.url), import.meta.main);
console.log(rel(url), main);
console.log(rel(import.meta.resolve("./lib/math.js")));
