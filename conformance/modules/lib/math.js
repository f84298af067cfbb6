// Helper module (not a program: folders named lib hold imports only).
export const PI = 3.14159;
export function square(x) { return x * x; }
export default function cube(x) { return x * x * x; }
export let counter = 0;
export function increment() { counter++; }
console.log("math.js evaluated");
