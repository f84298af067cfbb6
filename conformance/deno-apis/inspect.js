// Deno.inspect formats like console.log without printing.
console.log(JSON.stringify(Deno.inspect({ a: [1, "two"], b: { c: null } })));
console.log(JSON.stringify(Deno.inspect("top-level string")));
console.log(JSON.stringify(Deno.inspect(["nested string"])));
console.log(JSON.stringify(Deno.inspect(new Map([[1, 2]]))));
