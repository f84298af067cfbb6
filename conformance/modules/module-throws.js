// An error thrown while evaluating an imported module is uncaught in the importer.
import { before } from "./lib/throws.js";
console.log("never printed", before);
