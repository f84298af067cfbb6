// error.stack starts with "Name: message" and names the functions on the stack.
function alpha() { return new Error("where am I"); }
function beta() { return alpha(); }
const lines = beta().stack.split("\n");
console.log(lines[0]);
console.log(lines.slice(1).map((l) => l.trim().split(" ")[1]).join(","));
console.log(new TypeError("t").stack.split("\n")[0]);
