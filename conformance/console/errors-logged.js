// Errors printed by console.log show their stack; a cause is appended.
const e = new Error("logged error");
console.log(e.stack.split("\n")[0]);
console.log(String(new TypeError("as string")));
console.log({ message: "not an error", name: "Error" });
