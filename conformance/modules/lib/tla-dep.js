console.log("tla-dep start");
await new Promise((r) => setTimeout(r, 5));
export const ready = "tla-dep ready";
console.log("tla-dep end");
