// Numeric, string, computed and const enums; reverse mapping.
enum Color { Red, Green = 5, Blue }
enum Dir { Up = "UP", Down = "DOWN" }
const enum Flags { None = 0, A = 1 << 0, B = 1 << 1, AB = A | B }
enum Mixed { X = 1, Y = X * 10, Z = "z".length }
enum Color { Purple = 20 }
console.log(Color.Red, Color.Green, Color.Blue, Color[5], Color.Purple);
console.log(Dir.Up, Dir.Down, Flags.AB, Flags.B);
console.log(Mixed.X, Mixed.Y, Mixed.Z, Mixed[10]);
export enum Exported { One = 1 }
console.log(Exported.One, Exported[1]);
