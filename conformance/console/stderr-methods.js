// console.error and console.warn go to stderr; log, info and debug to stdout.
console.log("log to stdout");
console.error("error to stderr");
console.info("info to stdout");
console.warn("warn to stderr");
console.debug("debug to stdout");
console.error({ structured: [1, 2] });
