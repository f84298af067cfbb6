globalThis.sideEffects = (globalThis.sideEffects ?? 0) + 1;
console.log("side-effect.js evaluated", globalThis.sideEffects);
