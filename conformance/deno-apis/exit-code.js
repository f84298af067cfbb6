// Deno.exit(n) ends the program at once with n; pending timers do not run.
console.log("exiting with 3");
setTimeout(() => console.log("never printed"), 0);
Deno.exit(3);
console.log("never printed either");
