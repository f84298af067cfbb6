// Deno.exitCode sets the code used when the program ends normally.
console.log("initial", Deno.exitCode);
Deno.exitCode = 7;
console.log("now", Deno.exitCode);
setTimeout(() => console.log("timer still runs"), 1);
