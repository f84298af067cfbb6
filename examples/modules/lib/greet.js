import { add } from "./math.js";
export function greet(name) {
  return `Hello, ${name}! (${add(40, 2)})`;
}
