// A cleared timer never fires; clearing twice or clearing unknown ids is harmless.
const a = setTimeout(() => console.log("a must not run"), 5);
const b = setTimeout(() => console.log("b runs"), 10);
clearTimeout(a);
clearTimeout(a);
clearTimeout(123456);
clearTimeout(undefined);
console.log(typeof a, typeof b, a !== b);
