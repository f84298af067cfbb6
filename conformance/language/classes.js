// Classes: fields, private members, static blocks, accessors, inheritance, #x in obj.
class Animal {
  #name;
  static count = 0;
  static { Animal.kind = "animal"; }
  constructor(name) { this.#name = name; Animal.count++; }
  get name() { return this.#name; }
  speak() { return `${this.#name} makes a sound`; }
  static isAnimal(o) { return #name in o; }
}
class Dog extends Animal {
  speak() { return `${super.speak()} (woof)`; }
  toString() { return `Dog(${this.name})`; }
}
const d = new Dog("Rex");
console.log(d.speak());
console.log(String(d), Animal.count, Animal.kind);
console.log(Animal.isAnimal(d), Animal.isAnimal({}));
console.log(Object.getOwnPropertyNames(Dog.prototype).join(","));
try { Animal.prototype.speak.call({}); } catch (e) { console.log(e.constructor.name); }
