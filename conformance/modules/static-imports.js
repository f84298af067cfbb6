// Named, default and namespace imports; live bindings; a module evaluates once.
import cube, { PI, square, counter, increment } from "./lib/math.js";
import * as math from "./lib/math.js";
import "./lib/side-effect.js";
import "./lib/side-effect.js";
console.log(PI, square(4), cube(3));
console.log("counter before", counter);
increment();
console.log("counter after (live binding)", counter, math.counter);
console.log(Object.keys(math).join(","), math[Symbol.toStringTag]);
try { math.PI = 1; } catch (e) { console.log(e.name); }
