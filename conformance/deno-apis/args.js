// Deno.args: the arguments after the script (args.args lists them, one per line).
console.log(Deno.args.length, JSON.stringify(Deno.args));
console.log(Object.isFrozen(Deno.args));
