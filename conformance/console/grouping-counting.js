// group indentation, count, assert.
console.group("Group A");
console.log("inside A");
console.group();
console.log("nested\nmultiline");
console.groupEnd();
console.groupEnd();
console.log("outside");
console.count();
console.count();
console.count("label");
console.countReset();
console.count();
console.assert(true, "not printed");
console.assert(false, "assertion %s", "message");
console.assert(false);
