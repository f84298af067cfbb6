// An uncaught error prints Deno's report (source line, caret, stack) and exits with 1.
console.log("before");
function inner() {
  throw new Error("boom");
}
function outer() {
  inner();
}
outer();
console.log("never printed");
