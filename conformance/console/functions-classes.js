// Functions, arrows, async functions, generators and classes.
function named() {}
const arrow = () => {};
async function asyncFn() {}
function* gen() {}
class Klass {}
class Sub extends Klass {}
console.log(named, arrow, asyncFn, gen);
console.log(Klass, Sub, class {});
console.log({ method() {}, arrow, fn: function () {} });
console.log(new Klass(), new Sub());
