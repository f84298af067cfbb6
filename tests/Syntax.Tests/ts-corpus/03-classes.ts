// Class members: modifiers, parameter properties, abstract, overloads, index signatures, implements.
interface Greeter { greet(): string }
abstract class Base<T> implements Greeter {
  protected abstract name: string;
  static readonly created: number = 0;
  [key: string]: unknown;
  constructor(public readonly id: number, private secret?: T) {}
  abstract kind(): string;
  greet(): string { return `${this.kind()}#${this.id}`; }
  reveal(): T | undefined { return this.secret; }
}
class Cat extends Base<string> {
  protected name = "cat";
  declare extra: number;
  private lives!: number;
  constructor(id: number, public owner: string) {
    super(id, "purr");
    this.lives = 9;
  }
  kind(): string { return this.name; }
  feed(food: string): string;
  feed(food: number): string;
  feed(food: string | number): string { return `${this.owner} feeds ${food}`; }
  get livesLeft(): number { return this.lives; }
  override greet(): string { return "meow " + super.greet(); }
  #hidden: string = "h";
  static make<U extends number>(n: U): Cat { return new Cat(n, "ann"); }
}
const c = Cat.make(3);
console.log(c.greet(), c.reveal(), c.feed("fish"), c.feed(2), c.livesLeft, c.owner, c.id, "extra" in c);
