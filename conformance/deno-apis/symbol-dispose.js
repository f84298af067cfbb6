// Symbol.dispose/asyncDispose exist (Deno's V8 has them; dualrt defines them where the engine lacks
// them), and resources offer [Symbol.dispose] under its proper name.
const file = await Deno.open(import.meta.filename);
console.log(typeof Symbol.dispose, String(Symbol.dispose), typeof Symbol.asyncDispose, String(Symbol.asyncDispose));
console.log(file[Symbol.dispose].name, Object.getOwnPropertyNames(Object.getPrototypeOf(file)).includes("undefined"));
file[Symbol.dispose]();
const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
console.log(typeof listener[Symbol.dispose]);
listener[Symbol.dispose]();
