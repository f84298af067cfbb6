// Three modules, a JSON module, top-level await and a dynamic import.
// Run: ./dualrt run examples/modules/main.js
import { add, mean } from "./lib/math.js";
import { greet } from "./lib/greet.js";
import config from "./config.json" with { type: "json" };

const numbers = await Promise.resolve([1, 2, 3, 4]);
console.log(greet(config.name));
console.log(`sum=${numbers.reduce(add, 0)} mean=${mean(numbers)}`);

const { shout } = await import("./lib/shout.js");
console.log(shout(`loaded ${import.meta.url.split("/").pop()} as main: ${import.meta.main}`));
