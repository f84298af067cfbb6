// A rejection nobody handles ends the program with "Uncaught (in promise)".
console.log("start");
Promise.reject(new RangeError("nobody catches this"));
setTimeout(() => console.log("never printed"), 10);
