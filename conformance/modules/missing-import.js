// A missing module fails loading before anything runs.
console.log("never printed");
import "./lib/nope.js";
