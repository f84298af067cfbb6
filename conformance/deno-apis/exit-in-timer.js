// Deno.exit() with no argument uses Deno.exitCode.
Deno.exitCode = 5;
setTimeout(() => {
  console.log("exiting from a timer");
  Deno.exit();
}, 1);
setTimeout(() => console.log("never printed"), 100);
