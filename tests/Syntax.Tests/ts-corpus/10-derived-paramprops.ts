// Parameter properties in derived classes are assigned after super().
class Animal { constructor(public name: string) { console.log("animal", name); } }
class Dog extends Animal {
  constructor(name: string, public breed: string, protected readonly age: number = 3) {
    console.log("before super");
    super(name);
    console.log("after super", this.breed, this.age);
  }
}
const dog = new Dog("rex", "lab");
console.log(dog.name, dog.breed);
export default class Exported<T> { constructor(private v: T) {} get(): T { return this.v; } }
console.log(new Exported<number>(4).get());
