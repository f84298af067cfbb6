// A syntax error in the main module: nothing runs, exit code 1.
console.log("never printed");
const x = {;
