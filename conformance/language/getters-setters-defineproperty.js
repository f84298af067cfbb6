// Property descriptors, getters/setters, freezing, prototype chains.
const o = {};
Object.defineProperty(o, "hidden", { value: 1, enumerable: false });
Object.defineProperty(o, "computed", { get() { return this.hidden * 10; }, enumerable: true });
console.log(Object.keys(o).join(), o.computed, JSON.stringify(Object.getOwnPropertyDescriptor(o, "hidden")));
const frozen = Object.freeze({ x: 1, inner: { y: 2 } });
try { frozen.x = 99; } catch (e) { console.log(e.name); }
frozen.inner.y = 3;
console.log(frozen.x, frozen.inner.y, Object.isFrozen(frozen));
const proto = { greet() { return "hi from " + this.name; } };
const child = Object.create(proto, { name: { value: "child", enumerable: true } });
console.log(child.greet(), Object.getPrototypeOf(child) === proto, "greet" in child, Object.hasOwn(child, "greet"));
class Temp { #c = 0; set celsius(v) { this.#c = v; } get fahrenheit() { return this.#c * 9 / 5 + 32; } }
const t = new Temp(); t.celsius = 100;
console.log(t.fahrenheit);
