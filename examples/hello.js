// dualrt run --engine v8 examples/hello.js
console.log("Hello from dualrt on", Deno.version.v8 ? `V8 ${Deno.version.v8}` : "the managed engine");
