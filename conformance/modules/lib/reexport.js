export * from "./math.js";
export { default as cube } from "./math.js";
export * as ns from "./math.js";
console.log("reexport.js evaluated");
