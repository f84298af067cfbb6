// Cyclic imports: evaluation order follows the DFS, TDZ applies before a binding is initialized.
import { a, readB } from "./lib/cycle-a.js";
import { check } from "./lib/cycle-b.js";
console.log(a, readB(), check());
