// The web-standard globals dualrt provides today.
for (const name of ["console", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "queueMicrotask", "globalThis", "Deno"]) {
  console.log(name, typeof globalThis[name]);
}
console.log("__core hidden:", typeof globalThis.__core);
