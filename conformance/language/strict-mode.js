// Modules are strict: assigning to an undeclared name throws, `this` at function level is undefined.
try { undeclaredVariable = 1; } catch (e) { console.log(e.name, e.message); }
console.log(typeof this, (function () { return this; })());
try { Object.defineProperty({}, "x", { value: 1 }).x = 2; } catch (e) { console.log(e.name); }
try { delete Object.prototype; } catch (e) { console.log(e.name); }
console.log(typeof globalThis, globalThis === globalThis.globalThis);
