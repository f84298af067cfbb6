// The Deno namespace's basic shape: errors classes, version strings, build facts.
console.log(typeof Deno, typeof Deno.exit, typeof Deno.inspect, Array.isArray(Deno.args));
console.log(typeof Deno.version.deno, typeof Deno.version.v8, /^\d+\.\d+/.test(Deno.version.v8));
console.log(Deno.build.os, Deno.build.arch);
console.log(Deno.errors.NotFound.name, new Deno.errors.NotFound("x") instanceof Error, new Deno.errors.PermissionDenied("p").name);
console.log(["NotFound", "PermissionDenied", "AlreadyExists", "BadResource", "Interrupted"].every((n) => typeof Deno.errors[n] === "function"));
