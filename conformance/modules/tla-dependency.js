// A dependency with top-level await finishes before its importer's body runs.
console.log("main body (after dependency)");
import { ready } from "./lib/tla-dep.js";
console.log(ready);
