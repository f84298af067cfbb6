// Throwing a non-Error value.
console.log("throwing a string");
throw "just a string";
