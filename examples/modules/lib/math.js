export const add = (a, b) => a + b;
export const mean = (xs) => xs.reduce(add, 0) / xs.length;
