// JSON modules with import attributes, statically and dynamically.
import data from "./lib/data.json" with { type: "json" };
console.log(data.name, data.list.length, data.nested.ok);
const again = await import("./lib/data.json", { with: { type: "json" } });
console.log(again.default === data, JSON.stringify(again.default.list));
